package faq

import (
	"cmp"
	"math"
	"slices"
)

// How well an entry's best phrasing fits a query (bestPhrasing), worked out without walking the
// postings of the terms most phrasings use: in the built-in FAQ nearly every phrasing says
// "back" or "pain", and summing the query's weight into each of them was most of the cost of
// scoring. Such often terms get a bit each; an entry files its phrasings by the often terms
// they use (groups). A phrasing that uses no other term of the query fits exactly as well as
// its group's sum of those terms' weights makes it, and no better than its group's phrasing of
// least norm; a phrasing that uses a rarer term of the query as well is found through that
// term's postings and worked out on its own, and fits at least as well as its group does. So
// the best of the groups and of the rarer phrasings is the best phrasing.

// maxOften bounds how many terms are often: each is a bit of a uint64 mask.
const maxOften = 64

// phraseGroup is the phrasings of an entry that use the same often terms.
type phraseGroup struct {
	often uint64  // their often terms
	norm  float32 // the least norm among them
}

// oftenTerm is an often term of the query being scored.
type oftenTerm struct {
	bit uint64
	w   float32
}

// oftenTerms picks the terms used by at least one phrasing in 16, at most maxOften, the most
// used first, and files each entry's phrasings into groups in ascending order of norm.
func (ix *Index) oftenTerms() {
	var ts []int32
	for t, ps := range ix.phrPost {
		if len(ps) > 0 && len(ps)*16 >= len(ix.phrNorm) {
			ts = append(ts, int32(t))
		}
	}
	slices.SortStableFunc(ts, func(a, b int32) int { return cmp.Compare(len(ix.phrPost[b]), len(ix.phrPost[a])) })
	ix.often = make([]int8, len(ix.phrPost))
	for t := range ix.often {
		ix.often[t] = -1
	}
	for i, t := range ts[:min(len(ts), maxOften)] {
		ix.often[t] = int8(i)
	}
	ix.phrOften = make([]uint64, len(ix.phrNorm))
	for t, ps := range ix.phrPost {
		if b := ix.often[t]; b >= 0 {
			for _, p := range ps {
				ix.phrOften[p] |= 1 << b
			}
		}
	}
	for i := range ix.entries {
		ix.entries[i].groups = ix.groupsOf(&ix.entries[i])
	}
}

// groupsOf files ei's phrasings, which come in ascending order of norm, by their often terms:
// the first of each group has its least norm.
func (ix *Index) groupsOf(ei *entryIndex) []phraseGroup {
	var gs []phraseGroup
	for p := ei.pFrom; p < ei.pFrom+int32(len(ei.phrases)); p++ {
		m := ix.phrOften[p]
		if m != 0 && !slices.ContainsFunc(gs, func(g phraseGroup) bool { return g.often == m }) {
			gs = append(gs, phraseGroup{often: m, norm: ix.phrNorm[p]})
		}
	}
	return gs
}

// gatherPhrasings notes the query's often terms in query order (sc.qo, sc.qmask), and works out
// the fit of each phrasing that uses one of its rarer terms into its entry's sc.pbest. Such a
// phrasing's weight is summed in query order, often terms included, as psum always was.
func (ix *Index) gatherPhrasings(sc *scratch, q []qterm, qn float32) {
	sc.qo, sc.qmask, sc.rarer = sc.qo[:0], 0, sc.rarer[:0]
	var rarerOften uint64 // the often terms some phrasing in sc.rarer uses
	for _, x := range q {
		if b := ix.often[x.t]; b >= 0 {
			sc.qo = append(sc.qo, oftenTerm{bit: 1 << b, w: x.w})
			sc.qmask |= 1 << b
			continue
		}
		for _, p := range ix.phrPost[x.t] {
			if !sc.pmark[p] {
				sc.pmark[p] = true
				sc.rarer = append(sc.rarer, p)
				rarerOften |= ix.phrOften[p]
			}
		}
	}
	for _, x := range q {
		if b := ix.often[x.t]; b >= 0 {
			if rarerOften&(1<<b) == 0 {
				continue
			}
			for _, p := range sc.rarer {
				if ix.phrOften[p]&(1<<b) != 0 {
					sc.psum[p] += x.w
				}
			}
			continue
		}
		for _, p := range ix.phrPost[x.t] {
			sc.psum[p] += x.w
		}
	}
	for _, p := range sc.rarer {
		e := ix.phrEnt[p]
		sc.pbest[e] = max(sc.pbest[e], phraseFit(sc.psum[p], qn, ix.phrNorm[p]))
	}
}

// clearPhrasings undoes gatherPhrasings.
func (ix *Index) clearPhrasings(sc *scratch) {
	for _, p := range sc.rarer {
		sc.pmark[p], sc.psum[p] = false, 0
		sc.pbest[ix.phrEnt[p]] = 0
	}
}

// bestPhrasing returns how well entry e's best phrasing fits the query of total weight qn
// (phraseFit): the best of its phrasings that use a rarer term of the query, and of its groups.
// The groups come in ascending order of norm, and the fit grows with the query's weight m a
// phrasing uses and falls with its norm: a group that uses no more than one before it cannot fit
// better, so only a new greatest m is worked out. A group whose often terms of the query are
// among those of the greatest m so far cannot reach it (the weights are never negative, and a
// sum of fewer of them in the same order is never more), so its m is not even summed.
func (ix *Index) bestPhrasing(sc *scratch, e int32, qn float32) float64 {
	best := sc.pbest[e]
	var most float32
	var mostUsed uint64 // the often terms of the query that the greatest m sums
	for _, g := range ix.entries[e].groups {
		if used := g.often & sc.qmask; used&^mostUsed != 0 {
			if m := oftenSum(sc.qo, used); m > most {
				best = max(best, phraseFit(m, qn, g.norm))
				most, mostUsed = m, used
			}
		}
	}
	// The square root keeps the order, so it is taken once, of the best.
	return math.Sqrt(best)
}

// oftenSum sums, in query order, the weights of the often terms qo that used has.
func oftenSum(qo []oftenTerm, used uint64) float32 {
	var m float32
	for _, o := range qo {
		if used&o.bit != 0 {
			m += o.w
		}
	}
	return m
}

// phraseFit is, squared, how well a phrasing of total weight n fits a query of total weight qn
// of which it uses weight m: the share of the query it explains times the share of the
// phrasing the query says. Both are rounded to float32 and their product is exact in float64,
// so it never falls as m grows or as n falls.
func phraseFit(m, qn, n float32) float64 {
	return float64(m/qn) * float64(m/n)
}
