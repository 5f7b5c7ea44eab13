// Package opener opens a file or folder with the program the desktop has
// for it, and says so when there is none.
//
// Fyne's App.OpenURL starts xdg-open (Linux) or rundll32 (Windows) and
// returns before they have looked for a program: when no PDF viewer is
// installed, nothing happens and nothing is said. Open waits for the
// answer: xdg-open's exit status (it exits at once when it finds nothing),
// or ShellExecute's error on Windows.
package opener

import "errors"

// ErrNoApp means the desktop has no program for the file's type (or, for
// a folder, no file manager).
var ErrNoApp = errors.New("không có chương trình để mở tệp này")
