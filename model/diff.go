package model

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// FieldChange is one field that differs between two versions of a record.
type FieldChange struct {
	Field string     // Vietnamese field label
	Old   string     // whole old value (one-line fields)
	New   string     // whole new value
	Lines []LineDiff // for multi-line fields: the line diff
}

// LineOp says what happened to a line.
type LineOp int

// Line operations of a diff.
const (
	LineSame LineOp = iota
	LineAdded
	LineRemoved
)

// LineDiff is one line of a line diff.
type LineDiff struct {
	Op   LineOp
	Text string
}

// Diff lists the fields that differ from a to b, in form order.
func Diff(a, b *Record) []FieldChange {
	var out []FieldChange
	one := func(label, x, y string) {
		if x != y {
			out = append(out, FieldChange{Field: label, Old: x, New: y})
		}
	}
	multi := func(label, x, y string) {
		if x != y {
			out = append(out, FieldChange{Field: label, Old: x, New: y, Lines: DiffLines(x, y)})
		}
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006")
	}
	one("Loại", a.Kind.Label(), b.Kind.Label())
	one("Trạng thái", a.Status.Label(), b.Status.Label())
	one("Tiêu đề", a.Title, b.Title)
	multi("Sapo / trích yếu", a.Summary, b.Summary)
	multi("Nội dung", a.Body, b.Body)
	one("Chuyên mục", a.Category, b.Category)
	one("Tác giả", a.Author, b.Author)
	one("Địa danh", a.Place, b.Place)
	one("Ngày", date(a.Date), date(b.Date))
	one("Số", a.Number, b.Number)
	one("Ký hiệu", a.Sign, b.Sign)
	one("Độ khẩn", a.Urgency, b.Urgency)
	one("Cơ quan chủ quản", a.AgencyParent, b.AgencyParent)
	one("Cơ quan ban hành", a.Agency, b.Agency)
	one("Quyền hạn ký", a.SignerAuthority, b.SignerAuthority)
	multi("Chức vụ", a.SignerPosition, b.SignerPosition)
	one("Người ký", a.SignerName, b.SignerName)
	multi("Kính gửi", strings.Join(a.To, "\n"), strings.Join(b.To, "\n"))
	multi("Nơi nhận", strings.Join(a.Recipients, "\n"), strings.Join(b.Recipients, "\n"))
	one("Địa chỉ trên cổng", a.URL, b.URL)
	if ia, ib := imagesSummary(a.Images), imagesSummary(b.Images); ia != ib {
		out = append(out, FieldChange{Field: "Ảnh", Old: ia, New: ib})
	} else if !sameImageData(a.Images, b.Images) {
		out = append(out, FieldChange{Field: "Ảnh", Old: ia, New: ib + " (dữ liệu ảnh đã thay đổi)"})
	}
	return out
}

func sameImageData(a, b []Image) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func imagesSummary(ims []Image) string {
	var parts []string
	for _, im := range ims {
		parts = append(parts, fmt.Sprintf("%s (%s, %d byte)", im.Name, im.Caption, len(im.Data)))
	}
	return strings.Join(parts, "; ")
}

// DiffLines is a line diff of two texts (longest common subsequence). Very
// long texts fall back to a prefix/suffix diff to bound the work.
func DiffLines(a, b string) []LineDiff {
	x, y := splitLines(a), splitLines(b)
	// Trim the common prefix and suffix: edits are usually local.
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	var out []LineDiff
	for _, l := range x[:p] {
		out = append(out, LineDiff{LineSame, l})
	}
	mx, my := x[p:len(x)-s], y[p:len(y)-s]
	if len(mx)*len(my) > 4_000_000 {
		for _, l := range mx {
			out = append(out, LineDiff{LineRemoved, l})
		}
		for _, l := range my {
			out = append(out, LineDiff{LineAdded, l})
		}
	} else {
		out = append(out, lcs(mx, my)...)
	}
	for _, l := range x[len(x)-s:] {
		out = append(out, LineDiff{LineSame, l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func lcs(x, y []string) []LineDiff {
	n, m := len(x), len(y)
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out []LineDiff
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			out = append(out, LineDiff{LineSame, x[i]})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			out = append(out, LineDiff{LineRemoved, x[i]})
			i++
		default:
			out = append(out, LineDiff{LineAdded, y[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, LineDiff{LineRemoved, x[i]})
	}
	for ; j < m; j++ {
		out = append(out, LineDiff{LineAdded, y[j]})
	}
	return out
}

// String renders the diff in the usual "+"/"-" form.
func (c FieldChange) String() string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s:\n", c.Field)
	if c.Lines == nil {
		fmt.Fprintf(&b, "- %s\n+ %s\n", c.Old, c.New)
		return b.String()
	}
	for _, l := range c.Lines {
		mark := "  "
		switch l.Op {
		case LineAdded:
			mark = "+ "
		case LineRemoved:
			mark = "- "
		}
		b.WriteString(mark + l.Text + "\n")
	}
	return b.String()
}
