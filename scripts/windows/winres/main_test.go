package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bientap/resources"
)

func TestFileVersion(t *testing.T) {
	tests := []struct {
		version string
		build   int
		want    string
		ok      bool
	}{
		{"0.1.0", 1, "0.1.0.1", true},
		{"1.2", 7, "1.2.0.7", true},
		{"3", 0, "3.0.0.0", true},
		{"2.10.65535", 65535, "2.10.65535.65535", true},
		{"1.2.3.4", 1, "", false},
		{"1.x", 1, "", false},
		{"", 1, "", false},
		{"1.65536", 1, "", false},
		{"1.0", -1, "", false},
		{"1.0", 70000, "", false},
		{"1.-1", 1, "", false},
	}
	for _, tt := range tests {
		v, err := fileVersion(tt.version, tt.build)
		if (err == nil) != tt.ok {
			t.Errorf("fileVersion(%q, %d) error = %v, want ok=%v", tt.version, tt.build, err, tt.ok)
			continue
		}
		if tt.ok && v.dotted() != tt.want {
			t.Errorf("fileVersion(%q, %d) = %s, want %s", tt.version, tt.build, v.dotted(), tt.want)
		}
	}
}

func TestRCString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bientap", `L"bientap"`},
		{"Biên Tập", `L"Bi\x00ean T\x1eadp"`},
		{"Tập 1", `L"T\x1eadp 1"`},
		{"ập1a", `L"\x1eadp1a"`},
		{"ậa", `L"\x1ead\x0061"`},
		{"ê1", `L"\x00ea\x0031"`},
		{"ê g", `L"\x00ea g"`},
		{`say "hi" \ ok`, `L"say ""hi"" \\ ok"`},
		{"😀", `L"\xd83d\xde00"`},
	}
	for _, tt := range tests {
		if got := rcString(tt.in); got != tt.want {
			t.Errorf("rcString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestEncodeICO(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 300; x++ {
			src.Set(x, y, color.NRGBA{uint8(x), uint8(y), 0x80, 0xff})
		}
	}
	sizes := []int{16, 48, 256}
	ico, err := encodeICO(src, sizes)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 || int(le.Uint16(ico[4:])) != len(sizes) {
		t.Fatalf("bad ICONDIR % x", ico[:6])
	}
	for i, n := range sizes {
		e := ico[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		if w != n || int(e[1]) != int(e[0]) || le.Uint16(e[4:]) != 1 || le.Uint16(e[6:]) != 32 {
			t.Errorf("entry %d: % x", i, e[:16])
		}
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(ico[off : off+size]))
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if b := img.Bounds(); b.Dx() != n || b.Dy() != n {
			t.Errorf("entry %d: image %v, want %d×%d", i, b, n, n)
		}
	}
	if _, err := encodeICO(src, []int{512}); err == nil {
		t.Error("a 512 px entry was accepted")
	}
}

// TestRunAndWindres generates the resources from the real FyneApp.toml and
// icon and, when mingw's windres is installed, compiles them.
func TestRunAndWindres(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run("../../../FyneApp.toml", "../../../resources/icon.png", dir, &out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("../../../FyneApp.toml")
	meta, err := resources.ParseMetadata(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"APP_NAME='" + meta.Name + "'", "APP_VERSION='" + meta.Version + "'", "APP_ID='" + meta.ID + "'"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("shell output lacks %s:\n%s", want, out.String())
		}
	}
	rc, _ := os.ReadFile(filepath.Join(dir, "bientap.rc"))
	if !strings.Contains(string(rc), rcString(meta.Name)) || !strings.Contains(string(rc), "GLFW_ICON ICON") {
		t.Errorf("rc script:\n%s", rc)
	}
	windres, err := exec.LookPath("x86_64-w64-mingw32-windres")
	if err != nil {
		t.Skip("mingw windres not installed")
	}
	cmd := exec.Command(windres, "-O", "coff", "-i", "bientap.rc", "-o", "res.syso")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("windres: %v\n%s", err, b)
	}
	syso, _ := os.ReadFile(filepath.Join(dir, "res.syso"))
	for _, want := range []string{meta.Name, "GLFW_ICON", "ProductVersion", meta.Version} {
		if !bytes.Contains(syso, utf16le(want)) {
			t.Errorf("compiled resources lack %q in UTF-16", want)
		}
	}
	if !bytes.Contains(syso, []byte("dpiAwareness")) {
		t.Error("compiled resources lack the manifest")
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{"Biên Tập": "'Biên Tập'", "it's": `'it'\''s'`, "": "''"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
