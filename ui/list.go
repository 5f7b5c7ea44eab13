package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/model/vntext"
)

// The list shows the store page by page: a page is fetched off the UI
// goroutine when one of its rows first scrolls into view, and a few dozen
// pages are kept.
const (
	listPage      = 100
	listPagesKept = 40
	searchDelay   = 150 * time.Millisecond
)

// Filter choices.
var (
	statusFilters = []struct {
		label    string
		statuses []model.Status
	}{
		{"Mọi trạng thái", nil},
		{model.StatusDraft.Label(), []model.Status{model.StatusDraft}},
		{model.StatusReview.Label(), []model.Status{model.StatusReview}},
		{model.StatusApproved.Label(), []model.Status{model.StatusApproved}},
		{model.StatusPublished.Label(), []model.Status{model.StatusPublished}},
		{model.StatusTrash.Label(), []model.Status{model.StatusTrash}},
	}
	allKinds      = "Mọi loại"
	allDocuments  = "Mọi văn bản hành chính"
	allYears      = "Mọi năm"
	trashFilterIx = 5
)

// listPanel is the left side: search, filters, the number of matches and
// the dated list ("Danh sách tin bài").
type listPanel struct {
	svc *services
	// onOpen is told the record the clerk picked.
	onOpen func(id int64)
	// onEmptyTrash is the "Dọn thùng rác" button's action.
	onEmptyTrash func()
	// onCategories is told the category choices when they change.
	onCategories func(cats []string)

	search     *textEntry
	status     *widget.Select
	kind       *widget.Select
	category   *widget.SelectEntry
	year       *widget.Select
	count      *widget.Label
	emptyTrash *widget.Button
	list       *widget.List
	content    fyne.CanvasObject

	gen        int         // generation of the latest query asked for
	shownGen   int         // generation of the rows shown
	shownQ     store.Query // the query of the rows shown
	total      int
	pages      map[int][]store.Item
	pending    map[int]bool
	lru        []int
	selected   int64 // id of the record open in the editor
	quiet      bool  // selection changes made by code, not the clerk
	timer      stopper
	lastError  string
	categories []string // the category choices
}

func newListPanel(svc *services) *listPanel {
	l := &listPanel{svc: svc, pages: map[int][]store.Item{}, pending: map[int]bool{}}
	l.search = newTextEntry(svc)
	l.search.SetPlaceHolder("Tìm kiếm (không cần dấu)…")
	l.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	l.search.OnChanged = func(string) { l.onSearchChanged() }

	var sl []string
	for _, f := range statusFilters {
		sl = append(sl, f.label)
	}
	l.status = widget.NewSelect(sl, func(string) { l.onFilterChanged() })
	l.status.SetSelectedIndex(0)

	kl := []string{allKinds, model.KindNews.Label(), allDocuments}
	for _, k := range model.Kinds[1:] {
		kl = append(kl, k.Name)
	}
	l.kind = widget.NewSelect(kl, func(string) { l.onFilterChanged() })
	l.kind.SetSelectedIndex(0)

	l.category = widget.NewSelectEntry(nil)
	l.category.SetPlaceHolder("Chuyên mục")
	l.category.OnChanged = func(string) { l.onSearchChanged() }

	l.year = widget.NewSelect([]string{allYears}, func(string) { l.onFilterChanged() })
	l.year.SetSelectedIndex(0)

	l.count = widget.NewLabel("")
	l.count.TextStyle.Italic = true
	l.emptyTrash = widget.NewButtonWithIcon("Dọn thùng rác", theme.DeleteIcon(), func() {
		if l.onEmptyTrash != nil {
			l.onEmptyTrash()
		}
	})
	l.emptyTrash.Importance = widget.DangerImportance
	l.emptyTrash.Hide()

	l.list = widget.NewList(func() int { return l.total }, l.createRow, l.updateRow)
	l.list.OnSelected = l.onSelected

	heading := widget.NewLabelWithStyle("Danh sách tin bài", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filters := container.NewGridWithColumns(2, l.status, l.kind, l.category, l.year)
	countRow := container.NewBorder(nil, nil, nil, l.emptyTrash, l.count)
	top := container.NewVBox(heading, l.search, filters, countRow)
	l.content = container.New(fillLast{}, top, l.list)
	return l
}

// listRow is one row of the list: title on the first line; date, kind,
// status (and number for documents) on the second.
type listRow struct {
	dot   *canvas.Circle
	title *widget.Label
	meta  *widget.Label
}

type rowLayout struct{}

const rowHeight = 54

func (rowLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, rowHeight) }

func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	dot, title, meta := objs[0], objs[1], objs[2]
	dot.Resize(fyne.NewSquareSize(9))
	dot.Move(fyne.NewPos(6, 15))
	title.Resize(fyne.NewSize(size.Width-14, 34))
	title.Move(fyne.NewPos(14, -2))
	meta.Resize(fyne.NewSize(size.Width-14, 30))
	meta.Move(fyne.NewPos(14, 24))
}

