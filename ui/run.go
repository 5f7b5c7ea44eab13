// Package ui is Biên Tập's desktop workstation (Fyne): the dated list, the
// editor with preview, checks and history, settings, and the long operations
// that run behind progress dialogs.
package ui

import (
	"bientap/resources"
)

// Config is what main hands the window: the database and the app metadata.
type Config struct {
	DBPath    string
	DefaultDB bool // DBPath is the default location (settings may move it)
	Meta      resources.Metadata
}

// Run opens the main window and returns when it closes.
func Run(cfg Config) error {
	return errNotYet
}
