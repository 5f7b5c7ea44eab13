package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/importer"
	"bientap/model/store"
	"bientap/model/vntext"
)

// importExts are the file types "Nhập" reads.
var importExts = []string{".txt", ".html", ".htm", ".docx", ".jsonl", ".ndjson"}

// onImportFile imports one file.
func (u *mainUI) onImportFile() {
	u.chooseFile("Nhập tệp (.txt, .html, .docx, .jsonl)", "Nhập", importExts, "importDir", func(path string) {
		u.importFiles([]string{path})
	})
}

// onImportFolder imports every supported file of a folder.
func (u *mainUI) onImportFolder() {
	u.chooseFolder("Chọn thư mục chứa các tệp cần nhập", "importDir", func(dir string) {
		paths, err := importableFiles(dir)
		if err != nil {
			u.showError(err)
			return
		}
		if len(paths) == 0 {
			u.showMessage("Nhập cả thư mục", "Thư mục không có tệp .txt, .html, .docx hay .jsonl nào.")
			return
		}
		u.importFiles(paths)
	})
}

// importableFiles lists the supported files directly in dir, by name.
func importableFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục %s (không có hoặc không có quyền đọc)", dir)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if hasExt(e.Name(), importExts) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// importSummary collects what an import of several files did.
type importSummary struct {
	files, created, updated, skipped int
	differing                        int      // JSONL records held in another version, left alone
	stoppedIn                        string   // the file Hủy stopped (its records all rolled back)
	failed                           []string // "name: why"
	reports                          []string // report lines of a single file
	firstID                          int64
}

func (s *importSummary) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Đã đọc %s tệp: %s bản ghi mới", vntext.Number(s.files), vntext.Number(s.created))
	if s.updated > 0 {
		fmt.Fprintf(&b, ", %s cập nhật", vntext.Number(s.updated))
	}
	if s.skipped > 0 {
		fmt.Fprintf(&b, ", %s bỏ qua vì đã có", vntext.Number(s.skipped))
	}
	b.WriteString(".")
	if s.differing > 0 {
		fmt.Fprintf(&b, " Trong đó %s bản ghi đã có nhưng khác bản trong tệp: giữ nguyên bản trong kho.", vntext.Number(s.differing))
	}
	if len(s.failed) > 0 {
		fmt.Fprintf(&b, "\n\nKhông nhập được %s tệp:\n- %s", vntext.Number(len(s.failed)), strings.Join(s.failed, "\n- "))
	}
	if len(s.reports) > 0 {
		b.WriteString("\n\n" + strings.Join(s.reports, "\n"))
	}
	return b.String()
}

// importFiles imports files one by one behind a progress dialog. A JSON
// Lines archive streams into the store, all or nothing, with its bytes as
// progress; Hủy stops it within a moment and leaves the archive as it was.
// Files imported before Hủy stay.
func (u *mainUI) importFiles(paths []string) {
	st := u.st
	sum := &importSummary{}
	u.runLongCtx("Đang nhập tệp", func(ctx context.Context, p progressFunc) (string, error) {
		for i, path := range paths {
			msg := fmt.Sprintf("Đang nhập %s (%s/%s)…", filepath.Base(path), vntext.Number(i+1), vntext.Number(len(paths)))
			if !p(i, len(paths), msg) {
				return "", errCancelled
			}
			sum.files++
			if model.IsJSONLName(path) {
				if err := importJSONLFile(ctx, st, path, sum, storeProgress(p, msg)); err != nil {
					if errors.Is(err, context.Canceled) {
						sum.files--
						sum.stoppedIn = filepath.Base(path)
						return "", err
					}
					sum.failed = append(sum.failed, filepath.Base(path)+": "+oneLine(err.Error()))
				}
				continue
			}
			res, parsed, err := importer.ImportFile(st, path, importer.Options{})
			if err != nil {
				sum.failed = append(sum.failed, filepath.Base(path)+": "+oneLine(err.Error()))
				continue
			}
			sum.created += len(res.Created)
			sum.updated += len(res.Updated)
			sum.skipped += len(res.Skipped)
			if sum.firstID == 0 && len(res.Created) > 0 {
				sum.firstID = res.Created[0]
			}
			if len(paths) == 1 && parsed != nil {
				sum.reports = parsed.Report.Lines()
			}
		}
		p(len(paths), len(paths), "")
		return "", nil
	}, func(_ string, err error) {
		u.showMain()
		u.list.reload()
		u.list.loadFacets()
		text := sum.text()
		if err == errCancelled {
			switch {
			case sum.stoppedIn != "" && sum.files == 0:
				text = "Đã dừng nhập " + sum.stoppedIn + ": dữ liệu giữ nguyên như trước khi nhập."
			case sum.stoppedIn != "":
				text = "Đã dừng nhập " + sum.stoppedIn + " (tệp này không để lại gì). Trước đó: " + text
			default:
				text = "Đã dừng nhập. " + text
			}
		} else if err != nil {
			u.showError(err)
			return
		}
		u.notify(oneLine(text))
		u.lastMessage = text
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		buttons := []dialogButton{{label: "Đóng", primary: sum.firstID == 0}}
		if id := sum.firstID; id != 0 {
			buttons = append(buttons, dialogButton{label: "Mở bản ghi đầu tiên", primary: true, action: func() { u.openRecord(id) }})
		}
		u.customDialog("Kết quả nhập", container.NewVScroll(container.New(fixedWidth{520}, l)), buttons).d.Resize(fyne.NewSize(580, 420))
	})
}

// importJSONLFile streams one JSON Lines archive into st and adds what it
// did to sum.
func importJSONLFile(ctx context.Context, st *store.Store, path string, sum *importSummary, progress store.Progress) error {
	res, err := st.ImportJSONLFile(ctx, path, store.ImportOptions{Progress: progress})
	if err != nil {
		return err
	}
	sum.created += len(res.Created)
	sum.updated += len(res.Updated)
	sum.skipped += res.Skipped()
	sum.differing += len(res.Differing)
	if sum.firstID == 0 && len(res.Created) > 0 {
		sum.firstID = res.Created[0]
	}
	return nil
}
