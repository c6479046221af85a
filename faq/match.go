package faq

import (
	"math"
	"slices"
	"sort"
	"sync"
)

// Band says how sure the matcher is.
type Band int

const (
	// NoMatch: nothing fits well enough to answer; say so and offer topics.
	NoMatch Band = iota
	// CloseCall: answer the best entry but offer the runner-up ("did you mean").
	CloseCall
	// Confident: answer the best entry.
	Confident
)

func (b Band) String() string {
	switch b {
	case Confident:
		return "confident"
	case CloseCall:
		return "close"
	}
	return "none"
}

// Thresholds on the match score. A best score below Possible is no match; at or above Sure with a
// clear lead over the runner-up is confident; anything between is a close call.
const (
	Possible = 0.42
	Sure     = 0.55
	Lead     = 0.08
)

// MaxAlternatives is how many runner-up entries a Match carries.
const MaxAlternatives = 3

// Candidate is an entry and how well it fits a question.
type Candidate struct {
	ID       string
	Question string
	// Score is in [0,1]; 1 means the question says exactly what the entry covers.
	Score float64
}

// Match is the matcher's verdict on one question.
type Match struct {
	Band Band
	// Best is the best-fitting entry. It is set whenever any entry shares a word with the
	// question, even for NoMatch, so callers can see how close it came.
	Best Candidate
	// Alternatives are the next best entries, best first, at most MaxAlternatives.
	Alternatives []Candidate
}

// Index is the matcher built from one FAQ. It is immutable and safe for concurrent use.
type Index struct {
	faq     *FAQ
	an      *Analyzer
	weight  []float32 // per term: inverse entry frequency
	unknown float32   // weight of a word the FAQ never uses
	entries []entryIndex
	post    [][]int32 // term -> entries that use it, ascending
	common  int       // a term in more entries than this does not by itself make an entry a candidate
	scratch sync.Pool
}

type termSet struct {
	terms []int32 // ascending, unique
	norm  float32 // sum of weights
}

type entryIndex struct {
	phrases []termSet // question, variants, keywords
	bag     termSet   // union of phrases
	text    termSet   // bag plus answer and tips
}

type qterm struct {
	t int32
	w float32
}

type scratch struct {
	toks  []Token
	q     []qterm
	mark  []uint32
	epoch uint32
	cands []int32
	top   []Candidate
}

// NewIndex builds the matcher for f.
func NewIndex(f *FAQ) *Index {
	var texts []string
	for _, e := range f.Entries {
		texts = append(texts, e.Question, e.Answer)
		texts = append(texts, e.Variants...)
		texts = append(texts, e.Keywords...)
		texts = append(texts, e.Tips...)
	}
	return newIndex(f, NewAnalyzer(f.Synonyms, texts...))
}

func newIndex(f *FAQ, an *Analyzer) *Index {
	ix := &Index{faq: f, an: an, entries: make([]entryIndex, len(f.Entries))}
	var toks []Token
	set := func(texts ...string) []int32 {
		var ts []int32
		for _, s := range texts {
			toks = an.Analyze(s, toks[:0])
			for _, t := range toks {
				if !t.Stop && t.Term >= 0 {
					ts = append(ts, t.Term)
				}
			}
		}
		slices.Sort(ts)
		return slices.Compact(ts)
	}
	df := make([]int32, an.NumTerms())
	raw := make([][]int32, 0, 8)
	for i, e := range f.Entries {
		ei := &ix.entries[i]
		raw = raw[:0]
		phrases := append(append([]string{e.Question}, e.Variants...), e.Keywords...)
		for _, p := range phrases {
			if ts := set(p); len(ts) > 0 {
				raw = append(raw, ts)
			}
		}
		for _, ts := range raw {
			ei.phrases = append(ei.phrases, termSet{terms: ts})
		}
		ei.bag.terms = set(phrases...)
		all := append(append([]string{e.Answer}, e.Tips...), phrases...)
		ei.text.terms = set(all...)
		for _, t := range ei.text.terms {
			df[t]++
		}
	}
	n := float64(len(f.Entries))
	ix.weight = make([]float32, len(df))
	var maxW float32
	for t, d := range df {
		if d == 0 {
			d = 1
		}
		ix.weight[t] = float32(math.Log(1 + n/float64(d)))
		maxW = max(maxW, ix.weight[t])
	}
	ix.unknown = maxW * 0.7
	ix.post = make([][]int32, len(df))
	for i := range ix.entries {
		ei := &ix.entries[i]
		for j := range ei.phrases {
			ix.norm(&ei.phrases[j])
		}
		ix.norm(&ei.bag)
		ix.norm(&ei.text)
		for _, t := range ei.text.terms {
			ix.post[t] = append(ix.post[t], int32(i))
		}
	}
	ix.common = max(64, len(f.Entries)/8)
	ix.scratch.New = func() any { return &scratch{mark: make([]uint32, len(f.Entries))} }
	return ix
}

