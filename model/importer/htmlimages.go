// This file reads the pictures of an HTML page: data: URIs and files
// below the page's folder; pictures on the web cannot be fetched offline.

package importer

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"bientap/model/doc"
)

// image converts an <img>: a stored picture, or, when it cannot be read, a
// block that remembers the address so that its caption can stay as text.
func (c *htmlConv) image(n *html.Node, st inline) {
	src := strings.TrimSpace(attr(n, "src"))
	if src == "" {
		src = strings.TrimSpace(attr(n, "data-src"))
	}
	alt := cleanInline(attr(n, "alt"))
	if src == "" {
		return
	}
	var altRuns []doc.Run
	if alt != "" && !looksLikeFileName(alt) {
		altRuns = []doc.Run{{Text: alt}}
	}
	data, remote, err := c.hp.loadImage(src)
	if err == nil {
		data, mt, aerr := acceptImage(data)
		if aerr == nil {
			name := c.hp.imgs.add(data, mt, "")
			c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Image, Src: name}, right: st.right, alt: altRuns})
			return
		}
		err = aerr
	}
	if remote {
		c.hp.rep.warn("ảnh trên mạng không tải được khi không có mạng: %s (giữ lại chú thích nếu có)", shorten(src, 80))
	} else {
		c.hp.rep.warn("ảnh %s: %v (giữ lại chú thích nếu có)", shorten(src, 60), err)
	}
	c.hp.rep.drop(src, DropImage)
	b := hblock{remote: src, alt: altRuns}
	b.Kind = doc.Image
	c.out = append(c.out, b)
}

func looksLikeFileName(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".gif" || ext == ".webp" || !strings.Contains(s, " ") && len(s) > 20
}

// loadImage reads an image reference: a data: URI, or a file below the
// page's folder (opened through os.Root, so neither "../" nor a symbolic
// link can lead outside it). remote is true for web addresses.
func (hp *htmlPage) loadImage(src string) (data []byte, remote bool, err error) {
	if strings.HasPrefix(strings.ToLower(src), "data:") {
		return decodeDataURI(src)
	}
	u, err := url.Parse(src)
	if err != nil {
		return nil, false, errors.New("địa chỉ ảnh không hợp lệ")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp":
		return nil, true, errors.New("ảnh trên mạng")
	case "":
		if u.Host != "" { // "//example.com/a.jpg"
			return nil, true, errors.New("ảnh trên mạng")
		}
	case "file":
	default:
		return nil, false, fmt.Errorf("kiểu địa chỉ ảnh %q không hỗ trợ", u.Scheme)
	}
	if hp.dir == "" {
		return nil, false, errors.New("không biết thư mục của trang để tìm ảnh")
	}
	p := strings.ReplaceAll(u.Path, "\\", "/")
	if u.Scheme == "file" {
		abs, err := filepath.Abs(hp.dir)
		if err != nil {
			return nil, false, err
		}
		rel, err := filepath.Rel(abs, filepath.FromSlash(p))
		if err != nil {
			return nil, false, errors.New("ảnh nằm ngoài thư mục của trang")
		}
		p = filepath.ToSlash(rel)
	}
	rel := filepath.FromSlash(strings.TrimPrefix(p, "./"))
	if !filepath.IsLocal(rel) {
		return nil, false, errors.New("ảnh nằm ngoài thư mục của trang, không đọc")
	}
	root, err := os.OpenRoot(hp.dir)
	if err != nil {
		return nil, false, fmt.Errorf("không mở được thư mục %s", hp.dir)
	}
	defer root.Close()
	f, err := root.Open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, errors.New("không thấy tệp ảnh cạnh trang (thư mục «…_files»)")
	}
	if err != nil {
		return nil, false, errors.New("không đọc được tệp ảnh (liên kết ra ngoài thư mục của trang?)")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, false, errors.New("không đọc được tệp ảnh")
	}
	if st.Size() > MaxImageBytes {
		return nil, false, fmt.Errorf("ảnh quá lớn (%d MB, tối đa %d MB)", st.Size()>>20, MaxImageBytes>>20)
	}
	data, err = io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, false, errors.New("không đọc được tệp ảnh")
	}
	return data, false, nil
}

// decodeDataURI reads "data:image/png;base64,…" (size-checked before
// decoding).
func decodeDataURI(src string) ([]byte, bool, error) {
	comma := strings.IndexByte(src, ',')
	if comma < 0 {
		return nil, false, errors.New("ảnh data: hỏng")
	}
	head, payload := strings.ToLower(src[5:comma]), src[comma+1:]
	if !strings.HasSuffix(head, ";base64") {
		s, err := url.PathUnescape(payload)
		if err != nil {
			return nil, false, errors.New("ảnh data: hỏng")
		}
		return []byte(s), false, nil
	}
	payload = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, payload)
	if base64.StdEncoding.DecodedLen(len(payload)) > MaxImageBytes+3 {
		return nil, false, fmt.Errorf("ảnh quá lớn (tối đa %d MB)", MaxImageBytes>>20)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
	}
	if err != nil {
		return nil, false, errors.New("ảnh data: hỏng (base64)")
	}
	return data, false, nil
}
