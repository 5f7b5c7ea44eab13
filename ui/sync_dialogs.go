package ui

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model/office"
	"bientap/model/store"
)

// joinForm is the "Tham gia kho chung" dialog's fields.
type joinForm struct {
	host, port, db, user, ca *textEntry
	password                 *widget.Entry
	msg                      *widget.Label
}

// url builds the archive's URL from the fields (TLS verify-full when a CA
// file is given, else "prefer" as psql does).
func (f *joinForm) url() (office.Config, error) {
	host := strings.TrimSpace(f.host.Text)
	if host == "" || strings.TrimSpace(f.db.Text) == "" || strings.TrimSpace(f.user.Text) == "" {
		return office.Config{}, fmt.Errorf("hãy nhập máy chủ, cơ sở dữ liệu và tên đăng nhập")
	}
	port := strings.TrimSpace(f.port.Text)
	if port == "" {
		port = "5432"
	}
	if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 {
		return office.Config{}, fmt.Errorf("cổng không hợp lệ %q", port)
	}
	u := url.URL{Scheme: "postgres", User: url.User(strings.TrimSpace(f.user.Text)),
		Path: "/" + strings.TrimSpace(f.db.Text)}
	q := url.Values{}
	if strings.HasPrefix(host, "/") { // a socket folder
		q.Set("host", host)
		q.Set("port", port)
	} else {
		u.Host = host + ":" + port
	}
	if ca := strings.TrimSpace(f.ca.Text); ca != "" {
		q.Set("sslrootcert", ca)
	}
	u.RawQuery = q.Encode()
	cfg, err := office.ParseURL(u.String())
	if err != nil {
		return cfg, err
	}
	cfg.Password = f.password.Text
	return cfg, nil
}

// onJoin asks where the office archive is and joins it; the first sync
// (which may bring a whole archive) shows its progress and can be stopped
// and resumed later with "Đồng bộ ngay".
func (s *syncUI) onJoin() {
	u := s.svc
	f := &joinForm{}
	entry := func(ph string) *textEntry {
		e := newTextEntry(u)
		e.SetPlaceHolder(ph)
		return e
	}
	f.host, f.port, f.db = entry("máy chủ, ví dụ 10.0.0.5"), entry("5432"), entry("tên cơ sở dữ liệu, ví dụ vanphong")
	f.user = entry("tên đăng nhập")
	f.password = widget.NewPasswordEntry()
	f.ca = entry("tệp chứng chỉ CA (.pem), nếu có")
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	if st := s.status; st.Joined {
		if cfg, err := office.ParseURL(st.URL); err == nil {
			f.user.SetText(cfg.User())
		}
	}
	form := widget.NewForm(
		widget.NewFormItem("Máy chủ", f.host),
		widget.NewFormItem("Cổng", f.port),
		widget.NewFormItem("Cơ sở dữ liệu", f.db),
		widget.NewFormItem("Tên đăng nhập", f.user),
		widget.NewFormItem("Mật khẩu", f.password),
		widget.NewFormItem("Chứng chỉ CA", f.ca),
	)
	note := widget.NewLabel("Các bản ghi đang có trên máy này sẽ được gửi lên kho chung; bản ghi của văn phòng sẽ được tải về. Mật khẩu được giữ trong kho mật khẩu của hệ điều hành.")
	note.Wrapping = fyne.TextWrapWord
	var h *dialogHandle
	ok := func() {
		cfg, err := f.url()
		if err == nil && cfg.Password == "" {
			err = fmt.Errorf("hãy nhập mật khẩu")
		}
		if err != nil {
			f.msg.SetText(err.Error())
			f.msg.Show()
			return
		}
		h.close()
		s.join(cfg)
	}
	f.password.OnSubmitted = func(string) { ok() }
	h = u.customDialog("Tham gia kho chung", container.New(fixedWidth{520}, container.NewVBox(form, note, f.msg)),
		[]dialogButton{{label: "Hủy"}, {label: "Tham gia", primary: true, keepOpen: true, action: ok}})
	u.focus(f.host)
}

// join joins the archive of cfg behind the progress dialog.
func (s *syncUI) join(cfg office.Config) {
	if !s.saveOpen() {
		return
	}
	d := s.desk
	s.runSync("Tham gia kho chung", func(ctx context.Context) (string, error) {
		sum, saveErr, err := d.Join(ctx, cfg)
		if saveErr != nil {
			// No credential store: keep the password for this session only.
			s.mu.Lock()
			s.password = cfg.Password
			s.mu.Unlock()
		}
		if err != nil {
			return "", err
		}
		line := "Đã tham gia " + cfg.Where() + ". " + sum.String()
		if saveErr != nil {
			line += ". Lưu ý: " + saveErr.Error()
		}
		return line, nil
	})
}

// onConflicts lists the open conflicts; each can be opened, or resolved by
// keeping this desk's text or the office's. Both stay in Lịch sử.
func (s *syncUI) onConflicts() {
	u := s.svc
	cs, err := u.st.Conflicts()
	if err != nil {
		u.showError(err)
		return
	}
	if len(cs) == 0 {
		u.showMessage("Xung đột", "Không có xung đột nào.")
		return
	}
	rows := container.NewVBox()
	var h *dialogHandle
	for _, c := range cs {
		c := c
		title := widget.NewLabelWithStyle(fmt.Sprintf("#%d %s", c.RecordID, c.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		what := widget.NewLabel(c.Label())
		what.Wrapping = fyne.TextWrapWord
		var row *fyne.Container
		resolve := func(mine bool) {
			if err := u.st.ResolveConflict(c.ID, mine); err != nil {
				u.showError(err)
				return
			}
			rows.Remove(row)
			s.refresh()
			s.onChanged()
			if mine {
				u.notify(fmt.Sprintf("“%s”: dùng bản của máy này; sẽ gửi lên kho chung ở lần đồng bộ sau", c.Title))
				s.background()
			}
			if len(rows.Objects) == 0 {
				h.close()
			}
		}
		open := widget.NewButton("Mở bản ghi", func() {
			h.close()
			s.onOpen(c.RecordID, c.RevisionID > 0)
		})
		mine := widget.NewButton("Dùng bản của máy này", func() { resolve(true) })
		if c.RevisionID == 0 || c.Kind == store.ConflictRefused {
			mine.Disable() // nothing else to pick, or the server would refuse it again
		}
		office := widget.NewButton("Giữ bản kho chung", func() { resolve(false) })
		if c.Kind != store.ConflictEdit {
			office.SetText("Đã hiểu")
		}
		row = container.NewVBox(title, what, container.NewHBox(open, mine, office), widget.NewSeparator())
		rows.Add(row)
	}
	h = u.customDialog("Xung đột", container.New(fixedSize{640, 420}, container.NewVScroll(rows)),
		[]dialogButton{{label: "Đóng"}})
}
