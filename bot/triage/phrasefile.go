package triage

import (
	"math/bits"
	"slices"
)

// phraseFile is the built-in phrases that may start at one word, filed by their second word's
// bit (tokBit), so that findPhrases tries only the phrases whose second word is in reach: a
// common word ("work", "walk") starts hundreds.
type phraseFile struct {
	any    []phraseStart // tried at every token: one-word phrases, and second words untold
	bits   uint64        // the second-word bits of the phrases in byBit
	byBit  []phraseStart // the others, grouped by bit, lowest bit first
	groups []uint16      // groups[r] is where the group of bits' r-th lowest bit ends in byBit
}

// fileByBit files list, a word's phrases in the order they are tried. Each keeps its place in
// list (order), which settles a tie between matches of the same length: the first listed wins.
func fileByBit(list []phraseStart) phraseFile {
	if len(list) > 1<<16-1 {
		panic("triage: too many phrases start with one word")
	}
	var f phraseFile
	for i, st := range list {
		st.order = uint16(i)
		if st.single || bits.OnesCount64(st.second) != 1 {
			f.any = append(f.any, st)
		} else {
			f.byBit = append(f.byBit, st)
			f.bits |= st.second
		}
	}
	bit := func(st phraseStart) int { return bits.TrailingZeros64(st.second) }
	slices.SortStableFunc(f.byBit, func(a, b phraseStart) int { return bit(a) - bit(b) })
	for i, st := range f.byBit {
		if i+1 == len(f.byBit) || bit(f.byBit[i+1]) != bit(st) {
			f.groups = append(f.groups, uint16(i+1))
		}
	}
	return f
}

// longest returns the longest phrase of f matching at token i (the first filed among equals)
// and where it ends, or -1 and 0; sig is sigAfter(i).
func (f *phraseFile) longest(s *scratch, d *Detector, i int, sig uint64) (int, int) {
	best, bestEnd, bestOrder := -1, 0, uint16(0)
	for _, st := range f.any {
		if st.second&sig == 0 && !st.single {
			continue // its second word is not in reach
		}
		if end, ok := s.match(&d.phr[st.phr], i); ok && end > bestEnd {
			best, bestEnd, bestOrder = int(st.phr), end, st.order
		}
	}
	for m := f.bits & sig; m != 0; m &= m - 1 {
		r := bits.OnesCount64(f.bits & (m&-m - 1)) // the group of m's lowest bit
		lo := 0
		if r > 0 {
			lo = int(f.groups[r-1])
		}
		for _, st := range f.byBit[lo:f.groups[r]] {
			end, ok := s.match(&d.phr[st.phr], i)
			if ok && (end > bestEnd || end == bestEnd && best >= 0 && st.order < bestOrder) {
				best, bestEnd, bestOrder = int(st.phr), end, st.order
			}
		}
	}
	return best, bestEnd
}
