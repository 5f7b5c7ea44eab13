// This file holds the helpers on runs of styled text that every importer
// shares.

package importer

import (
	"strings"

	"bientap/model"
	"bientap/model/doc"
)

// trimRuns drops empty runs, merges neighbours of one style, joins the
// whitespace between runs and trims the ends. It is linear in the text.
func trimRuns(runs []doc.Run) []doc.Run {
	var out []doc.Run
	var b strings.Builder // text of the run being merged
	var cur doc.Run
	have, lastSpace := false, false
	for _, r := range runs {
		t := r.Text
		if lastSpace && strings.HasPrefix(t, " ") {
			t = strings.TrimLeft(t, " ")
		}
		if t == "" {
			continue
		}
		if !have || cur.Bold != r.Bold || cur.Italic != r.Italic {
			if have {
				cur.Text = b.String()
				out = append(out, cur)
				b.Reset()
			}
			cur, have = r, true
		}
		b.WriteString(t)
		lastSpace = t[len(t)-1] == ' '
	}
	if have {
		cur.Text = b.String()
		out = append(out, cur)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " \u00A0")
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRight(out[n].Text, " \u00A0")
		if out[n].Text != "" {
			break
		}
		out = out[:n]
	}
	return out
}

func allBold(runs []doc.Run) bool {
	for _, r := range runs {
		if !r.Bold && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return len(runs) > 0
}

func allItalic(runs []doc.Run) bool {
	for _, r := range runs {
		if !r.Italic && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return len(runs) > 0
}

func unbold(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Bold = false
		out[i] = r
	}
	return trimRuns(out)
}

func italic(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Italic = true
		out[i] = r
	}
	return trimRuns(out)
}

func nonItalic(runs []doc.Run) []doc.Run {
	if !allItalic(runs) {
		return runs
	}
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Italic = false
		out[i] = r
	}
	return trimRuns(out)
}

func findImage(ims []model.Image, name string) *model.Image {
	for i := range ims {
		if ims[i].Name == name {
			return &ims[i]
		}
	}
	return nil
}
