package store

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/synth"
	"bientap/model/vntext"
)

// The order tests compare every way of reading a query (Each, List pages
// of several sizes, Count) with a reference computed in Go from all the
// records: the ranking the store promises (title matches first, then the
// other matches, each newest first, then the trash the same way), or the
// dated list.

var (
	orderOnce sync.Once
	orderDir  string // removed by TestMain
	orderPath string
	orderErr  error
)

// orderStore is an archive of 3,000 generated records, some in the trash,
// some with ids past the old key's 2^24, shared by the order tests.
func orderStore(t *testing.T) *Store {
	t.Helper()
	orderOnce.Do(func() {
		if orderDir, orderErr = os.MkdirTemp("", "bientap-order-"); orderErr != nil {
			return
		}
		orderPath = filepath.Join(orderDir, "order.db")
		st, err := Open(orderPath)
		if err != nil {
			orderErr = err
			return
		}
		defer st.Close()
		recs := synth.Records(3000, 11, 2)
		for i, r := range recs {
			if i%97 == 0 {
				r.ID = 16_777_200 + int64(i)
			}
		}
		ids, err := st.Insert(recs)
		if err != nil {
			orderErr = err
			return
		}
		for i := 1; i < len(ids); i += 151 {
			if orderErr = st.Trash(ids[i]); orderErr != nil {
				return
			}
		}
	})
	if orderErr != nil {
		t.Fatal(orderErr)
	}
	st, err := Open(orderPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

type refRecord struct {
	key                            int64
	id                             int64
	date                           time.Time
	status                         model.Status
	kind                           model.Kind
	category, title, summary, body string
	foldedTitle, foldedAll         string
}

// reference lists the ids q selects, in the order the store promises.
func reference(t *testing.T, st *Store, q Query) []int64 {
	t.Helper()
	rows, err := st.db.Query("SELECT id, date, status, kind, category, title, summary, body FROM records")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var all []refRecord
	for rows.Next() {
		var r refRecord
		var date string
		if err := rows.Scan(&r.id, &date, &r.status, &r.kind, &r.category, &r.title, &r.summary, &r.body); err != nil {
			t.Fatal(err)
		}
		r.date, _ = time.Parse(model.ISODate, date)
		r.key = searchKey(r.date, r.id)
		r.foldedTitle = vntext.Fold(r.title)
		r.foldedAll = vntext.Fold(r.title + "\n" + r.summary + "\n" + r.body)
		all = append(all, r)
	}
	wanted := func(r refRecord) bool {
		if len(q.Statuses) == 0 && r.status == model.StatusTrash ||
			len(q.Statuses) > 0 && !slices.Contains(q.Statuses, r.status) ||
			len(q.Kinds) > 0 && !slices.Contains(q.Kinds, r.kind) ||
			q.Category != "" && r.category != q.Category ||
			q.Year > 0 && r.date.Year() != q.Year ||
			!q.From.IsZero() && r.date.Before(q.From) || !q.To.IsZero() && r.date.After(q.To) {
			return false
		}
		return true
	}
	newest := func(a, b refRecord) int { return cmp.Compare(b.key, a.key) }
	if q.OldestFirst {
		newest = func(a, b refRecord) int { return cmp.Compare(a.key, b.key) }
	}
	var tiers [4][]refRecord // title, rest; trash title, trash rest
	ws := words(q.Text)
	for _, r := range all {
		if !wanted(r) {
			continue
		}
		trash := 0
		if r.status == model.StatusTrash {
			trash = 2
		}
		switch {
		case !q.searching():
			tiers[0] = append(tiers[0], r)
		case len(ws) == 0:
		case hasAllWords(r.foldedTitle, ws):
			tiers[trash] = append(tiers[trash], r)
		case hasAllWords(r.foldedAll, ws):
			tiers[trash+1] = append(tiers[trash+1], r)
		}
	}
	var ids []int64
	for _, tier := range tiers {
		slices.SortFunc(tier, newest)
		for _, r := range tier {
			ids = append(ids, r.id)
		}
	}
	return ids
}

func TestSearchAndListOrder(t *testing.T) {
	st := orderStore(t)
	var trash = []model.Status{model.StatusTrash}
	queries := []Query{
		{},
		{Statuses: []model.Status{model.StatusPublished}},
		{Kinds: []model.Kind{model.KindNews}},
		{Kinds: model.DocumentKinds(), Year: 2024},
		{Category: "Kinh tế"},
		{Year: 2025, OldestFirst: true},
		{From: day(2025, 3, 1), To: day(2025, 6, 30)},
		{Statuses: trash},
		{Statuses: model.Statuses}, // counted without a scan
		{Text: "tinh"},             // nearly everything: read by walking the index
		{Text: "ubnd"},             // broad
		{Text: "nong thon"},        // some
		{Text: "phong ch"},         // a prefix still being typed
		{Text: "thi dua"},          // fewer: read one by one
		{Text: "Sạt lở"},           // accents
		{Text: "tinh", Statuses: trash},
		{Text: "nong thon", Statuses: append([]model.Status{model.StatusDraft, model.StatusPublished}, trash...)},
		{Text: "tinh", Kinds: []model.Kind{model.KindNews}, Year: 2025},
		{Text: "nhiem vu", Category: "Văn hóa - Xã hội"},
		{Text: "tinh", From: day(2025, 3, 1), To: day(2025, 6, 30)},
		{Text: "zzzz khong co"},
		{Text: "?!"},
	}
	for _, q := range queries {
		t.Run(fmt.Sprintf("%+v", q), func(t *testing.T) {
			want := reference(t, st, q)
			var each []int64
			if err := st.Each(q, func(it Item) error {
				each = append(each, it.ID)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(each, want) {
				t.Fatalf("Each: %d ids, want %d; first difference at %d", len(each), len(want), firstDiff(each, want))
			}
			if n, err := st.Count(q); n != len(want) || err != nil {
				t.Errorf("Count: %d, %v; want %d", n, err, len(want))
			}
			for _, size := range []int{50, 137} {
				var paged []int64
				for p := q; ; p.Offset += size {
					p.Limit = size
					items, err := st.List(p)
					if err != nil {
						t.Fatal(err)
					}
					for _, it := range items {
						paged = append(paged, it.ID)
					}
					if len(items) < size {
						break
					}
				}
				if !slices.Equal(paged, want) {
					t.Fatalf("List in pages of %d: %d ids, want %d; first difference at %d", size, len(paged), len(want), firstDiff(paged, want))
				}
			}
			// Each with an offset and a limit is the same slice.
			if len(want) > 10 {
				var part []int64
				st.Each(Query{Text: q.Text, Statuses: q.Statuses, Kinds: q.Kinds, Category: q.Category, Year: q.Year,
					From: q.From, To: q.To, OldestFirst: q.OldestFirst, Offset: 3, Limit: len(want) / 2},
					func(it Item) error { part = append(part, it.ID); return nil })
				if !slices.Equal(part, want[3:3+len(want)/2]) {
					t.Errorf("Each with offset and limit: first difference at %d", firstDiff(part, want[3:3+len(want)/2]))
				}
			}
		})
	}
}

func firstDiff(a, b []int64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestCategoriesSkipScan: the categories found seek by seek are the
// distinct categories outside the trash, in order.
func TestCategoriesSkipScan(t *testing.T) {
	st := orderStore(t)
	// A category only in the trash is not offered.
	if _, err := st.db.Exec("UPDATE records SET category = 'Chỉ trong thùng rác' WHERE id = (SELECT min(id) FROM records WHERE status = 'trash')"); err != nil {
		t.Fatal(err)
	}
	defer st.db.Exec("UPDATE records SET category = 'Kinh tế' WHERE category = 'Chỉ trong thùng rác'")
	var want []string
	rows, err := st.db.Query("SELECT DISTINCT category FROM records WHERE category != '' AND status != 'trash' ORDER BY category")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		want = append(want, c)
	}
	rows.Close()
	got, err := st.Categories()
	if err != nil || !slices.Equal(got, want) || len(got) < 3 {
		t.Errorf("Categories = %q, %v; want %q", got, err, want)
	}
}
