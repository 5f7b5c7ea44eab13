package officesync

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/store"
)

var everyone = map[string]office.Role{"clerk1": office.RoleDrafter, "clerk2": office.RoleDrafter,
	"leader": office.RoleLeader, "registrar": office.RoleRegistrar}

func TestTwoDesksEditAndSync(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a, b := newDesk(t, dir, "a"), newDesk(t, dir, "b")
	// Desk A had drafts before it joined: they go up with the join.
	for i := 0; i < 5; i++ {
		if err := a.Store.Create(record("Bản nháp của A", i)); err != nil {
			t.Fatal(err)
		}
	}
	img := model.Image{Caption: "Ảnh hội nghị", Data: append([]byte("\xFF\xD8\xFF\xE0"), bytes.Repeat([]byte("x"), 5000)...)}
	withImage := record("Có ảnh", 0)
	withImage.Images = []model.Image{img}
	a.Store.Create(withImage)
	if sum := a.join(t, o, "clerk1"); sum.Pushed != 6 || sum.Conflicts != 0 {
		t.Fatalf("A's join: %+v", sum)
	}
	if sum := b.join(t, o, "clerk2"); sum.Pulled != 6 {
		t.Fatalf("B's join: %+v", sum)
	}
	sameArchives(t, a.Store, b.Store)
	// B edits one of A's records; A gets the edit and B's revision, by B.
	ids, _ := b.Store.List(store.Query{Text: "Bản nháp của A 3"})
	r, _ := b.Store.Get(ids[0].ID)
	r.Body = "Nội dung B đã sửa."
	if err := b.Store.Save(r); err != nil {
		t.Fatal(err)
	}
	if sum := b.sync(t); sum.Pushed != 1 {
		t.Fatalf("B's sync: %+v", sum)
	}
	if sum := a.sync(t); sum.Pulled != 1 || sum.Conflicts != 0 {
		t.Fatalf("A's sync: %+v", sum)
	}
	sameArchives(t, a.Store, b.Store)
	ida, _ := a.Store.List(store.Query{Text: "Bản nháp của A 3"})
	revs, _ := a.Store.Revisions(ida[0].ID)
	if len(revs) < 2 {
		t.Fatalf("revisions on A: %+v", revs)
	}
	author, _ := a.Store.RevisionAuthor(revs[0].ID)
	if author != "clerk2" {
		t.Fatalf("newest revision on A by %q, want clerk2", author)
	}
	first, _ := a.Store.RevisionAuthor(revs[len(revs)-1].ID)
	if first != "clerk1" {
		t.Fatalf("first revision by %q", first)
	}
	// A second sync moves nothing.
	if sum := a.sync(t); sum.Pushed+sum.Pulled != 0 {
		t.Fatalf("idle sync moved %+v", sum)
	}
	// The image went up once, however many records use it.
	again := record("Cùng ảnh", 1)
	again.Images = []model.Image{img}
	b.Store.Create(again)
	b.sync(t)
	a.sync(t)
	if n := o.value(t, "SELECT count(*) FROM bientap.blobs"); n != 1 {
		t.Fatalf("%d blobs on the server", n)
	}
	sameArchives(t, a.Store, b.Store)
	// Revisions on the server: one per local save, never duplicated.
	if n := o.value(t, "SELECT count(*) - count(DISTINCT origin) FROM bientap.revisions"); n != 0 {
		t.Fatalf("%d duplicated revisions", n)
	}
}

