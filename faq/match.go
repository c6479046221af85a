package faq

import (
	"math"
	"slices"
	"strings"
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

// Answers reports whether a match in band b answers with an entry.
func (b Band) Answers() bool { return b == Confident || b == CloseCall }

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
	Possible = 0.45
	Sure     = 0.55
	Lead     = 0.08
)

// How a score is made. Weights of unknown words and of the prior are shares of the weight of
// the rarest word; the rest are shares of the final score. They sit on a plateau: top-1 in
// cross-validation on the FAQ's own variants (TestCrossValidate) stayed between 90% and 92%
// across the ranges tried.
const (
	unknownShare       float32 = 0.7  // a word the FAQ never uses
	priorShare         float32 = 0.3  // weight no entry explains, so vague questions stay unsure
	keywordCentrality  float32 = 0.2  // how central a keyword-only term is to its entry
	phraseShare                = 0.55 // the best single phrasing
	centralShare               = 0.30 // how central the question's words are to the entry
	textShare                  = 0.15 // how much of the question the whole entry explains
	pairShare                  = 0.2  // neighbouring words shared with a phrasing
	questionShare              = 1.0  // a sentence ending in '?' scored alone
	statementShare             = 0.85 // any other sentence scored alone
	anchorBonus                = 0.1  // the question names the lower back
	otherPartPenalty           = 0.15 // the question names another part of the body and not the back
	unexplainedPenalty         = 0.05 // times the share of a short question's words the entry does not use
)

func aboutOtherBodyPart(toks []Token) bool {
	other := false
	for _, t := range toks {
		if backWords[t.Word] {
			return false
		}
		other = other || otherBodyParts[t.Word]
	}
	return other
}

// notTheBack marks "back" as an unknown word where it is not the body part: before a particle
// ("back up my laptop", "back to school") or after a verb of returning ("get my ex back").
// "my back", "lower back" and "back pain" always mean the body.
func notTheBack(toks []Token) {
	for i := range toks {
		if toks[i].Word != "back" || i > 0 && bodyBefore[toks[i-1].Word] {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Word
		}
		if bodyAfter[next] {
			continue
		}
		returning := false
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			returning = returning || returnVerbs[toks[j].Word]
		}
		if backParticles[next] || returning {
			toks[i] = Token{Word: "back", Term: -1}
		}
	}
}

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

// Shown returns the entries a reply shows for m, in order: the answer and any runners-up worth
// offering. It is empty when m is no match.
func (m Match) Shown() []Candidate {
	switch m.Band {
	case Confident:
		return []Candidate{m.Best}
	case CloseCall:
		out := []Candidate{m.Best}
		for _, alt := range m.Alternatives {
			if alt.Score >= Possible*0.8 && len(out) < 3 {
				out = append(out, alt)
			}
		}
		return out
	}
	return nil
}

// Index is the matcher built from one FAQ. It is immutable and safe for concurrent use.
type Index struct {
	faq      *FAQ
	an       *Analyzer
	weight   []float32 // per term: inverse entry frequency
	unknown  float32   // weight of a word the FAQ never uses
	prior    float32   // weight every query carries that no entry explains, so vague questions stay unsure
	entries  []entryIndex
	post     [][]int32          // term -> entries whose phrasings or keywords use it, ascending
	textPost [][]int32          // term -> entries whose text (answer included) uses it
	pairPost map[uint64][]int32 // neighbouring terms -> entries whose phrasings have them
	common   int                // a term in more entries than this does not by itself make an entry a candidate
	anchor   []bool             // per term: used in the phrasings of most entries ("back", "pain"), so it marks a question as on topic
	scratch  sync.Pool
}

type termSet struct {
	terms []int32 // ascending, unique
	norm  float32 // sum of weights
}

type entryIndex struct {
	phrases []termSet // question, variants, keywords
	bag     []int32   // ascending: the terms of all phrasings and keywords
	central []float32 // per bag term: the square root of the share of phrases that use it
	text    []int32   // ascending: bag plus the terms of the answer and tips
	pairs   []uint64  // ascending: neighbouring terms in the phrasings and keywords, as pairKey
}

// pairKey packs two neighbouring terms, order ignored.
func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

type segment struct {
	start, end int     // in segQ
	norm       float32 // total weight
	share      float32 // how much the sentence's own score counts
}

type qterm struct {
	t int32
	w float32
}

