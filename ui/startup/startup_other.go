//go:build !windows

package startup

import (
	"errors"

	"bientap/ui"
)

// Init has nothing to do outside Windows: the binary is a console
// program there.
func Init() {}

// RunWindow opens the main window, or says in one line why it cannot.
func RunWindow(cfg ui.Config) error {
	if p := displayProblem(); p != "" {
		return errors.New(p)
	}
	return ui.Run(cfg)
}
