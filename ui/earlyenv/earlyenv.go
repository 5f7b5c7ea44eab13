// Package earlyenv adjusts the process environment before Fyne's packages
// initialise. Fyne reads the user's locale while its lang package
// initialises and logs "Error parsing user locale C" when LANG is C.UTF-8
// (common in containers and CI), which would put noise on the stderr of
// every command. main imports this package; Go initialises ready packages in
// import-path order (Go 1.21+), and "bientap/…" sorts before "fyne.io/…", so
// this init runs first.
package earlyenv

import (
	"os"
	"strings"
)

func init() { fixLocale(os.Getenv, os.Setenv) }

// fixLocale sets LANGUAGE=vi when the effective locale is the C locale with
// an encoding ("C.UTF-8"), which locale parsers cannot read. The app speaks
// Vietnamese anyway; a real locale is left alone.
func fixLocale(getenv func(string) string, setenv func(string, string) error) {
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	base, _, _ := strings.Cut(loc, ".")
	if (base == "C" || base == "POSIX") && loc != base && getenv("LANGUAGE") == "" {
		setenv("LANGUAGE", "vi")
	}
}
