package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "github.com/go-fonts/liberation/liberationserifregular"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/mattn/go-sqlite3"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/unicode/norm"
)

func main() {}
