// Package mail writes a record as an e-mail draft (.eml, RFC 5322 + MIME):
// the portal's "send mail" link, offline. The message is multipart/mixed: a
// UTF-8 text part with the sapo and the portal address, and the record's PDF
// as an attachment. The subject is the title (with số and ký hiệu in front
// for a document), RFC 2047 encoded; the attachment's name is given RFC 2231
// encoded with the same name without diacritics as the ASCII fallback; the
// header X-Unsent: 1 makes Outlook open the file as a draft to send, and
// Thunderbird opens it as a message it can forward or edit. Lines end in CRLF.
//
// Encoders are the standard library's: mime.BEncoding for encoded words,
// mime.FormatMediaType for parameters (RFC 2231), mime/quotedprintable for
// the text, encoding/base64 for the PDF, mime/multipart for the parts.
package mail

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// Options are the message's envelope.
type Options struct {
	// From is the sender ("Văn phòng UBND <vp@laichau.gov.vn>"), a setting;
	// empty leaves the header out and the mail program fills it in.
	From string
	// To lists recipients (comma-separated), usually empty in a draft.
	To string
	// Date stamps the message; zero means now.
	Date time.Time
}

// maxLine is the longest header line written (RFC 2047 §2: 76).
const maxLine = 76

// maxASCIIName bounds the attachment's file name so that its ASCII form
// fits one header line: ` filename="…";` within maxLine.
const maxASCIIName = maxLine - len(` filename="";`)

// SubjectText is what the message is about: the title, and for an
// administrative document its số and ký hiệu in front ("Số 05/TB-VP: …")
// unless the title already names them.
func SubjectText(r *model.Record) string {
	title := oneLine(r.Title)
	if !r.Kind.IsDocument() {
		return title
	}
	h := decree.Of(r, decree.Options{})
	if title == "" {
		return h.Title
	}
	if h.NumberSign == "" || h.Number == "" || strings.Contains(title, h.NumberSign) {
		return title
	}
	return "Số " + h.NumberSign + ": " + title
}

// AttachmentName is the PDF's file name: the subject, Windows-safe, with
// its Vietnamese letters ("Số 05-TB-VP - Thông báo … .pdf"), short enough
// that its ASCII form (AttachmentNames) fits one header line.
func AttachmentName(r *model.Record) string {
	name, _ := AttachmentNames(r)
	return name
}

// AttachmentNames are the attachment's file name and its ASCII form: the
// same name letter for letter, without diacritics ("So 05-TB-VP - Thong bao
// … .pdf"), for mail programs that read only the plain parameter. Both are
// cut at the same place, so every program shows the same file name.
func AttachmentNames(r *model.Record) (name, ascii string) {
	stem := []rune(vntext.SafeFileName(SubjectText(r), ""))
	folded := make([]byte, len(stem))
	for i, c := range stem {
		folded[i] = asciiLetter(c)
	}
	const ext = ".pdf"
	if limit := maxASCIIName - len(ext); len(stem) > limit {
		cut := limit
		for i := cut; i > limit/2; i-- {
			if stem[i] == ' ' {
				cut = i
				break
			}
		}
		// Trim what a file name must not end with, the same in both.
		for cut > 1 && strings.ContainsRune(" .-", stem[cut-1]) {
			cut--
		}
		stem, folded = stem[:cut], folded[:cut]
	}
	return string(stem) + ext, string(folded) + ext
}

// asciiLetter is c without its diacritics (đ → d), or "_" for a character
// with no ASCII form: one byte per character, so the ASCII name is the same
// name letter for letter.
func asciiLetter(c rune) byte {
	switch c {
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	}
	if c < 0x80 {
		return byte(c)
	}
	for _, d := range norm.NFD.String(string(c)) {
		if d < 0x80 {
			return byte(d)
		}
	}
	return '_'
}

// oneLine is s cleaned with its lines and spaces collapsed.
func oneLine(s string) string { return strings.Join(strings.Fields(vntext.Clean(s)), " ") }

