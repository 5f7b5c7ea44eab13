package importer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"bientap/model/doc"
)

// This file reads the footer of an administrative document: Nơi nhận
// (ô 9b) and the signer (ô 7a, 7b), side by side in a borderless table, on
// either side of tab stops, or in paragraphs one after the other.

// readFooter finds the footer at the end of bs (after block start) and
// returns the index where the body ends.
func (d *decreeDoc) readFooter(bs []dblock, start int) int {
	end := len(bs)
	k := end
	for k > start && bs[k-1].cellImage {
		k--
	}
	if k > start && bs[k-1].Kind == doc.Table && bs[k-1].rows != nil && d.footerTable(bs[k-1], k-1) {
		for j := k; j < end; j++ {
			d.dropped = append(d.dropped, "ảnh trong khối chữ ký (chữ ký, con dấu)")
		}
		return k - 1
	}
	return d.footerParagraphs(bs, start, end)
}

// footerTable reads a table that holds the footer: Nơi nhận in its left
// column, the signer in its right one. It reports false, reading nothing,
// for any other table.
func (d *decreeDoc) footerTable(b dblock, idx int) bool {
	var left, right []line
	label := false
	for _, l := range linesOf(b, idx) {
		if l.col == 0 {
			left = append(left, l)
			label = label || classify(l) == lkNoiNhan
		} else {
			right = append(right, l)
		}
	}
	signer, authority, name, other := signerOf(right)
	if !label && (name == "" || len(signer) == 0) {
		return false
	}
	d.signer, d.authority, d.signerName = signer, authority, name
	d.dropped = append(d.dropped, other...)
	recipients, rest := recipientsOf(left)
	d.recipients = append(d.recipients, recipients...)
	d.dropped = append(d.dropped, rest...)
	d.account(append(left, right...))
	return true
}

// account records the footer's lines that no field keeps: the label (read)
// and the signature placeholders and rules (left out).
func (d *decreeDoc) account(ls []line) {
	for _, l := range ls {
		switch k := classify(l); {
		case k == lkNoiNhan && strings.TrimSpace(strings.TrimLeft(afterPrefix(l.text, "Nơi nhận"), ": ")) == "":
			d.read = append(d.read, l.text)
		case k == lkRule:
			d.read = append(d.read, l.text)
		case isSignaturePlaceholder(l.text):
			d.dropped = append(d.dropped, l.text)
		}
	}
}

// footerLine is what a line of a footer laid out in paragraphs is.
type footerLine int

const (
	flNone footerLine = iota
	flLabel
	flRecipient
	flSigner
	flName
	flSkip // empty, a rule, a placeholder
)

// footerKind says what a line at the end of a document may be; label
// says whether "Nơi nhận:" is below it (walking up, list lines are
// recipients only below the label).
func footerKind(l line, labelBelow bool) footerLine {
	switch l.part {
	case partNoiNhan:
		return flLabel
	case partNoiNhanLine:
		return flRecipient
	case partSigner, partAuthority, partPosition:
		return flSigner
	case partSignerName:
		return flName
	}
	t := l.text
	switch k := classify(l); {
	case k == lkEmpty || k == lkRule || isSignaturePlaceholder(t):
		return flSkip
	case k == lkNoiNhan:
		return flLabel
	case isListLine(t) && !labelBelow && wordCount(t, 40) <= 35:
		return flRecipient
	case isPositionLine(t) && wordCount(t, 12) <= 10:
		return flSigner
	case isNameLine(t):
		return flName
	}
	return flNone
}

// footerParagraphs reads a footer laid out in paragraphs (or with tab
// stops): walking up from the end over signer lines, recipients and the
// "Nơi nhận:" label, stopping at the body's last paragraph. A footer needs
// the label, or a signer's name under at least one title.
func (d *decreeDoc) footerParagraphs(bs []dblock, start, end int) int {
	f := end
	labelBelow := false
	var ls []line
	var table []line // a Nơi nhận table above signer paragraphs
	for f > start && end-f < 60 {
		b := bs[f-1]
		if b.Kind == doc.Table && b.rows != nil {
			tl := linesOf(b, f-1)
			if slices.ContainsFunc(tl, func(l line) bool { return l.col == 0 && classify(l) == lkNoiNhan }) {
				table = tl
				labelBelow = true
				f--
			}
			break
		}
		if b.Kind == doc.Image || b.Kind == doc.Table || b.cellImage {
			break
		}
		bl := linesOf(b, f-1)
		ok := len(bl) > 0
		label := false
		for _, l := range bl {
			k := footerKind(l, labelBelow)
			if k == flNone {
				ok = false
			}
			label = label || k == flLabel
		}
		if !ok || strings.HasSuffix(strings.TrimSpace(doc.PlainText(b.Runs)), "./.") {
			break
		}
		labelBelow = labelBelow || label
		ls = append(bl, ls...)
		f--
	}
	var left, right []line
	hasLabel, hasName, hasTitle := len(table) > 0, false, false
	for _, l := range table {
		if l.col == 0 {
			left = append(left, l)
		} else {
			right = append(right, l)
		}
	}
	for _, l := range ls {
		k := footerKind(l, false)
		switch {
		case k == flLabel:
			hasLabel = true
			left = append(left, l)
		case k == flRecipient:
			left = append(left, l)
		case k == flName:
			hasName = true
			right = append(right, l)
		case k == flSigner:
			hasTitle = true
			right = append(right, l)
		case l.col == 0:
			left = append(left, l)
		default:
			right = append(right, l)
		}
	}
	if !hasLabel && !(hasName && hasTitle) {
		return end
	}
	// Without the label, list lines above the signer belong to the body.
	if !hasLabel {
		for f < end {
			first := linesOf(bs[f], f)
			if len(first) > 0 && footerKind(first[0], true) != flRecipient && !isListLine(first[0].text) {
				break
			}
			f++
		}
		left = nil
		right = right[:0]
		for j := f; j < end; j++ {
			right = append(right, linesOf(bs[j], j)...)
		}
	}
	var other []string
	d.signer, d.authority, d.signerName, other = signerOf(right)
	d.dropped = append(d.dropped, other...)
	recipients, rest := recipientsOf(left)
	d.recipients = append(d.recipients, recipients...)
	d.dropped = append(d.dropped, rest...)
	d.account(append(left, right...))
	return f
}

