// Command bientap is Biên Tập, the editorial workstation of a provincial
// People's Committee office. With no command it opens the window; with a
// command (list, search, import, export, …) it runs headless.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bientap/model/store"
	"bientap/resources"
	"bientap/ui"
	"bientap/ui/cli"
	_ "bientap/ui/earlyenv" // before Fyne initialises: see its doc
	"bientap/ui/startup"
)

//go:embed FyneApp.toml
var fyneAppToml []byte

func main() {
	startup.Init()
	meta, err := resources.ParseMetadata(fyneAppToml)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bientap:", err)
		os.Exit(1)
	}
	cli.Version = meta.VersionString()

	fs := flag.NewFlagSet("bientap", flag.ContinueOnError)
	dbPath := fs.String("db", "", "đường dẫn cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
	fs.SetOutput(io.Discard) // errors are reported below, on one line
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			fmt.Printf("Cách dùng: bientap [--db ĐƯỜNG_DẪN] [lệnh …]\nCác lệnh: %s\n", strings.Join(cli.Names(), ", "))
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "bientap:", cli.FlagError(err))
		os.Exit(1)
	}
	path, isDefault := *dbPath, false
	if path == "" {
		if path, err = store.DefaultPath(); err != nil {
			fmt.Fprintln(os.Stderr, "bientap: không xác định được thư mục dữ liệu:", err)
			os.Exit(1)
		}
		isDefault = true
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "bientap: không tạo được thư mục dữ liệu:", err)
			os.Exit(1)
		}
	}

	if args := fs.Args(); cli.IsCommand(args) {
		os.Exit(cli.Run(path, args, os.Stdout, os.Stderr))
	}
	if err := startup.RunWindow(ui.Config{DBPath: path, DefaultDB: isDefault, Meta: meta}); err != nil {
		fmt.Fprintln(os.Stderr, "bientap:", err)
		os.Exit(1)
	}
}
