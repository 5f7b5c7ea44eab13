package importer

import (
	"hash/maphash"
	"unicode/utf8"
)

// repeatMinRunes is the least text a repeated run of blocks must hold to be
// taken for a second paste: short lines legitimately repeat ("* * *").
const repeatMinRunes = 30

// repeatBudget bounds the key comparisons collapseRepeats makes per block,
// so that its time stays linear in the input whatever the input; past the
// budget, no further repeat is looked for (nothing is ever dropped that was
// not compared).
const repeatBudget = 64

// collapseRepeats finds runs of blocks pasted twice in a row (A B C A B C,
// or a whole page pasted twice) and marks the second copy. keys identify the
// blocks (their text); the result says which to keep. Blank keys never
// match and are skipped over. Blocks are taken in order: each new block is
// compared with the blocks kept before it, and when the kept blocks end with
// a run written twice (each copy holding at least repeatMinRunes runes) the
// second copy goes; a third copy then meets the first and goes too
// (A B A B A B → A B).
func collapseRepeats(keys []string) []bool {
	keep := make([]bool, len(keys))
	seed := maphash.MakeSeed()
	var kept []int // indices of the kept non-blank blocks, in order
	var hashes []uint64
	var size []int // size[j] = runes in kept[:j]
	size = append(size, 0)
	last := map[uint64][]int{} // hash → positions in kept, ascending
	budget := repeatBudget * len(keys)
	for i, k := range keys {
		keep[i] = true
		if k == "" {
			continue
		}
		h := maphash.String(seed, k)
		kept = append(kept, i)
		hashes = append(hashes, h)
		size = append(size, size[len(size)-1]+utf8.RuneCountInString(k))
		n := len(kept)
		// Earlier copies of this block, nearest first: kept ends with a
		// doubled run of length n-1-p when the run before p+1 equals it.
		occ := last[h]
		drop := 0
		for j := len(occ) - 1; j >= 0 && budget > 0; j-- {
			p := occ[j]
			period := n - 1 - p
			if 2*period > n {
				break
			}
			if size[n]-size[n-period] < repeatMinRunes {
				continue
			}
			same := true
			for m := 0; m < period; m++ {
				budget--
				a, b := n-1-m, n-1-period-m
				if hashes[a] != hashes[b] || keys[kept[a]] != keys[kept[b]] {
					same = false
					break
				}
			}
			if same {
				drop = period
				break
			}
		}
		if drop == 0 {
			last[h] = append(occ, n-1)
			continue
		}
		for _, x := range kept[n-drop:] {
			keep[x] = false
		}
		// Forget the dropped copy: its positions are the newest in every
		// list they are in.
		for j := n - drop; j < n-1; j++ {
			hj := hashes[j]
			l := last[hj]
			last[hj] = l[:len(l)-1]
		}
		kept, hashes, size = kept[:n-drop], hashes[:n-drop], size[:n-drop+1]
	}
	return keep
}
