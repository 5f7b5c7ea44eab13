package resources

import (
	"bytes"
	"image/png"
	"testing"
)

// The icons are PNGs of the sizes their users expect.
func TestIcons(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		size int
	}{
		{"icon.png", Icon, 512},
		{"icon-192.png", WelcomeIcon, 192},
	}
	for _, tt := range tests {
		cfg, err := png.DecodeConfig(bytes.NewReader(tt.data))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if cfg.Width != tt.size || cfg.Height != tt.size {
			t.Errorf("%s is %d×%d, want %d×%d", tt.name, cfg.Width, cfg.Height, tt.size, tt.size)
		}
	}
}
