// Package mail writes a record as an e-mail draft (.eml, RFC 5322 + MIME):
// the portal's "send mail" link, offline. The message is multipart/mixed: a
// UTF-8 text part with the sapo and the portal address, and the record's PDF
// as an attachment. The subject is the title, RFC 2047 encoded; the
// attachment's name is given RFC 2231 encoded with an ASCII fallback; the
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

	"bientap/model"
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

// AttachmentName is the PDF's file name: the title, Windows-safe, with its
// Vietnamese letters ("Hội nghị … .pdf").
func AttachmentName(title string) string { return vntext.SafeFileName(title, "pdf") }

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
	parts = append(parts, "Tệp đính kèm: "+AttachmentName(r.Title))
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
	h.WriteString(Subject(r.Title))
	h.WriteString("Date: " + date.Format(time.RFC1123Z) + "\r\n")
	h.WriteString("MIME-Version: 1.0\r\n")
	h.WriteString("X-Unsent: 1\r\n")

	mw := multipart.NewWriter(w)
	h.WriteString("Content-Type: " + mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mw.Boundary()}) + "\r\n")
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

	name := AttachmentName(r.Title)
	ascii := vntext.Slug(r.Title) + ".pdf"
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

// fileParam formats a header value naming a file: an ASCII name as a plain
// parameter; a Vietnamese one as an ASCII fallback followed by the RFC 2231
// form (key*=utf-8, an empty language between apostrophes, the name
// percent-encoded), both from mime.FormatMediaType.
func fileParam(kind, key, name, ascii string) string {
	enc := mime.FormatMediaType(kind, map[string]string{key: name})
	if !strings.Contains(enc, key+"*=") {
		return enc
	}
	return mime.FormatMediaType(kind, map[string]string{key: ascii}) + ";\r\n " + strings.TrimPrefix(enc, kind+"; ")
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
