// Package resources holds what the binary carries besides code: the app's
// metadata (parsed from FyneApp.toml), its icon and the sample records of the
// welcome panel.
package resources

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

// Icon is the app icon (PNG, 512×512).
//
//go:embed icon.png
var Icon []byte

// WelcomeIcon is the icon at 192×192 for the welcome panel (drawn by
// scripts/genicon with icon.png).
//
//go:embed icon-192.png
var WelcomeIcon []byte

// Sample holds the sample records of the welcome panel ("Mở dữ liệu mẫu"):
// news items and documents of a provincial People's Committee, as JSON Lines
// (store.ImportJSONL reads them).
//
//go:embed sample.jsonl
var Sample []byte

// Metadata is the part of FyneApp.toml the app shows: one place for the id,
// name, version and build, read by the window, the About dialog, `bientap
// version` and the Windows build.
type Metadata struct {
	ID         string
	Name       string
	Version    string
	Build      int
	Migrations map[string]bool
}

// ParseMetadata reads FyneApp.toml's content.
func ParseMetadata(data []byte) (Metadata, error) {
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(string(data), &f); err != nil {
		return Metadata{}, fmt.Errorf("FyneApp.toml: %v", err)
	}
	return Metadata{ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Migrations: f.Migrations}, nil
}

// VersionString is "0.1.0 (bản dựng 1)".
func (m Metadata) VersionString() string {
	return fmt.Sprintf("%s (bản dựng %d)", m.Version, m.Build)
}