func (ix *Index) norm(s *termSet) {
	s.norm = 0
	for _, t := range s.terms {
		s.norm += ix.weight[t]
	}
}

// FAQ returns the FAQ the index was built from.
func (ix *Index) FAQ() *FAQ { return ix.faq }

// Analyzer returns the text analyzer the index uses, so other layers read text the same way.
func (ix *Index) Analyzer() *Analyzer { return ix.an }

// Match finds the entries that best fit question.
func (ix *Index) Match(question string) Match {
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.toks = ix.an.Analyze(question, sc.toks[:0])
	qn := ix.query(sc)
	if len(sc.q) == 0 {
		return Match{}
	}
	ix.candidates(sc)
	sc.top = sc.top[:0]
	for _, e := range sc.cands {
		s := ix.score(sc.q, qn, &ix.entries[e])
		sc.top = append(sc.top, Candidate{ID: ix.faq.Entries[e].ID, Question: ix.faq.Entries[e].Question, Score: s})
	}
	sort.Slice(sc.top, func(i, j int) bool {
		if sc.top[i].Score != sc.top[j].Score {
			return sc.top[i].Score > sc.top[j].Score
		}
		return sc.top[i].ID < sc.top[j].ID
	})
	m := Match{Best: sc.top[0]}
	if k := min(len(sc.top)-1, MaxAlternatives); k > 0 {
		m.Alternatives = append([]Candidate(nil), sc.top[1:1+k]...)
	}
	second := 0.0
	if len(m.Alternatives) > 0 {
		second = m.Alternatives[0].Score
	}
	switch {
	case m.Best.Score >= Sure && m.Best.Score-second >= Lead:
		m.Band = Confident
	case m.Best.Score >= Possible:
		m.Band = CloseCall
	}
	return m
}

// query turns sc.toks into the weighted query terms sc.q and returns the query's total weight.
func (ix *Index) query(sc *scratch) float32 {
	sc.q = sc.q[:0]
	var norm float32
	unknown := 0
	for _, t := range sc.toks {
		if t.Stop {
			continue
		}
		if t.Term < 0 {
			if len(t.Word) > 2 {
				unknown++
			}
			continue
		}
		w := ix.weight[t.Term]
		if t.Fuzzy {
			w *= 0.85
		}
		sc.q = append(sc.q, qterm{t.Term, w})
	}
	slices.SortFunc(sc.q, func(a, b qterm) int { return int(a.t - b.t) })
	out := sc.q[:0]
	for _, q := range sc.q {
		if n := len(out); n > 0 && out[n-1].t == q.t {
			out[n-1].w = max(out[n-1].w, q.w)
			continue
		}
		out = append(out, q)
	}
	sc.q = out
	for _, q := range sc.q {
		norm += q.w
	}
	return norm + float32(unknown)*ix.unknown
}

// candidates collects into sc.cands the entries that share a term with the query. Terms used by
// most entries are skipped when rarer ones are present, so the cost follows the rare terms.
func (ix *Index) candidates(sc *scratch) {
	sc.epoch++
	if sc.epoch == 0 {
		clear(sc.mark)
		sc.epoch = 1
	}
	sc.cands = sc.cands[:0]
	rare := false
	for _, q := range sc.q {
		if len(ix.post[q.t]) <= ix.common {
			rare = true
			break
		}
	}
	for _, q := range sc.q {
		p := ix.post[q.t]
		if rare && len(p) > ix.common {
			continue
		}
		for _, e := range p {
			if sc.mark[e] != sc.epoch {
				sc.mark[e] = sc.epoch
				sc.cands = append(sc.cands, e)
			}
		}
	}
}

// score rates how well entry e fits the query: mostly the best single phrase (how much of the
// query it explains and how much of the phrase the query says), then how much of the query the
// entry's phrases and its answer explain together.
func (ix *Index) score(q []qterm, qn float32, e *entryIndex) float64 {
	var best float64
	for i := range e.phrases {
		p := &e.phrases[i]
		m := overlap(q, p.terms)
		if m == 0 {
			continue
		}
		qc, dc := float64(m/qn), float64(m/p.norm)
		best = max(best, math.Sqrt(qc*dc))
	}
	bag := float64(overlap(q, e.bag.terms) / qn)
	text := float64(overlap(q, e.text.terms) / qn)
	return min(1, 0.55*best+0.30*bag+0.15*text)
}

// overlap sums the weights of query terms found in the ascending term list ts.
func overlap(q []qterm, ts []int32) float32 {
	var sum float32
	i, j := 0, 0
	for i < len(q) && j < len(ts) {
		switch {
		case q[i].t < ts[j]:
			i++
		case q[i].t > ts[j]:
			j++
		default:
			sum += q[i].w
			i++
			j++
		}
	}
	return sum
}
