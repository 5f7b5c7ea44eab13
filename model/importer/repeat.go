package importer

import "unicode/utf8"

// repeatMinRunes is the least text a repeated run of blocks must hold to be
// taken for a second paste: short lines legitimately repeat ("* * *").
const repeatMinRunes = 30

// collapseRepeats finds runs of blocks pasted twice in a row (A B C A B C,
// or a whole page pasted twice) and marks the second copy. keys identify the
// blocks (their text); the result says which to keep. Blank keys never
// match. Longer repeats are removed first, and removal repeats until none is
// left (A B A B A B → A B).
func collapseRepeats(keys []string) []bool {
	keep := make([]bool, len(keys))
	idx := make([]int, 0, len(keys)) // indices still kept, in order
	for i := range keys {
		keep[i] = true
		if keys[i] != "" {
			idx = append(idx, i)
		}
	}
	key := func(j int) string { return keys[idx[j]] }
	for i := 0; i < len(idx); i++ {
		for k := (len(idx) - i) / 2; k >= 1; k-- {
			if key(i) != key(i+k) {
				continue
			}
			same, size := true, 0
			for j := 0; j < k; j++ {
				if key(i+j) != key(i+k+j) {
					same = false
					break
				}
				size += utf8.RuneCountInString(key(i + j))
			}
			if !same || size < repeatMinRunes {
				continue
			}
			for j := i + k; j < i+2*k; j++ {
				keep[idx[j]] = false
			}
			idx = append(idx[:i+k], idx[i+2*k:]...)
			k = (len(idx)-i)/2 + 1 // look again from the longest
		}
	}
	return keep
}
