// This file holds the small XML tree the .docx reader walks.

package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xnode is an element of a parsed XML part; names are local names (the
// WordprocessingML namespace is implied, which also reads Strict OOXML).
type xnode struct {
	name  string
	attrs []xattr
	kids  []*xnode
	text  string // character data of w:t, w:instrText and the document's properties
}

// xattr is an attribute by its local name.
type xattr struct{ local, value string }

// xmlError is a broken XML part, in Vietnamese.
type xmlError struct{ err error }

func (e *xmlError) Error() string {
	var se *xml.SyntaxError
	if errors.As(e.err, &se) {
		return fmt.Sprintf("lỗi cú pháp XML ở dòng %d", se.Line)
	}
	return "XML không đọc được"
}

func (e *xmlError) Unwrap() error { return e.err }

// parseXML reads a part into a tree of at most maxXMLNodes elements nested
// at most maxXMLDepth deep. Time and memory are linear in the part: text
// split into many pieces (by comments, entities) is appended, not copied
// again for each piece.
func parseXML(b []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	root := &xnode{}
	stack := []*xnode{root}
	var bufs [][]byte // text being read, one per open element
	bufs = append(bufs, nil)
	nodes, tokens := 0, 0
	skip := 0 // depth inside an element that is not kept
	// Element and attribute names repeat thousands of times: keep one copy.
	names := map[string]string{}
	intern := func(s string) string {
		if v, ok := names[s]; ok {
			return v
		}
		if len(names) < 4096 {
			names[s] = s
		}
		return s
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &xmlError{err}
		}
		if tokens++; tokens > 4*maxXMLNodes {
			return nil, errors.New("quá nhiều phần tử")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || unkept[t.Name.Local] {
				skip++
				continue
			}
			if len(stack) > maxXMLDepth {
				return nil, errors.New("cấu trúc lồng quá sâu")
			}
			if nodes++; nodes > maxXMLNodes {
				return nil, errors.New("quá nhiều phần tử")
			}
			n := &xnode{name: intern(t.Name.Local)}
			if len(t.Attr) > 0 {
				n.attrs = make([]xattr, len(t.Attr))
				for i, a := range t.Attr {
					n.attrs[i] = xattr{intern(a.Name.Local), a.Value}
				}
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
			bufs = append(bufs, nil)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) > 1 {
				top := stack[len(stack)-1]
				if buf := bufs[len(bufs)-1]; len(buf) > 0 {
					top.text = string(buf)
				}
				stack, bufs = stack[:len(stack)-1], bufs[:len(bufs)-1]
			}
		case xml.CharData:
			if skip > 0 {
				continue
			}
			switch stack[len(stack)-1].name {
			case "t", "delText", "instrText", "title", "subject", "creator", "category", "created", "modified", "Application":
				bufs[len(bufs)-1] = append(bufs[len(bufs)-1], t...)
			}
		}
	}
	for i, n := range stack[1:] { // elements left open at the end
		if buf := bufs[i+1]; len(buf) > 0 {
			n.text = string(buf)
		}
	}
	return root, nil
}

// unkept are elements no reader here looks at, dropped with what they hold
// while a part is read, so that the tree holds only what is used: spell
// check and bookmark marks, sizes, languages, spacing, colours, revision
// properties, deleted text and moved-from text.
var unkept = map[string]bool{
	"proofErr": true, "bookmarkStart": true, "bookmarkEnd": true, "lang": true, "sz": true, "szCs": true,
	"lastRenderedPageBreak": true, "noProof": true, "kern": true, "spacing": true, "ind": true, "color": true,
	"shd": true, "highlight": true, "bCs": true, "iCs": true, "rtl": true, "cs": true, "commentRangeStart": true,
	"commentRangeEnd": true, "permStart": true, "permEnd": true, "rPrChange": true, "pPrChange": true,
	"del": true, "moveFrom": true, "webHidden": true, "vanish": true, "snapToGrid": true, "widowControl": true,
	"autoSpaceDE": true, "autoSpaceDN": true, "adjustRightInd": true, "contextualSpacing": true, "w": true,
	"position": true, "effect": true, "u": true, "strike": true, "dstrike": true,
}

func (n *xnode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.local == local {
			return a.value
		}
	}
	return ""
}

// child returns the first child with the local name.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// kidsNamed returns the children with the local name (none for a nil node).
func (n *xnode) kidsNamed(name string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// find returns the first descendant with the local name.
func (n *xnode) find(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

// all returns every descendant with the local name.
func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, k := range x.kids {
			if k.name == name {
				out = append(out, k)
			}
			walk(k)
		}
	}
	walk(n)
	return out
}

func (n *xnode) allText() string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		b.WriteString(n.text)
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// val reads a child's w:val ("" when the child is absent).
func (n *xnode) val(child string) string {
	if c := n.child(child); c != nil {
		return c.attr("val")
	}
	return ""
}

// onOff reads a toggle property (<w:b/>, <w:b w:val="0"/>); set says
// whether the property is present.
func (n *xnode) onOff(child string) (on, set bool) {
	c := n.child(child)
	if c == nil {
		return false, false
	}
	switch strings.ToLower(c.attr("val")) {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}