func (l *listPanel) createRow() fyne.CanvasObject {
	dot := canvas.NewCircle(statusColor(""))
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.Truncation = fyne.TextTruncateEllipsis
	meta.SizeName = theme.SizeNameCaptionText
	return container.New(rowLayout{}, dot, title, meta)
}

func (l *listPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	dot, title, meta := c.Objects[0].(*canvas.Circle), c.Objects[1].(*widget.Label), c.Objects[2].(*widget.Label)
	it, ok := l.itemAt(i)
	if !ok {
		dot.FillColor = statusColor("")
		dot.Refresh()
		title.SetText("…")
		meta.SetText("")
		return
	}
	dot.FillColor = statusColor(string(it.Status))
	dot.Refresh()
	t := it.Title
	if strings.TrimSpace(t) == "" {
		t = "(chưa có tiêu đề)"
	}
	title.SetText(t)
	meta.SetText(itemMeta(it, l.shownQ.Text != ""))
}

// itemMeta is a row's second line.
func itemMeta(it store.Item, searching bool) string {
	parts := []string{vntext.ListDate(it.Date), it.Kind.Label(), it.Status.Label()}
	if it.Number != "" { // a draft not yet numbered shows no "Số"
		parts = append(parts, "Số "+(&model.Record{Number: it.Number, Sign: it.Sign}).NumberSign())
	}
	s := strings.Join(parts, " · ")
	if searching && it.Snippet != "" {
		s = vntext.ListDate(it.Date) + " · " + it.Snippet
	}
	return s
}

// itemAt returns the list's item i when its page is loaded, asking for the
// page otherwise.
func (l *listPanel) itemAt(i int) (store.Item, bool) {
	p := i / listPage
	items, ok := l.pages[p]
	if !ok {
		l.fetch(p)
		return store.Item{}, false
	}
	l.touch(p)
	k := i % listPage
	if k >= len(items) {
		return store.Item{}, false
	}
	return items[k], true
}

func (l *listPanel) touch(p int) {
	if n := len(l.lru); n > 0 && l.lru[n-1] == p {
		return
	}
	for k, v := range l.lru {
		if v == p {
			l.lru = append(l.lru[:k], l.lru[k+1:]...)
			break
		}
	}
	l.lru = append(l.lru, p)
	for len(l.lru) > listPagesKept {
		delete(l.pages, l.lru[0])
		l.lru = l.lru[1:]
	}
}

// pageQuery is the query for the rows [start, start+listPage) of the shown
// list; the store pages through a covering index, so a far page is cheap.
func (l *listPanel) pageQuery(start int) store.Query {
	q := l.shownQ
	q.Offset, q.Limit = start, listPage
	return q
}

// fetch loads page p of the shown query off the UI goroutine.
func (l *listPanel) fetch(p int) {
	if l.pending[p] {
		return
	}
	l.pending[p] = true
	gen, q := l.shownGen, l.pageQuery(p*listPage)
	st := l.svc.st
	l.svc.sched.Go(func() {
		items, err := st.List(q)
		l.svc.sched.Do(func() {
			if gen != l.shownGen {
				return // the query changed meanwhile
			}
			delete(l.pending, p)
			if err != nil {
				l.showError(err)
				return
			}
			l.pages[p] = items
			l.touch(p)
			l.list.Refresh()
		})
	})
}

// query builds the store query from the search box and the filters.
func (l *listPanel) query() store.Query {
	q := store.Query{Text: strings.TrimSpace(vntext.Clean(l.search.Text))}
	if i := l.status.SelectedIndex(); i > 0 {
		q.Statuses = statusFilters[i].statuses
	}
	switch k := l.kind.Selected; k {
	case "", allKinds:
	case allDocuments:
		q.Kinds = model.DocumentKinds()
	default:
		if kk, err := model.ParseKind(k); err == nil {
			q.Kinds = []model.Kind{kk}
		}
	}
	q.Category = strings.TrimSpace(vntext.Clean(l.category.Text))
	if y := l.year.Selected; y != "" && y != allYears {
		fmt.Sscan(y, &q.Year)
	}
	return q
}

func (l *listPanel) onSearchChanged() {
	if l.timer != nil {
		l.timer.Stop()
	}
	l.timer = l.svc.sched.After(searchDelay, l.reload)
}

func (l *listPanel) onFilterChanged() {
	if l.emptyTrash != nil {
		if l.status.SelectedIndex() == trashFilterIx {
			l.emptyTrash.Show()
		} else {
			l.emptyTrash.Hide()
		}
	}
	if l.list != nil {
		l.reload()
	}
}

