package faq

import (
	"sync"
	"sync/atomic"

	"github.com/backpainbot/backpainbot/faq/text"
	"github.com/backpainbot/backpainbot/faq/text/vectors"
)

// Query expansion: a word the FAQ never uses ("backbone", "physiotherapist") is read as the
// FAQ words nearest to it in meaning (GloVe cosine over ExpandCos, at most maxExpand of them),
// each at ExpandShare of its weight. Candidates are only the FAQ's own vocabulary, and each
// unknown word's expansion is computed once and remembered (bounded), so a reply costs a
// lookup.

// maxExpand is how many FAQ terms one unknown word may stand for.
const maxExpand = 2

// maxExpansions bounds how many unknown words' expansions an index remembers.
const maxExpansions = 50000

// expansion is one FAQ term an unknown word stands for, and how close in meaning it is.
type expansion struct {
	t   int32
	cos float32
}

// expander holds the vectors of the FAQ's terms and the remembered expansions.
type expander struct {
	table *vectors.Table
	terms []int32       // FAQ terms that have a vector
	vecs  []vectors.Vec // parallel to terms
	cache sync.Map      // unknown word -> []expansion
	n     atomic.Int32
}

// newExpander gives each term that an entry's text uses the vector of its most frequent
// written word that the table has.
func newExpander(an *text.Analyzer, used func(int32) bool, table *vectors.Table) *expander {
	x := &expander{table: table}
	best := map[int32]int{}
	pick := map[int32]vectors.Vec{}
	an.EachKnown(func(w string, t int32, freq int) {
		if !used(t) || freq <= best[t] {
			return
		}
		if v, ok := table.Lookup(w); ok {
			best[t], pick[t] = freq, v
		}
	})
	for t := range int32(an.NumTerms()) {
		if v, ok := pick[t]; ok {
			x.terms = append(x.terms, t)
			x.vecs = append(x.vecs, v)
		}
	}
	return x
}

// expand returns the FAQ terms nearest to unknown word w with cosine at least minCos, best
// first; nil when w has no vector or is too common a word (GloVe rank under minRank) to say
// anything about a topic.
func (x *expander) expand(w string, minCos float32, minRank int) []expansion {
	if c, ok := x.cache.Load(w); ok {
		return c.([]expansion)
	}
	out := x.nearest(w, minCos, minRank)
	if x.n.Load() < maxExpansions {
		x.n.Add(1)
		x.cache.Store(w, out)
	}
	return out
}

func (x *expander) nearest(w string, minCos float32, minRank int) []expansion {
	v, ok := x.table.Lookup(w)
	if !ok || v.Rank() < minRank {
		return nil
	}
	var top []expansion
	for i, tv := range x.vecs {
		c := vectors.Cosine(v, tv)
		if c < minCos || len(top) == maxExpand && c <= top[maxExpand-1].cos {
			continue
		}
		if len(top) < maxExpand {
			top = append(top, expansion{})
		}
		j := len(top) - 1
		for ; j > 0 && top[j-1].cos < c; j-- {
			top[j] = top[j-1]
		}
		top[j] = expansion{x.terms[i], c}
	}
	return top
}