// maxScored bounds how many candidate entries get the full score; the rest are ranked out by
// a cheap partial sum gathered from the postings.
const maxScored = 64

type qpair struct {
	key uint64
	w   float32
}

type scratch struct {
	pairs []qpair   // neighbouring terms of the whole question
	qw    []float32 // per term: its weight in the query being scored, else 0
	best  []float64 // per candidate: best score so far
	acc   []float32 // per entry: partial score from the postings
	sum   []float32 // per entry: a running sum (text overlap of the query being scored, then shared word pairs)
	toks  []Token
	q     []qterm
	segQ  []qterm // the query terms of each sentence, one after another
	segs  []segment
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
		phrases := append([]string{e.Question}, e.Variants...)
		for _, p := range phrases {
			if ts := set(p); len(ts) > 0 {
				raw = append(raw, ts)
			}
		}
		for _, ts := range raw {
			ei.phrases = append(ei.phrases, termSet{terms: ts})
		}
		// Keywords join the entry's vocabulary but are not phrasings: one keyword alone should
		// not look like a complete question.
		ei.bag = set(append(phrases, e.Keywords...)...)
		ei.central = make([]float32, len(ei.bag))
		for k, t := range ei.bag {
			for _, ts := range raw {
				if _, ok := slices.BinarySearch(ts, t); ok {
					ei.central[k]++
				}
			}
			share := max(keywordCentrality, ei.central[k]/float32(max(1, len(raw))))
			ei.central[k] = float32(math.Sqrt(float64(share)))
		}
		for _, p := range append(phrases, e.Keywords...) {
			toks = an.Analyze(p, toks[:0])
			prev := int32(-1)
			for _, t := range toks {
				if t.Stop || t.Term < 0 {
					continue
				}
				if prev >= 0 && prev != t.Term {
					ei.pairs = append(ei.pairs, pairKey(prev, t.Term))
				}
				prev = t.Term
			}
		}
		slices.Sort(ei.pairs)
		ei.pairs = slices.Compact(ei.pairs)
		all := append(append(append([]string{e.Answer}, e.Tips...), phrases...), e.Keywords...)
		ei.text = set(all...)
		for _, t := range ei.text {
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
		// BM25's idf: a word in nearly every entry weighs almost nothing.
		ix.weight[t] = float32(math.Log(1 + (n-float64(d)+0.5)/(float64(d)+0.5)))
		maxW = max(maxW, ix.weight[t])
	}
	ix.unknown = maxW * unknownShare
	ix.prior = maxW * priorShare
	ix.post = make([][]int32, len(df))
	ix.textPost = make([][]int32, len(df))
	ix.pairPost = map[uint64][]int32{}
	for i := range ix.entries {
		ei := &ix.entries[i]
		for j := range ei.phrases {
			ix.norm(&ei.phrases[j])
		}
		for _, t := range ei.bag {
			ix.post[t] = append(ix.post[t], int32(i))
		}
		for _, t := range ei.text {
			ix.textPost[t] = append(ix.textPost[t], int32(i))
		}
		for _, k := range ei.pairs {
			ix.pairPost[k] = append(ix.pairPost[k], int32(i))
		}
	}
	ix.common = max(64, len(f.Entries)/8)
	ix.anchor = make([]bool, len(df))
	bagDF := make([]int, len(df))
	for i := range ix.entries {
		for _, t := range ix.entries[i].bag {
			bagDF[t]++
		}
	}
	for t, d := range bagDF {
		ix.anchor[t] = float64(d) >= 0.4*n && !questionWords[an.Stem(int32(t))]
	}
	ix.scratch.New = func() any {
		return &scratch{
			mark: make([]uint32, len(f.Entries)),
			acc:  make([]float32, len(f.Entries)),
			sum:  make([]float32, len(f.Entries)),
			qw:   make([]float32, an.NumTerms()),
		}
	}
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

// Match finds the entries that best fit question. A long message is also read sentence by
// sentence, since the real question is often one sentence among background.
func (ix *Index) Match(question string) Match {
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.segQ, sc.segs = sc.segQ[:0], sc.segs[:0]
	sc.toks = sc.toks[:0]
	nsent := 0
	forEachSentence(question, func(sent string, asked bool) {
		from := len(sc.toks)
		sc.toks = ix.an.Analyze(sent, sc.toks)
		notTheBack(sc.toks[from:])
		nsent++
		q0 := len(sc.segQ)
		var norm float32
		sc.segQ, norm = ix.query(sc.toks[from:], sc.segQ)
		share := float32(statementShare)
		if asked {
			share = float32(questionShare)
		}
		sc.segs = append(sc.segs, segment{q0, len(sc.segQ), norm, share})
	})
	notTheBack(sc.toks)
	var qn float32
	sc.q, qn = ix.query(sc.toks, sc.q[:0])
	if len(sc.q) == 0 {
		return Match{}
	}
	if nsent < 2 {
		sc.segs = sc.segs[:0]
	}
	sc.pairs = sc.pairs[:0]
	prev := int32(-1)
	for _, t := range sc.toks {
		if t.Stop || t.Term < 0 {
			continue
		}
		if prev >= 0 && prev != t.Term {
			sc.pairs = append(sc.pairs, qpair{pairKey(prev, t.Term), min(ix.weight[prev], ix.weight[t.Term])})
		}
		prev = t.Term
	}
	bonus := 0.0
	for _, q := range sc.q {
		if ix.anchor[q.t] {
			bonus = anchorBonus
			break
		}
	}
	if aboutOtherBodyPart(sc.toks) {
		bonus = -otherPartPenalty
	}
	ix.candidates(sc)
	sc.best = sc.best[:0]
	for range sc.cands {
		sc.best = append(sc.best, 0)
	}
	ix.scoreAll(sc, sc.q, qn, 1)
	if len(sc.pairs) > 0 {
		for _, p := range sc.pairs {
			for _, e := range ix.pairPost[p.key] {
				sc.sum[e] += p.w
			}
		}
		for i, e := range sc.cands {
			sc.best[i] += pairShare * float64(min(1, sc.sum[e]/qn*2))
		}
		for _, p := range sc.pairs {
			for _, e := range ix.pairPost[p.key] {
				sc.sum[e] = 0
			}
		}
	}
	for _, sg := range sc.segs {
		if sg.end > sg.start {
			ix.scoreAll(sc, sc.segQ[sg.start:sg.end], sg.norm, float64(sg.share))
		}
	}
	// In a short question every content word should be explained by the entry.
	unknown := 0
	for i, t := range sc.toks {
		if !t.Stop && t.Term < 0 && !seenBefore(sc.toks[:i], t.Word) {
			unknown++
		}
	}
	content := 0
	for _, q := range sc.q {
		if !ix.anchor[q.t] && !questionWords[ix.an.Stem(q.t)] {
			content++
		}
	}
	short := content+unknown <= 4 && content+unknown > 0
	sc.top = sc.top[:0]
	for i, e := range sc.cands {
		sc.top = append(sc.top, Candidate{ID: ix.faq.Entries[e].ID, Question: ix.faq.Entries[e].Question, Score: min(1, max(0, sc.best[i]+bonus))})
	}
	slices.SortFunc(sc.top, func(a, b Candidate) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(sc.top) == 0 {
		return Match{}
	}
	m := Match{Best: sc.top[0]}
	if k := min(len(sc.top)-1, MaxAlternatives); k > 0 {
		m.Alternatives = append([]Candidate(nil), sc.top[1:1+k]...)
	}
	if short {
		// Ranking is done; how sure to be is not. In a short question every content word
		// should be one the entry uses: "how to ice a cake" is not about ice packs.
		m.Best.Score = ix.unexplained(m.Best, sc.q, content+unknown)
		for i := range m.Alternatives {
			m.Alternatives[i].Score = ix.unexplained(m.Alternatives[i], sc.q, content+unknown)
		}
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

// unexplained lowers c's score by the share of the question's n content words (known terms in
// q, not anchors or question words, plus unknown words) that c's entry does not use.
func (ix *Index) unexplained(c Candidate, q []qterm, n int) float64 {
	e := &ix.entries[ix.faq.byID[c.ID]]
	explained := 0
	for _, x := range q {
		if ix.anchor[x.t] || questionWords[ix.an.Stem(x.t)] {
			continue
		}
		if _, ok := slices.BinarySearch(e.text, x.t); ok {
			explained++
		}
	}
	missing := float64(n-explained) / float64(n)
	return max(0, c.Score-unexplainedPenalty*missing)
}

// forEachSentence calls fn with each sentence of s (text up to . ? ! ; or a line break), and
// whether it ends with a question mark: that is usually the sentence that holds the question.
func forEachSentence(s string, fn func(sentence string, asked bool)) {
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '?', '!', ';', '\n':
			if i > start {
				fn(s[start:i], s[i] == '?')
			}
			start = i + 1
		}
	}
	if start < len(s) {
		fn(s[start:], false)
	}
}

// query appends the weighted, de-duplicated terms of toks to q, sorted by term, and returns
// it with the query's total weight: its known terms, the words the FAQ never uses, and the prior.
func (ix *Index) query(toks []Token, q []qterm) ([]qterm, float32) {
	base := len(q)
	unknown := 0
	for i, t := range toks {
		if t.Stop {
			continue
		}
		if t.Term < 0 {
			if !seenBefore(toks[:i], t.Word) {
				unknown++
			}
			continue
		}
		w := ix.weight[t.Term]
		if t.Fuzzy {
			w *= 0.85
		}
		q = append(q, qterm{t.Term, w})
	}
	part := q[base:]
	slices.SortFunc(part, func(a, b qterm) int { return int(a.t - b.t) })
	out := part[:0]
	for _, x := range part {
		if n := len(out); n > 0 && out[n-1].t == x.t {
			out[n-1].w = max(out[n-1].w, x.w)
			continue
		}
		out = append(out, x)
	}
	var norm float32
	for _, x := range out {
		norm += x.w
	}
	unk := float32(math.Sqrt(float64(unknown)))
	return q[:base+len(out)], norm + unk*ix.unknown + ix.prior
}

// seenBefore reports whether word is among the last few unknown words of toks; a repeated
// unknown word is one piece of evidence, not many.
func seenBefore(toks []Token, word string) bool {
	for i, looked := len(toks)-1, 0; i >= 0 && looked < 32; i-- {
		if toks[i].Term < 0 && !toks[i].Stop {
			if toks[i].Word == word {
				return true
			}
			looked++
		}
	}
	return false
}

// candidates collects into sc.cands the entries whose phrasings or keywords share a term with
// the query, keeping the maxScored with the largest summed weight of shared terms. Terms used
// by many entries are skipped when rarer ones are present, so the cost follows the rare terms.
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
				sc.acc[e] = 0
				sc.cands = append(sc.cands, e)
			}
			sc.acc[e] += q.w
		}
	}
	if len(sc.cands) > maxScored {
		slices.SortFunc(sc.cands, func(a, b int32) int {
			if sc.acc[a] != sc.acc[b] {
				if sc.acc[a] > sc.acc[b] {
					return -1
				}
				return 1
			}
			return int(a - b)
		})
		sc.cands = sc.cands[:maxScored]
	}
}

