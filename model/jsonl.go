package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"bientap/model/imagecheck"
	"bientap/model/vntext"
)

// jsonRecord is the interchange form of a record: one JSON object per line of
// a JSON Lines archive. The keys are part of the documented format (README).
type jsonRecord struct {
	ID              int64       `json:"id,omitempty"`
	Kind            string      `json:"kind"`
	Title           string      `json:"title"`
	Summary         string      `json:"summary"`
	Body            string      `json:"body"`
	Category        string      `json:"category"`
	Author          string      `json:"author"`
	Place           string      `json:"place"`
	Date            string      `json:"date"`
	Status          string      `json:"status"`
	Number          string      `json:"number"`
	Sign            string      `json:"sign"`
	Urgency         string      `json:"urgency,omitempty"`
	AgencyParent    string      `json:"agency_parent"`
	Agency          string      `json:"agency"`
	SignerAuthority string      `json:"signer_authority"`
	SignerPosition  string      `json:"signer_position"`
	SignerName      string      `json:"signer_name"`
	To              []string    `json:"to"`
	Recipients      []string    `json:"recipients"`
	URL             string      `json:"url"`
	Images          []jsonImage `json:"images"`
	Created         string      `json:"created,omitempty"`
	Updated         string      `json:"updated,omitempty"`
}

type jsonImage struct {
	Name      string `json:"name,omitempty"`
	Caption   string `json:"caption"`
	MediaType string `json:"media_type"`
	Data      []byte `json:"data,omitempty"`
	SHA256    string `json:"sha256,omitempty"`
}

// ImageHasher names image data by content; the store passes it to marshal
// snapshots that reference images instead of embedding them.
type ImageHasher func(data []byte) string

// MarshalRecordJSON encodes r as one interchange JSON object (no newline).
// With hash nil, images carry their data in base64; with a hasher, they carry
// only the hash of their data (the store's revision snapshots).
func MarshalRecordJSON(r *Record, hash ImageHasher) ([]byte, error) {
	j := jsonRecord{
		ID: r.ID, Kind: string(r.Kind), Title: r.Title, Summary: r.Summary, Body: r.Body,
		Category: r.Category, Author: r.Author, Place: r.Place, Status: string(r.Status),
		Number: r.Number, Sign: r.Sign, Urgency: r.Urgency,
		AgencyParent: r.AgencyParent, Agency: r.Agency,
		SignerAuthority: r.SignerAuthority, SignerPosition: r.SignerPosition, SignerName: r.SignerName,
		To: nonNil(r.To), Recipients: nonNil(r.Recipients), URL: r.URL, Images: []jsonImage{},
	}
	if !r.Date.IsZero() {
		j.Date = r.Date.Format(ISODate)
	}
	if !r.Created.IsZero() {
		j.Created = r.Created.UTC().Format(time.RFC3339Nano)
	}
	if !r.Updated.IsZero() {
		j.Updated = r.Updated.UTC().Format(time.RFC3339Nano)
	}
	for _, im := range r.Images {
		ji := jsonImage{Name: im.Name, Caption: im.Caption, MediaType: im.MediaType}
		if hash != nil {
			ji.SHA256 = hash(im.Data)
		} else {
			ji.Data = im.Data
		}
		j.Images = append(j.Images, ji)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ImageLoader resolves an image hash in a snapshot to its data.
type ImageLoader func(hash string) ([]byte, error)

// UnmarshalRecordJSON decodes and validates one interchange object. Every
// text is normalised (NFC, invisible characters removed); a missing status is
// draft, a missing author the default byline; invalid UTF-8, an unknown kind
// or status, and a date that does not exist are errors. load resolves images
// given by hash (nil when none are expected).
func UnmarshalRecordJSON(data []byte, load ImageLoader) (*Record, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("dữ liệu không phải UTF-8 hợp lệ")
	}
	var j jsonRecord
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, jsonError(err)
	}
	// A NUL in an interchange file is refused; the store's own snapshots
	// (load != nil) may hold one from before this rule: it is removed.
	if err := j.controls(load == nil); err != nil {
		return nil, err
	}
	r := &Record{
		ID: j.ID, Title: clean(j.Title), Summary: vntext.CleanLines(j.Summary), Body: vntext.CleanLines(j.Body),
		Category: clean(j.Category), Author: clean(j.Author), Place: clean(j.Place),
		Number: clean(j.Number), Sign: clean(j.Sign), Urgency: clean(j.Urgency),
		AgencyParent: clean(j.AgencyParent), Agency: clean(j.Agency),
		SignerAuthority: clean(j.SignerAuthority), SignerPosition: vntext.CleanLines(j.SignerPosition),
		SignerName: clean(j.SignerName), URL: strings.TrimSpace(j.URL),
	}
	var err error
	if j.Kind == "" {
		return nil, errors.New("thiếu khóa \"kind\"")
	}
	if r.Kind, err = ParseKind(j.Kind); err != nil {
		return nil, err
	}
	r.Status = StatusDraft
	if j.Status != "" {
		if r.Status, err = ParseStatus(j.Status); err != nil {
			return nil, err
		}
	}
	if j.Date == "" {
		return nil, errors.New("thiếu khóa \"date\" (YYYY-MM-DD)")
	}
	if r.Date, err = time.Parse(ISODate, j.Date); err != nil {
		return nil, fmt.Errorf("ngày không hợp lệ %q (cần YYYY-MM-DD, ngày có thật)", j.Date)
	}
	if r.Author == "" {
		r.Author = DefaultAuthor
	}
	for _, s := range j.To {
		r.To = append(r.To, clean(s))
	}
	for _, s := range j.Recipients {
		r.Recipients = append(r.Recipients, clean(s))
	}
	for i, ji := range j.Images {
		im := Image{Name: clean(ji.Name), Caption: clean(ji.Caption), MediaType: strings.TrimSpace(ji.MediaType), Data: ji.Data}
		if len(im.Data) == 0 && ji.SHA256 != "" {
			if load == nil {
				return nil, fmt.Errorf("ảnh %d không có dữ liệu", i+1)
			}
			if im.Data, err = load(ji.SHA256); err != nil {
				return nil, fmt.Errorf("ảnh %d: %w", i+1, err)
			}
		}
		if len(im.Data) == 0 {
			return nil, fmt.Errorf("ảnh %d không có dữ liệu", i+1)
		}
		if len(ji.Data) > 0 {
			// Data from outside (an interchange file) must really be a
			// picture: SVG or HTML bytes never reach a page or an export.
			info, err := imagecheck.Check(im.Data)
			if err != nil {
				return nil, fmt.Errorf("ảnh %d: %w", i+1, err)
			}
			im.MediaType = info.MediaType
		}
		if im.MediaType == "" {
			im.MediaType = SniffImageType(im.Data)
		}
		if im.Name == "" {
			im.Name = DefaultImageName(i, im.MediaType)
		}
		r.Images = append(r.Images, im)
	}
	if j.Created != "" {
		if r.Created, err = time.Parse(time.RFC3339Nano, j.Created); err != nil {
			return nil, fmt.Errorf("thời điểm \"created\" không hợp lệ %q (cần dạng RFC 3339, ví dụ 2026-01-02T08:30:00Z)", j.Created)
		}
	}
	if j.Updated != "" {
		if r.Updated, err = time.Parse(time.RFC3339Nano, j.Updated); err != nil {
			return nil, fmt.Errorf("thời điểm \"updated\" không hợp lệ %q (cần dạng RFC 3339, ví dụ 2026-01-02T08:30:00Z)", j.Updated)
		}
	}
	return r, nil
}