// signerOf reads the signer's lines: quyền hạn and chức vụ in capitals, then
// the name (placeholders such as "(Đã ký)" left out, other lines returned).
// authority is how many of the titles are the quyền hạn when their styles
// say so (export/docx's QuyenHan and ChucVu), else -1.
func signerOf(ls []line) (titles []string, authority int, name string, other []string) {
	var kept []line
	authority = -1
	for _, l := range ls {
		switch {
		case l.part == partSignerName:
			name = l.text
		case l.part == partAuthority:
			if authority < 0 {
				authority = 0
			}
			if authority == len(titles) { // quyền hạn lines come first
				authority++
			}
			titles = append(titles, l.text)
		case l.part == partPosition:
			authority = max(authority, 0)
			titles = append(titles, l.text)
		case l.part == partSigner:
			titles = append(titles, l.text)
		case classify(l) == lkEmpty || classify(l) == lkRule || isSignaturePlaceholder(l.text):
		default:
			kept = append(kept, l)
		}
	}
	if name != "" || len(titles) > 0 {
		for _, l := range kept {
			other = append(other, l.text)
		}
		return titles, authority, name, other
	}
	if n := len(kept); n > 0 && !isPositionLine(kept[n-1].text) && isNameLine(kept[n-1].text) {
		name = kept[n-1].text
		kept = kept[:n-1]
	}
	for _, l := range kept {
		if isUpperText(l.text) {
			titles = append(titles, l.text)
		} else {
			other = append(other, l.text)
		}
	}
	return titles, authority, name, other
}

// authorityLines is how many of a signer's title lines are the quyền hạn
// when no style says so. Decree 30 (Phụ lục I, ô 7a) writes the quyền hạn
// with its abbreviation: TM. (on behalf of a collective), KT. (signing for
// the head), Q. (acting), TL. (by order), TUQ. (delegated). The first line
// is the quyền hạn when it carries one of them and a chức vụ follows it
// ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "KT. CHÁNH
// VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG"); a chức vụ alone, on one line or two
// ("CHÁNH VĂN PHÒNG" / "KIÊM TRƯỞNG BAN BIÊN TẬP"), or "Q. GIÁM ĐỐC" alone,
// is the chức vụ.
func authorityLines(titles []string) int {
	if len(titles) >= 2 && hasAuthorityPrefix(titles[0]) {
		return 1
	}
	return 0
}

// hasAuthorityPrefix reports whether a signer's line opens with a quyền
// hạn abbreviation of Decree 30: "TM.", "KT.", "Q.", "TL.", "TUQ.".
func hasAuthorityPrefix(t string) bool {
	head, _, ok := strings.Cut(strings.TrimSpace(t), ".")
	if !ok {
		return false
	}
	switch strings.ToUpper(head) {
	case "TM", "KT", "Q", "TL", "TUQ":
		return true
	}
	return false
}

// recipientsOf reads the lines under "Nơi nhận:" as typed; lines above
// the label that are no list item are returned apart.
func recipientsOf(ls []line) (out, other []string) {
	seen := false
	for _, l := range ls {
		k := classify(l)
		switch {
		case k == lkNoiNhan:
			seen = true
			rest := strings.TrimSpace(afterPrefix(l.text, "Nơi nhận"))
			rest = strings.TrimLeft(rest, ": ")
			if rest != "" {
				out = append(out, rest)
			}
		case k == lkEmpty || k == lkRule:
		case seen || l.part == partNoiNhanLine || isListLine(l.text):
			out = append(out, l.text)
		default:
			other = append(other, l.text)
		}
	}
	return out, other
}

// afterPrefix is t without its first n runes, n being the length of p.
func afterPrefix(t, p string) string {
	rs := []rune(strings.TrimSpace(t))
	n := utf8.RuneCountInString(p)
	if len(rs) < n {
		return ""
	}
	return string(rs[n:])
}

// isNameLine reports whether a line reads as a person's name: two to seven
// capitalised words without digits or sentence punctuation ("Hà Trọng
// Hải"), or such a name in capitals that names no title.
func isNameLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > 50 || strings.ContainsAny(t, ".:;,!?()0123456789/") {
		return false
	}
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 7 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return !isPositionLine(t)
}
