package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bientap/model"
	"bientap/model/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestImportFileDedupAndUpdate(t *testing.T) {
	st := openStore(t)
	path := filepath.Join("testdata", "tin-portal.txt")
	res, p, err := ImportFile(st, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) != 5 || len(res.Skipped) != 0 || len(p.Records) != 5 {
		t.Fatalf("first import: %+v", res)
	}
	art, err := st.Get(res.Created[0])
	if err != nil {
		t.Fatal(err)
	}
	if art.Status != model.StatusPublished || art.Author != "Ban biên tập" || art.Category != "Tin tức sự kiện" ||
		!strings.HasPrefix(art.Body, "-> *Quang cảnh") {
		t.Errorf("stored article: %+v", art)
	}
	old, _ := st.Get(res.Created[1])
	if old.Body != "" || old.Title != "Hội nghị tổng kết công tác năm 2020 của Văn phòng UBND tỉnh" ||
		old.Date.Format(model.ISODate) != "2021-01-27" || old.Author != model.DefaultAuthor {
		t.Errorf("stored list item: %+v", old)
	}

	// The same page again: everything is skipped.
	res2, _, err := ImportFile(st, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Created) != 0 || len(res2.Skipped) != 5 || res2.Skipped[0].ExistingID != res.Created[0] {
		t.Fatalf("re-import: %+v", res2)
	}

	// The page pasted twice is the same item; with Update it replaces the
	// article (new revision, same id) but never empties a listed item.
	if err := st.SetStatus(res.Created[0], model.StatusPublished, "https://laichau.gov.vn/tin/1"); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "tin.txt")
	data, _ := os.ReadFile(path)
	os.WriteFile(edited, []byte(strings.Replace(string(data), "ước tăng 8,5%", "ước tăng 8,6%", 1)), 0o644)
	res3, _, err := ImportFile(st, edited, Options{Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res3.Updated) != 1 || res3.Updated[0] != res.Created[0] || len(res3.Skipped) != 4 || len(res3.Created) != 0 {
		t.Fatalf("update: %+v", res3)
	}
	art2, _ := st.Get(res.Created[0])
	if !strings.Contains(art2.Body, "8,6%") || art2.URL != "https://laichau.gov.vn/tin/1" {
		t.Errorf("updated article: url %q body %q", art2.URL, art2.Body)
	}
	revs, err := st.Revisions(res.Created[0])
	if err != nil || len(revs) < 3 {
		t.Errorf("revisions %d, %v", len(revs), err)
	}
	n, _ := st.Count(store.Query{})
	if n != 5 {
		t.Errorf("%d records in the archive, want 5", n)
	}
}

func TestImportFileJSONLAndErrors(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	j := filepath.Join(dir, "a.jsonl")
	os.WriteFile(j, []byte(`{"kind":"news","title":"Tin JSONL","date":"2022-01-02","status":"published"}`+"\n"), 0o644)
	res, p, err := ImportFile(st, j, Options{})
	if err != nil || len(res.Created) != 1 || p.Report.Format != FormatJSONL {
		t.Fatalf("jsonl: %+v %v", res, err)
	}
	bad := filepath.Join(dir, "b.jsonl")
	os.WriteFile(bad, []byte("{không phải json\n"), 0o644)
	if _, _, err := ImportFile(st, bad, Options{}); err == nil {
		t.Error("bad JSONL accepted")
	}
	if _, _, err := ImportFile(st, filepath.Join(dir, "khong-co.docx"), Options{}); err == nil {
		t.Error("missing file accepted")
	}
}
