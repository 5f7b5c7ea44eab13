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
	attrs []xml.Attr
	kids  []*xnode
	text  string // character data of w:t, w:delText, w:instrText and the document's properties
	buf   []byte // text while it is being read
}

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
	nodes := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &xmlError{err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				return nil, errors.New("cấu trúc lồng quá sâu")
			}
			if nodes++; nodes > maxXMLNodes {
				return nil, errors.New("quá nhiều phần tử")
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				top := stack[len(stack)-1]
				top.text, top.buf = string(top.buf), nil
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			switch top.name {
			case "t", "delText", "instrText", "title", "subject", "creator", "created", "modified", "Application":
				top.buf = append(top.buf, t...)
			}
		}
	}
	for _, n := range stack[1:] { // elements left open at the end
		n.text, n.buf = string(n.buf), nil
	}
	return root, nil
}

func (n *xnode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
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
