package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where the archive lives unless --db says otherwise: the
// user's application-data folder (Windows: %APPDATA%\BienTap; Linux:
// $XDG_DATA_HOME or ~/.local/share/bientap; macOS: Application Support).
func DefaultPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(d, "BienTap")
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			dir = filepath.Join(d, "bientap")
		} else {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share", "bientap")
		}
	}
	return filepath.Join(dir, "bientap.db"), nil
}
