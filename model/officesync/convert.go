package officesync

import (
	"encoding/json"
	"time"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/store"
)

// toRow is the server form of a local record.
func toRow(p store.PendingRecord, origin string) office.Row {
	r := p.Record
	row := office.Row{
		GID: p.GID, Kind: string(r.Kind), Title: r.Title, Summary: r.Summary, Body: r.Body,
		Category: r.Category, Author: r.Author, Place: r.Place, Date: r.Date.Format(model.ISODate),
		Number: r.Number, Sign: r.Sign, Urgency: r.Urgency, AgencyParent: r.AgencyParent, Agency: r.Agency,
		SignerAuthority: r.SignerAuthority, SignerPosition: r.SignerPosition, SignerName: r.SignerName,
		ToList: nonNil(r.To), Recipients: nonNil(r.Recipients), URL: r.URL, Status: string(r.Status),
		TrashedFrom: p.TrashedFrom, Images: []office.ImageRef{}, Created: r.Created, Updated: r.Updated,
		Origin: origin,
	}
	if row.Created.IsZero() {
		row.Created = time.Now().UTC()
	}
	if row.Updated.IsZero() {
		row.Updated = row.Created
	}
	for _, im := range p.Images {
		row.Images = append(row.Images, office.ImageRef{Name: im.Name, Caption: im.Caption, MediaType: im.MediaType, SHA256: im.Hash})
	}
	return row
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fromPulled is the local form of a record from the server.
func fromPulled(p office.PulledRecord) store.Pulled {
	out := store.Pulled{GID: p.GID, Version: p.Version, EditVersion: p.EditVersion, Deleted: p.Deleted,
		Origin: p.Origin, UpdatedBy: p.UpdatedBy, TrashedFrom: p.TrashedFrom}
	if p.Deleted {
		return out
	}
	date, _ := time.Parse(model.ISODate, p.Date)
	out.Record = &model.Record{
		Kind: model.Kind(p.Kind), Title: p.Title, Summary: p.Summary, Body: p.Body, Category: p.Category,
		Author: p.Author, Place: p.Place, Date: date, Number: p.Number, Sign: p.Sign, Urgency: p.Urgency,
		AgencyParent: p.AgencyParent, Agency: p.Agency, SignerAuthority: p.SignerAuthority,
		SignerPosition: p.SignerPosition, SignerName: p.SignerName, To: p.ToList, Recipients: p.Recipients,
		URL: p.URL, Status: model.Status(p.Status), Created: p.Created.UTC(), Updated: p.Updated.UTC(),
	}
	for _, im := range p.Images {
		out.Images = append(out.Images, store.ImageRef{Name: im.Name, Caption: im.Caption, MediaType: im.MediaType, Hash: im.SHA256})
	}
	return out
}

// snapshotHashes lists the image hashes a revision snapshot refers to.
func snapshotHashes(snap []byte) []string {
	var s struct {
		Images []struct {
			SHA256 string `json:"sha256"`
		} `json:"images"`
	}
	if json.Unmarshal(snap, &s) != nil {
		return nil
	}
	var out []string
	for _, im := range s.Images {
		if im.SHA256 != "" {
			out = append(out, im.SHA256)
		}
	}
	return out
}
