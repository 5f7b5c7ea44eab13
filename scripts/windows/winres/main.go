// Command winres writes the Windows resources of bientap.exe from
// FyneApp.toml and the app icon: a multi-size .ico, an application manifest
// and a resource script (.rc) with the icon, the manifest and the version
// information, for mingw's windres to compile into a .syso. It also prints
// the metadata as shell assignments for scripts/build-windows.
//
//	go run ./scripts/windows/winres -toml FyneApp.toml -icon resources/icon.png -out DIR
//	go run ./scripts/windows/winres -toml FyneApp.toml -check dist/windows/bientap.exe
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/draw"

	"bientap/resources"
)

func main() {
	tomlPath := flag.String("toml", "FyneApp.toml", "FyneApp.toml to read")
	iconPath := flag.String("icon", "resources/icon.png", "square PNG icon")
	out := flag.String("out", "", "folder for bientap.ico, bientap.manifest, bientap.rc")
	check := flag.String("check", "", "instead: check that this built .exe is a 64-bit GUI program carrying the version resource")
	flag.Parse()
	if *check != "" {
		if err := checkExe(*check, *tomlPath); err != nil {
			fmt.Fprintln(os.Stderr, "winres:", err)
			os.Exit(1)
		}
		fmt.Printf("winres: %s: PE32+ x86-64, GUI subsystem, icon and version resource\n", *check)
		return
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "winres: -out is required")
		os.Exit(2)
	}
	if err := run(*tomlPath, *iconPath, *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

func run(tomlPath, iconPath, out string, stdout io.Writer) error {
	data, err := os.ReadFile(tomlPath)
	if err != nil {
		return err
	}
	meta, err := resources.ParseMetadata(data)
	if err != nil {
		return err
	}
	if meta.Name == "" || meta.ID == "" {
		return errors.New("FyneApp.toml: [Details] Name and ID are required")
	}
	fv, err := fileVersion(meta.Version, meta.Build)
	if err != nil {
		return err
	}
	f, err := os.Open(iconPath)
	if err != nil {
		return err
	}
	src, err := png.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %v", iconPath, err)
	}
	ico, err := encodeICO(src, icoSizes)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	files := map[string][]byte{
		"bientap.ico":      ico,
		"bientap.manifest": []byte(manifest(meta, fv)),
		"bientap.rc":       []byte(resourceScript(meta, fv)),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(stdout, "APP_NAME=%s\nAPP_ID=%s\nAPP_VERSION=%s\nAPP_BUILD=%d\nAPP_FILEVERSION=%s\n",
		shellQuote(meta.Name), shellQuote(meta.ID), shellQuote(meta.Version), meta.Build, fv.dotted())
	return err
}

// version4 is a Windows four-part version number.
type version4 [4]uint16

func (v version4) dotted() string { return fmt.Sprintf("%d.%d.%d.%d", v[0], v[1], v[2], v[3]) }
func (v version4) commas() string { return fmt.Sprintf("%d,%d,%d,%d", v[0], v[1], v[2], v[3]) }

// fileVersion turns "0.1.0" and build 1 into 0.1.0.1: up to three numeric
// parts of the version (missing ones are 0) and the build number.
func fileVersion(version string, build int) (version4, error) {
	var v version4
	parts := strings.Split(version, ".")
	if version == "" || len(parts) > 3 {
		return v, fmt.Errorf("FyneApp.toml: Version %q: want 1 to 3 numbers separated by dots", version)
	}
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			return v, fmt.Errorf("FyneApp.toml: Version %q: %q is not a number from 0 to 65535", version, p)
		}
		v[i] = uint16(n)
	}
	if build < 0 || build > 65535 {
		return v, fmt.Errorf("FyneApp.toml: Build %d is not from 0 to 65535", build)
	}
	v[3] = uint16(build)
	return v, nil
}

// icoSizes are the icon sizes Windows picks from (taskbar, Explorer views,
// Start menu, 150 % and 200 % scaling).
var icoSizes = []int{16, 20, 24, 32, 40, 48, 64, 128, 256}

// encodeICO writes an .ico file with one PNG-compressed 32-bit image per
// size (supported since Windows Vista).
func encodeICO(src image.Image, sizes []int) ([]byte, error) {
	var imgs [][]byte
	for _, n := range sizes {
		if n < 1 || n > 256 {
			return nil, fmt.Errorf("icon size %d out of 1..256", n)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		imgs = append(imgs, b.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(sizes))}) // reserved, type icon, count
	offset := 6 + 16*len(sizes)
	for i, n := range sizes {
		dim := byte(n)
		if n == 256 {
			dim = 0
		}
		out.Write([]byte{dim, dim, 0, 0})                                       // width, height, palette, reserved
		binary.Write(&out, le, [2]uint16{1, 32})                                // planes, bits per pixel
		binary.Write(&out, le, [2]uint32{uint32(len(imgs[i])), uint32(offset)}) // size, offset
		offset += len(imgs[i])
	}
	for _, b := range imgs {
		out.Write(b)
	}
	return out.Bytes(), nil
}

