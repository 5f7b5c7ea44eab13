package office

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Ten desks take 100 numbers each at once: 1,000 numbers, unique, no gaps.
func TestNumbersUniqueUnderConcurrency(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	const desks, each = 10, 100
	setup, err := Connect(ctx, o.cfg(t, "clerk"))
	if err != nil {
		t.Fatal(err)
	}
	for d := 0; d < desks; d++ {
		var recs []PushRecord
		for i := 0; i < each; i++ {
			r := testRow(gid(d*each+i+1), "draft")
			r.Sign = "TB-UBND"
			recs = append(recs, PushRecord{Row: r})
		}
		if res, _, err := setup.Push(ctx, recs, nil, nil); err != nil || len(res) != each {
			t.Fatalf("push: %v", err)
		}
	}
	setup.Close()
	for d := 0; d < desks; d++ {
		if err := AddUser(ctx, o.super, fmt.Sprintf("vt%d", d), RoleRegistrar, userPassword); err != nil {
			t.Fatal(err)
		}
	}
	numbers := make([][]string, desks)
	var wg sync.WaitGroup
	errs := make(chan error, desks)
	for d := 0; d < desks; d++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := Connect(ctx, o.cfg(t, fmt.Sprintf("vt%d", d)))
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			for i := 0; i < each; i++ {
				n, _, err := c.TakeNumber(ctx, gid(d*each+i+1))
				if err != nil {
					errs <- err
					return
				}
				numbers[d] = append(numbers[d], n)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var all []int
	for _, ns := range numbers {
		for _, n := range ns {
			v, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("number %q", n)
			}
			if v < 10 && len(n) != 2 {
				t.Fatalf("number %q without its leading zero", n)
			}
			all = append(all, v)
		}
	}
	slices.Sort(all)
	for i, v := range all {
		if v != i+1 {
			t.Fatalf("numbers are not 1..1000 without gaps: position %d holds %d", i, v)
		}
	}
	// A number is never issued twice: taking one for a numbered record fails.
	c, _ := Connect(ctx, o.cfg(t, "vt0"))
	defer c.Close()
	if _, _, err := c.TakeNumber(ctx, gid(1)); err == nil {
		t.Fatal("renumbered a record")
	}
	// Every numbering left a revision by the văn thư who took it.
	db := o.psql(t, "clerk")
	var revs int
	db.QueryRow(ctx, "SELECT count(*) FROM bientap.revisions WHERE note LIKE 'Cấp số %' AND author LIKE 'vt%'").Scan(&revs)
	if revs != desks*each {
		t.Fatalf("%d numbering revisions", revs)
	}
}

// Concurrent writers and a reader pulling in a loop: the reader never misses
// a change (the sequence trap of change feeds).
func TestChangeFeedNeverSkips(t *testing.T) {
	o := newOffice(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const writers = 4
	stop := time.Now().Add(3 * time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, writers+1)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := Connect(ctx, o.cfg(t, "clerk"))
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			edit := map[string]int64{}
			for i := 0; time.Now().Before(stop); i++ {
				// Each round inserts a new record and rewrites an older one,
				// in transactions of different sizes.
				var recs []PushRecord
				g := gid(w*1_000_000 + i + 1)
				recs = append(recs, PushRecord{Row: testRow(g, "draft")})
				if i > 0 {
					old := gid(w*1_000_000 + i/2 + 1)
					r := testRow(old, "draft")
					r.Body = fmt.Sprintf("lần %d", i)
					recs = append(recs, PushRecord{Base: edit[old], Row: r})
				}
				res, _, err := c.Push(ctx, recs, nil, nil)
				if err != nil {
					errs <- err
					return
				}
				for _, r := range res {
					if r.Result != PushOK {
						errs <- fmt.Errorf("push %s: %s", r.GID, r.Result)
						return
					}
					edit[r.GID] = r.EditVersion
				}
			}
		}()
	}
	seen := map[string]int64{} // gid → edit version the reader holds
	reader, err := Connect(ctx, o.cfg(t, "leader"))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var pulled int64
	pullAll := func() {
		target, err := reader.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cur := Cursor{Version: pulled}
		for {
			page, err := reader.Pull(ctx, target, cur, 50, func(g []string) ([]int64, error) { return make([]int64, len(g)), nil })
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range page.Records {
				seen[r.GID] = r.EditVersion
			}
			if len(page.Records) < 50 {
				break
			}
			cur = page.Next
		}
		pulled = target
	}
	rounds := 0
	for time.Now().Before(stop) {
		pullAll()
		rounds++
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	pullAll()
	// Compare with the server's state.
	db := o.psql(t, "postgres")
	rows, err := db.Query(ctx, "SELECT gid, edit_version FROM bientap.records")
	if err != nil {
		t.Fatal(err)
	}
	server := map[string]int64{}
	for rows.Next() {
		var g string
		var v int64
		rows.Scan(&g, &v)
		server[g] = v
	}
	if len(server) < 50 || rounds < 5 {
		t.Fatalf("too little happened: %d records, %d pulls", len(server), rounds)
	}
	for g, v := range server {
		if seen[g] != v {
			t.Fatalf("reader holds %s at %d, server at %d (a change was skipped)", g, seen[g], v)
		}
	}
	t.Logf("%d records, %d reader rounds", len(server), rounds)
}
