// Package model holds Biên Tập's records: announcements, news items and
// administrative documents, their kinds and statuses. It knows nothing of
// widgets or PDFs; the store, the body document model and the Vietnamese text
// rules live in its sub-packages.
package model

import (
	"fmt"
	"time"
)

// DefaultAuthor is the byline used when a record names no author.
const DefaultAuthor = "Ban biên tập"

// Status is where a record stands in the editorial workflow.
type Status string

// The workflow: draft → review → approved → published; going back is allowed.
// Trash is restorable until emptied.
const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusApproved  Status = "approved"
	StatusPublished Status = "published"
	StatusTrash     Status = "trash"
)

// Statuses lists every status in workflow order, trash last.
var Statuses = []Status{StatusDraft, StatusReview, StatusApproved, StatusPublished, StatusTrash}

// Label is the Vietnamese name shown to clerks.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Nháp"
	case StatusReview:
		return "Chờ duyệt"
	case StatusApproved:
		return "Đã duyệt"
	case StatusPublished:
		return "Đã đăng"
	case StatusTrash:
		return "Thùng rác"
	}
	return string(s)
}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// ParseStatus accepts a status key ("draft") or its Vietnamese label ("Nháp").
func ParseStatus(s string) (Status, error) {
	for _, v := range Statuses {
		if s == string(v) || s == v.Label() {
			return v, nil
		}
	}
	return "", fmt.Errorf("trạng thái không hợp lệ %q (dùng: draft, review, approved, published, trash)", s)
}

// Image is a picture stored inside the archive, with its caption.
type Image struct {
	ID        int64  `json:"-"`
	Name      string `json:"name,omitempty"` // file name the body refers to, e.g. "anh-1.jpg"
	Caption   string `json:"caption"`
	MediaType string `json:"media_type"` // image/jpeg or image/png
	Data      []byte `json:"data"`       // base64 in JSON
}

// Record is one announcement, news item or administrative document.
type Record struct {
	ID      int64
	Kind    Kind
	Title   string
	Summary string // sapo for news, trích yếu for documents
	Body    string // body text in Biên Tập's markup (see package doc)

	Category string // chuyên mục
	Author   string // byline
	Place    string // địa danh
	Date     time.Time

	Number  string // số, as written ("05")
	Sign    string // ký hiệu ("TB-UBND")
	Urgency string // độ khẩn: "", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"

	AgencyParent    string // cơ quan chủ quản
	Agency          string // cơ quan ban hành
	SignerAuthority string // quyền hạn: "TM. ỦY BAN NHÂN DÂN"
	SignerPosition  string // chức vụ, may hold two lines: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
	SignerName      string

	To         []string // kính gửi
	Recipients []string // nơi nhận lines

	Images []Image
	URL    string // portal address once published
	Status Status

	Created time.Time
	Updated time.Time
}

// FeaturedImage returns the record's first image, the one shown under the
// title of a news item, or nil.
func (r *Record) FeaturedImage() *Image {
	if len(r.Images) == 0 {
		return nil
	}
	return &r.Images[0]
}

// ImageByName finds an image by the name the body refers to it with.
func (r *Record) ImageByName(name string) *Image {
	for i := range r.Images {
		if r.Images[i].Name == name {
			return &r.Images[i]
		}
	}
	return nil
}

// Clone returns a deep copy of r.
func (r *Record) Clone() *Record {
	c := *r
	c.To = append([]string(nil), r.To...)
	c.Recipients = append([]string(nil), r.Recipients...)
	c.Images = make([]Image, len(r.Images))
	for i, im := range r.Images {
		im.Data = append([]byte(nil), im.Data...)
		c.Images[i] = im
	}
	return &c
}

// Date formats used at the boundaries.
const (
	// ISODate is the stored and interchange form of a date.
	ISODate = "2006-01-02"
)

// Day returns t's civil date at midnight UTC, the form records keep.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
