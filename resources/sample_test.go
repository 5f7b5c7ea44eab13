package resources_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"bientap/model"
	"bientap/model/check"
	"bientap/model/doc"
	"bientap/model/store"
	"bientap/resources"
)

// The sample records are well-formed, varied, and pass the editorial
// checks without a single finding.
func TestSampleRecords(t *testing.T) {
	recs, err := model.ParseJSONL(bytes.NewReader(resources.Sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 8 {
		t.Fatalf("%d sample records, want at least 8", len(recs))
	}
	kinds := map[model.Kind]bool{}
	var table, image, article bool
	for _, r := range recs {
		kinds[r.Kind] = true
		if r.Title == "" || r.Date.IsZero() || r.Body == "" {
			t.Errorf("%q: incomplete", r.Title)
		}
		for _, f := range check.Record(r) {
			t.Errorf("%q: line %d: %s (%s)", r.Title, f.Line, f.Message, f.Code)
		}
		for _, b := range doc.Parse(r.Body).Blocks {
			switch {
			case b.Kind == doc.Table:
				table = true
			case b.Kind == doc.Paragraph && doc.IsArticleHeading(doc.PlainText(b.Runs)):
				article = true
			}
		}
		if len(r.Images) > 0 {
			image = true
		}
		if r.Kind == model.KindCongVan && len(r.To) == 0 {
			t.Errorf("the công văn has no Kính gửi")
		}
	}
	for _, k := range []model.Kind{model.KindNews, model.KindThongBao, model.KindKeHoach, model.KindCongVan,
		model.KindCongDien, model.KindQuyetDinh, model.KindGiayMoi} {
		if !kinds[k] {
			t.Errorf("no sample of kind %s", k.Label())
		}
	}
	if !table || !image || !article {
		t.Errorf("samples lack a table (%v), a picture (%v) or Điều lines (%v)", table, image, article)
	}

	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := st.ImportJSONL(context.Background(), bytes.NewReader(resources.Sample), store.ImportOptions{})
	if err != nil || len(res.Created) != len(recs) {
		t.Fatalf("import: %v (%d ids)", err, len(res.Created))
	}
}
