//go:build !windows

package opener

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// With no program for PDF files, xdg-open (the real one) gives up and Open
// says so; with a desktop entry for PDF files in the user's data folder,
// xdg-open runs it and Open reports success.
func TestOpen(t *testing.T) {
	if _, err := exec.LookPath("xdg-open"); err != nil {
		t.Skip("xdg-open not installed (Debian: xdg-utils)")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("XDG_DATA_DIRS", filepath.Join(home, "none"))
	t.Setenv("XDG_CURRENT_DESKTOP", "")
	t.Setenv("DISPLAY", ":0")
	t.Setenv("BROWSER", "")
	pdf := filepath.Join(home, "Sổ văn bản.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Open(pdf); err != ErrNoApp {
		t.Fatalf("no viewer installed: %v, want ErrNoApp", err)
	}

	// A "viewer" that notes the file it was asked to open. xdg-open needs
	// the system's MIME database (Debian: shared-mime-info) to know a PDF.
	if _, err := os.Stat("/usr/share/mime/packages"); err != nil {
		t.Skip("no MIME database (Debian: shared-mime-info)")
	}
	t.Setenv("XDG_DATA_DIRS", "/usr/share")
	seen := filepath.Join(home, "seen.txt")
	viewer := filepath.Join(home, "viewer.sh")
	os.WriteFile(viewer, []byte("#!/bin/sh\nprintf '%s' \"$1\" > "+seen+"\n"), 0o755)
	apps := filepath.Join(home, ".local", "share", "applications")
	os.MkdirAll(apps, 0o755)
	os.WriteFile(filepath.Join(apps, "xem-pdf.desktop"), []byte("[Desktop Entry]\nType=Application\nName=Xem PDF\nExec="+viewer+" %f\nMimeType=application/pdf;\n"), 0o644)
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "mimeapps.list"), []byte("[Default Applications]\napplication/pdf=xem-pdf.desktop\n"), 0o644)
	if err := Open(pdf); err != nil {
		t.Fatalf("with a viewer: %v", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if got, err := os.ReadFile(seen); err == nil && string(got) == pdf {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the viewer was not run on the file")
}