// Text is the message text: the sapo (or, without one, the first paragraph
// of the body) and the portal address when the item has one.
func Text(r *model.Record) string {
	lead := strings.Join(strings.Fields(r.Summary), " ")
	if lead == "" {
		for _, b := range doc.Parse(r.Body).Blocks {
			if b.Kind == doc.Paragraph || b.Kind == doc.Centered || b.Kind == doc.Heading {
				lead = strings.TrimSpace(doc.PlainText(b.Runs))
				break
			}
		}
	}
	var parts []string
	if lead != "" {
		parts = append(parts, lead)
	}
	if u := strings.TrimSpace(r.URL); u != "" {
		parts = append(parts, "Xem bài trên Cổng thông tin: "+u)
	}
	parts = append(parts, "Tệp đính kèm: "+AttachmentName(r))
	return strings.Join(parts, "\n\n") + "\n"
}

// Write writes the .eml for r with pdf attached.
func Write(w io.Writer, r *model.Record, pdf []byte, opts Options) error {
	if len(pdf) == 0 {
		return errors.New("chưa có tệp PDF để đính kèm")
	}
	date := opts.Date
	if date.IsZero() {
		date = time.Now()
	}
	var h strings.Builder
	if f := strings.TrimSpace(opts.From); f != "" {
		a, err := netmail.ParseAddress(f)
		if err != nil {
			return fmt.Errorf("địa chỉ người gửi không hợp lệ: %q", f)
		}
		h.WriteString(foldAddresses("From", []*netmail.Address{a}))
	}
	if t := strings.TrimSpace(opts.To); t != "" {
		as, err := netmail.ParseAddressList(t)
		if err != nil {
			return fmt.Errorf("địa chỉ người nhận không hợp lệ: %q", t)
		}
		h.WriteString(foldAddresses("To", as))
	}
	h.WriteString(Subject(SubjectText(r)))
	h.WriteString("Date: " + date.Format(time.RFC1123Z) + "\r\n")
	h.WriteString("MIME-Version: 1.0\r\n")
	h.WriteString("X-Unsent: 1\r\n")

	mw := multipart.NewWriter(w)
	h.WriteString("Content-Type: multipart/mixed;\r\n " + mime.FormatMediaType("x/x", map[string]string{"boundary": mw.Boundary()})[len("x/x; "):] + "\r\n")
	h.WriteString("\r\n")
	if _, err := io.WriteString(w, h.String()); err != nil {
		return err
	}

	tp, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"text/plain; charset=UTF-8"},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return err
	}
	qp := quotedprintable.NewWriter(tp)
	if _, err := io.WriteString(qp, Text(r)); err != nil {
		return err
	}
	if err := qp.Close(); err != nil {
		return err
	}

	name, ascii := AttachmentNames(r)
	pp, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {fileParam("application/pdf", "name", name, ascii)},
		"Content-Disposition":       {fileParam("attachment", "filename", name, ascii)},
		"Content-Transfer-Encoding": {"base64"},
	})
	if err != nil {
		return err
	}
	lw := &lineWriter{w: pp}
	enc := base64.NewEncoder(base64.StdEncoding, lw)
	if _, err := enc.Write(pdf); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if err := lw.end(); err != nil {
		return err
	}
	return mw.Close()
}

// fileParam formats a header value naming a file, one parameter per folded
// line: an ASCII name as a plain parameter; a Vietnamese one as its ASCII
// form (the same name without diacritics) followed by the RFC 2231 form,
// percent-encoded UTF-8 in continuations (key*0*=utf-8”…; key*1*=…) of at
// most maxLine characters a line.
func fileParam(kind, key, name, ascii string) string {
	if name == ascii {
		return mime.FormatMediaType(kind, map[string]string{key: name})
	}
	plain := strings.TrimPrefix(mime.FormatMediaType(kind, map[string]string{key: ascii}), kind+"; ")
	var b strings.Builder
	b.WriteString(kind + ";\r\n " + plain)
	// Each character is encoded whole within one continuation: some
	// programs decode the pieces one by one.
	var pieces []string
	for _, c := range name {
		pieces = append(pieces, pctEncode(string(c)))
	}
	for i := 0; len(pieces) > 0; i++ {
		head := fmt.Sprintf("%s*%d*=", key, i)
		if i == 0 {
			head += "utf-8''"
		}
		room := maxLine - 1 - len(head) - 1 // leading space, trailing ";"
		var seg strings.Builder
		n := 0
		for n < len(pieces) && (n == 0 || seg.Len()+len(pieces[n]) <= room) {
			seg.WriteString(pieces[n])
			n++
		}
		b.WriteString(";\r\n " + head + seg.String())
		pieces = pieces[n:]
	}
	return b.String()
}