// rcString quotes s as a wide resource-script string; everything outside
// printable ASCII is a \x escape so the result does not depend on windres's
// code-page handling (a hex digit right after an escape is escaped too, so
// that it cannot extend the escape).
func rcString(s string) string {
	var b strings.Builder
	b.WriteString(`L"`)
	escaped := false
	for _, r := range s {
		isHex := strings.ContainsRune("0123456789abcdefABCDEF", r)
		switch {
		case r == '"':
			b.WriteString(`""`)
			escaped = false
		case r == '\\':
			b.WriteString(`\\`)
			escaped = false
		case r >= 0x20 && r < 0x7f && !(escaped && isHex):
			b.WriteRune(r)
			escaped = false
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\x%04x\x%04x`, r1, r2)
			escaped = true
		default:
			fmt.Fprintf(&b, `\x%04x`, r)
			escaped = true
		}
	}
	b.WriteString(`"`)
	return b.String()
}

// resourceScript is the .rc file: icon (named GLFW_ICON, which GLFW also
// uses for its window class), manifest and version information in
// Vietnamese (language 0x042A, Unicode).
func resourceScript(m resources.Metadata, fv version4) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Generated by scripts/windows/winres from FyneApp.toml; do not edit.\n")
	fmt.Fprintf(&b, "GLFW_ICON ICON \"bientap.ico\"\n")
	fmt.Fprintf(&b, "1 24 \"bientap.manifest\"\n\n")
	fmt.Fprintf(&b, "1 VERSIONINFO\nFILEVERSION %s\nPRODUCTVERSION %s\n", fv.commas(), fv.commas())
	fmt.Fprintf(&b, "FILEFLAGSMASK 0x3f\nFILEFLAGS 0x0\nFILEOS 0x40004\nFILETYPE 0x1\nFILESUBTYPE 0x0\n")
	fmt.Fprintf(&b, "BEGIN\n  BLOCK \"StringFileInfo\"\n  BEGIN\n    BLOCK \"042a04b0\"\n    BEGIN\n")
	values := [][2]string{
		{"FileDescription", m.Name},
		{"FileVersion", fv.dotted()},
		{"InternalName", "bientap"},
		{"OriginalFilename", "bientap.exe"},
		{"ProductName", m.Name},
		{"ProductVersion", m.Version},
		{"Comments", m.ID},
	}
	for _, v := range values {
		fmt.Fprintf(&b, "      VALUE \"%s\", %s\n", v[0], rcString(v[1]))
	}
	fmt.Fprintf(&b, "    END\n  END\n  BLOCK \"VarFileInfo\"\n  BEGIN\n    VALUE \"Translation\", 0x042a, 1200\n  END\nEND\n")
	return b.String()
}

// manifest is the application manifest: no elevation, Windows 7–11,
// per-monitor DPI awareness (GLFW scales the window itself), long paths and
// version 6 common controls for the message boxes.
func manifest(m resources.Metadata, fv version4) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="` + xmlAttr(m.ID) + `" version="` + fv.dotted() + `" processorArchitecture="amd64"/>
  <description>` + xmlAttr(m.Name) + `</description>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
      <supportedOS Id="{1f676c76-80e1-4239-95bb-83d0f6d0da78}"/>
      <supportedOS Id="{4a2f28e3-53b9-4441-ba9c-d69d4a4a6e38}"/>
      <supportedOS Id="{35138b9a-5d96-4fbd-8e2d-a2440225f93a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
    </windowsSettings>
  </application>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
</assembly>
`
}

func xmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// shellQuote single-quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// checkExe verifies a built bientap.exe: PE32+ for amd64, the Windows GUI
// subsystem, a resource section, and the app name from FyneApp.toml in
// UTF-16 (the version resource).
func checkExe(path, tomlPath string) error {
	data, err := os.ReadFile(tomlPath)
	if err != nil {
		return err
	}
	meta, err := resources.ParseMetadata(data)
	if err != nil {
		return err
	}
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("%s: machine %#x, want amd64", path, f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("%s: not a PE32+ image", path)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("%s: subsystem %d, want %d (Windows GUI: no console window)", path, oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return fmt.Errorf("%s: no resource section (icon, version information)", path)
	}
	b, err := rsrc.Data()
	if err != nil {
		return err
	}
	if !bytes.Contains(b, utf16le(meta.Name)) || !bytes.Contains(b, utf16le("GLFW_ICON")) {
		return fmt.Errorf("%s: the resources lack the icon or the version information with %q", path, meta.Name)
	}
	return nil
}

// utf16le encodes s as UTF-16 little-endian.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