// controls removes control characters from every text of the record,
// keeping tabs and line ends; with refuseNUL a NUL (a sign of a broken or
// binary file) is an error instead.
func (j *jsonRecord) controls(refuseNUL bool) error {
	type field struct {
		key string
		p   *string
	}
	fields := []field{
		{"kind", &j.Kind}, {"title", &j.Title}, {"summary", &j.Summary}, {"body", &j.Body},
		{"category", &j.Category}, {"author", &j.Author}, {"place", &j.Place}, {"date", &j.Date},
		{"status", &j.Status}, {"number", &j.Number}, {"sign", &j.Sign}, {"urgency", &j.Urgency},
		{"agency_parent", &j.AgencyParent}, {"agency", &j.Agency}, {"signer_authority", &j.SignerAuthority},
		{"signer_position", &j.SignerPosition}, {"signer_name", &j.SignerName}, {"url", &j.URL},
		{"created", &j.Created}, {"updated", &j.Updated},
	}
	for i := range j.To {
		fields = append(fields, field{"to", &j.To[i]})
	}
	for i := range j.Recipients {
		fields = append(fields, field{"recipients", &j.Recipients[i]})
	}
	for i := range j.Images {
		im := &j.Images[i]
		fields = append(fields, field{"images", &im.Name}, field{"images", &im.Caption}, field{"images", &im.MediaType})
	}
	for _, f := range fields {
		if refuseNUL && strings.IndexByte(*f.p, 0) >= 0 {
			return fmt.Errorf("khóa %q chứa ký tự NUL (\\u0000): tệp hỏng hoặc không phải văn bản", f.key)
		}
		*f.p = StripControls(*f.p)
	}
	return nil
}

// StripControls removes control characters (C0 other than tab and line
// ends, DEL, C1) from s; s is returned as it is when it holds none.
func StripControls(s string) string {
	if strings.IndexFunc(s, isStrippedControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isStrippedControl(r) {
			return -1
		}
		return r
	}, s)
}

func isStrippedControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7F && r < 0xA0)
}

func clean(s string) string { return strings.TrimSpace(vntext.Clean(s)) }

// SniffImageType returns "image/jpeg", "image/png" or "" for other data,
// from the signature only (imagecheck.Check tells whether the picture is good).
func SniffImageType(data []byte) string { return imagecheck.Sniff(data) }

// DefaultImageName names the i-th (0-based) image of a record: "anh-1.jpg".
func DefaultImageName(i int, mediaType string) string {
	ext := ".jpg"
	if mediaType == "image/png" {
		ext = ".png"
	}
	return fmt.Sprintf("anh-%d%s", i+1, ext)
}
