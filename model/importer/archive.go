package importer

import (
	"slices"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/vntext"
)

// Skip is an imported item that was already in the archive.
type Skip struct {
	Title      string
	Date       time.Time
	ExistingID int64
}

// Result is what Import did with one file's records.
type Result struct {
	Created []int64 // new records, in input order
	Updated []int64 // existing records replaced (Options.Update)
	Skipped []Skip  // already in the archive (or earlier in recs), left alone
}

// Archive is what an import needs of the archive (a *store.Store): find a
// live record by title and date (0 when there is none), read one, save a
// changed one as a new revision, and insert new ones all or nothing.
type Archive interface {
	FindByTitleDate(title string, date time.Time) (int64, error)
	Get(id int64) (*model.Record, error)
	Save(r *model.Record) error
	Insert(recs []*model.Record) ([]int64, error)
}

// Import files parsed records in the archive. A record with the same title and
// date as one already there (store.FindByTitleDate) is skipped, or with
// opts.Update replaced by the imported version (keeping its id, number, portal
// address and history); a record without body, summary or images (a list
// item) never replaces one. Repeats inside recs are dropped. The new records
// go in one transaction: all or nothing.
func Import(st Archive, recs []*model.Record, opts Options) (Result, error) {
	var res Result
	var fresh []*model.Record
	seen := map[string]bool{}
	for _, r := range recs {
		key := strings.TrimSpace(vntext.Clean(r.Title)) + "\x00" + model.Day(r.Date).Format(model.ISODate)
		if seen[key] {
			res.Skipped = append(res.Skipped, Skip{Title: r.Title, Date: r.Date})
			continue
		}
		seen[key] = true
		id, err := st.FindByTitleDate(r.Title, r.Date)
		if err != nil {
			return res, err
		}
		if id == 0 {
			fresh = append(fresh, r)
			continue
		}
		if !opts.Update || !hasContent(r) {
			res.Skipped = append(res.Skipped, Skip{Title: r.Title, Date: r.Date, ExistingID: id})
			continue
		}
		old, err := st.Get(id)
		if err != nil {
			return res, err
		}
		merge(old, r)
		if err := st.Save(old); err != nil {
			return res, err
		}
		res.Updated = append(res.Updated, id)
	}
	if len(fresh) > 0 {
		ids, err := st.Insert(fresh)
		if err != nil {
			return res, err
		}
		res.Created = ids
	}
	return res, nil
}

func hasContent(r *model.Record) bool {
	return strings.TrimSpace(r.Body) != "" || strings.TrimSpace(r.Summary) != "" || len(r.Images) > 0
}

// merge copies the imported content onto an existing record; a field the
// import does not carry (a portal address, a number not yet given…) keeps
// its stored value.
func merge(old, imp *model.Record) {
	old.Title, old.Summary, old.Body, old.Images = imp.Title, imp.Summary, imp.Body, imp.Images
	keep := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	if imp.Kind != "" {
		old.Kind = imp.Kind
	}
	if imp.Status != "" {
		old.Status = imp.Status
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&old.Category, imp.Category}, {&old.Author, imp.Author}, {&old.URL, imp.URL}, {&old.Place, imp.Place},
		{&old.Number, imp.Number}, {&old.Sign, imp.Sign}, {&old.Urgency, imp.Urgency},
		{&old.AgencyParent, imp.AgencyParent}, {&old.Agency, imp.Agency},
		{&old.SignerAuthority, imp.SignerAuthority}, {&old.SignerPosition, imp.SignerPosition},
		{&old.SignerName, imp.SignerName},
	} {
		keep(f.dst, f.v)
	}
	if len(imp.To) > 0 {
		old.To = slices.Clone(imp.To)
	}
	if len(imp.Recipients) > 0 {
		old.Recipients = slices.Clone(imp.Recipients)
	}
}

// ImportFile parses one file and files its records: JSON Lines archives go
// in as they are (store.Insert keeps free ids, no title/date check, like
// store.ImportJSONL); other formats through Import.
func ImportFile(st Archive, path string, opts Options) (Result, *Parsed, error) {
	p, err := ParseFile(path, opts)
	if err != nil {
		return Result{}, nil, err
	}
	if p.Report.Format == FormatJSONL {
		ids, err := st.Insert(p.Records)
		return Result{Created: ids}, p, err
	}
	res, err := Import(st, p.Records, opts)
	return res, p, err
}
