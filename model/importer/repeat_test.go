package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCollapseRepeats(t *testing.T) {
	long := func(s string) string {
		return s + " là một đoạn văn đủ dài để được coi là dán lặp"
	}
	a, b, c := long("A"), long("B"), long("C")
	tests := []struct {
		name string
		keys []string
		want []bool
	}{
		{"a run pasted twice", []string{a, b, c, a, b, c}, []bool{true, true, true, false, false, false}},
		{"three times", []string{a, b, a, b, a, b}, []bool{true, true, false, false, false, false}},
		{"one block twice", []string{a, a, c}, []bool{true, false, true}},
		{"not in a row", []string{a, b, a}, []bool{true, true, true}},
		{"short lines repeat", []string{"* * *", "* * *", "x"}, []bool{true, true, true}},
		{"short run long enough together", []string{"Mục một dài hơn", "Mục hai dài hơn nữa", "Mục một dài hơn", "Mục hai dài hơn nữa"},
			[]bool{true, true, false, false}},
		{"blank keys skipped", []string{a, "", a}, []bool{true, true, false}},
		{"page pasted twice after a header", []string{"x", a, b, c, a, b, c}, []bool{true, true, true, true, false, false, false}},
		{"repeat inside a repeat", []string{a, b, a, b, c, a, b, a, b, c}, []bool{true, true, false, false, true, false, false, false, false, false}},
		{"nothing", nil, []bool{}},
	}
	for _, tt := range tests {
		if got := collapseRepeats(tt.keys); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Distinct lines, alternating lines and one line repeated: the time per
// block must not grow with the number of blocks (it was quadratic: every
// block compared with every later one).
func TestCollapseRepeatsLinear(t *testing.T) {
	inputs := map[string]func(n int) []string{
		"distinct": func(n int) []string {
			k := make([]string, n)
			for i := range k {
				k[i] = fmt.Sprintf("Dòng số %d của văn bản, không lặp lại.", i)
			}
			return k
		},
		"alternating": func(n int) []string {
			k := make([]string, n)
			for i := range k {
				k[i] = strings.Repeat(string(rune('a'+i%2)), 20) + fmt.Sprint(i%3)
			}
			return k
		},
		"near repeats": func(n int) []string {
			k := make([]string, n)
			for i := range k {
				k[i] = long40
			}
			for i := 0; i < n; i += 7 {
				k[i] = fmt.Sprint(i)
			}
			return k
		},
	}
	for name, gen := range inputs {
		small, large := gen(20_000), gen(80_000)
		_, ratio := growthWithin(12, func(big bool) {
			if big {
				collapseRepeats(large)
			} else {
				collapseRepeats(small)
			}
		})
		if ratio > 12 { // quadratic gives 16
			t.Errorf("%s: 4× the blocks took %.1f× the time", name, ratio)
		}
	}
}

var long40 = strings.Repeat("x", 40)
