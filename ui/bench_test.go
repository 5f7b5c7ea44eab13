package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bientap/model/store"
	"bientap/model/synth"
)

// The startup benchmarks share one archive of 100,000 generated records,
// built once per run with store.Insert in batches:
//
//	go test -run '^$' -bench Startup100k -benchtime 5x ./ui/
const benchRecords = 100_000

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func bigArchive(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		// BIENTAP_BENCH_DB keeps the generated archive between runs (the
		// same variable as model/store's benchmarks).
		if benchPath = os.Getenv("BIENTAP_BENCH_DB"); benchPath != "" {
			if _, err := os.Stat(benchPath); err == nil {
				return
			}
		}
		start := time.Now()
		benchDir, benchErr = os.MkdirTemp("", "bientap-ui-bench-")
		if benchErr != nil {
			return
		}
		if benchPath == "" {
			benchPath = filepath.Join(benchDir, "100k.db")
		}
		st, err := store.Open(benchPath)
		if err != nil {
			benchErr = err
			return
		}
		defer st.Close()
		recs := synth.Records(benchRecords, 1, 4)
		for i := 0; i < len(recs); i += 10_000 {
			if _, benchErr = st.Insert(recs[i:min(i+10_000, len(recs))]); benchErr != nil {
				return
			}
		}
		fi, _ := os.Stat(benchPath)
		fmt.Fprintf(os.Stderr, "built %d records (%d MB) in %v\n", benchRecords, fi.Size()>>20, time.Since(start).Round(time.Second))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// BenchmarkStartup100k measures opening a 100,000-record archive and
// building the main window until it shows the list's first page and its
// count, on the test driver, with the app's threading (goroutines handing
// results back; the open-time integrity check runs beside, as in the app).
func BenchmarkStartup100k(b *testing.B) {
	path := bigArchive(b)
	a := test.NewTempApp(b)
	a.Preferences().SetBool(prefFirstRun+path, true)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s := newLockedSched()
		s.mu.Lock()
		u := loadUI(a, st, testConfig(b, st), s)
		u.win.Resize(fyne.NewSize(1280, 800))
		s.mu.Unlock()
		waitFor(b, s, "the first page and the count", func() bool {
			return u.list.total == benchRecords && u.list.count.Text == "100.000 bản ghi"
		})
		b.StopTimer()
		s.idle(b) // the integrity check and the facets
		st.Close()
		s.mu.Lock()
		u.win.Close()
		s.mu.Unlock()
		b.StartTimer()
	}
}

// BenchmarkOpenRecord100k measures opening a record from the list (store
// read, form fill, body editor).
func BenchmarkOpenRecord100k(b *testing.B) {
	path := bigArchive(b)
	a := test.NewTempApp(b)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a.Preferences().SetBool(prefFirstRun+path, true)
	u := loadUI(a, st, testConfig(b, st), &syncSched{})
	u.win.Resize(fyne.NewSize(1280, 800))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.list.list.Select(i % listPage)
	}
}

// BenchmarkListJump100k measures scrolling the list to far rows: each jump
// lands on a page not loaded yet, which is fetched (inline here).
func BenchmarkListJump100k(b *testing.B) {
	path := bigArchive(b)
	a := test.NewTempApp(b)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a.Preferences().SetBool(prefFirstRun+path, true)
	u := loadUI(a, st, testConfig(b, st), &syncSched{})
	u.win.Resize(fyne.NewSize(1280, 800))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		row := (i*7919*listPage + 4321) % benchRecords
		u.list.list.ScrollTo(row)
		if _, ok := u.list.itemAt(row); !ok {
			b.Fatalf("row %d not loaded after the jump", row)
		}
	}
}

// BenchmarkSearch100k measures a search typed in the box (count and first
// page of a diacritic-insensitive query).
func BenchmarkSearch100k(b *testing.B) {
	path := bigArchive(b)
	a := test.NewTempApp(b)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a.Preferences().SetBool(prefFirstRun+path, true)
	u := loadUI(a, st, testConfig(b, st), &syncSched{})
	words := []string{"chuyen doi so", "phong chong thien tai", "nong thon moi", "du lich cong dong"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.list.search.SetText(words[i%len(words)])
		u.list.reload()
		if u.list.total == 0 {
			b.Fatalf("no match for %q", words[i%len(words)])
		}
	}
}

// emptyArchive is a new archive in a temporary folder.
func emptyArchive(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "empty.db")
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	return path
}

