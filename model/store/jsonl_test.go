package store

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bientap/model"
)

func exportJSONL(t testing.TB, st *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := st.ExportJSONL(ctx, &buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importJSONL(t testing.TB, st *Store, data []byte, update bool) ImportResult {
	t.Helper()
	res, err := st.ImportJSONL(ctx, bytes.NewReader(data), ImportOptions{Update: update})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func counts(r ImportResult) string {
	return fmt.Sprintf("created %d, updated %d, unchanged %d, differing %d",
		len(r.Created), len(r.Updated), len(r.Unchanged), len(r.Differing))
}

// TestReimportRecognised is issue 11's fourth trial: importing the same
// JSON Lines twice must not duplicate anything.
func TestReimportRecognised(t *testing.T) {
	a := openTemp(t)
	fillArchive(t, a, 5, 300)
	doc := sampleDoc()
	if err := a.Create(doc); err != nil {
		t.Fatal(err)
	}
	a.Trash(2)
	exported := exportJSONL(t, a)

	// Into the same archive: everything is already there, unchanged.
	if got := counts(importJSONL(t, a, exported, false)); got != "created 0, updated 0, unchanged 6, differing 0" {
		t.Errorf("same archive: %s", got)
	}

	// Into another archive: created with their ids, then recognised.
	b := openTemp(t)
	res := importJSONL(t, b, exported, false)
	if got := counts(res); got != "created 6, updated 0, unchanged 0, differing 0" {
		t.Fatalf("first import: %s", got)
	}
	if res.Created[5] != doc.ID {
		t.Errorf("id not kept: %v", res.Created)
	}
	if got := counts(importJSONL(t, b, exported, false)); got != "created 0, updated 0, unchanged 6, differing 0" {
		t.Errorf("second import: %s", got)
	}

	// A record changed at the source: left alone, then replaced with
	// Update, its old state kept as a revision.
	doc.Body += "\n3. Đoạn bổ sung sau khi xuất."
	if err := a.Save(doc); err != nil {
		t.Fatal(err)
	}
	changed := exportJSONL(t, a)
	if got := counts(importJSONL(t, b, changed, false)); got != "created 0, updated 0, unchanged 5, differing 1" {
		t.Errorf("changed without update: %s", got)
	}
	if got, _ := b.Get(doc.ID); strings.Contains(got.Body, "bổ sung") {
		t.Error("replaced without Update")
	}
	res = importJSONL(t, b, changed, true)
	if got := counts(res); got != "created 0, updated 1, unchanged 5, differing 0" {
		t.Errorf("changed with update: %s", got)
	}
	got, _ := b.Get(doc.ID)
	if !strings.Contains(got.Body, "bổ sung") || !got.Created.Equal(doc.Created) {
		t.Errorf("update: body %q, created %v", got.Body, got.Created)
	}
	revs, _ := b.Revisions(doc.ID)
	if len(revs) != 2 || revs[0].Note != "Cập nhật từ tệp JSONL" || revs[1].Note != "Nhập" {
		t.Errorf("revisions %+v", revs)
	}
	old, _ := b.RevisionRecord(revs[1].ID)
	if strings.Contains(old.Body, "bổ sung") {
		t.Error("the replaced version is not in the history")
	}
	if items, _ := b.List(Query{Text: "doan bo sung"}); len(items) != 1 {
		t.Errorf("search after update: %d", len(items))
	}

	// Records without ids or times (like the sample data), twice.
	plain := `{"kind":"news","title":"Tin không mã","date":"2026-03-01","body":"Nội dung."}` + "\n"
	importJSONL(t, a, []byte(plain), false)
	if got := counts(importJSONL(t, a, []byte(plain), false)); got != "created 0, updated 0, unchanged 1, differing 0" {
		t.Errorf("records without ids: %s", got)
	}
	edited := strings.Replace(plain, "Nội dung.", "Nội dung mới.", 1)
	if got := counts(importJSONL(t, a, []byte(edited), false)); got != "created 0, updated 0, unchanged 0, differing 1" {
		t.Errorf("edited record without id: %s", got)
	}
}

// TestReimportAfterIDsTaken: records that came in under new ids (theirs
// were taken) are still recognised, and two records that only share title,
// date and creation time are never merged.
func TestReimportAfterIDsTaken(t *testing.T) {
	a := openTemp(t)
	created := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	twins := []*model.Record{
		{Kind: model.KindGiayMoi, Title: "Giấy mời họp", Date: day(2026, 1, 5), Body: "Mời phòng A.", Created: created},
		{Kind: model.KindGiayMoi, Title: "Giấy mời họp", Date: day(2026, 1, 5), Body: "Mời phòng B.", Created: created},
	}
	if _, err := a.Insert(twins); err != nil {
		t.Fatal(err)
	}
	exported := exportJSONL(t, a)
	b := openTemp(t)
	fillArchive(t, b, 3, 100) // takes ids 1–3
	if got := counts(importJSONL(t, b, exported, false)); got != "created 2, updated 0, unchanged 0, differing 0" {
		t.Fatalf("first import: %s", got)
	}
	if got := counts(importJSONL(t, b, exported, false)); got != "created 0, updated 0, unchanged 2, differing 0" {
		t.Errorf("second import: %s", got)
	}
	if n, _ := b.Count(Query{}); n != 5 {
		t.Errorf("%d records", n)
	}
}

// TestImportJSONLAllOrNothing: a bad line late in a large file leaves the
// archive as it was, and the message names the line.
func TestImportJSONLAllOrNothing(t *testing.T) {
	st := openTemp(t)
	fillArchive(t, st, 2, 100)
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, `{"kind":"news","title":"Tin %d","date":"2026-02-01","body":"Nội dung %d"}`+"\n", i, i)
	}
	svg := base64.StdEncoding.EncodeToString([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
	b.WriteString(`{"kind":"news","title":"Ảnh giả","date":"2026-02-01","images":[{"name":"a.jpg","data":"` + svg + `"}]}` + "\n")
	_, err := st.ImportJSONL(ctx, strings.NewReader(b.String()), ImportOptions{})
	if err == nil || err.Error() != "dòng 3001: ảnh 1: không phải ảnh JPEG hay PNG (dữ liệu là SVG)" {
		t.Fatalf("err = %v", err)
	}
	if n, _ := st.Count(Query{}); n != 2 {
		t.Errorf("partial import: %d records", n)
	}
	if items, _ := st.List(Query{Text: "tin 17"}); len(items) != 0 {
		t.Error("search index kept rolled-back records")
	}
}

// slowReader yields a generated JSON Lines stream record by record and
// never ends by itself: the import can only stop through its context.
type slowReader struct {
	i   int
	buf []byte
}

func (r *slowReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		r.i++
		r.buf = fmt.Appendf(nil, `{"kind":"news","title":"Tin %d","date":"2026-02-01","body":"%s"}`+"\n",
			r.i, strings.Repeat("Nội dung dài. ", 100))
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestImportJSONLCancel: cancelling stops the import within a second and
// leaves the archive exactly as before.
func TestImportJSONLCancel(t *testing.T) {
	st := openTemp(t)
	fillArchive(t, st, 2, 100)
	before := exportJSONL(t, st)
	c, cancel := contextWithCancel()
	var cancelledAt time.Time
	var reported int64
	_, err := st.ImportJSONL(c, &slowReader{}, ImportOptions{Progress: func(done, total int64) {
		reported = done
		if done > 2<<20 && cancelledAt.IsZero() {
			cancelledAt = time.Now()
			cancel()
		}
	}})
	if !errors.Is(err, ctxCanceled) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(cancelledAt); d > time.Second {
		t.Errorf("stopped %v after the cancel", d)
	}
	if reported < 2<<20 {
		t.Errorf("progress reported %d bytes", reported)
	}
	if after := exportJSONL(t, st); !bytes.Equal(before, after) {
		t.Error("a cancelled import changed the archive")
	}
	if err := st.Create(&model.Record{Kind: model.KindNews, Title: "Sau khi hủy", Date: day(2026, 1, 1)}); err != nil {
		t.Errorf("archive not writable after a cancel: %v", err)
	}
}

// TestImportJSONLFileRefusesNonFiles: a folder, a FIFO or a device is
// refused at once, with a Vietnamese reason.
func TestImportJSONLFileRefusesNonFiles(t *testing.T) {
	st := openTemp(t)
	dir := t.TempDir()
	for _, tc := range []struct{ path, want string }{
		{dir, "thư mục"},
		{"/dev/zero", "không phải tệp thông thường"},
		{filepath.Join(dir, "khong-co.jsonl"), "không có tệp này"},
	} {
		_, err := st.ImportJSONLFile(ctx, tc.path, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.path, err)
		}
	}
}

// TestExportJSONLCancel stops an export mid-way through its context.
func TestExportJSONLCancel(t *testing.T) {
	st := openTemp(t)
	fillArchive(t, st, 500, 2000)
	c, cancel := contextWithCancel()
	n, err := st.ExportJSONL(c, io.Discard, func(done, total int64) {
		if done > 10 {
			cancel()
		}
	})
	if !errors.Is(err, ctxCanceled) || n >= 500 {
		t.Fatalf("%d records, %v", n, err)
	}
}

// TestExportJSONLSnapshot: saves made while an export runs neither wait for
// it nor appear in it.
func TestExportJSONLSnapshot(t *testing.T) {
	st := openTemp(t)
	fillArchive(t, st, 300, 2000)
	var saveErr error
	saved := false
	n, err := st.ExportJSONL(ctx, io.Discard, func(done, total int64) {
		if !saved && done > 0 {
			saved = true
			done := make(chan error)
			go func() {
				done <- st.Create(&model.Record{Kind: model.KindNews, Title: "Trong lúc xuất", Date: day(2026, 1, 1)})
			}()
			select {
			case saveErr = <-done:
			case <-time.After(3 * time.Second):
				saveErr = errors.New("the save waited for the export")
			}
		}
	})
	if err != nil || n != 300 || saveErr != nil {
		t.Fatalf("exported %d, %v; save during export: %v", n, err, saveErr)
	}
}

// TestImportJSONLFromDisk imports a file written by the export, through
// the file entry point, with byte progress up to the file's size.
func TestImportJSONLFromDisk(t *testing.T) {
	a := openTemp(t)
	fillArchive(t, a, 50, 500)
	path := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(path, exportJSONL(t, a), 0o644)
	size, _ := os.Stat(path)
	b := openTemp(t)
	var last, total int64
	res, err := b.ImportJSONLFile(ctx, path, ImportOptions{Progress: func(d, t int64) { last, total = d, t }})
	if err != nil || len(res.Created) != 50 {
		t.Fatal(res, err)
	}
	if last != size.Size() || total != size.Size() {
		t.Errorf("progress ended at %d of %d, file %d", last, total, size.Size())
	}
}

// TestImportJSONLRepeatInFile: the same record twice in one file, changed
// the second time, with Update: created once, then updated, indexed once.
func TestImportJSONLRepeatInFile(t *testing.T) {
	st := openTemp(t)
	line := `{"id":7,"kind":"news","title":"Tin lặp","date":"2026-03-01","body":"Bản một.","created":"2026-03-01T08:00:00Z"}`
	in := line + "\n" + strings.Replace(line, "Bản một.", "Bản hai.", 1) + "\n"
	res := importJSONL(t, st, []byte(in), true)
	if got := counts(res); got != "created 1, updated 1, unchanged 0, differing 0" {
		t.Fatalf("%s", got)
	}
	if items, _ := st.List(Query{Text: "tin lap"}); len(items) != 1 {
		t.Errorf("%d search hits", len(items))
	}
	if r, _ := st.Get(7); r.Body != "Bản hai." {
		t.Errorf("body %q", r.Body)
	}
}
