package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/store"
	"bientap/resources"
)

// TestListAndSearchOutput: list and search print every match, one line
// each, in the store's order (the same as paging through List), titles on
// one line.
func TestListAndSearchOutput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportJSONL(context.Background(), bytes.NewReader(resources.Sample), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tabbed := &model.Record{Title: "Công điện\tvề mưa lũ", Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	if err := st.Create(tabbed); err != nil {
		t.Fatal(err)
	}
	pages := func(q store.Query) string {
		var b strings.Builder
		q.Limit = 2
		for {
			items, err := st.List(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				title := strings.NewReplacer("\t", " ", "\n", " ").Replace(it.Title)
				fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\n", it.ID, it.Date.Format("02/01/2006"), it.Status, it.Kind, title)
			}
			if len(items) < q.Limit {
				return b.String()
			}
			q.Offset += q.Limit
		}
	}
	want := map[string]string{
		"search cong dien":   pages(store.Query{Text: "cong dien"}),
		"list --kind news":   pages(store.Query{Kinds: []model.Kind{model.KindNews}}),
		"list":               pages(store.Query{}),
		"search khong co gi": "",
	}
	st.Close()
	for cmd, want := range want {
		code, out, errs := run(t, db, strings.Fields(cmd)...)
		if code != 0 || errs != "" {
			t.Fatalf("%s: exit %d, %q", cmd, code, errs)
		}
		if out != want {
			t.Errorf("%s:\n%s\nwant\n%s", cmd, out, want)
		}
		if cmd != "search khong co gi" && strings.Count(out, "\n") < 2 {
			t.Errorf("%s: %d lines", cmd, strings.Count(out, "\n"))
		}
	}
	if _, out, _ := run(t, db, "search", "mua lu"); !strings.Contains(out, "\tCông điện về mưa lũ\n") {
		t.Errorf("a tab in a title: %q", out)
	}
}

func TestUpgradeReporter(t *testing.T) {
	var b bytes.Buffer
	progress, done := upgradeReporter(&b)
	done()
	if b.Len() != 0 {
		t.Errorf("no upgrade, yet %q", b.String())
	}
	progress, done = upgradeReporter(&b)
	for _, p := range [][2]int64{{0, 0}, {10, 100}, {100, 100}} {
		progress(p[0], p[1])
	}
	done()
	if want := "bientap: đang nâng cấp cơ sở dữ liệu (xây lại chỉ mục tìm kiếm)…\nbientap: đã nâng cấp cơ sở dữ liệu\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