func TestTenDesksEditAndSync(t *testing.T) {
	users := map[string]office.Role{}
	for i := 0; i < 10; i++ {
		users[fmt.Sprintf("clerk%d", i)] = office.RoleDrafter
	}
	o := newOffice(t, users)
	dir := t.TempDir()
	desks := make([]*desk, 10)
	for i := range desks {
		desks[i] = newDesk(t, dir, fmt.Sprint("d", i))
		desks[i].join(t, o, fmt.Sprintf("clerk%d", i))
	}
	// Three rounds: every desk writes, then all sync at once.
	for round := 0; round < 3; round++ {
		for i, d := range desks {
			for k := 0; k < 5; k++ {
				if err := d.Store.Create(record(fmt.Sprintf("Bàn %d vòng %d", i, round), k)); err != nil {
					t.Fatal(err)
				}
			}
			// Edit a record another desk made (distinct per desk: no conflicts).
			if round > 0 {
				other := record(fmt.Sprintf("Bàn %d vòng %d", (i+1)%10, round-1), 0)
				id, err := d.Store.FindByTitleDate(other.Title, other.Date)
				if err != nil || id == 0 {
					t.Fatalf("desk %d does not have %q: %v", i, other.Title, err)
				}
				r, _ := d.Store.Get(id)
				r.Body += fmt.Sprintf("\nSửa bởi bàn %d.", i)
				d.Store.Save(r)
			}
		}
		// All sync at once, twice: the second pass brings what the others
		// pushed during the first.
		for pass := 0; pass < 2; pass++ {
			var wg sync.WaitGroup
			errs := make(chan error, len(desks))
			for _, d := range desks {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := d.Sync(context.Background()); err != nil {
						errs <- err
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
		}
	}
	for _, d := range desks { // a last pass brings everyone everything
		d.sync(t)
	}
	for _, d := range desks[1:] {
		sameArchives(t, desks[0].Store, d.Store)
	}
	if n := len(content(t, desks[0].Store)); n != 150 {
		t.Fatalf("%d records", n)
	}
	if n := o.value(t, "SELECT count(*) FROM bientap.records"); n != 150 {
		t.Fatalf("%d records on the server", n)
	}
	for _, d := range desks {
		if n, _ := d.Store.PendingCount(); n != 0 {
			t.Fatalf("%d pending", n)
		}
	}
}

// The same record edited on two desks offline: the office keeps the first
// text that arrived, the second desk keeps its own as a marked revision and
// a conflict entry; picking it makes it the office's text. Nothing is lost.
func TestOfflineConflictKeepsBothTexts(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a, b := newDesk(t, dir, "a"), newDesk(t, dir, "b")
	a.join(t, o, "clerk1")
	r := record("Kế hoạch chung", 1)
	a.Store.Create(r)
	a.sync(t)
	b.join(t, o, "clerk2")
	items, _ := b.Store.List(store.Query{Text: "Kế hoạch chung"})
	bid := items[0].ID
	// Both edit offline.
	ra, _ := a.Store.Get(r.ID)
	ra.Body = "Bản của A: thêm mục 3."
	a.Store.Save(ra)
	rb, _ := b.Store.Get(bid)
	rb.Body = "Bản của B: sửa mục 1."
	b.Store.Save(rb)
	a.sync(t)
	sum := b.sync(t)
	if sum.Conflicts != 1 {
		t.Fatalf("B's sync: %+v", sum)
	}
	now, _ := b.Store.Get(bid)
	if now.Body != "Bản của A: thêm mục 3." {
		t.Fatalf("B holds %q", now.Body)
	}
	cs, _ := b.Store.Conflicts()
	if len(cs) != 1 || cs[0].Kind != store.ConflictEdit || cs[0].Other != "clerk1" || cs[0].RecordID != bid {
		t.Fatalf("conflicts %+v", cs)
	}
	if !strings.Contains(cs[0].Label(), "Xung đột") {
		t.Fatalf("label %q", cs[0].Label())
	}
	lost, err := b.Store.RevisionRecord(cs[0].RevisionID)
	if err != nil || lost.Body != "Bản của B: sửa mục 1." {
		t.Fatalf("B's text not kept: %v %+v", err, lost)
	}
	revs, _ := b.Store.Revisions(bid)
	marked := false
	for _, rv := range revs {
		marked = marked || rv.ID == cs[0].RevisionID && strings.HasPrefix(rv.Note, "Xung đột")
	}
	if !marked {
		t.Fatalf("losing revision not marked: %+v", revs)
	}
	// B's losing text reached the office's history too.
	b.sync(t)
	if n := o.value(t, "SELECT count(*) FROM bientap.revisions WHERE snapshot->>'body' = 'Bản của B: sửa mục 1.'"); n < 1 {
		t.Fatal("B's text is not in the office's history")
	}
	// B picks its own text: it becomes the office's, A gets it.
	if err := b.Store.ResolveConflict(cs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if cs, _ := b.Store.Conflicts(); len(cs) != 0 {
		t.Fatalf("still open: %+v", cs)
	}
	b.sync(t)
	a.sync(t)
	final, _ := a.Store.Get(r.ID)
	if final.Body != "Bản của B: sửa mục 1." {
		t.Fatalf("A holds %q", final.Body)
	}
	sameArchives(t, a.Store, b.Store)
}

// A desk whose local database says "approved" (bypassing the window) still
// cannot approve: the server refuses, the office's state comes back and the
// clerk's version is kept as a revision marked "Bị từ chối".
func TestRefusedChangeComesBack(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a := newDesk(t, dir, "a")
	a.join(t, o, "clerk1")
	r := record("Tờ trình", 1)
	a.Store.Create(r)
	a.Store.SetStatus(r.ID, model.StatusReview, "")
	a.sync(t)
	// Through the desk's own API the role is checked first.
	if _, err := a.SetStatus(context.Background(), r.ID, model.StatusApproved, ""); !errors.Is(err, office.ErrRefused) ||
		!strings.Contains(err.Error(), "chỉ lãnh đạo được duyệt") {
		t.Fatalf("clerk approved: %v", err)
	}
	// Straight into the local store: the server refuses.
	if err := a.Store.SetStatus(r.ID, model.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
	sum := a.sync(t)
	if sum.Refused != 1 {
		t.Fatalf("sync %+v", sum)
	}
	now, _ := a.Store.Get(r.ID)
	if now.Status != model.StatusReview {
		t.Fatalf("status %s after refusal", now.Status)
	}
	if n := o.value(t, "SELECT count(*) FROM bientap.records WHERE status = 'approved'"); n != 0 {
		t.Fatal("the server approved")
	}
	cs, _ := a.Store.Conflicts()
	if len(cs) != 1 || cs[0].Kind != store.ConflictRefused || !strings.Contains(cs[0].Message, "chỉ lãnh đạo được duyệt") {
		t.Fatalf("conflicts %+v", cs)
	}
	kept, _ := a.Store.RevisionRecord(cs[0].RevisionID)
	if kept == nil || kept.Status != model.StatusApproved {
		t.Fatalf("refused version not kept: %+v", kept)
	}
	if n, _ := a.Store.PendingCount(); n != 0 {
		t.Fatalf("%d pending after refusal", n)
	}
	// The leader approves on their desk; the clerk gets it.
	l := newDesk(t, dir, "l")
	l.join(t, o, "leader")
	items, _ := l.Store.List(store.Query{Text: "Tờ trình"})
	if sent, err := l.SetStatus(context.Background(), items[0].ID, model.StatusApproved, ""); err != nil || !sent {
		t.Fatalf("leader: %v %v", sent, err)
	}
	a.sync(t)
	now, _ = a.Store.Get(r.ID)
	if now.Status != model.StatusApproved {
		t.Fatalf("status %s", now.Status)
	}
}

func TestEmptiedTrashLeavesEveryDesk(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a, b := newDesk(t, dir, "a"), newDesk(t, dir, "b")
	a.join(t, o, "clerk1")
	for i := 0; i < 3; i++ {
		a.Store.Create(record("Tin", i))
	}
	a.sync(t)
	b.join(t, o, "clerk2")
	items, _ := a.Store.List(store.Query{})
	for _, it := range items[:2] {
		a.Store.Trash(it.ID)
	}
	a.sync(t)
	// B edits one of them offline meanwhile: it must survive.
	bi, _ := b.Store.List(store.Query{Text: items[1].Title})
	rb, _ := b.Store.Get(bi[0].ID)
	rb.Body = "B sửa trong lúc A xóa."
	b.Store.Save(rb)
	if _, err := a.Store.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	if sum := a.sync(t); sum.Deleted != 2 {
		t.Fatalf("A: %+v", sum)
	}
	sum := b.sync(t)
	if sum.Deleted != 1 || sum.Conflicts != 1 {
		t.Fatalf("B: %+v", sum)
	}
	cb := content(t, b.Store)
	if len(cb) != 2 || !strings.Contains(cb[items[1].Title], "B sửa trong lúc A xóa.") {
		t.Fatalf("B holds %v", cb)
	}
	// B's kept copy goes up as a new record; A gets it back.
	a.sync(t)
	sameArchives(t, a.Store, b.Store)
	if n := o.value(t, "SELECT count(*) FROM bientap.records WHERE deleted"); n != 2 {
		t.Fatalf("%d deleted on the server (rows are kept)", n)
	}
}