// BenchmarkStartupEmpty is BenchmarkStartup100k on an empty archive (the
// welcome panel), with the same threading (the integrity check runs
// beside): run together (-bench Startup) they give the window start's
// growth with the archive, here without GPU drawing; the real window under
// Xvfb is timed by scripts/measure-window.
func BenchmarkStartupEmpty(b *testing.B) {
	path := emptyArchive(b)
	a := test.NewTempApp(b)
	a.Preferences().SetBool(prefFirstRun+path, true)
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s := newLockedSched()
		s.mu.Lock()
		u := loadUI(a, st, testConfig(b, st), s)
		u.win.Resize(fyne.NewSize(1280, 800))
		if !u.welcome.Visible() || u.main.Visible() {
			b.Fatal("the empty archive should open on the welcome panel")
		}
		s.mu.Unlock()
		b.StopTimer()
		s.idle(b) // the integrity check and the facets
		st.Close()
		s.mu.Lock()
		u.win.Close()
		s.mu.Unlock()
		b.StartTimer()
	}
}

// firstPageSched is the synchronous scheduler noting when the first answer
// of a query has been put on the list (before the count follows).
type firstPageSched struct {
	syncSched
	shown time.Time
}

func (s *firstPageSched) Do(f func()) {
	f()
	if s.shown.IsZero() {
		s.shown = time.Now()
	}
}

// BenchmarkSearchFirstPage100k is the time from the end of the search
// box's debounce to the first page of results on the list (rows updated,
// without GPU drawing) for broad queries; the count follows it. The goal is
// 100 ms whatever the number of matches.
func BenchmarkSearchFirstPage100k(b *testing.B) {
	path := bigArchive(b)
	a := test.NewTempApp(b)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a.Preferences().SetBool(prefFirstRun+path, true)
	s := &firstPageSched{}
	u := loadUI(a, st, testConfig(b, st), s)
	u.win.Resize(fyne.NewSize(1280, 800))
	for _, q := range []string{"tinh", "nhiem vu", "phong trao thi dua", "open/nhiem vu"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			// "open/…": with a record open whose row is on the first page
			// (its row is selected again), as scripts/measure-window does.
			q, open := strings.CutPrefix(q, "open/")
			if open {
				u.list.search.SetText(q)
				u.list.reload()
				u.list.list.Select(1)
			}
			var first time.Duration
			for b.Loop() {
				u.list.search.SetText("")
				u.list.reload()
				u.list.search.SetText(q)
				s.shown = time.Time{}
				start := time.Now()
				u.list.reload()
				first += s.shown.Sub(start)
				if u.list.total < 100 {
					b.Fatalf("%q: %d rows", q, u.list.total)
				}
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-page-ms")
		})
	}
}

// BenchmarkMemory100k weighs the window's Go heap with the 100,000-record
// archive after use: built, scrolled to the last row, that record opened,
// "nhiem vu" searched and the search cleared, then collected. live-MB is
// what stays; BenchmarkMemoryEmpty is the same window on an empty archive
// (the welcome panel). Each in a process of its own (-bench 'Memory100k$',
// then -bench 'MemoryEmpty$': in one process the first one's windows are
// still partly reachable when the second weighs), they give the growth
// with the archive on the Go side; the real window's resident memory, with
// the GL driver's and SQLite's C heap, is weighed by scripts/measure-window.
func BenchmarkMemory100k(b *testing.B) { benchMemory(b, bigArchive(b), true) }

// BenchmarkMemoryEmpty: see BenchmarkMemory100k.
func BenchmarkMemoryEmpty(b *testing.B) { benchMemory(b, emptyArchive(b), false) }

func benchMemory(b *testing.B, path string, use bool) {
	a := test.NewTempApp(b)
	a.Preferences().SetBool(prefFirstRun+path, true)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	u := loadUI(a, st, testConfig(b, st), &syncSched{})
	u.win.Resize(fyne.NewSize(1280, 800))
	for b.Loop() {
		if !use {
			continue
		}
		last := u.list.total - 1
		u.list.list.ScrollTo(last) // fetches the last page
		u.list.list.Select(last)   // opens its record
		if u.editor.rec == nil {
			b.Fatal("the last record did not open")
		}
		u.list.search.SetText("nhiem vu")
		u.list.reload()
		u.list.search.SetText("")
		u.list.reload()
	}
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	b.ReportMetric(float64(live[0].Value.Uint64())/(1<<20), "live-MB")
}