// reload runs the current query again (after a search, a filter change or
// an edit) off the UI goroutine; the rows shown are replaced when the first
// page arrives, the count follows, and stale answers are dropped.
func (l *listPanel) reload() {
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.gen++
	gen, q := l.gen, l.query()
	st := l.svc.st
	if l.total == 0 {
		l.count.SetText("Đang tìm…")
	}
	l.svc.sched.Go(func() {
		// The first page is shown as soon as it is there; counting all the
		// matches can take longer (a two-letter prefix), so it follows.
		first := q
		first.Limit = listPage
		items, err := st.List(first)
		complete := err == nil && len(items) < listPage
		l.svc.sched.Do(func() {
			if gen != l.gen {
				return
			}
			l.shownGen, l.shownQ = gen, q
			l.pages = map[int][]store.Item{}
			l.pending = map[int]bool{}
			l.lru = nil
			if err != nil {
				l.total = 0
				l.showError(err)
				l.list.Refresh()
				return
			}
			l.lastError = ""
			l.total = len(items)
			l.pages[0] = items
			l.lru = []int{0}
			if complete {
				l.count.SetText(countText(len(items)))
			} else {
				l.count.SetText("Đang đếm…")
			}
			l.list.Refresh()
			l.syncSelection()
		})
		if err != nil || complete {
			return
		}
		n, err := st.Count(q)
		l.svc.sched.Do(func() {
			if gen != l.gen {
				return
			}
			if err != nil {
				l.showError(err)
				return
			}
			l.total = n
			l.count.SetText(countText(n))
			l.list.Refresh()
		})
	})
}

func countText(n int) string {
	if n == 0 {
		return "Không có bản ghi nào"
	}
	return vntext.Number(n) + " bản ghi"
}

func (l *listPanel) showError(err error) {
	l.lastError = oneLine(err.Error())
	l.count.SetText("Lỗi: " + l.lastError)
}

// syncSelection highlights the open record's row when it is loaded.
func (l *listPanel) syncSelection() {
	l.quiet = true
	defer func() { l.quiet = false }()
	l.list.UnselectAll()
	if l.selected == 0 {
		return
	}
	for p, items := range l.pages {
		for k, it := range items {
			if it.ID == l.selected {
				l.list.Select(p*listPage + k)
				return
			}
		}
	}
}

// onSelected opens the record the clerk picked (asking about unsaved work).
func (l *listPanel) onSelected(i widget.ListItemID) {
	if l.quiet {
		return
	}
	it, ok := l.itemAt(i)
	if !ok || it.ID == l.selected {
		return
	}
	l.onOpen(it.ID)
}

// setSelected marks the record open in the editor.
func (l *listPanel) setSelected(id int64) {
	l.selected = id
	l.syncSelection()
}

// loadFacets fills the year and category choices off the UI goroutine: the
// years from the oldest to the newest record, the categories in use and
// those of the settings.
func (l *listPanel) loadFacets() {
	st := l.svc.st
	this := l.svc.clock.Today().Year()
	l.svc.sched.Go(func() {
		newest, err1 := st.List(store.Query{Limit: 1})
		oldest, err2 := st.List(store.Query{Limit: 1, OldestFirst: true})
		inUse, err3 := st.Categories()
		l.svc.sched.Do(func() {
			if err1 != nil || err2 != nil || err3 != nil {
				return
			}
			years := []string{allYears}
			hi, lo := this, this
			if len(newest) > 0 && newest[0].Date.Year() > hi {
				hi = newest[0].Date.Year()
			}
			if len(oldest) > 0 && oldest[0].Date.Year() < lo {
				lo = oldest[0].Date.Year()
			}
			for y := hi; y >= lo && y > hi-60; y-- {
				years = append(years, fmt.Sprint(y))
			}
			sel := l.year.Selected
			l.year.Options = years
			l.year.Refresh()
			if sel == "" {
				l.year.SetSelectedIndex(0)
			}
			cats := slices.Clone(l.categories) // those remembered from saves stay
			for _, c := range inUse {
				if c = strings.TrimSpace(c); c != "" {
					cats = append(cats, c)
				}
			}
			l.setCategories(cats)
		})
	})
}

// setCategories offers cats (sorted without regard to diacritics, each
// once) in the category filter and tells onCategories.
func (l *listPanel) setCategories(cats []string) {
	slices.SortFunc(cats, func(a, b string) int {
		return cmp.Or(cmp.Compare(vntext.Fold(a), vntext.Fold(b)), cmp.Compare(a, b))
	})
	l.categories = slices.Compact(cats)
	l.category.SetOptions(l.categories)
	if l.onCategories != nil {
		l.onCategories(l.categories)
	}
}

// addCategory adds a category (of a record just saved) to the choices.
func (l *listPanel) addCategory(c string) {
	if c = strings.TrimSpace(c); c == "" || slices.Contains(l.categories, c) {
		return
	}
	l.setCategories(append(slices.Clone(l.categories), c))
}

// kindFilter is the kind the kind filter names, when it names one.
func (l *listPanel) kindFilter() (model.Kind, bool) {
	if q := l.query(); len(q.Kinds) == 1 {
		return q.Kinds[0], true
	}
	return "", false
}

// showTrash shows the records in the trash.
func (l *listPanel) showTrash() { l.status.SetSelectedIndex(trashFilterIx) }

// setTrashCount follows how many records the trash holds: its "Dọn thùng
// rác" button only works when there is something to delete.
func (l *listPanel) setTrashCount(n int) {
	if n == 0 {
		l.emptyTrash.Disable()
	} else {
		l.emptyTrash.Enable()
	}
}
