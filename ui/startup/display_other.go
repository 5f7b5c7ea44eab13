//go:build !windows && !(linux && !wayland)

package startup

// displayProblem has nothing to check here: the platform's window system
// reports through Fyne.
func displayProblem() string { return "" }
