//go:build !windows

package main

import "bientap/ui"

// platformInit has nothing to do outside Windows: the binary is a console
// program there.
func platformInit() {}

// runWindow opens the main window.
func runWindow(cfg ui.Config) error { return ui.Run(cfg) }
