//go:build !windows

package startup

import "bientap/ui"

// Init has nothing to do outside Windows: the binary is a console
// program there.
func Init() {}

// RunWindow opens the main window.
func RunWindow(cfg ui.Config) error { return ui.Run(cfg) }
