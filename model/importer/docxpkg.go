// This file reads a .docx as a zip package: parts by name with size
// bounds, relationships and the core properties.

package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"bientap/model/vntext"
)

// Bounds for reading a .docx (a zip archive): no part is trusted by the size
// its header claims; every read stops at its bound.
const (
	maxDocxXML      = 16 << 20  // word/document.xml: a 1,500-page text is about 10 MB
	maxDocxSmallXML = 16 << 20  // styles, numbering, footnotes, relationships
	maxDocxUnpacked = 512 << 20 // everything read from one file
	maxXMLDepth     = 512
	maxXMLNodes     = 1_000_000 // elements kept of one part (about 130,000 paragraphs): the tree is what memory holds
)

type docxPackage struct {
	files  map[string]*zip.File // by lower-case part name
	budget int64
	unsafe []string
}

func openPackage(data []byte) (*docxPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, errors.New("không phải tệp .docx hợp lệ (không đọc được dạng nén zip); tệp Word cũ .doc hãy lưu lại thành .docx")
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, budget: maxDocxUnpacked}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if !fs.ValidPath(n) || strings.HasPrefix(f.Name, "/") {
			pkg.unsafe = append(pkg.unsafe, f.Name)
			continue
		}
		pkg.files[strings.ToLower(n)] = f
	}
	return pkg, nil
}

// read returns a part's bytes, at most limit of them.
func (p *docxPackage) read(name string, limit int64) ([]byte, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, errors.New("không có trong tệp")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("phần %s quá lớn (%d MB)", name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, unzipError(err)
	}
	defer rc.Close()
	lim := min(limit, p.budget)
	b, err := io.ReadAll(io.LimitReader(rc, lim+1))
	if err != nil {
		return nil, unzipError(err)
	}
	if int64(len(b)) > lim {
		if lim < limit {
			return nil, errors.New("tổng dung lượng giải nén vượt giới hạn (tệp nén bất thường)")
		}
		return nil, fmt.Errorf("phần %s giải nén ra quá lớn (tệp nén bất thường)", name)
	}
	p.budget -= int64(len(b))
	return b, nil
}

// mainPart finds the main document through the package relationships.
func (p *docxPackage) mainPart() string {
	if b, err := p.read("_rels/.rels", maxDocxSmallXML); err == nil {
		if root, err := parseXML(b); err == nil {
			for _, r := range root.all("Relationship") {
				if strings.HasSuffix(r.attr("Type"), "/officeDocument") && r.attr("TargetMode") != "External" {
					if t, ok := resolvePart("", r.attr("Target")); ok {
						return t
					}
				}
			}
		}
	}
	return "word/document.xml"
}

// resolvePart resolves a relationship target against the directory of its
// source part; ok is false for a target outside the archive.
func resolvePart(dir, target string) (string, bool) {
	target = strings.ReplaceAll(target, "\\", "/")
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(strings.TrimPrefix(target, "/"))
	} else {
		p = path.Clean(path.Join(dir, target))
	}
	if !fs.ValidPath(p) || p == "." {
		return "", false
	}
	return p, true
}

type rel struct {
	typ      string // the relationship's type URI
	target   string
	external bool
	bad      bool
	raw      string
}

// rels reads the relationships of a part.
func (p *docxPackage) rels(part string) map[string]rel {
	out := map[string]rel{}
	b, err := p.read(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"), maxDocxSmallXML)
	if err != nil {
		return out
	}
	root, err := parseXML(b)
	if err != nil {
		return out
	}
	for _, r := range root.all("Relationship") {
		raw := r.attr("Target")
		x := rel{raw: raw, typ: r.attr("Type"), external: strings.EqualFold(r.attr("TargetMode"), "External")}
		if !x.external {
			x.target, x.bad = resolvePart(path.Dir(part), raw)
			x.bad = !x.bad
		}
		out[r.attr("Id")] = x
	}
	return out
}

// core reads the document's properties: docProps/core.xml (title,
// subject, creator, created, modified) and docProps/app.xml (Application,
// the program that wrote the file), by local name.
func (p *docxPackage) core() map[string]string {
	out := map[string]string{}
	for _, part := range []string{"docProps/core.xml", "docProps/app.xml"} {
		b, err := p.read(part, maxDocxSmallXML)
		if err != nil {
			continue
		}
		root, err := parseXML(b)
		if err != nil {
			continue
		}
		// The root holds one element (cp:coreProperties, Properties); the
		// properties are its children.
		for _, top := range root.kids {
			for _, k := range top.kids {
				if _, seen := out[k.name]; !seen {
					out[k.name] = strings.TrimSpace(vntext.Clean(k.allText()))
				}
			}
		}
	}
	return out
}

// XML tree ---------------------------------------------------------------

// unzipError puts the zip reader's error into Vietnamese.
func unzipError(err error) error {
	var corrupt flate.CorruptInputError
	msg := "không giải nén được"
	switch {
	case errors.Is(err, zip.ErrAlgorithm):
		msg = "không giải nén được: kiểu nén không hỗ trợ"
	case errors.Is(err, zip.ErrChecksum), errors.As(err, &corrupt), errors.Is(err, zip.ErrFormat):
		msg = "dữ liệu nén hỏng"
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg = "tệp nén bị cắt cụt"
	}
	return &FileError{msg, err}
}
