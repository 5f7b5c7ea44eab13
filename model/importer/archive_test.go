package importer

import (
	"errors"
	"slices"
	"testing"
	"time"

	"bientap/model"
)

// memArchive keeps records in memory: Import's rules (skip, update, repeats
// within one file, all-or-nothing insert) are tested without a database;
// import_test.go runs the same paths on a real store.
type memArchive struct {
	recs       map[int64]*model.Record
	next       int64
	failInsert bool
}

func newMemArchive() *memArchive { return &memArchive{recs: map[int64]*model.Record{}, next: 1} }

func (m *memArchive) FindByTitleDate(title string, date time.Time) (int64, error) {
	for id, r := range m.recs {
		if r.Title == title && r.Date.Equal(model.Day(date)) && r.Status != model.StatusTrash {
			return id, nil
		}
	}
	return 0, nil
}

func (m *memArchive) Get(id int64) (*model.Record, error) {
	r, ok := m.recs[id]
	if !ok {
		return nil, errors.New("không có bản ghi")
	}
	return r.Clone(), nil
}

func (m *memArchive) Save(r *model.Record) error {
	if _, ok := m.recs[r.ID]; !ok {
		return errors.New("không có bản ghi")
	}
	m.recs[r.ID] = r.Clone()
	return nil
}

func (m *memArchive) Insert(recs []*model.Record) ([]int64, error) {
	if m.failInsert {
		return nil, errors.New("ổ đĩa đầy")
	}
	var ids []int64
	for _, r := range recs {
		c := r.Clone()
		c.ID = m.next
		m.next++
		m.recs[c.ID] = c
		ids = append(ids, c.ID)
	}
	return ids, nil
}

func TestImportRules(t *testing.T) {
	day := date(2026, 11, 20)
	doc := func(body string) *model.Record {
		return &model.Record{Kind: model.KindCongVan, Status: model.StatusDraft, Title: "Tăng cường phòng cháy rừng",
			Summary: "V/v tăng cường phòng cháy rừng", Body: body, Date: day, Number: "12", Sign: "UBND-KTN",
			SignerName: "Hà Trọng Hải", To: []string{"Các sở, ban, ngành tỉnh"}}
	}
	ar := newMemArchive()
	res, err := Import(ar, []*model.Record{doc("Nội dung một./."), doc("Nội dung lặp trong tệp./.")}, Options{})
	if err != nil || len(res.Created) != 1 || len(res.Skipped) != 1 || res.Skipped[0].ExistingID != 0 {
		t.Fatalf("first import: %+v, %v", res, err)
	}
	id := res.Created[0]
	stored := ar.recs[id]
	stored.URL = "https://laichau.gov.vn/van-ban/1"

	// Again without --update: skipped, naming the record already there.
	res, err = Import(ar, []*model.Record{doc("Nội dung hai./.")}, Options{})
	if err != nil || len(res.Skipped) != 1 || res.Skipped[0].ExistingID != id || ar.recs[id].Body != "Nội dung một./." {
		t.Fatalf("second import: %+v, %v", res, err)
	}
	// With --update: the content and the document fields it carries
	// replace the stored ones; what it does not carry stays.
	upd := doc("Nội dung hai./.")
	upd.Number, upd.To = "", nil
	upd.Recipients = []string{"- Như trên;", "- Lưu: VT, KTN."}
	res, err = Import(ar, []*model.Record{upd}, Options{Update: true})
	if err != nil || !slices.Equal(res.Updated, []int64{id}) {
		t.Fatalf("update: %+v, %v", res, err)
	}
	got := ar.recs[id]
	if got.Body != "Nội dung hai./." || got.Number != "12" || got.URL == "" || len(got.To) != 1 ||
		len(got.Recipients) != 2 || got.SignerName != "Hà Trọng Hải" {
		t.Errorf("after update: %+v", got)
	}
	// A list item (title and date only) never replaces a record.
	res, _ = Import(ar, []*model.Record{{Kind: model.KindNews, Title: got.Title, Date: day}}, Options{Update: true})
	if len(res.Skipped) != 1 || ar.recs[id].Body != "Nội dung hai./." {
		t.Errorf("list item replaced content: %+v", res)
	}
	// A failed insert reports the error and files nothing.
	ar.failInsert = true
	n := len(ar.recs)
	if _, err := Import(ar, []*model.Record{{Kind: model.KindNews, Title: "Tin mới", Date: day}}, Options{}); err == nil || len(ar.recs) != n {
		t.Errorf("failed insert: %v, %d records", err, len(ar.recs))
	}
}
