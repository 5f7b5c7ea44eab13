package store

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bientap/model"

	"golang.org/x/text/unicode/norm"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// ctx is the context of operations the tests do not cancel.
var ctx = context.Background()

// tinyJPEG is a real 2×2 JPEG: imports check that pictures are pictures.
var tinyJPEG = func() []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

func sampleDoc() *model.Record {
	return &model.Record{
		Kind: model.KindThongBao, Title: "Thông báo kết luận của Chủ tịch UBND tỉnh",
		Summary: "Về công tác phòng, chống lụt bão năm 2026",
		Body:    "Ngày 10/01/2026, Chủ tịch UBND tỉnh chủ trì họp.\n1. Các sở, ngành khẩn trương triển khai./.",
		Place:   "Lai Châu", Date: day(2026, 1, 12), Number: "05", Sign: "TB-UBND",
		AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG",
		SignerAuthority: "TM. ỦY BAN NHÂN DÂN", SignerPosition: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Nguyễn Văn A",
		To: []string{"Các sở, ban, ngành tỉnh"}, Recipients: []string{"- Như trên;", "- Lưu: VT, TH."},
		Images: []model.Image{{Caption: "Toàn cảnh cuộc họp", Data: tinyJPEG}},
	}
}

func TestCreateGetSave(t *testing.T) {
	st := openTemp(t)
	r := sampleDoc()
	if err := st.Create(r); err != nil {
		t.Fatal(err)
	}
	got, err := st.Get(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := model.Diff(r, got); len(d) != 0 {
		t.Fatalf("stored record differs: %v", d)
	}
	if got.Author != model.DefaultAuthor || got.Status != model.StatusDraft || got.Images[0].MediaType != "image/jpeg" {
		t.Errorf("defaults not applied: %q %q %q", got.Author, got.Status, got.Images[0].MediaType)
	}
	got.Title = norm.NFD.String("Thông báo đã sửa")
	if err := st.Save(got); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Get(r.ID)
	if again.Title != "Thông báo đã sửa" {
		t.Errorf("title not NFC on save: %q", again.Title)
	}
	revs, err := st.Revisions(r.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions = %v, %v", revs, err)
	}
	if _, err := st.Get(9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get missing: %v", err)
	}
}

func TestRevisionsDiffRestore(t *testing.T) {
	st := openTemp(t)
	r := sampleDoc()
	st.Create(r)
	first := r.Body
	r.Body = first + "\n2. Đoạn mới thêm."
	r.Images = nil
	st.Save(r)
	revs, _ := st.Revisions(r.ID)
	oldRev, newRev := revs[1], revs[0]
	a, err := st.RevisionRecord(oldRev.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := st.RevisionRecord(newRev.ID)
	changes := model.Diff(a, b)
	if len(changes) != 2 || changes[0].Field != "Nội dung" || changes[1].Field != "Ảnh" {
		t.Fatalf("diff = %v", changes)
	}
	var added []string
	for _, l := range changes[0].Lines {
		if l.Op == model.LineAdded {
			added = append(added, l.Text)
		}
	}
	if len(added) != 1 || added[0] != "2. Đoạn mới thêm." {
		t.Errorf("added lines %q", added)
	}
	restored, err := st.RestoreRevision(oldRev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Body != first || len(restored.Images) != 1 {
		t.Errorf("restore gave body %q, %d images", restored.Body, len(restored.Images))
	}
	revs, _ = st.Revisions(r.ID)
	if len(revs) != 3 || !strings.Contains(revs[0].Note, "Khôi phục") {
		t.Errorf("restore must append a revision: %+v", revs)
	}
}

func TestImportedRecordHistory(t *testing.T) {
	st := openTemp(t)
	r := sampleDoc()
	ids, err := st.Insert([]*model.Record{r})
	if err != nil {
		t.Fatal(err)
	}
	original := r.Body
	got, _ := st.Get(ids[0])
	got.Body = "Nội dung đã sửa sau khi nhập."
	if err := st.Save(got); err != nil {
		t.Fatal(err)
	}
	revs, _ := st.Revisions(ids[0])
	if len(revs) != 2 || revs[1].Note != "Nhập" {
		t.Fatalf("revisions after first save of an import: %+v", revs)
	}
	first, err := st.RevisionRecord(revs[1].ID)
	if err != nil || first.Body != original || len(first.Images) != 1 {
		t.Errorf("imported state lost: %v %q", err, first.Body)
	}
}

func TestStatusTrashRestore(t *testing.T) {
	st := openTemp(t)
	r := sampleDoc()
	st.Create(r)
	if err := st.SetStatus(r.ID, model.StatusPublished, "https://laichau.gov.vn/tin/1"); err != nil {
		t.Fatal(err)
	}
	if err := st.Trash(r.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(Query{}); n != 0 {
		t.Errorf("trashed record still listed: %d", n)
	}
	if n, _ := st.Count(Query{Statuses: []model.Status{model.StatusTrash}}); n != 1 {
		t.Errorf("trash count %d", n)
	}
	if err := st.Restore(r.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Get(r.ID)
	if got.Status != model.StatusPublished || got.URL != "https://laichau.gov.vn/tin/1" {
		t.Errorf("restore: %q %q", got.Status, got.URL)
	}
	st.Trash(r.ID)
	if n, err := st.EmptyTrash(); n != 1 || err != nil {
		t.Fatalf("EmptyTrash = %d, %v", n, err)
	}
	if _, err := st.Get(r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("emptied record still there: %v", err)
	}
	var blobs int
	st.db.QueryRow("SELECT count(*) FROM blobs").Scan(&blobs)
	if blobs != 0 {
		t.Errorf("%d orphan blobs", blobs)
	}
}

func TestListOrderAndFilters(t *testing.T) {
	st := openTemp(t)
	recs := []*model.Record{
		{Kind: model.KindNews, Title: "Tin cũ", Date: day(2025, 3, 1), Category: "Tin tức sự kiện"},
		{Kind: model.KindNews, Title: "Tin mới", Date: day(2026, 5, 2), Category: "Tin tức sự kiện", Status: model.StatusPublished},
		{Kind: model.KindCongVan, Title: "Công văn", Date: day(2026, 1, 9)},
	}
	if _, err := st.Insert(recs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all newest first", Query{}, []string{"Tin mới", "Công văn", "Tin cũ"}},
		{"year", Query{Year: 2026}, []string{"Tin mới", "Công văn"}},
		{"kind", Query{Kinds: []model.Kind{model.KindNews}}, []string{"Tin mới", "Tin cũ"}},
		{"status", Query{Statuses: []model.Status{model.StatusPublished}}, []string{"Tin mới"}},
		{"category", Query{Category: "Tin tức sự kiện", Year: 2025}, []string{"Tin cũ"}},
		{"range", Query{From: day(2026, 1, 1), To: day(2026, 1, 31)}, []string{"Công văn"}},
		{"paged", Query{Offset: 1, Limit: 1}, []string{"Công văn"}},
		{"oldest first", Query{OldestFirst: true}, []string{"Tin cũ", "Công văn", "Tin mới"}},
	}
	if cats, err := st.Categories(); err != nil || strings.Join(cats, "|") != "Tin tức sự kiện" {
		t.Errorf("Categories = %q, %v", cats, err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := st.List(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.Title)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			q := tt.q
			q.Offset, q.Limit = 0, 0
			n, _ := st.Count(q)
			if tt.name != "paged" && n != len(tt.want) {
				t.Errorf("count %d, want %d", n, len(tt.want))
			}
		})
	}
}

func TestSearch(t *testing.T) {
	st := openTemp(t)
	recs := []*model.Record{
		{Kind: model.KindNews, Title: "Phát động phong trào thi đua yêu nước", Date: day(2026, 2, 1)},
		{Kind: model.KindNews, Title: "Hội nghị Ban Chấp hành Đảng bộ tỉnh", Date: day(2026, 3, 1),
			Body: "Đồng chí Bí thư Tỉnh ủy phát biểu về xây dựng Đảng."},
		{Kind: model.KindNews, Title: "Giữ gìn hòa bình, ổn định", Date: day(2025, 3, 1)},
		{Kind: model.KindNews, Title: "Nhà máy thuỷ điện Lai Châu", Date: day(2025, 4, 1)},
		{Kind: model.KindThongBao, Title: norm.NFD.String("Kế hoạch tổ chức Hội thi"), Date: day(2025, 5, 1),
			Body: "Tổ chức hội thi nhằm đẩy mạnh phong trào thi đua trong cán bộ."},
	}
	if _, err := st.Insert(recs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"phong trao thi dua", []string{"Phát động phong trào thi đua yêu nước", "Kế hoạch tổ chức Hội thi"}},
		{"dang", []string{"Hội nghị Ban Chấp hành Đảng bộ tỉnh"}},
		{"hoà bình", []string{"Giữ gìn hòa bình, ổn định"}},
		{"thủy điện", []string{"Nhà máy thuỷ điện Lai Châu"}},
		{"kế hoạch", []string{"Kế hoạch tổ chức Hội thi"}},
		{"phong tr", []string{"Phát động phong trào thi đua yêu nước", "Kế hoạch tổ chức Hội thi"}},
		{"nhà má", []string{"Nhà máy thuỷ điện Lai Châu"}},
		{"nhà m", nil}, // a one-letter last word is a whole word, not a prefix
		{"không có gì", nil},
		{"  ,.; ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			items, err := st.List(Query{Text: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.Title)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("search %q = %q, want %q", tt.query, got, tt.want)
			}
			if n, _ := st.Count(Query{Text: tt.query}); n != len(tt.want) {
				t.Errorf("count %d, want %d", n, len(tt.want))
			}
		})
	}
	items, _ := st.List(Query{Text: "bi thu"})
	if len(items) != 1 || !strings.Contains(items[0].Snippet, "Bí thư") {
		t.Errorf("snippet: %+v", items)
	}
	items, _ = st.List(Query{Text: "phong trao", Kinds: []model.Kind{model.KindThongBao}})
	if len(items) != 1 {
		t.Errorf("kind filter in search: %+v", items)
	}
	items, _ = st.List(Query{Text: "phong trao", Year: 2026})
	if len(items) != 1 || items[0].Title != "Phát động phong trào thi đua yêu nước" {
		t.Errorf("year filter in search: %+v", items)
	}
	// Ranked paging: the second page continues into the body matches.
	items, _ = st.List(Query{Text: "phong trao", Offset: 1, Limit: 1})
	if len(items) != 1 || items[0].Title != "Kế hoạch tổ chức Hội thi" {
		t.Errorf("page 2: %+v", items)
	}
}

func TestSearchFollowsEdits(t *testing.T) {
	st := openTemp(t)
	r := &model.Record{Kind: model.KindNews, Title: "Tiêu đề cũ", Date: day(2026, 1, 1)}
	st.Create(r)
	r.Title, r.Date = "Tiêu đề mới về nông thôn", day(2024, 6, 1)
	st.Save(r)
	if items, _ := st.List(Query{Text: "cu"}); len(items) != 0 {
		t.Errorf("old title still found: %+v", items)
	}
	if items, _ := st.List(Query{Text: "nong thon", Year: 2024}); len(items) != 1 {
		t.Errorf("new title not found: %+v", items)
	}
	st.Trash(r.ID)
	if items, _ := st.List(Query{Text: "nong thon"}); len(items) != 0 {
		t.Errorf("trashed record found: %+v", items)
	}
	trash := Query{Text: "nong th", Statuses: []model.Status{model.StatusTrash}}
	if items, _ := st.List(trash); len(items) != 1 || items[0].ID != r.ID {
		t.Errorf("search in the trash: %+v", items)
	}
	if n, _ := st.Count(trash); n != 1 {
		t.Errorf("trash count %d", n)
	}
	st.Create(&model.Record{Kind: model.KindNews, Title: "Nông thôn mới ở Tam Đường", Date: day(2025, 1, 1)})
	both := Query{Text: "nong thon", Statuses: []model.Status{model.StatusDraft, model.StatusTrash}}
	if items, _ := st.List(both); len(items) != 2 || items[1].ID != r.ID {
		t.Errorf("draft and trash: %+v", items)
	}
	if items, _ := st.List(Query{Text: "nong thon", Statuses: both.Statuses, Offset: 1, Limit: 1}); len(items) != 1 || items[0].ID != r.ID {
		t.Errorf("draft and trash, page 2: %+v", items)
	}
	st.Restore(r.ID)
	if items, _ := st.List(Query{Text: "nong thon"}); len(items) != 2 {
		t.Errorf("restored record not searchable: %+v", items)
	}
}

func TestNumbering(t *testing.T) {
	st := openTemp(t)
	for i, want := range []string{"01", "02", "03"} {
		got, err := st.NextNumber(2026, "TB-UBND")
		if err != nil || got != want {
			t.Fatalf("call %d: %q, %v", i, got, err)
		}
	}
	if got, _ := st.NextNumber(2027, "TB-UBND"); got != "01" {
		t.Errorf("new year restarts: %q", got)
	}
	if got, _ := st.NextNumber(2026, "KH-UBND"); got != "01" {
		t.Errorf("other series: %q", got)
	}
	// A number typed by hand is never given again.
	st.Create(&model.Record{Kind: model.KindThongBao, Title: "x", Date: day(2026, 6, 1), Number: "12", Sign: "TB-UBND"})
	if got, _ := st.NextNumber(2026, "TB-UBND"); got != "13" {
		t.Errorf("after hand-typed 12: %q", got)
	}
	a := &model.Record{Kind: model.KindThongBao, Title: "a", Date: day(2026, 7, 1), Number: "7", Sign: "TB-UBND", Agency: "VĂN PHÒNG"}
	b := &model.Record{Kind: model.KindThongBao, Title: "b", Date: day(2026, 8, 1), Number: "07", Sign: "TB-UBND", Agency: "VĂN PHÒNG"}
	st.Create(a)
	st.Create(b)
	if ids, _ := st.DuplicateNumbers(b); len(ids) != 1 || ids[0] != a.ID {
		t.Errorf("duplicate not found: %v", ids)
	}
}

func TestAutosaveRecovery(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	st, _ := Open(path)
	r := sampleDoc()
	st.Create(r)
	r.Body += "\nĐang gõ dở…"
	if err := st.Autosave(r); err != nil {
		t.Fatal(err)
	}
	fresh := &model.Record{Kind: model.KindNews, Title: "Tin chưa lưu", Date: day(2026, 1, 1)}
	st.Autosave(fresh)
	st.Close()

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, err := st.Recovered()
	if err != nil || len(recs) != 2 {
		t.Fatalf("recovered %d, %v", len(recs), err)
	}
	if recs[0].RecordID != r.ID || !strings.HasSuffix(recs[0].Record.Body, "Đang gõ dở…") || len(recs[0].Record.Images) != 1 {
		t.Errorf("slot: %+v", recs[0])
	}
	if recs[1].RecordID != 0 || recs[1].Record.Title != "Tin chưa lưu" {
		t.Errorf("new-record slot: %+v", recs[1])
	}
	st.Save(recs[0].Record)
	if recs, _ := st.Recovered(); len(recs) != 1 {
		t.Errorf("save must clear the slot: %d left", len(recs))
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	content := []byte("Đây là một tệp văn bản, không phải cơ sở dữ liệu.")
	os.WriteFile(notDB, content, 0o644)
	if _, err := Open(notDB); !errors.Is(err, ErrNotSQLite) || !strings.Contains(err.Error(), notDB) {
		t.Errorf("text file: %v", err)
	}
	if b, _ := os.ReadFile(notDB); !bytes.Equal(b, content) {
		t.Error("refused file was modified")
	}

	newer := filepath.Join(dir, "newer.db")
	st, _ := Open(newer)
	st.db.Exec("PRAGMA user_version = 99")
	st.Close()
	if _, err := Open(newer); !errors.Is(err, ErrNewer) {
		t.Errorf("newer schema: %v", err)
	}

	damaged := filepath.Join(dir, "damaged.db")
	st, _ = Open(damaged)
	var recs []*model.Record
	for i := 0; i < 300; i++ {
		recs = append(recs, &model.Record{Kind: model.KindNews, Title: strings.Repeat("Tin tức ", 30), Date: day(2026, 1, 1),
			Body: strings.Repeat("Nội dung dài để chiếm nhiều trang. ", 40)})
	}
	st.Insert(recs)
	st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	st.Close()
	b, _ := os.ReadFile(damaged)
	for i := 8192; i < len(b)-4096; i += 4096 {
		copy(b[i+100:i+600], bytes.Repeat([]byte{0xA5}, 500))
	}
	os.WriteFile(damaged, b, 0o644)
	if st, err := Open(damaged); err == nil {
		err = st.Check()
		if werr := st.Create(&model.Record{Kind: model.KindNews, Title: "x", Date: day(2026, 1, 1)}); werr == nil {
			t.Error("wrote to a damaged archive")
		}
		st.Close()
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), damaged) {
			t.Errorf("damaged: %v", err)
		}
	}
	if b2, _ := os.ReadFile(damaged); !bytes.Equal(b, b2) {
		t.Error("damaged file was modified")
	}

	if _, err := Open(filepath.Join(dir, "missing", "x.db")); err == nil || !strings.Contains(err.Error(), "không tồn tại") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	st, _ := Open(filepath.Join(dir, "live.db"))
	defer st.Close()
	r := sampleDoc()
	st.Create(r)
	bak := filepath.Join(dir, "bak.db")
	if err := st.Backup(ctx, bak, nil); err != nil {
		t.Fatal(err)
	}
	if err := Validate(bak); err != nil {
		t.Fatal(err)
	}
	st.Create(&model.Record{Kind: model.KindNews, Title: "Sau sao lưu", Date: day(2026, 1, 2)})
	safety, err := st.RestoreFrom(ctx, bak, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(Query{}); n != 1 {
		t.Errorf("after restore %d records", n)
	}
	if items, _ := st.List(Query{Text: "thong bao ket luan"}); len(items) != 1 {
		t.Errorf("search after restore: %+v", items)
	}
	old, err := Open(safety)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := old.Count(Query{}); n != 2 {
		t.Errorf("safety copy has %d records", n)
	}
	old.Close()
	notDB := filepath.Join(dir, "x.db")
	os.WriteFile(notDB, []byte("not a database at all, just text"), 0o644)
	if _, err := st.RestoreFrom(ctx, notDB, nil); err == nil {
		t.Error("restore from a non-archive accepted")
	}
	if n, _ := st.Count(Query{}); n != 1 {
		t.Errorf("failed restore changed the archive: %d", n)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	a := openTemp(t)
	r := sampleDoc()
	r.Status = model.StatusPublished
	r.URL = "https://example.gov.vn/a"
	a.Create(r)
	a.Create(&model.Record{Kind: model.KindNews, Title: "Tin \"trích dẫn\" <b>", Date: day(2026, 1, 2), Status: model.StatusTrash})
	var buf bytes.Buffer
	if n, err := a.ExportJSONL(ctx, &buf, nil); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	for _, key := range []string{`"kind":"thong-bao"`, `"signer_position":"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"`, `"to":[`, `"recipients":[`, `"images":[{`, `"media_type":"image/jpeg"`, `"date":"2026-01-12"`, `"status":"published"`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("export lacks %s", key)
		}
	}
	b := openTemp(t)
	res, err := b.ImportJSONL(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{})
	ids := res.Created
	if err != nil || len(ids) != 2 {
		t.Fatal(ids, err)
	}
	got, _ := b.Get(ids[0])
	if d := model.Diff(r, got); len(d) != 0 {
		t.Errorf("round trip differs: %v", d)
	}
	if ids[0] != r.ID {
		t.Errorf("free id not kept: %d vs %d", ids[0], r.ID)
	}
}

func TestJSONLErrors(t *testing.T) {
	st := openTemp(t)
	good := `{"kind":"news","title":"Tin","date":"2026-01-01"}`
	tests := []struct{ name, in, want string }{
		{"bad json", good + "\n{\"kind\":", "dòng 2"},
		{"bad date", good + "\n" + `{"kind":"news","title":"x","date":"2026-02-30"}`, "dòng 2: ngày không hợp lệ"},
		{"bad kind", `{"kind":"thu-tinh","title":"x","date":"2026-01-01"}`, "dòng 1: loại văn bản không hợp lệ"},
		{"bad status", `{"kind":"news","status":"done","title":"x","date":"2026-01-01"}`, "trạng thái"},
		{"invalid utf8", good + "\n" + "{\"kind\":\"news\",\"title\":\"\xff\",\"date\":\"2026-01-01\"}", "dòng 2: dữ liệu không phải UTF-8"},
		{"missing date", `{"kind":"news","title":"x"}`, "thiếu khóa \"date\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.ImportJSONL(ctx, strings.NewReader(tt.in), ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if n, _ := st.Count(Query{}); n != 0 {
				t.Errorf("partial import: %d records", n)
			}
		})
	}
	// The same record twice: the second is recognised (same title and date).
	res, err := st.ImportJSONL(ctx, strings.NewReader("\xEF\xBB\xBF"+good+"\r\n\r\n"+good+"\r\n"), ImportOptions{})
	if err != nil || len(res.Created) != 1 || len(res.Unchanged) != 1 {
		t.Errorf("BOM/CRLF: %+v %v", res, err)
	}
}

