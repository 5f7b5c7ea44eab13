package officesync

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/office/pgtest"
	"bientap/model/store"
	"bientap/model/synth"
)

// The benchmarks run on their own PostgreSQL cluster with fsync on (the
// tests' cluster has it off for speed), over a Unix socket.
var (
	benchOnce    sync.Once
	benchCluster *pgtest.Cluster
	benchErr     error
)

func durableCluster(b *testing.B) *pgtest.Cluster {
	b.Helper()
	cluster.Need(b)
	benchOnce.Do(func() { benchCluster, benchErr = pgtest.Start(pgtest.Options{Durable: true}) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchCluster
}

// benchArchive is an office archive of n generated records, pushed there by
// the owner's desk (its push time is reported once).
type benchArchive struct {
	db   string
	cl   *pgtest.Cluster
	n    int
	push time.Duration
}

var (
	archives   = map[int]*benchArchive{}
	archivesMu sync.Mutex
)

func seededArchive(b *testing.B, n int) *benchArchive {
	b.Helper()
	archivesMu.Lock()
	defer archivesMu.Unlock()
	if a := archives[n]; a != nil {
		return a
	}
	cl := durableCluster(b)
	db, err := cl.NewDB()
	if err != nil {
		b.Fatal(err)
	}
	super, _ := office.ParseURL(cl.SuperURL(db))
	if _, err := office.Init(context.Background(), super); err != nil {
		b.Fatal(err)
	}
	users := map[string]office.Role{"clerk1": office.RoleDrafter, "clerk2": office.RoleDrafter}
	for i := 0; i < 10; i++ {
		users[fmt.Sprintf("vt%d", i)] = office.RoleRegistrar
	}
	for name, role := range users {
		if err := office.AddUser(context.Background(), super, name, role, testPassword); err != nil {
			b.Fatal(err)
		}
	}
	// The office's old archive, on the IT account's desk, goes up with its join.
	seed, err := store.Open(filepath.Join(b.TempDir(), "seed.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer seed.Close()
	recs := synth.Records(n, 1, 4)
	renumber(recs)
	for i := 0; i < len(recs); i += 10_000 {
		if _, err := seed.Insert(recs[i:min(i+10_000, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	recs = nil
	d := &Desk{Store: seed}
	start := time.Now()
	if sum, _, err := d.Join(context.Background(), super); err != nil || sum.Pushed != n {
		b.Fatalf("seeding: %+v %v", sum, err)
	}
	d.Close()
	a := &benchArchive{db: db, cl: cl, n: n, push: time.Since(start)}
	archives[n] = a
	return a
}

// renumber gives the generated documents unique numbers per (year, ký
// hiệu), as a real register has (the generator draws them at random).
func renumber(recs []*model.Record) {
	next := map[string]int{}
	for _, r := range recs {
		if r.Number == "" {
			continue
		}
		k := fmt.Sprint(r.Date.Year(), r.Sign)
		next[k]++
		r.Number = fmt.Sprintf("%02d", next[k])
	}
}

func (a *benchArchive) cfg(b *testing.B, user string) office.Config {
	c, err := office.ParseURL(a.cl.URL(user, testPassword, a.db))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func benchDesk(b *testing.B, name string) *Desk {
	st, err := store.Open(filepath.Join(b.TempDir(), name+".db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	d := &Desk{Store: st}
	b.Cleanup(d.Close)
	return d
}

// BenchmarkFirstJoin100k: a new desk joins an office archive of 100,000
// records and pulls them all (goal: under 60 s).
func BenchmarkFirstJoin100k(b *testing.B) {
	a := seededArchive(b, 100_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := benchDesk(b, fmt.Sprint("join", i))
		b.StartTimer()
		sum, _, err := d.Join(context.Background(), a.cfg(b, "clerk1"))
		if err != nil || sum.Pulled != a.n {
			b.Fatalf("%+v %v", sum, err)
		}
	}
	b.ReportMetric(float64(a.n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	// The seeding desk's join pushed the same records up: also worth knowing.
	b.ReportMetric(a.push.Seconds(), "s-push-100k")
}

// BenchmarkFirstJoin10k is the same on 10,000 records (quicker to compare
// changes).
func BenchmarkFirstJoin10k(b *testing.B) {
	a := seededArchive(b, 10_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := benchDesk(b, fmt.Sprint("join", i))
		b.StartTimer()
		if sum, _, err := d.Join(context.Background(), a.cfg(b, "clerk1")); err != nil || sum.Pulled != a.n {
			b.Fatalf("%+v %v", sum, err)
		}
	}
	b.ReportMetric(float64(a.n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkIncrementalSync100: a desk changes 100 records and syncs (push),
// another desk then syncs (pull), on an archive of 10,000 records (goal:
// under 1 s each).
func BenchmarkIncrementalSync100(b *testing.B) {
	a := seededArchive(b, 10_000)
	writer, reader := benchDesk(b, "writer"), benchDesk(b, "reader")
	if _, _, err := writer.Join(context.Background(), a.cfg(b, "clerk1")); err != nil {
		b.Fatal(err)
	}
	if _, _, err := reader.Join(context.Background(), a.cfg(b, "clerk2")); err != nil {
		b.Fatal(err)
	}
	items, err := writer.Store.List(store.Query{Statuses: []model.Status{model.StatusDraft}, Limit: 100})
	if err != nil || len(items) != 100 {
		b.Fatal(len(items), err)
	}
	var push, pull time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for _, it := range items {
			r, _ := writer.Store.Get(it.ID)
			r.Body += fmt.Sprintf("\nBổ sung lần %d.", i)
			if err := writer.Store.Save(r); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		t0 := time.Now()
		sum, err := writer.Sync(context.Background())
		if err != nil || sum.Pushed != 100 {
			b.Fatalf("push %+v %v", sum, err)
		}
		t1 := time.Now()
		sum, err = reader.Sync(context.Background())
		if err != nil || sum.Pulled != 100 {
			b.Fatalf("pull %+v %v", sum, err)
		}
		push += t1.Sub(t0)
		pull += time.Since(t1)
	}
	b.ReportMetric(push.Seconds()/float64(b.N), "s-push")
	b.ReportMetric(pull.Seconds()/float64(b.N), "s-pull")
}

// BenchmarkNumbers10Desks: ten văn thư desks take numbers at once, each
// through the desk (server transaction, then the numbered record applied
// here); reports numbers per second.
func BenchmarkNumbers10Desks(b *testing.B) {
	a := seededArchive(b, 1_000)
	desks := make([]*Desk, 10)
	ids := make([][]int64, 10)
	per := (b.N + 9) / 10
	for i := range desks {
		desks[i] = benchDesk(b, fmt.Sprint("vt", i))
		for k := 0; k < per; k++ {
			r := &model.Record{Kind: model.KindCongVan, Title: fmt.Sprintf("Công văn %d-%d-%d", b.N, i, k),
				Sign: "UBND-VP", Date: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)}
			if err := desks[i].Store.Create(r); err != nil {
				b.Fatal(err)
			}
			ids[i] = append(ids[i], r.ID)
		}
	}
	// Joining pulls the archive's records to each desk: not timed.
	var wg sync.WaitGroup
	for i, d := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := d.Join(context.Background(), a.cfg(b, fmt.Sprint("vt", i))); err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	b.ResetTimer()
	for i, d := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range ids[i] {
				if _, err := d.TakeNumber(context.Background(), id); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(per*10)/b.Elapsed().Seconds(), "numbers/s")
}
