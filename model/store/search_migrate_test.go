package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"bientap/model"
	"bientap/model/synth"
)

// makeV1Archive writes recs (ids set) into a new archive at path as version
// 1 of the schema stored them: 24-bit ids in the search key. Like version
// 1, a record whose key is taken is left out of the index.
func makeV1Archive(t testing.TB, path string, recs []*model.Record) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sqlTx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx := &wtx{Tx: sqlTx, stmts: map[string]*sql.Stmt{}}
	if err := migrateV1(tx); err != nil {
		t.Fatal(err)
	}
	folds := make([]folded, len(recs))
	parallel(len(recs), func(i int) {
		if err := normalize(recs[i], nil); err != nil {
			panic(err)
		}
		folds[i] = foldRecord(recs[i])
	})
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	v1Key := func(r *model.Record) int64 { return searchKey(r.Date, 0)>>idBits<<v1Bits + r.ID }
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(v1Key(recs[a]), v1Key(recs[b])) })
	for _, r := range recs {
		if _, err := tx.Exec(`INSERT INTO records (id, kind, title, summary, body, category, date, status, created, updated)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, r.ID, r.Kind, r.Title, r.Summary, r.Body, r.Category,
			r.Date.Format(model.ISODate), r.Status, stamp(r.Date), stamp(r.Date)); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range order {
		r, f, key := recs[i], folds[i], v1Key(recs[i])
		var taken int
		if err := tx.QueryRow("SELECT count(*) FROM search WHERE docid = ?", key).Scan(&taken); err != nil {
			t.Fatal(err)
		}
		if taken > 0 || r.Status == model.StatusTrash {
			continue
		}
		if _, err := tx.Exec("INSERT INTO search (docid, title, summary, body, tags) VALUES (?,?,?,?,?)",
			key, f.title, f.summary, f.body, tags(r)); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO search_title (docid, title, tags) VALUES (?,?,?)", key, f.title, tags(r)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = 1; PRAGMA application_id = %d", applicationID)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// boundaryRecords are records around the old key's limit of 2^24 ids, each
// with a word of its own: 16,777,221 dated 3 March had the version-1 key of
// record 5 dated 4 March.
func boundaryRecords() []*model.Record {
	rec := func(id int64, d int, word string) *model.Record {
		return &model.Record{ID: id, Kind: model.KindNews, Status: model.StatusPublished, Date: day(2026, 3, d),
			Title: "Tin số " + word, Body: "Nội dung riêng " + word + "."}
	}
	return []*model.Record{rec(5, 4, "alpha"), rec(16_777_215, 3, "beta"), rec(16_777_216, 3, "gamma"),
		rec(16_777_221, 3, "delta"), rec(7, 2, "epsilon")}
}

// checkBoundary asserts that each boundary record, and only it, is found by
// its word, in the title tier and in the body.
func checkBoundary(t *testing.T, st *Store) {
	t.Helper()
	for _, r := range boundaryRecords() {
		word := r.Title[len("Tin số "):]
		for _, q := range []string{word, "rieng " + word} {
			items, err := st.List(Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 || items[0].ID != r.ID || !items[0].Date.Equal(r.Date) {
				t.Errorf("search %q: got %v, want record %d only", q, items, r.ID)
			}
		}
	}
	if n, err := st.Count(Query{Text: "noi dung rieng"}); n != len(boundaryRecords()) || err != nil {
		t.Errorf("count: %d, %v", n, err)
	}
}

// TestSearchKeyBoundary: ids at and above 2^24 are kept by an import and
// found by search (the old key lost them).
func TestSearchKeyBoundary(t *testing.T) {
	st := openTemp(t)
	ids, err := st.Insert(boundaryRecords())
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{5, 16_777_215, 16_777_216, 16_777_221, 7}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
	checkBoundary(t, st)
	// A later record follows the largest id and is found too.
	r := &model.Record{Title: "Tin mới zeta", Date: day(2026, 3, 3)}
	if err := st.Create(r); err != nil || r.ID != 16_777_222 {
		t.Fatalf("create: id %d, %v", r.ID, err)
	}
	if items, _ := st.List(Query{Text: "zeta"}); len(items) != 1 || items[0].ID != r.ID {
		t.Errorf("zeta: %v", items)
	}
}

// TestSearchKeyLimit: an import keeps ids up to 2^32-1 and renumbers larger
// ones; an id the key cannot hold is refused with a clear message.
func TestSearchKeyLimit(t *testing.T) {
	st := openTemp(t)
	ids, err := st.Insert([]*model.Record{{ID: maxImportedID, Title: "Giữ mã"}, {ID: maxImportedID + 1, Title: "Đánh số lại"}})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] != maxImportedID || ids[1] != maxImportedID+1 {
		t.Errorf("ids %v", ids)
	}
	if _, err := st.db.Exec("UPDATE records SET id = ? WHERE id = ?", int64(maxRecordID), ids[1]); err != nil {
		t.Fatal(err)
	}
	err = st.Create(&model.Record{Title: "Quá giới hạn"})
	if err == nil || err.Error() != "mã bản ghi 1099511627776 vượt quá giới hạn 1099511627775 của chỉ mục tìm kiếm" {
		t.Fatalf("create past the limit: %v", err)
	}
	if n, _ := st.Count(Query{}); n != 2 {
		t.Errorf("%d records after the refused one, want 2", n)
	}
}

// TestMigrateSearchKey upgrades a version-1 archive: every record is found
// again, including those the old key lost or confused, and progress is
// reported up to its total.
func TestMigrateSearchKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	recs := append(boundaryRecords(), synth.Records(3000, 3, 1)...)
	for i, r := range recs[5:] {
		r.ID = int64(100 + i)
	}
	trashed := recs[10]
	trashed.Status = model.StatusTrash
	makeV1Archive(t, path, recs)
	var calls int
	var last, total int64
	st, err := OpenProgress(path, func(done, tot int64) {
		if done < last || tot <= 0 {
			if tot != 0 || calls > 0 {
				t.Errorf("progress went from %d to %d of %d", last, done, tot)
			}
		}
		calls, last, total = calls+1, done, tot
	})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if calls < 2 || last != total {
		t.Errorf("progress: %d calls, ended at %d of %d", calls, last, total)
	}
	checkBoundary(t, st)
	var indexed, want int
	st.db.QueryRow("SELECT count(*) FROM search").Scan(&indexed)
	st.db.QueryRow("SELECT count(*) FROM records WHERE status != 'trash'").Scan(&want)
	if indexed != want {
		t.Errorf("%d index entries for %d records", indexed, want)
	}
	// Every record is found by its title, with its own id and date.
	for _, r := range recs[5:60] {
		items, err := st.List(Query{Text: r.Title, Statuses: model.Statuses})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(items, func(it Item) bool { return it.ID == r.ID && it.Date.Equal(r.Date) }) {
			t.Errorf("record %d (%q) not found after the upgrade", r.ID, r.Title)
		}
	}
	var idx string
	st.db.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'records_by_date'").Scan(&idx)
	if want := "CREATE INDEX records_by_date ON records(date DESC, id DESC, status, kind, title, category, number, sign)"; idx != want {
		t.Errorf("records_by_date: %s", idx)
	}
}

// BenchmarkMigrateSearchKey100k upgrades a version-1 archive of 100,000
// records (built once, copied for each run).
func BenchmarkMigrateSearchKey100k(b *testing.B) {
	src := filepath.Join(b.TempDir(), "v1.db")
	recs := synth.Records(benchRecords, 1, 4)
	for i, r := range recs {
		r.ID = int64(i + 1)
	}
	makeV1Archive(b, src, recs)
	for b.Loop() {
		b.StopTimer()
		// One copy at a time: a 100k archive per iteration in b.TempDir
		// would stay until the end and fill the disk at -benchtime 50x.
		dst := filepath.Join(filepath.Dir(src), "v1-copy.db")
		copyFile(b, src, dst)
		b.StartTimer()
		st, err := Open(dst)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		b.StopTimer()
		for _, f := range []string{dst, dst + "-wal", dst + "-shm"} {
			os.Remove(f)
		}
		b.StartTimer()
	}
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestNewArchiveReportsNoUpgrade: making a new archive runs every
// migration at once and reports no progress (the window would flash its
// upgrade notice, the command line print it).
func TestNewArchiveReportsNoUpgrade(t *testing.T) {
	st, err := OpenProgress(filepath.Join(t.TempDir(), "new.db"), func(done, total int64) {
		t.Errorf("progress %d/%d reported for a new archive", done, total)
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
}
