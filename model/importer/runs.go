// This file holds the helpers on runs of styled text that every importer
// shares.
package importer

import (
	"strings"

	"bientap/model"
	"bientap/model/doc"
)

// trimRuns drops empty runs, merges neighbours of one style, joins the
// whitespace between runs and trims the ends.
func trimRuns(runs []doc.Run) []doc.Run {
	var out []doc.Run
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1].Text
			if strings.HasSuffix(prev, " ") && strings.HasPrefix(r.Text, " ") {
				r.Text = strings.TrimLeft(r.Text, " ")
				if r.Text == "" {
					continue
				}
			}
			if out[n-1].Bold == r.Bold && out[n-1].Italic == r.Italic {
				out[n-1].Text += r.Text
				continue
			}
		}
		out = append(out, r)
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
