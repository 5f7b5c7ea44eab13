// Package ui is Biên Tập's desktop workstation (Fyne): the dated list, the
// editor with preview, checks and history, settings, and the long operations
// that run behind progress dialogs.
//
// Structure: one struct per part of the screen (listPanel, editorPanel with
// composeForm, previewTab, checksTab, historyTab; settingsDialog), handlers
// named on…, and loadUI as the one entry that builds the window on an open
// store, so that tests run the whole UI on test.NewTempApp. Work that may
// take time (queries of the list, autosave, imports, exports, backups) runs
// off the UI goroutine and comes back through fyne.Do (the sched interface).
package ui

import (
	"embed"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/resources"
)

// Config is what main hands the window: the database and the app metadata.
type Config struct {
	DBPath    string
	DefaultDB bool // DBPath is the default location (settings may move it)
	Meta      resources.Metadata
	// Clock is the window's "now" and "today" (nil: the system clock; tests
	// fix it).
	Clock model.Clock
	// DataDir holds the window's own files (crash reports); empty: the app's
	// storage folder.
	DataDir string
}

//go:embed translations/vi.json
var translations embed.FS

// useVietnamese makes Fyne's own words (file dialogs, menus) Vietnamese,
// whatever the system's language: the clerks' Windows is often English.
func useVietnamese() {
	data, err := translations.ReadFile("translations/vi.json")
	if err != nil {
		return
	}
	for _, l := range []fyne.Locale{"vi", "en"} {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			fyne.LogError("translations", err)
		}
	}
}

// Run opens the main window and returns when it closes.
func Run(cfg Config) error {
	icon := fyne.NewStaticResource("icon.png", resources.Icon)
	app.SetMetadata(fyne.AppMetadata{
		ID: cfg.Meta.ID, Name: cfg.Meta.Name, Version: cfg.Meta.Version, Build: cfg.Meta.Build,
		Icon: icon, Release: true, Migrations: cfg.Meta.Migrations,
	})
	useVietnamese()
	keepMemoryLow()
	watchProfileSignals()
	a := app.NewWithID(cfg.Meta.ID)
	a.SetIcon(icon)

	path := cfg.DBPath
	if cfg.DefaultDB {
		if p := a.Preferences().String(prefDBPath); p != "" {
			if _, err := os.Stat(p); err == nil {
				path = p
			}
		}
	}
	return openAndRun(a, path, cfg)
}

// startUI builds the main window on an opened store with the app's
// scheduler: a panic in work it runs saves the draft and tells the clerk.
func startUI(a fyne.App, st *store.Store, cfg Config) *mainUI {
	st.SetClock(cfg.Clock)
	quietStore.Store(st)
	s := &realSched{}
	u := loadUI(a, st, cfg, s)
	s.onPanic = u.onPanic
	startCrashDrill(os.Getenv("BIENTAP_CRASH_DRILL"))
	return u
}

// show shows the window, sized to the screen.
func (u *mainUI) show() {
	u.win.Show() // creates the window: its scale is known from here
	u.fitToScreen()
}

// runApp runs the app's event loop until the last window closes, then
// closes the archive of the main window (ui gives it; nil when it never
// opened). A panic that unwinds Fyne's event loop ends here: the draft is
// saved before the program stops.
func runApp(a fyne.App, ui func() *mainUI) (err error) {
	defer func() {
		v := recover()
		u := ui()
		if u == nil {
			if v != nil {
				panic(v)
			}
			return
		}
		if v != nil {
			err = u.crashed(v, debug.Stack())
		}
		u.editor.drainIO() // let a running autosave finish
		if cerr := u.st.Close(); err == nil {
			err = cerr
		}
	}()
	a.Run()
	return nil
}

// showFatal shows an error that stops the app in a window of its own: a
// clerk starting the program from its icon sees no terminal.
func showFatal(a fyne.App, err error) {
	w := a.NewWindow("Biên Tập — lỗi")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	close := widget.NewButton("Đóng", a.Quit)
	close.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewCenter(close), nil, nil, container.NewPadded(msg)))
	w.Resize(fyne.NewSize(560, 200))
	w.ShowAndRun()
}
