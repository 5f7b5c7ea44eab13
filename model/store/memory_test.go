package store

import (
	"fmt"
	"strings"
	"testing"

	"bientap/model"
)

// TestReleaseMemory fills the page caches of two pooled connections with
// a broad search and its count over a few thousand records, then checks
// that ReleaseMemory hands most of it back and that the archive still
// answers. It does not run in parallel: MemoryUsed counts the whole
// process.
func TestReleaseMemory(t *testing.T) {
	st := openTemp(t)
	body := strings.Repeat("Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai nhiệm vụ trọng tâm. ", 40)
	var recs []*model.Record
	for i := range 3000 {
		recs = append(recs, &model.Record{Kind: model.KindNews, Title: fmt.Sprintf("Tin số %d về nhiệm vụ của tỉnh", i),
			Body: fmt.Sprintf("%s (%d)", body, i), Date: day(2026, 1+i%12, 1+i%28)})
	}
	if _, err := st.Insert(recs); err != nil {
		t.Fatal(err)
	}
	// Two connections at once, as the window's page and count run.
	held, err := st.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var total int
	if err := held.QueryRowContext(ctx, "SELECT sum(length(body)) FROM records").Scan(&total); err != nil {
		t.Fatal(err)
	}
	if n, err := st.Count(Query{Text: "nhiem vu"}); err != nil || n != len(recs) {
		t.Fatalf("count = %d, %v", n, err)
	}
	held.Close()
	if idle := st.db.Stats().Idle; idle < 2 {
		t.Fatalf("%d idle connections, want 2", idle)
	}
	before := MemoryUsed()
	st.ReleaseMemory()
	after := MemoryUsed()
	t.Logf("SQLite memory: %.1f MB before, %.1f MB after", float64(before)/(1<<20), float64(after)/(1<<20))
	if before-after < 2<<20 {
		t.Errorf("ReleaseMemory handed back %d bytes of %d, want the two page caches (over 2 MB)", before-after, before)
	}
	if st.db.Stats().OpenConnections < 2 {
		t.Errorf("connections were closed: %+v", st.db.Stats())
	}
	items, err := st.List(Query{Text: "nhiem vu", Limit: 5})
	if err != nil || len(items) != 5 {
		t.Fatalf("search after release: %d items, %v", len(items), err)
	}
}
