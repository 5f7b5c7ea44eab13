// This file holds the DOM helpers of the HTML importer: which elements
// carry no text or start a block, their attributes and visible text.

package importer

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bientap/model/vntext"
)

// skipped elements carry no article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true,
	atom.Head: true, atom.Audio: true, atom.Video: true, atom.Map: true, atom.Area: true, atom.Meta: true,
	atom.Link: true, atom.Title: true, atom.Dialog: true,
}

// blockAtoms start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Blockquote: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true, atom.Figure: true,
	atom.Figcaption: true, atom.Center: true, atom.Address: true, atom.Pre: true, atom.Hr: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true, atom.Nav: true,
}

func isElem(n *html.Node, a ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, x := range a {
		if n.DataAtom == x {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// classID is the element's class and id, lower case, for heuristics.
func classID(n *html.Node) string {
	return strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
}

func hasAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// textOf is the visible text of n, whitespace collapsed, blocks separated
// by spaces.
func textOf(n *html.Node) string {
	t, _ := shortText(n, -1)
	return t
}

// shortText is textOf for an element whose raw text is at most limit bytes
// (any length when limit < 0); ok is false, and the walk stops early, for
// longer text.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	over := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if over {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			if limit >= 0 && b.Len() > limit {
				over = true
				return
			}
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			if blockAtoms[n.DataAtom] || n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockAtoms[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	if over {
		return "", false
	}
	return cleanInline(b.String()), true
}

// hasText reports whether n holds any visible non-space text.
func hasText(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return strings.TrimSpace(n.Data) != ""
	case html.ElementNode:
		if skipAtoms[n.DataAtom] {
			return false
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockAtoms[c.DataAtom] && hasText(c) {
			return true
		}
	}
	return false
}

func insideAny(n *html.Node, as ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if isElem(p, as...) {
			return true
		}
	}
	return false
}

func containsImg(n *html.Node) bool {
	if isElem(n, atom.Img) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if containsImg(c) {
			return true
		}
	}
	return false
}

// linkDensity is the share of an element's text inside links.
func linkDensity(n *html.Node) float64 {
	all := utf8.RuneCountInString(textOf(n))
	if all == 0 {
		return 0
	}
	in := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if isElem(c, atom.A) {
			in += utf8.RuneCountInString(textOf(c))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return min(float64(in)/float64(all), 0.9)
}

func isDescendant(n, anc *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}

// cleanInline normalises text of HTML: NFC, whitespace collapsed (a run
// holding an ordinary space or line break is one space; a lone no-break
// space between words is kept), trimmed.
func cleanInline(s string) string {
	return strings.TrimSpace(collapseSpace(vntext.Clean(s)))
}

// collapseSpace collapses whitespace runs without trimming the ends, so
// that runs of text can be joined. As in a browser, ordinary whitespace
// shows as one space and each no-break space as one more: editors write a
// double space as "&nbsp; ", which becomes two spaces.
func collapseSpace(s string) string {
	isWS := func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isWS(rs[i]) && rs[i] != '\u00A0' {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j, ws, nb := i, 0, 0
		for ; j < len(rs) && (isWS(rs[j]) || rs[j] == '\u00A0'); j++ {
			if rs[j] == '\u00A0' {
				nb++
			} else {
				ws++
			}
		}
		switch {
		case ws == 0:
			b.WriteString(strings.Repeat("\u00A0", nb)) // no-break spaces alone stay
		default:
			b.WriteString(strings.Repeat(" ", 1+nb))
		}
		i = j
	}
	return b.String()
}
