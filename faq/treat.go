package faq

import (
	"slices"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Words of treatments and activities asked about, and of conditions (text/words/treatments.txt).
var (
	treatmentWords = text.WordSet("treatments", "treatments")
	conditionWords = text.WordSet("treatments", "conditions")
)

// namedBy files words under the entries they name: a word read as one term under the entry
// whose question uses it and to which it is most central, else under the entry of those so
// filed to which it is most central ("masseuse": massage); a word read as two ("physio":
// physical therapy) under the one entry whose question names the pair (titlePairs).
type namedBy struct {
	terms   map[int32]int
	pairs   map[uint64]int
	entries map[int]bool
}

func (ix *Index) namedBy(words map[string]bool) namedBy {
	nb := namedBy{map[int32]int{}, map[uint64]int{}, map[int]bool{}}
	var rest []int32
	for w := range words {
		ts := ix.terms(w)
		switch {
		case len(ts) == 1:
			if e, ok := ix.mostCentral(ts[0], true); ok {
				nb.terms[ts[0]], nb.entries[e] = e, true
			} else {
				rest = append(rest, ts[0])
			}
		case len(ts) == 2:
			if e, ok := ix.titlePr[pairKey(ts[0], ts[1])]; ok {
				nb.pairs[pairKey(ts[0], ts[1])], nb.entries[e] = e, true
			}
		}
	}
	for _, t := range rest {
		if e, ok := ix.mostCentral(t, false); ok && nb.entries[e] {
			nb.terms[t] = e
		}
	}
	return nb
}

// treatments files the treatment and condition words (treatments.txt) under their entries.
func (ix *Index) treatments() {
	ix.qwords = make([][]int32, len(ix.faq.Entries))
	for i, e := range ix.faq.Entries {
		ix.qwords[i] = ix.terms(e.Question)
	}
	ix.treat, ix.cond = ix.namedBy(treatmentWords), ix.namedBy(conditionWords)
}

// mostCentral returns the entry to which term t is most central, of those whose question uses
// it when question is set.
func (ix *Index) mostCentral(t int32, question bool) (int, bool) {
	best, cent := -1, float32(0)
	for i := range ix.faq.Entries {
		if c := ix.centrality(i, t); c > cent && (!question || slices.Contains(ix.qwords[i], t)) {
			best, cent = i, c
		}
	}
	return best, best >= 0
}

// named returns the entries of nb that the message's words name, in order; a word said in
// passing ("without surgery") names none.
func (nb namedBy) named(sc *scratch) []int {
	var out []int
	prev := int32(-1)
	for _, t := range sc.toks {
		if t.Stop || t.Term < 0 {
			continue
		}
		e, ok := nb.terms[t.Term]
		if !ok && prev >= 0 {
			e, ok = nb.pairs[pairKey(prev, t.Term)]
		}
		prev = t.Term
		if ok && !t.Aside {
			out = append(out, e)
		}
	}
	return out
}

// treatmentAsked returns the treatment entry a short question asks about when it names a
// treatment and a condition whose entry ranks first ("does physio help sciatica", "can i run
// with sciatica"): the last one named scoring within TreatMargin of the condition's. It is -1
// for a story or when the first entry is not a condition the question names.
func (ix *Index) treatmentAsked(sc *scratch, m *Match) int {
	best := ix.faq.byID[m.Best.ID]
	if ix.story(sc) || ix.treat.entries[best] || !slices.Contains(ix.cond.named(sc), best) {
		return -1
	}
	pick := -1
	for _, e := range ix.treat.named(sc) {
		if c := ix.candidate(sc, m, ix.faq.Entries[e].ID); e != best && c.raw >= m.Best.raw-ix.p.TreatMargin {
			pick = e
		}
	}
	return pick
}

// askTreatment puts the treatment a short question asks about (treatmentAsked) first, the
// condition it named second, and reports whether it did.
func (ix *Index) askTreatment(sc *scratch, m *Match) bool {
	e := ix.treatmentAsked(sc, m)
	if e < 0 {
		return false
	}
	c := ix.candidate(sc, m, ix.faq.Entries[e].ID)
	all := []Candidate{c, m.Best}
	for _, a := range m.Alternatives {
		if a.ID != c.ID {
			all = append(all, a)
		}
	}
	m.Best, m.Alternatives = all[0], all[1:min(len(all), MaxAlternatives+1)]
	return true
}
