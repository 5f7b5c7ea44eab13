// Package decree is the one model of how an administrative document is
// presented under Decree 30/2020/NĐ-CP Phụ lục I: what each line of the
// header and the footer says (Header, derived once from a record), the roles
// of the body's paragraphs (Roles: legal bases in italics, "Điều" bold, …)
// and the number rules (PadNumber, NumberSign). The preview, the PDF, the
// HTML and the Word export all draw from it, so that they cannot disagree on
// what a document says; each keeps only its own geometry.
package decree

import (
	"fmt"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// The fixed lines of ô 1.
const (
	QuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu  = "Độc lập - Tự do - Hạnh phúc"
	// EndMark closes the body of the decree's templates.
	EndMark = "./."
	// DraftLabel marks a document not yet approved.
	DraftLabel = "DỰ THẢO"
	// NoiNhanLabel heads the recipients block (ô 9b).
	NoiNhanLabel = "Nơi nhận:"
	// KinhGuiLabel heads the addressees (ô 9a).
	KinhGuiLabel = "Kính gửi:"
)

// blankNumber stands for the number of a document not yet numbered: room
// to write it in by hand (no-break spaces, so no output collapses them).
var blankNumber = strings.Repeat("\u00a0", 8)

// Options are what the header takes from outside the record.
type Options struct {
	// AgencyParent and Agency are the office's cơ quan chủ quản and cơ quan
	// ban hành (settings), used only for a record that names neither.
	AgencyParent, Agency string
	// Revision is the number of the draft's saved revision (0: unknown).
	Revision int
}

// Draft is the mark a draft or a document awaiting review carries.
type Draft struct {
	Label    string    // "DỰ THẢO"
	Revision int       // saved revision, 0 when unknown
	Time     time.Time // when the draft was last saved (zero: never)
	Note     string    // "Lần 3, 09:30 ngày 05/3/2024"
}

// Addressing says how ô 9a is laid out.
type Addressing int

const (
	// KinhGui: "Kính gửi:" with one recipient on its line, or several as a
	// list "- …;" ending ".".
	KinhGui Addressing = iota
	// Dispatch: a công điện's "… điện:" line, centred bold, then the
	// recipients one per justified line.
	Dispatch
)

// Header is everything a Decree-30 document prints outside its body, each
// line exactly as it is printed. Empty fields are not printed.
type Header struct {
	Kind model.Kind

	AgencyParent []string // ô 2, upper case, upright: "UBND TỈNH LAI CHÂU"
	Agency       []string // ô 2, upper case, bold, rule under it: "VĂN PHÒNG"

	Number     string // "05" (padded); "" when not yet numbered
	Sign       string // ký hiệu as typed: "TTr-VPUBND"
	NumberSign string // "05/TB-UBND"
	NumberLine string // ô 3: "Số: 05/TB-UBND"; blanks for the number of an unnumbered draft

	QuocHieu, TieuNgu string // ô 1
	PlaceDate         string // ô 4: "Lai Châu, ngày 05 tháng 3 năm 2024"; blanks for an undated draft

	Urgency      string  // ô 10b, upper case: "THƯỢNG KHẨN"
	UrgencyWidth float64 // its box in mm (30, 40, 20), 0 for an unknown mark

	KindName string // ô 5a: "THÔNG BÁO"; "" for a công văn
	// Summary is the trích yếu, one string per line the clerk typed: bold
	// under the tên loại (ô 5a), or "V/v …" under the number for a công văn
	// (ô 5b, SummaryUnderNumber).
	Summary            []string
	SummaryUnderNumber bool

	Addressing Addressing
	// AddressLabel is "Kính gửi:", or a công điện's "… điện:" line: the one
	// its body opens with (the body's outputs skip it, see DispatchHead), or
	// one made from the agency's name.
	AddressLabel string
	To           []string // addressees, bare: "Sở Y tế"
	ToLines      []string // as printed: one: "Sở Y tế."; several: "- Sở Y tế;", …, "- … ."

	Draft *Draft // nil for approved and published documents

	Signer          []string // ô 7a, upper case: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
	SignerAuthority int      // how many of Signer's first lines are the quyền hạn (record.SignerAuthority); the rest are chức vụ
	SignerName      string   // ô 7b
	Recipients      []string // ô 9b lines: "- Như trên;", …, "- Lưu: VT, HCTC."

	Title string // the record's title, else tên loại, number and trích yếu (file metadata)
}

// Of derives the header of r.
func Of(r *model.Record, o Options) Header {
	h := Header{Kind: r.Kind, QuocHieu: QuocHieu, TieuNgu: TieuNgu}
	parent, agency := lines(r.AgencyParent), lines(r.Agency)
	if len(parent) == 0 && len(agency) == 0 {
		parent, agency = lines(o.AgencyParent), lines(o.Agency)
	}
	h.AgencyParent, h.Agency = upper(parent), upper(agency)

	h.Number = PadNumber(vntext.Clean(r.Number))
	h.Sign = Sign(r.Sign)
	h.NumberSign = NumberSign(r.Number, r.Sign)
	n := h.Number
	if n == "" {
		n = blankNumber
	}
	h.NumberLine = "Số: " + n
	if h.Sign != "" {
		h.NumberLine += "/" + h.Sign
	}
	h.PlaceDate = placeDate(r.Place, r.Date)

	if u := strings.ToUpper(oneLine(r.Urgency)); u != "" {
		h.Urgency = u
		h.UrgencyWidth = map[string]float64{"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}[u]
	}

	summary := lines(r.Summary)
	if r.Kind == model.KindCongVan {
		h.SummaryUnderNumber = len(summary) > 0
		if len(summary) > 0 && !strings.HasPrefix(summary[0], "V/v") {
			summary[0] = "V/v " + summary[0]
		}
	} else {
		h.KindName = strings.ToUpper(oneLine(r.Kind.Label()))
	}
	h.Summary = summary

	h.To = addressees(r.To)
	if r.Kind == model.KindCongDien {
		h.Addressing = Dispatch
		if line, ok := dispatchLine(r.Body); ok {
			h.AddressLabel = line
		} else if len(h.To) > 0 {
			if ag := oneLine(strings.Join(agency, " ")); ag != "" {
				h.AddressLabel = strings.ToUpper(ag) + " điện:"
			}
		}
		for i, t := range h.To {
			h.ToLines = append(h.ToLines, "- "+t+listEnd(i, len(h.To)))
		}
	} else if len(h.To) > 0 {
		h.AddressLabel = KinhGuiLabel
		if len(h.To) == 1 {
			h.ToLines = []string{h.To[0] + "."}
		} else {
			for i, t := range h.To {
				h.ToLines = append(h.ToLines, "- "+t+listEnd(i, len(h.To)))
			}
		}
	}

	if r.Status == model.StatusDraft || r.Status == model.StatusReview {
		h.Draft = &Draft{Label: DraftLabel, Revision: o.Revision, Time: r.Updated}
		h.Draft.Note = draftNote(o.Revision, r.Updated)
	}

	for _, s := range []string{r.SignerAuthority, r.SignerPosition} {
		h.Signer = append(h.Signer, upper(lines(s))...)
	}
	h.SignerAuthority = len(lines(r.SignerAuthority))
	h.SignerName = oneLine(r.SignerName)
	for _, s := range r.Recipients {
		s = oneLine(s)
		if s == "" {
			continue
		}
		if !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") {
			s = "- " + s
		}
		h.Recipients = append(h.Recipients, s)
	}
	h.Title = title(r, h.NumberSign)
	return h
}

// HasFooter reports whether the document has a Nơi nhận or signer block.
func (h Header) HasFooter() bool {
	return len(h.Recipients) > 0 || len(h.Signer) > 0 || h.SignerName != ""
}

// DraftLine is the draft mark on one line: "DỰ THẢO (Lần 3, 09:30 ngày
// 05/3/2024)"; "" for a document that is not a draft.
func (h Header) DraftLine() string {
	if h.Draft == nil {
		return ""
	}
	if h.Draft.Note == "" {
		return h.Draft.Label
	}
	return h.Draft.Label + " (" + h.Draft.Note + ")"
}

// draftNote says which draft this is: its revision and the time it was
// saved, in the office's local time.
func draftNote(rev int, t time.Time) string {
	var parts []string
	if rev > 0 {
		parts = append(parts, fmt.Sprintf("Lần %d", rev))
	}
	if !t.IsZero() {
		lt := t.Local()
		parts = append(parts, fmt.Sprintf("%02d:%02d ngày %d/%d/%d", lt.Hour(), lt.Minute(), lt.Day(), int(lt.Month()), lt.Year()))
	}
	return strings.Join(parts, ", ")
}

// placeDate is ô 4; an undated draft leaves the day, month and year blank.
func placeDate(place string, date time.Time) string {
	place = oneLine(place)
	if !date.IsZero() {
		return vntext.PlaceDate(place, date)
	}
	blank := strings.Repeat("\u00a0", 5)
	s := "ngày" + blank + "tháng" + blank + "năm" + blank + "\u00a0"
	if place == "" {
		return "N" + strings.TrimPrefix(s, "n")
	}
	return place + ", " + s
}

// title is the document's title for file metadata and mail: its title, else
// tên loại, number and trích yếu.
func title(r *model.Record, numberSign string) string {
	if t := oneLine(r.Title); t != "" {
		return t
	}
	s := r.Kind.Label()
	if numberSign != "" {
		s += " số " + numberSign
	}
	if sum := oneLine(r.Summary); sum != "" {
		s += " " + sum
	}
	return s
}

// addressees are the Kính gửi names without the list marks the clerk may
// have typed ("- Sở Y tế;" → "Sở Y tế").
func addressees(to []string) []string {
	var out []string
	for _, t := range to {
		t = oneLine(t)
		t = strings.TrimSpace(strings.TrimLeft(t, "-–+•"))
		t = strings.TrimRight(t, ";,. ")
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// dispatchLine is the "… điện:" line a công điện's body opens with, as
// plain text.
func dispatchLine(body string) (string, bool) {
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		d := doc.Parse(l)
		if len(d.Blocks) != 1 || d.Blocks[0].Kind != doc.Paragraph {
			return "", false
		}
		t := oneLine(doc.PlainText(d.Blocks[0].Runs))
		return t, IsDispatchLine(t)
	}
	return "", false
}

// IsDispatchLine recognises the line that addresses a công điện:
// "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:".
func IsDispatchLine(s string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(s)), "điện:")
}

func listEnd(i, n int) string {
	if i == n-1 {
		return "."
	}
	return ";"
}

// lines splits s at line breaks into cleaned, single-spaced, non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(vntext.CleanLines(s), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oneLine is s cleaned, its lines joined by single spaces.
func oneLine(s string) string { return strings.Join(lines(s), " ") }

func upper(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = strings.ToUpper(l)
	}
	return out
}
