package store

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"bientap/model"
	"bientap/model/synth"
)

// TestMakeBigJSONL writes the JSON Lines export of a 100,000-record archive
// (model/synth) to $BIENTAP_BIG_JSONL, for measuring the import's memory:
//
//	BIENTAP_BIG_JSONL=/tmp/big.jsonl go test -run TestMakeBigJSONL ./model/store/
//	/usr/bin/time -v bientap --db /tmp/x.db import -q /tmp/big.jsonl
func TestMakeBigJSONL(t *testing.T) {
	out := os.Getenv("BIENTAP_BIG_JSONL")
	if out == "" {
		t.Skip("set BIENTAP_BIG_JSONL to write the file")
	}
	st, err := Open(filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for seed := range uint64(20) {
		if _, err := st.Insert(synth.Records(5000, seed+1, 4)); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, err := st.ExportJSONL(ctx, w, nil)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	st2, _ := os.Stat(out)
	t.Logf("%d records, %d MB", n, st2.Size()>>20)
}

// BenchmarkImportJSONL measures the streaming JSON Lines import: records
// per second for 5,000 generated records (about 15 MB) into a new archive
// each time, all in one transaction with the duplicate checks. Its memory
// is measured on the command line (see TestMakeBigJSONL).
func BenchmarkImportJSONL(b *testing.B) {
	var buf bytes.Buffer
	for _, r := range synth.Records(5000, 7, 4) {
		line, err := model.MarshalRecordJSON(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("imp%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := st.ImportJSONL(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{})
		if err != nil || len(res.Created) != 5000 {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(5000*b.N)/b.Elapsed().Seconds(), "records/s")
}
