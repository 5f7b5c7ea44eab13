package ui

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/decree"
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

	gen        int                // generation of the latest query asked for
	cancel     context.CancelFunc // stops the latest query's work (a newer one replaces it)
	shownGen   int                // generation of the rows shown
	shownCtx   context.Context    // the shown query's: page fetches stop with it
	shownQ     store.Query        // the query of the rows shown
	total      int
	pages      map[int][]store.Item
	pending    map[int]bool
	rows       map[*fyne.Container]rowShown // what each row object shows
	lru        []int
	selected   int64 // id of the record open in the editor
	quiet      bool  // selection changes made by code, not the clerk
	timer      stopper
	lastError  string
	categories []string // the category choices
}

func newListPanel(svc *services) *listPanel {
	l := &listPanel{svc: svc, pages: map[int][]store.Item{}, pending: map[int]bool{}, rows: map[*fyne.Container]rowShown{},
		shownCtx: context.Background()}
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

	l.count = widget.NewLabel("") // not italic: see editorPanel.showItalics
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

// A row of the list: title on the first line; date, kind, status (and
// number for documents) on the second, or, for a search, the date and the
// text around the match. The words found are shown in the accent colour.
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

// createRow makes a row's widgets; updateRow only changes their content
// (Fyne may drop and remake the renderers of rows not drawn for a while).
func (l *listPanel) createRow() fyne.CanvasObject {
	dot := canvas.NewCircle(statusColor(""))
	title := widget.NewRichText()
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewRichText()
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.New(rowLayout{}, dot, title, meta)
}

// rowShown is what a row object shows: row i of the query of generation
// gen, loaded or not yet. Fyne updates every visible row each time the
// list refreshes (a count arriving, the selection following the open
// record), and laying out a row's rich text again shapes all its text, so
// updateRow leaves a row that already shows what it should alone.
type rowShown struct {
	gen, i int
	loaded bool
}

func (l *listPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	dot, title, meta := c.Objects[0].(*canvas.Circle), c.Objects[1].(*widget.RichText), c.Objects[2].(*widget.RichText)
	it, ok := l.itemAt(i)
	shown := rowShown{gen: l.shownGen, i: i, loaded: ok}
	if was, seen := l.rows[c]; seen && was == shown {
		return
	}
	l.rows[c] = shown
	if !ok {
		dot.FillColor = statusColor("")
		dot.Refresh()
		title.Segments = markedText("…", nil, titleStyle)
		title.Refresh()
		meta.Segments = nil
		meta.Refresh()
		return
	}
	dot.FillColor = statusColor(string(it.Status))
	dot.Refresh()
	if strings.TrimSpace(it.Title) == "" {
		title.Segments = markedText("(chưa có tiêu đề)", nil, titleStyle)
	} else {
		title.Segments = markedText(it.Title, it.TitleMarks, titleStyle)
	}
	title.Refresh()
	meta.Segments = rowMeta(it, l.shownQ.Text != "")
	meta.Refresh()
}

var (
	titleStyle = widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
	metaStyle  = widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText}
)

// markedText is text in style with the spans marks in the accent colour
// (and bold).
func markedText(text string, marks []store.Span, style widget.RichTextStyle) []widget.RichTextSegment {
	hot := style
	hot.ColorName = theme.ColorNamePrimary
	hot.TextStyle.Bold = true
	var segs []widget.RichTextSegment
	at := 0
	for _, m := range marks {
		if m.Start < at || m.End > len(text) || m.Start >= m.End {
			continue
		}
		if m.Start > at {
			segs = append(segs, &widget.TextSegment{Text: text[at:m.Start], Style: style})
		}
		segs = append(segs, &widget.TextSegment{Text: text[m.Start:m.End], Style: hot})
		at = m.End
	}
	if at < len(text) || len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: text[at:], Style: style})
	}
	return segs
}

// rowMeta is a row's second line: for a search the date and the text
// around the match, with the words found marked.
func rowMeta(it store.Item, searching bool) []widget.RichTextSegment {
	if searching && it.Snippet != "" {
		date := vntext.ListDate(it.Date) + " · "
		marks := make([]store.Span, len(it.SnippetMarks))
		for k, m := range it.SnippetMarks {
			marks[k] = store.Span{Start: m.Start + len(date), End: m.End + len(date)}
		}
		return markedText(date+it.Snippet, marks, metaStyle)
	}
	return markedText(itemMeta(it), nil, metaStyle)
}

// itemMeta is a row's second line outside a search.
func itemMeta(it store.Item) string {
	parts := []string{vntext.ListDate(it.Date), it.Kind.Label(), it.Status.Label()}
	if it.Number != "" { // a draft not yet numbered shows no "Số"
		parts = append(parts, "Số "+decree.NumberSign(it.Number, it.Sign))
	}
	return strings.Join(parts, " · ")
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
	if k := slices.Index(l.lru, p); k >= 0 {
		l.lru = slices.Delete(l.lru, k, k+1)
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
	gen, ctx, q := l.shownGen, l.shownCtx, l.pageQuery(p*listPage)
	st := l.svc.st
	l.svc.sched.Go(func() {
		items, err := st.ListContext(ctx, q)
		if ctx.Err() != nil {
			return // the query changed meanwhile
		}
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
// page arrives, the count follows, and stale answers are dropped. A newer
// query stops the work of the one before (its SQLite statements are
// interrupted), so typing fast leaves no searches running behind.
func (l *listPanel) reload() {
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	if l.cancel != nil {
		l.cancel()
	}
	l.gen++
	ctx, cancel := context.WithCancel(context.Background())
	gen, q := l.gen, l.query()
	l.cancel = cancel
	st := l.svc.st
	if l.total == 0 {
		l.count.SetText("Đang tìm…")
	}
	asked := time.Now()
	l.svc.sched.Go(func() {
		// The first page is shown as soon as it is there; counting all the
		// matches can take longer (a two-letter prefix), so it follows, once
		// the page is on the list: on two busy cores the count's SQLite work
		// would otherwise compete with the UI goroutine laying the rows out.
		first := q
		first.Limit = listPage
		items, err := st.ListContext(ctx, first)
		if ctx.Err() != nil {
			return // superseded
		}
		fetched := time.Since(asked)
		complete := err == nil && len(items) < listPage
		shown := make(chan struct{})
		l.svc.sched.Do(func() {
			defer close(shown)
			if gen != l.gen {
				return
			}
			applying := time.Since(asked)
			l.shownGen, l.shownCtx, l.shownQ = gen, ctx, q
			l.pages = map[int][]store.Item{}
			l.pending = map[int]bool{}
			l.rows = map[*fyne.Container]rowShown{}
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
			traceList("first-page gen=%d rows=%d ms=%d text=%q store-ms=%d ui-ms=%d", gen, len(items), time.Since(asked).Milliseconds(), q.Text, fetched.Milliseconds(), applying.Milliseconds())
		})
		if err != nil || complete {
			return
		}
		select {
		case <-shown:
		case <-ctx.Done():
			return
		}
		n, err := st.CountContext(ctx, q)
		if ctx.Err() != nil {
			return
		}
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
			traceList("count gen=%d n=%d ms=%d", gen, n, time.Since(asked).Milliseconds())
		})
	})
}

// traceList writes, when the environment has BIENTAP_TRACE=1, when the
// list's answers arrive, to stderr (scripts/measure-window reads it).
func traceList(format string, args ...any) {
	if os.Getenv("BIENTAP_TRACE") == "1" {
		fmt.Fprintf(os.Stderr, "bientap-trace %d "+format+"\n", append([]any{time.Now().UnixMilli()}, args...)...)
	}
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
