package faq

import (
	"math"
	"slices"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Ranking: which entries fit a message, and how well. A message is scored whole, and each
// sentence and each pair of neighbouring sentences is scored alone, each entry keeping its best.

// maxScored bounds how many candidate entries get the full score; the rest are ranked out by
// a cheap partial sum gathered from the postings.
const maxScored = 64

type qterm struct {
	t int32
	w float32
}

type qpair struct {
	key  uint64
	w    float32
	post []int32 // the entries that use the pair (ix.pairPost), looked up once
}

// segment is a run of tokens scored on its own: a sentence or two neighbouring ones.
type segment struct {
	from, to int     // token range
	start    int     // in segQ
	end      int     // in segQ
	norm     float32 // total weight
	share    float64 // how much its own score counts
	pair     bool    // two neighbouring sentences rather than one
}

type scratch struct {
	pairs  []qpair   // neighbouring terms of the whole question
	cent   []float32 // per entry: weight of the query being scored, each term times its centrality
	psum   []float32 // per phrasing in rarer: weight of the query being scored that it uses (gatherPhrasings)
	pmark  []bool    // per phrasing: it uses a term of the query that is not often
	rarer  []int32   // the phrasings marked in pmark
	pbest  []float64 // per entry: the best phraseFit of its phrasings in rarer
	qo     []oftenTerm
	qmask  uint64    // the often terms of the query being scored
	best   []float64 // per candidate: best score so far
	supp   []float64 // per candidate: sum of its sentences' scores
	acc    []float32 // per entry: partial score from the postings
	sum    []float32 // per entry: a running sum (text overlap of the query being scored, then shared word pairs)
	toks   []text.Token
	sents  int   // sentences with a content word
	ends   []int // where each sentence's tokens end
	marked bool  // says it is off topic (markOffTopic)
	asks   bool  // a sentence of it asks (a question mark, "any advice"; isAsk)
	// onlyWork: the message is about back pain only for the hard work it tells of (exertion.txt)
	onlyWork bool
	other    bool // names another part of the body and none of the back (aboutOtherBodyPart)
	q        []qterm
	qn       float32
	segQ     []qterm // the query terms of each segment, one after another
	segs     []segment
	mark     []uint32
	epoch    uint32
	cands    []int32
	top      []Candidate
	bonus    float64 // added to every candidate's score for the whole message (sortTop)
	treated  bool    // the first entry is the treatment a short question asks about (askTreatment)
}

// query appends the weighted, de-duplicated terms of toks to q, sorted by term, and returns
// it with the query's total weight: its known terms, the words the FAQ never uses, and the prior.
func (ix *Index) query(toks []text.Token, q []qterm) ([]qterm, float32) {
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
			w *= float32(ix.p.FuzzyShare)
		}
		if t.Aside {
			w *= float32(ix.p.AsideShare)
		}
		if t.Word == longTold {
			w *= float32(ix.p.LongShare)
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
func seenBefore(toks []text.Token, word string) bool {
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
	rare := slices.ContainsFunc(sc.q, func(q qterm) bool { return len(ix.post[q.t]) <= ix.common })
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

// rank scores every candidate: the whole message, shared word pairs, and each segment.
func (ix *Index) rank(sc *scratch) {
	ix.candidates(sc)
	sc.best = sc.best[:0]
	for range sc.cands {
		sc.best = append(sc.best, 0)
	}
	ix.scoreAll(sc, sc.q, sc.qn, 1, nil)
	ix.scorePairs(sc)
	sc.supp = sc.supp[:0]
	for range sc.cands {
		sc.supp = append(sc.supp, 0)
	}
	n := 0
	for _, sg := range sc.segs {
		switch {
		case sg.end == sg.start:
		case sg.pair:
			ix.scoreAll(sc, sc.segQ[sg.start:sg.end], sg.norm, sg.share, nil)
		default:
			// A single sentence counts twice, as a best and towards the support: one pass does both.
			ix.scoreAll(sc, sc.segQ[sg.start:sg.end], sg.norm, sg.share, sc.supp)
			n++
		}
	}
	if n > 1 && ix.p.Support > 0 {
		// Evidence from several sentences adds up: a story that keeps coming back to one
		// topic beats one sentence that happens to match another.
		for i := range sc.best {
			sc.best[i] += ix.p.Support * sc.supp[i] / math.Sqrt(float64(n))
		}
	}
	ix.askKindBonus(sc)
}

// scorePairs adds to each candidate's score the weight of neighbouring word pairs it shares.
func (ix *Index) scorePairs(sc *scratch) {
	if len(sc.pairs) == 0 {
		return
	}
	for _, p := range sc.pairs {
		for _, e := range p.post {
			sc.sum[e] += p.w
		}
	}
	for i, e := range sc.cands {
		sc.best[i] += ix.p.PairShare * float64(min(1, sc.sum[e]/sc.qn*2))
	}
	for _, p := range sc.pairs {
		for _, e := range p.post {
			sc.sum[e] = 0
		}
	}
}

// scoreAll scores every candidate against query q (total weight qn), scaled by share, keeping
// the best score of each candidate in sc.best and, when supp is not nil, adding it to supp. It
// gathers the query's weight per entry text, entry vocabulary and phrasing from the postings, so
// the cost follows the query's terms.
func (ix *Index) scoreAll(sc *scratch, q []qterm, qn float32, share float64, supp []float64) {
	entries := 0 // postings walked
	for _, x := range q {
		for _, e := range ix.textPost[x.t] {
			sc.sum[e] += x.w
		}
		cent := ix.postCent[x.t]
		for k, e := range ix.post[x.t] {
			sc.cent[e] += x.w * cent[k]
		}
		entries += len(ix.textPost[x.t])
	}
	ix.gatherPhrasings(sc, q, qn)
	for i, e := range sc.cands {
		if sc.sum[e] == 0 {
			// Its text, which holds every term of its phrasings and keywords, shares no
			// weight with q: it scores 0 (weights are never negative, and qn holds the prior).
			continue
		}
		s := share * ix.score(sc, e, qn)
		sc.best[i] = max(sc.best[i], s)
		if supp != nil {
			supp[i] += s
		}
	}
	ix.clearPhrasings(sc)
	// Clear what was summed: the whole of each array when the postings walked are a fair share
	// of it (one sweep is cheaper than scattered writes), else by the postings again.
	if entries > len(sc.sum)/8 {
		clear(sc.sum)
		clear(sc.cent)
		return
	}
	for _, x := range q {
		for _, e := range ix.textPost[x.t] {
			sc.sum[e] = 0
		}
		for _, e := range ix.post[x.t] {
			sc.cent[e] = 0
		}
	}
}

// score rates how well entry e fits the query of total weight qn: the best single phrasing (how
// much of the query it explains and how much of the phrasing the query says), how central the
// query's words are to the entry's phrasings, and how much of the query the entry's text explains.
func (ix *Index) score(sc *scratch, e int32, qn float32) float64 {
	return min(1, ix.p.PhraseShare*ix.bestPhrasing(sc, e, qn)+ix.p.CentralShare*float64(sc.cent[e]/qn)+ix.p.TextShare*float64(sc.sum[e]/qn))
}

// unexplained lowers c's score by the share of the question's n content words (known terms in
// q, not anchors or question words, plus unknown words) that c's entry does not use.
func (ix *Index) unexplained(c Candidate, q []qterm, n int) Candidate {
	e := &ix.entries[c.ent]
	explained := 0
	for _, x := range q {
		if ix.anchor[x.t] || ix.question[x.t] {
			continue
		}
		if _, ok := slices.BinarySearch(e.text, x.t); ok {
			explained++
		}
	}
	missing := float64(n-explained) / float64(n)
	c.raw = max(0, c.raw-ix.p.Unexplained*missing)
	c.Score = min(1, c.raw)
	return c
}

// specific reports whether entry id's phrasings or keywords share with the query a term that
// says which entry is meant: not an anchor, a question word or a symptom.
func (ix *Index) specific(id string, q []qterm) bool {
	e := &ix.entries[ix.faq.byID[id]]
	for _, x := range q {
		if ix.generic[x.t] {
			continue
		}
		if _, ok := slices.BinarySearch(e.bag, x.t); ok {
			return true
		}
	}
	return false
}

// contrast re-ranks the best few candidates, when the first two are within ContrastGap, by the
// words that tell them apart: each gains
// ContrastShare times the weight of the message's words that are more central to its own
// phrasings than to any rival's among the few, as a share of the message. Two neighbouring
// entries ("sciatica", "piriformis syndrome") share most of a message's words; the ones they
// do not share say which is meant. Scores then shift down so the best is no higher than before.
func (ix *Index) contrast(sc *scratch) {
	if ix.p.ContrastShare == 0 || len(sc.top) < 2 || sc.qn == 0 || sc.top[0].raw-sc.top[1].raw > ix.p.ContrastGap {
		return
	}
	var cent, gain [MaxAlternatives + 1]float32
	var ent [MaxAlternatives + 1]int
	for k := range sc.top {
		ent[k] = int(sc.top[k].ent)
	}
	for _, x := range sc.q {
		if ix.generic[x.t] {
			continue
		}
		for k := range sc.top {
			cent[k] = ix.centrality(ent[k], x.t)
		}
		for k := range sc.top {
			rival := float32(0)
			for j := range sc.top {
				if j != k {
					rival = max(rival, cent[j])
				}
			}
			if d := cent[k] - rival; d > 0 {
				gain[k] += x.w * d
			}
		}
	}
	// The contrast orders the few; it does not make the message a better match than it was,
	// so the best score stays where the best entry had it.
	was, now := sc.top[0].raw, 0.0
	for k := range sc.top {
		sc.top[k].raw += ix.p.ContrastShare * float64(gain[k]/sc.qn)
		now = max(now, sc.top[k].raw)
	}
	for k := range sc.top {
		sc.top[k].raw = max(0, sc.top[k].raw-(now-was))
	}
	slices.SortStableFunc(sc.top, func(a, b Candidate) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
}

// centrality is how central term t is to entry e's phrasings and keywords, 0 when unused.
func (ix *Index) centrality(e int, t int32) float32 {
	ei := &ix.entries[e]
	if k, ok := slices.BinarySearch(ei.bag, t); ok {
		return ei.central[k]
	}
	return 0
}
