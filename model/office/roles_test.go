package office

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5"

	"bientap/model"
)

// The desk's rule (Roles.Refusal) and the server's (bientap.refusal) give
// the same verdict, in the same words, for every role and change.
func TestRolesAgreeWithServer(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	users := map[Role]string{RoleDrafter: "clerk", RoleLeader: "leader", RoleRegistrar: "registrar", RoleAdmin: "admin"}
	froms := append([]model.Status{""}, model.Statuses...) // "" = a new record
	n := 0
	for role, user := range users {
		db := o.psql(t, user)
		batch := &pgx.Batch{}
		var want []string
		for _, from := range froms {
			for _, to := range model.Statuses {
				for _, trashedFrom := range []model.Status{"", model.StatusApproved} {
					if trashedFrom != "" && from != model.StatusTrash {
						continue
					}
					for flags := 0; flags < 16; flags++ {
						c := Change{New: from == "", From: from, To: to, TrashedFrom: trashedFrom,
							TextChanged: flags&1 != 0, URLChanged: flags&2 != 0, NumberChanged: flags&4 != 0, Delete: flags&8 != 0}
						if c.Delete && (c.New || c.To != c.From || c.TextChanged || c.URLChanged || c.NumberChanged) {
							continue // emptying the trash changes nothing else
						}
						old, nw := rowsFor(c)
						oj, _ := json.Marshal(old)
						nj, _ := json.Marshal(nw)
						if c.New {
							batch.Queue(`SELECT coalesce(bientap.refusal(NULL, jsonb_populate_record(NULL::bientap.records, $1::jsonb)), '')`, string(nj))
						} else {
							batch.Queue(`SELECT coalesce(bientap.refusal(jsonb_populate_record(NULL::bientap.records, $1::jsonb),
								jsonb_populate_record(NULL::bientap.records, $2::jsonb)), '')`, string(oj), string(nj))
						}
						want = append(want, Roles{role}.Refusal(c)+"\x00"+describe(c))
					}
				}
			}
		}
		res := db.SendBatch(ctx, batch)
		for _, w := range want {
			var got string
			if err := res.QueryRow().Scan(&got); err != nil {
				t.Fatal(err)
			}
			n++
			msg, what, _ := cut(w)
			if got != msg {
				t.Errorf("%s %s: server %q, desk %q", role, what, got, msg)
			}
		}
		res.Close()
	}
	if n < 1000 {
		t.Fatalf("only %d cases", n)
	}
	t.Logf("%d cases agree", n)
}

func cut(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func describe(c Change) string {
	b, _ := json.Marshal(c)
	return string(b)
}

// rowsFor builds the old and new server rows of a change.
func rowsFor(c Change) (map[string]any, map[string]any) {
	base := func() map[string]any {
		return map[string]any{"gid": gid(7), "version": 3, "edit_version": 3, "deleted": false, "kind": "thong-bao",
			"title": "T", "body": "B", "date": "2026-01-05", "number": "", "sign": "TB-UBND", "url": "",
			"status": string(c.From), "trashed_from": string(c.TrashedFrom), "images": []any{}, "to_list": []any{},
			"recipients": []any{}, "created": "2026-01-05T00:00:00Z", "updated": "2026-01-05T00:00:00Z",
			"created_by": "x", "updated_by": "x"}
	}
	old, nw := base(), base()
	nw["status"] = string(c.To)
	if c.TextChanged {
		nw["body"] = "B2"
	}
	if c.URLChanged {
		nw["url"] = "https://example.invalid/x"
	}
	if c.NumberChanged {
		nw["number"] = "05"
	}
	if c.Delete {
		nw["deleted"] = true
	}
	return old, nw
}