// scoreAll scores every candidate against query q (total weight qn), scaled by share, keeping
// the best score of each candidate in sc.best.
func (ix *Index) scoreAll(sc *scratch, q []qterm, qn float32, share float64) {
	for _, x := range q {
		sc.qw[x.t] = x.w
		for _, e := range ix.textPost[x.t] {
			sc.sum[e] += x.w
		}
	}
	for i, e := range sc.cands {
		sc.best[i] = max(sc.best[i], share*ix.score(sc.qw, sc.sum[e], qn, &ix.entries[e]))
	}
	for _, x := range q {
		sc.qw[x.t] = 0
		for _, e := range ix.textPost[x.t] {
			sc.sum[e] = 0
		}
	}
}

// score rates how well entry e fits the query: the best single phrase (how much of the query it
// explains and how much of the phrase the query says), how central the query's words are to the
// entry's phrasings, and how much of the query the entry's text explains. qw holds the query's
// weight of every term; text is the weight of the query found in the entry's text.
func (ix *Index) score(qw []float32, text, qn float32, e *entryIndex) float64 {
	var best float64
	for i := range e.phrases {
		p := &e.phrases[i]
		var m float32
		for _, t := range p.terms {
			m += qw[t]
		}
		if m == 0 {
			continue
		}
		qc, dc := float64(m/qn), float64(m/p.norm)
		best = max(best, math.Sqrt(qc*dc))
	}
	var central float32
	for k, t := range e.bag {
		central += qw[t] * e.central[k]
	}
	return min(1, phraseShare*best+centralShare*float64(central/qn)+textShare*float64(text/qn))
}
