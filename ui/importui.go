package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model/importer"
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
		return nil, fmt.Errorf("không đọc được thư mục %s: %v", dir, err)
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
		fmt.Fprintf(&b, ", %s bỏ qua vì đã có (cùng tiêu đề và ngày)", vntext.Number(s.skipped))
	}
	b.WriteString(".")
	if len(s.failed) > 0 {
		fmt.Fprintf(&b, "\n\nKhông nhập được %s tệp:\n- %s", vntext.Number(len(s.failed)), strings.Join(s.failed, "\n- "))
	}
	if len(s.reports) > 0 {
		b.WriteString("\n\n" + strings.Join(s.reports, "\n"))
	}
	return b.String()
}

// importFiles imports files one by one behind a progress dialog; Hủy stops
// between two files (what was imported stays).
func (u *mainUI) importFiles(paths []string) {
	st := u.st
	sum := &importSummary{}
	u.runLong("Đang nhập tệp", func(p progressFunc) (string, error) {
		for i, path := range paths {
			if !p(i, len(paths), fmt.Sprintf("Đang nhập %s (%s/%s)…", filepath.Base(path), vntext.Number(i+1), vntext.Number(len(paths)))) {
				return "", errCancelled
			}
			res, parsed, err := importer.ImportFile(st, path, importer.Options{})
			sum.files++
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
			text = "Đã dừng nhập. " + text
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
