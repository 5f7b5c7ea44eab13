//go:build unix

package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadPicture: a picture file the clerk picks is read and checked; what
// is not one gets one Vietnamese line naming the file, and a pipe is refused
// before it is read (reading it would hang the window).
func TestReadPicture(t *testing.T) {
	dir := t.TempDir()
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "ong.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		wantType   string
		wantErr    []string // words the message must hold
	}{
		{"a PNG", write("anh.png", pic.Bytes()), "image/png", nil},
		{"missing", filepath.Join(dir, "khong-co.png"), "", []string{"khong-co.png", "không có tệp này"}},
		{"a folder", dir, "", []string{filepath.Base(dir), "thư mục"}},
		{"a pipe", fifo, "", []string{"ong.png", "FIFO"}},
		{"empty", write("rong.png", nil), "", []string{"rong.png", "rỗng"}},
		{"not a picture", write("thu.png", []byte("<html>")), "", []string{"thu.png", "không phải ảnh"}},
	}
	for _, tc := range tests {
		_, data, mt, err := readPicture(tc.path)
		if tc.wantErr == nil {
			if err != nil || mt != tc.wantType || !bytes.Equal(data, pic.Bytes()) {
				t.Errorf("%s: got %q, %d bytes, %v; want %s and the file's bytes", tc.name, mt, len(data), err, tc.wantType)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		msg := err.Error()
		for _, w := range tc.wantErr {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message %q lacks %q", tc.name, msg, w)
			}
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: message is not one line: %q", tc.name, msg)
		}
	}
}