func TestSettings(t *testing.T) {
	st := openTemp(t)
	s, err := st.LoadSettings()
	if err != nil || s.Place != "Lai Châu" {
		t.Fatal(s, err)
	}
	s.Place = norm.NFD.String("Điện Biên")
	s.MarginLeft = 50
	s.LineSpacing = 0.5
	s.Series[model.KindThongBao] = "TB-VP"
	if err := st.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	got, _ := st.LoadSettings()
	if got.Place != "Điện Biên" || got.MarginLeft != model.MarginLeftMax || got.LineSpacing != model.LineSpacingMin {
		t.Errorf("settings: %+v", got)
	}
	if got.SignFor(model.KindThongBao) != "TB-VP" || got.SignFor(model.KindKeHoach) != "KH-VP" || got.SignFor(model.KindCongVan) != "VP" {
		t.Errorf("SignFor: %q %q %q", got.SignFor(model.KindThongBao), got.SignFor(model.KindKeHoach), got.SignFor(model.KindCongVan))
	}
}

func TestBusyAcrossConnections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	a, _ := Open(path)
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// a holds the write lock; b's write waits for the busy timeout and says so.
	tx, err := a.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx.Exec("INSERT INTO settings (key, value) VALUES ('lock', 'x')")
	b.db.Exec("PRAGMA busy_timeout = 200")
	err = b.Create(&model.Record{Kind: model.KindNews, Title: "x", Date: day(2026, 1, 1)})
	tx.Rollback()
	if !errors.Is(err, ErrBusy) {
		t.Errorf("want ErrBusy, got %v", err)
	}
	if err := b.Create(&model.Record{Kind: model.KindNews, Title: "y", Date: day(2026, 1, 1)}); err != nil {
		t.Errorf("after the lock: %v", err)
	}
}

func TestOpenInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes everywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err := Open(filepath.Join(dir, "x.db"))
	if err == nil || !strings.Contains(err.Error(), "chỉ đọc") {
		t.Errorf("read-only folder: %v", err)
	}
}

func TestRegisterSelections(t *testing.T) {
	st := openTemp(t)
	recs := []*model.Record{
		{Kind: model.KindThongBao, Title: "TB có số", Date: day(2026, 3, 1), Number: "01", Sign: "TB-UBND", Status: model.StatusPublished},
		{Kind: model.KindCongVan, Title: "CV có số", Date: day(2026, 2, 1), Number: "12", Sign: "UBND-VX", Status: model.StatusApproved},
		{Kind: model.KindKeHoach, Title: "KH chưa cấp số", Date: day(2026, 4, 1), Status: model.StatusApproved},
		{Kind: model.KindThongBao, Title: "TB nháp", Date: day(2026, 5, 1), Number: "02", Sign: "TB-UBND"},
		{Kind: model.KindThongBao, Title: "TB năm trước", Date: day(2025, 5, 1), Number: "09", Sign: "TB-UBND", Status: model.StatusPublished},
		{Kind: model.KindNews, Title: "Tin đã đăng", Date: day(2026, 6, 1), Status: model.StatusPublished},
		{Kind: model.KindNews, Title: "Tin chờ duyệt", Date: day(2026, 6, 2), Status: model.StatusReview},
	}
	if _, err := st.Insert(recs); err != nil {
		t.Fatal(err)
	}
	titles := func(rs []*model.Record) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Title)
		}
		return strings.Join(s, "|")
	}
	reg, err := st.OutgoingRegister(2026)
	if err != nil || titles(reg) != "CV có số|TB có số" {
		t.Errorf("OutgoingRegister = %q, %v", titles(reg), err)
	}
	news, err := st.PublishedNews(day(2026, 1, 1), day(2026, 12, 31))
	if err != nil || titles(news) != "Tin đã đăng" {
		t.Errorf("PublishedNews = %q, %v", titles(news), err)
	}
}
