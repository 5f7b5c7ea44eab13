package docx

import (
	"io"
	"testing"

	"bientap/export/internal/samples"
)

// BenchmarkDocxPlan writes the plan sample (five pages in its PDF, with a
// table and a picture) as a Word file, from the record to the zip.
func BenchmarkDocxPlan(b *testing.B) {
	r := samples.KeHoach()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(io.Discard, r, Options{Document: true}); err != nil {
			b.Fatal(err)
		}
	}
}