// pctEncode percent-encodes s for an RFC 2231 extended value: every byte
// but letters, digits and the few marks attribute-char allows.
func pctEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// Subject returns the Subject header line(s), CRLF-terminated: plain for
// printable ASCII, else RFC 2047 "=?UTF-8?B?…?=" words (mime.BEncoding, which
// never splits a UTF-8 character), folded so that no line exceeds 76
// characters. Adjacent encoded words decode without the folding space.
func Subject(title string) string {
	title = strings.Join(strings.Fields(vntext.Clean(title)), " ")
	const head = "Subject:"
	if !needsEncoding(title) {
		return foldPlain(head, title)
	}
	// The first word is kept short enough to share the line with "Subject:"
	// when the rest also needs encoding (words joined only by folding).
	var words []string
	switch first, rest := splitRunes(title, 39); {
	case !goEncodes(title):
		// Printable ASCII that holds "=?", which a reader would take for an
		// encoded word: mime.BEncoding leaves ASCII as it is, so the words
		// are framed here around the standard base64 encoder.
		for rest := title; rest != ""; {
			var chunk string
			chunk, rest = splitRunes(rest, 45)
			words = append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString([]byte(chunk))+"?=")
		}
	case rest != "" && goEncodes(first) && goEncodes(rest):
		words = append([]string{mime.BEncoding.Encode("UTF-8", first)}, strings.Fields(mime.BEncoding.Encode("UTF-8", rest))...)
	default:
		words = strings.Fields(mime.BEncoding.Encode("UTF-8", title))
	}
	var b strings.Builder
	line := head
	for _, w := range words {
		if len(line)+1+len(w) > maxLine {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// splitRunes cuts s after at most n bytes, at a character boundary.
func splitRunes(s string, n int) (string, string) {
	if len(s) <= n {
		return s, ""
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i], s[i:]
}

// needsEncoding reports whether a header value cannot be written as it is.
func needsEncoding(s string) bool { return goEncodes(s) || strings.Contains(s, "=?") }

// goEncodes reports whether mime.BEncoding encodes s (it leaves printable
// ASCII alone).
func goEncodes(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' || c > '~') && c != '\t' {
			return true
		}
	}
	return false
}

// foldPlain writes an unstructured ASCII header, folded at spaces.
func foldPlain(head, value string) string {
	var b strings.Builder
	line := head
	for _, w := range strings.Fields(value) {
		if len(line)+1+len(w) > maxLine && line != head {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// foldAddresses writes an address header (names RFC 2047-encoded by
// net/mail), one address per line when they do not fit.
func foldAddresses(head string, as []*netmail.Address) string {
	var b strings.Builder
	line := head + ":"
	for i, a := range as {
		s := a.String()
		if i < len(as)-1 {
			s += ","
		}
		if len(line)+1+len(s) > maxLine && i > 0 {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + s
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// lineWriter breaks base64 output into CRLF-terminated lines of 76.
type lineWriter struct {
	w   io.Writer
	col int
}

func (l *lineWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := min(maxLine-l.col, len(p))
		if _, err := l.w.Write(p[:k]); err != nil {
			return n, err
		}
		n += k
		l.col += k
		p = p[k:]
		if l.col == maxLine {
			if _, err := io.WriteString(l.w, "\r\n"); err != nil {
				return n, err
			}
			l.col = 0
		}
	}
	return n, nil
}

func (l *lineWriter) end() error {
	if l.col > 0 {
		_, err := io.WriteString(l.w, "\r\n")
		l.col = 0
		return err
	}
	return nil
}
