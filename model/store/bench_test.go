package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bientap/model"
	"bientap/model/synth"
)

// The benchmarks share one archive of 100,000 generated records, built once
// per run (go test -bench . -run '^$' ./model/store/).
const benchRecords = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchDir  string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{benchDir, orderDir} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		// BIENTAP_BENCH_DB keeps the generated archive between runs.
		if benchPath = os.Getenv("BIENTAP_BENCH_DB"); benchPath != "" {
			if _, err := os.Stat(benchPath); err == nil {
				return
			}
		} else {
			benchDir, benchErr = os.MkdirTemp("", "bientap-bench-")
			if benchErr != nil {
				return
			}
			benchPath = filepath.Join(benchDir, "100k.db")
		}
		st, err := Open(benchPath)
		if err != nil {
			benchErr = err
			return
		}
		defer st.Close()
		recs := synth.Records(benchRecords, 1, 4)
		for i := 0; i < len(recs); i += 10_000 {
			if _, benchErr = st.Insert(recs[i : i+10_000]); benchErr != nil {
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	st, err := Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	// Measure the steady state, not beside the open-time quick_check.
	if err := st.Check(); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkQuickCheck100k is the open-time integrity check, which runs in
// the background after Open returns.
func BenchmarkQuickCheck100k(b *testing.B) {
	st := benchStore(b)
	for i := 0; i < b.N; i++ {
		if res, err := runQuickCheck(context.Background(), st.db); err != nil || res != "ok" {
			b.Fatal(res, err)
		}
	}
}

// BenchmarkOpen100k opens (with quick_check) and closes the 100k archive.
func BenchmarkOpen100k(b *testing.B) {
	benchStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := Open(benchPath)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// BenchmarkListFirstPage100k is the window's first view: the newest 50.
func BenchmarkListFirstPage100k(b *testing.B) {
	st := benchStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := st.List(Query{Limit: 50})
		if err != nil || len(items) != 50 {
			b.Fatal(len(items), err)
		}
	}
}

// BenchmarkListDeepPage100k is a page near the end of the list (scrolling
// far down), unfiltered and filtered by kind.
func BenchmarkListDeepPage100k(b *testing.B) {
	st := benchStore(b)
	for name, q := range map[string]Query{"all": {Offset: 90_000, Limit: 100},
		"kind": {Kinds: []model.Kind{model.KindNews}, Offset: 50_000, Limit: 100}} {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if items, err := st.List(q); err != nil || len(items) != 100 {
					b.Fatal(len(items), err)
				}
			}
		})
	}
}

// BenchmarkListCount100k is the number of records shown beside the list,
// unfiltered and filtered by year and kind.
func BenchmarkListCount100k(b *testing.B) {
	st := benchStore(b)
	for name, q := range map[string]Query{"all": {}, "year": {Year: 2024}, "kind": {Kinds: []model.Kind{model.KindNews}}} {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := st.Count(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchQueries are two-word unaccented searches of different frequency,
// and one the clerk is still typing (prefix).
var benchQueries = []string{"nong thon", "thi dua", "muong te", "chu ky", "sat lo", "phong ch"}

// BenchmarkSearchTwoWords100k is the first page of 50 ranked results, with
// snippets, of a two-word unaccented search.
func BenchmarkSearchTwoWords100k(b *testing.B) {
	st := benchStore(b)
	for _, q := range benchQueries {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			n, _ := st.Count(Query{Text: q})
			b.ReportMetric(float64(n), "matches")
			for i := 0; i < b.N; i++ {
				items, err := st.List(Query{Text: q, Limit: 50})
				if err != nil || len(items) == 0 {
					b.Fatal(len(items), err)
				}
			}
		})
	}
}

// BenchmarkSearchFirstPage100k is the window's first page of a search (100
// rows with snippets and marks) for the broadest queries: every record,
// nine in ten, and a last word of two letters still being typed (its
// prefix has no index of its own in the body).
func BenchmarkSearchFirstPage100k(b *testing.B) {
	st := benchStore(b)
	for _, q := range []string{"tinh", "ubnd", "nhiem vu", "phong trao thi dua"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if items, err := st.List(Query{Text: q, Limit: 100}); err != nil || len(items) != 100 {
					b.Fatal(len(items), err)
				}
			}
			n, _ := st.Count(Query{Text: q})
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkSearchAll100k reads every match of a search as the command line
// prints it (Each), broad and narrow; the command itself, side by side with
// a LIKE scan, is BenchmarkSearchAll100k in ui/cli.
func BenchmarkSearchAll100k(b *testing.B) {
	st := benchStore(b)
	for _, q := range []string{"tinh", "phong trao thi dua", "phong trao thi dua nam nhun"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				if err := st.Each(Query{Text: q}, func(Item) error { n++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkSearchCount100k is the count of matches shown beside the list.
func BenchmarkSearchCount100k(b *testing.B) {
	st := benchStore(b)
	for _, q := range benchQueries {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := st.Count(Query{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLikeScan100k is the naive alternative: LIKE '%…%' over title,
// summary and body, newest first. It needs the accented spelling ("nông
// thôn") to find anything, and scans every row for the count.
func BenchmarkLikeScan100k(b *testing.B) {
	st := benchStore(b)
	for _, q := range []string{"nông thôn", "nong thon"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				pat := "%" + q + "%"
				rows, err := st.db.Query(`SELECT id, title FROM records WHERE title LIKE ?1 OR summary LIKE ?1
					OR body LIKE ?1 ORDER BY date DESC, id DESC LIMIT 50`, pat)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
				st.db.QueryRow(`SELECT count(*) FROM records WHERE title LIKE ?1 OR summary LIKE ?1 OR body LIKE ?1`, pat).Scan(&n)
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkInsert measures bulk import: records per second through Insert
// (one transaction per 5,000 records, with revisions and search index).
func BenchmarkInsert(b *testing.B) {
	recs := synth.Records(5000, 7, 4)
	st, err := Open(filepath.Join(b.TempDir(), "ins.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.Insert(recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
}
