package faq

import (
	"slices"
	"strings"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Band says how sure the matcher is.
type Band int

const (
	// NoMatch: the message is not about back pain, or nothing is known of it; say so honestly.
	NoMatch Band = iota
	// CloseCall: answer the best entry but offer the runner-up ("did you mean").
	CloseCall
	// Confident: answer the best entry.
	Confident
	// Suggest: the message is about back pain but no entry is a clear winner; offer the
	// closest topics ("These may help") instead of an answer.
	Suggest
)

// Answers reports whether a match in band b answers with an entry.
func (b Band) Answers() bool { return b == Confident || b == CloseCall }

func (b Band) String() string {
	switch b {
	case Confident:
		return "confident"
	case CloseCall:
		return "close"
	case Suggest:
		return "suggest"
	}
	return "none"
}

// MaxAlternatives is how many runner-up entries a Match carries.
const MaxAlternatives = 3

// maxSuggestions is how many topics a Suggest match offers.
const maxSuggestions = 3

// Candidate is an entry and how well it fits a question.
type Candidate struct {
	ID       string
	Question string
	// Score is in [0,1]; 1 means the question says exactly what the entry covers.
	Score float64
	// raw is the score before it is capped at 1, so entries that both reach the cap still
	// rank, and lead one another, by how much more each says.
	raw float64
	// ent is the entry's index in the FAQ, set when it is ranked (sortTop) and read by the steps
	// that follow on the ranked candidates (contrast, confidence) instead of looking up ID.
	ent int32
}

// Match is the matcher's verdict on one question.
type Match struct {
	Band Band
	// Best is the best-fitting entry. It is set whenever any entry shares a word with the
	// question, even for NoMatch, so callers can see how close it came.
	Best Candidate
	// Alternatives are the next best entries, best first, at most MaxAlternatives.
	Alternatives []Candidate
	// shown is what a reply shows, set by decide; see Shown.
	shown []Candidate
}

// Shown returns the entries a reply shows for m, in order: the answer and the runners-up worth
// offering beside it ("did you mean", or for a story the other topics it touches), or for
// Suggest the topics offered instead of an answer. It is empty when m is no match.
func (m Match) Shown() []Candidate {
	if m.Band == NoMatch {
		return nil
	}
	return m.shown
}

// Match finds the entries that best fit question. A long message is also read sentence by
// sentence, since the real question is often one sentence among background.
func (ix *Index) Match(question string) Match {
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	ix.read(sc, question)
	signs := ix.signs(sc.toks)
	signs.elsewhere = ix.painElsewhere(sc.toks, sc.ends)
	signs.several, signs.asks = sc.sents >= 2, sc.asks
	sc.other = signs.other
	if len(sc.q) > 0 {
		ix.rank(sc)
		ix.sortTop(sc)
	}
	if len(sc.q) == 0 || len(sc.top) == 0 {
		if ix.aboutBackPain(signs, 0) {
			m := Match{Band: Suggest}
			ix.startHere(sc, &m)
			return m
		}
		return Match{}
	}
	m := Match{Best: sc.top[0]}
	if k := min(len(sc.top)-1, MaxAlternatives); k > 0 {
		m.Alternatives = append([]Candidate(nil), sc.top[1:1+k]...)
	}
	if ix.confidence(sc, &m) {
		resort(&m)
	}
	sc.treated = ix.askTreatment(sc, &m)
	domain := ix.aboutBackPain(signs, m.Best.Score) && (ix.story(sc) || !signs.onlyGeneral()) && !ix.kidneyStory(sc, signs)
	hard := signs
	hard.exertion = false
	sc.onlyWork = domain && !ix.aboutBackPain(hard, m.Best.Score)
	if !domain && signs.notOurs() {
		return m // "my hip clicks but doesn't hurt", "my cat keeps arching her back"
	}
	ix.decide(sc, &m, domain)
	return m
}

// read analyses question into sc: its tokens, the whole query, its word pairs, and a segment
// for each sentence and each pair of neighbouring sentences when there are several. In a story
// the phrases said in passing (inPassing: "got out of bed") weigh nothing.
func (ix *Index) read(sc *scratch, question string) {
	sc.segQ, sc.segs, sc.toks, sc.sents, sc.ends, sc.asks = sc.segQ[:0], sc.segs[:0], sc.toks[:0], 0, sc.ends[:0], false
	text.Sentences(question, func(sent string, mark bool) {
		from := len(sc.toks)
		sc.toks = ix.an.Analyze(sent, sc.toks)
		tagKinds(sc.toks[from:])
		notTheBack(sc.toks[from:])
		ix.hurtHamstrings(sc.toks[from:])
		ix.legAtGym(sc.toks[from:])
		ix.pregnancyWeeks(sc.toks[from:])
		ix.longCourse(sc.toks[from:])
		ix.notHeldParts(sc.toks[from:])
		upsetGut(sc.toks[from:])
		markAsides(sc.toks[from:])
		sc.ends = append(sc.ends, len(sc.toks))
		if slices.ContainsFunc(sc.toks[from:], func(t text.Token) bool { return !t.Stop }) {
			sc.sents++
		}
		share := ix.p.StatementShare
		if mark || isAsk(sc.toks[from:]) {
			share, sc.asks = ix.p.AskShare, true
		}
		if n := len(sc.segs); n > 0 {
			prev := sc.segs[n-1]
			if prev.from < prev.to || from < len(sc.toks) {
				sc.segs = append(sc.segs, segment{from: prev.from, to: len(sc.toks), share: max(share, prev.share) * ix.p.StatementShare, pair: true})
			}
		}
		sc.segs = append(sc.segs, segment{from: from, to: len(sc.toks), share: share})
	})
	notTheBack(sc.toks)
	ix.hipAlone(sc.toks)
	ix.crampAlone(sc.toks)
	sc.marked = markOffTopic(sc.toks)
	if ix.story(sc) {
		inPassing(sc.toks)
		ix.upperBody(sc.toks) // a one-line "pills for my neck and back" asks of the back
	}
	sc.q, sc.qn = ix.query(sc.toks, sc.q[:0])
	if len(sc.segs) < 3 { // one sentence: the whole is the sentence
		sc.segs = sc.segs[:0]
	}
	segs := sc.segs
	sc.segs = sc.segs[:0]
	for _, sg := range segs {
		if sg.share == 0 || sg.to <= sg.from || sg.from == 0 && sg.to == len(sc.toks) {
			continue
		}
		sg.start = len(sc.segQ)
		sc.segQ, sg.norm = ix.query(sc.toks[sg.from:sg.to], sc.segQ)
		sg.end = len(sc.segQ)
		sc.segs = append(sc.segs, sg)
	}
	sc.pairs = sc.pairs[:0]
	prev := int32(-1)
	for _, t := range sc.toks {
		if t.Stop || t.Term < 0 {
			continue
		}
		if prev >= 0 && prev != t.Term {
			k := pairKey(prev, t.Term)
			sc.pairs = append(sc.pairs, qpair{k, min(ix.weight[prev], ix.weight[t.Term]), ix.pairPost[k]})
		}
		prev = t.Term
	}
}

// sortTop turns the candidates' scores, with the whole-message bonus or penalty, into sc.top:
// the best MaxAlternatives+1, best first.
func (ix *Index) sortTop(sc *scratch) {
	bonus := 0.0
	if slices.ContainsFunc(sc.q, func(q qterm) bool { return ix.anchor[q.t] }) {
		bonus = ix.p.AnchorBonus
	}
	if sc.other {
		bonus = -ix.p.OtherPartPenalty
	}
	sc.bonus = bonus
	sc.top = sc.top[:0]
	for i, e := range sc.cands {
		c := Candidate{ID: ix.faq.Entries[e].ID, raw: max(0, sc.best[i]+bonus), ent: e}
		if len(sc.top) == MaxAlternatives+1 && !better(c, sc.top[MaxAlternatives]) {
			continue
		}
		if len(sc.top) < MaxAlternatives+1 {
			sc.top = append(sc.top, c)
		} else {
			sc.top[MaxAlternatives] = c
		}
		for k := len(sc.top) - 1; k > 0 && better(sc.top[k], sc.top[k-1]); k-- {
			sc.top[k], sc.top[k-1] = sc.top[k-1], sc.top[k]
		}
	}
	ix.contrast(sc)
	for k := range sc.top {
		sc.top[k].Score = min(1, sc.top[k].raw)
		sc.top[k].Question = ix.faq.Entries[sc.top[k].ent].Question
	}
}

// better orders candidates by score, then by id so ties are stable.
func better(a, b Candidate) bool {
	if a.raw != b.raw {
		return a.raw > b.raw
	}
	return strings.Compare(a.ID, b.ID) < 0
}

// confidence lowers the scores of a short question's entries by the share of its content words
// each leaves unexplained: "how to ice a cake" is not about ice packs. Ranking is done by now.
func (ix *Index) confidence(sc *scratch, m *Match) bool {
	unknown := 0
	for i, t := range sc.toks {
		if !t.Stop && t.Term < 0 && !seenBefore(sc.toks[:i], t.Word) {
			unknown++
		}
	}
	content := 0
	for _, q := range sc.q {
		if !ix.anchor[q.t] && !ix.question[q.t] {
			content++
		}
	}
	n := content + unknown
	if n == 0 || n > 4 {
		return false
	}
	m.Best = ix.unexplained(m.Best, sc.q, n)
	for i := range m.Alternatives {
		m.Alternatives[i] = ix.unexplained(m.Alternatives[i], sc.q, n)
	}
	return true
}

// resort puts m's best candidate first again after its scores changed.
func resort(m *Match) {
	var room [MaxAlternatives + 1]Candidate
	all := append(append(room[:0], m.Best), m.Alternatives...)
	slices.SortStableFunc(all, func(a, b Candidate) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	m.Best = all[0]
	copy(m.Alternatives, all[1:])
}

// decide sets m's band and what a reply shows. An answer needs a score over the bar and a word
// that says which entry is meant; otherwise a message about back pain gets the closest topics,
// and any other message nothing. A story is never answered unless it is about back pain.
func (ix *Index) decide(sc *scratch, m *Match, domain bool) {
	lead := m.Best.raw
	if len(m.Alternatives) > 0 {
		lead -= m.Alternatives[0].raw
	}
	specific := ix.specific(m.Best.ID, sc.q)
	story := ix.story(sc)
	if !domain && story {
		return
	}
	// A story that is about back pain only for the hard work it tells of ("a long flight", "we
	// had to shovel the drive") gets topics, never an answer: it may be about the work itself.
	answer := specific && !(story && sc.onlyWork)
	switch {
	case answer && sc.treated && m.Alternatives[0].Score >= ix.p.ClearLow:
		// The treatment asked about, the condition named offered beside it.
		m.Band = CloseCall
	case answer && m.Best.Score >= ix.p.Sure && lead >= ix.p.Lead:
		m.Band = Confident
	case answer && m.Best.Score >= ix.p.Possible,
		answer && domain && m.Best.Score >= ix.p.ClearLow && lead >= ix.p.ClearLead:
		// Over the bar, or about back pain with one entry well ahead of the rest.
		m.Band = CloseCall
	case domain:
		m.Band = Suggest
		if ix.vague(sc) && ix.startHere(sc, m) {
			return
		}
	default:
		return
	}
	if m.shown == nil {
		m.shown = make([]Candidate, 0, maxSuggestions) // one allocation for all a reply shows
	}
	m.shown = append(m.shown, m.Best)
	for _, c := range m.Alternatives {
		if len(m.shown) < maxSuggestions && ix.offer(m, c, story) {
			m.shown = append(m.shown, c)
		}
	}
	if m.Band == Suggest || story {
		ix.named(sc, m)
	}
}

// named makes sure a story or a list of topics shows an entry whose question's own word the
// message names ("sciatica", "yoga", "massage"; titles), when it scores at least SuggestFloor; of
// several, the best scoring (term order says nothing). It takes the last place from an entry the
// message does not name. Two named entries shown are enough, and a second takes the place only
// when it scores at least namedShare of the entry it would push out: "...turned into sciatica,
// X-rays and MRIs..." shows sciatica beside imaging, but "put my back out... booked a massage... a
// friend swears by yoga" keeps the back put out beside massage, not yoga in its place.
func (ix *Index) named(sc *scratch, m *Match) {
	names := ix.namedEntries(sc)
	isNamed := func(id string) bool {
		return slices.ContainsFunc(names, func(e int) bool { return ix.faq.Entries[e].ID == id })
	}
	shown := 0
	for _, c := range m.shown {
		if isNamed(c.ID) {
			shown++
		}
	}
	if shown >= maxNamed {
		return
	}
	pick := Candidate{}
	for _, e := range names {
		id := ix.faq.Entries[e].ID
		if slices.ContainsFunc(m.shown, func(c Candidate) bool { return c.ID == id }) {
			continue
		}
		if c := ix.candidate(sc, m, id); c.Score >= ix.p.SuggestFloor && (pick.ID == "" || better(c, pick)) {
			pick = c
		}
	}
	switch {
	case pick.ID == "":
	case len(m.shown) < maxSuggestions:
		m.shown = append(m.shown, pick)
	case !isNamed(m.shown[len(m.shown)-1].ID) && (shown == 0 || pick.raw >= namedShare*m.shown[len(m.shown)-1].raw):
		m.shown[len(m.shown)-1] = pick
	}
}

// maxNamed is how many entries the message names a story or a list of topics shows at most by
// named's doing, and namedShare the share of the displaced entry's score a second one needs.
const (
	maxNamed   = 2
	namedShare = 0.8
)

// namedEntries returns the entries the message names by a word of their question (titles), or,
// when it names none so, by the two-word name of a synonym group in it ("physio" for physical
// therapy; titlePairs): a weightier single name keeps its place ("the physio says ... a friend
// swears by yoga" shows yoga's entry).
func (ix *Index) namedEntries(sc *scratch) []int {
	var out []int
	for _, x := range sc.q {
		if e, ok := ix.title[x.t]; ok && (x.t != ix.chronic || said(sc.toks, x.t)) {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, p := range sc.pairs {
		if e, ok := ix.titlePr[p.key]; ok {
			out = append(out, e)
		}
	}
	return out
}

// said reports whether a word of toks is read as term t as written, not as longCourse reads it.
func said(toks []text.Token, t int32) bool {
	return slices.ContainsFunc(toks, func(k text.Token) bool { return k.Term == t && k.Word != longTold })
}

// vague reports whether a message names nothing that points at one entry: each of its words the
// FAQ knows is generic (the back, pain, where, a question word), as in "my back hurts what do i do".
func (ix *Index) vague(sc *scratch) bool {
	return !slices.ContainsFunc(sc.q, func(q qterm) bool { return !ix.generic[q.t] })
}

// startHere sets what a vague message about back pain is shown: the FAQ's start-here topics, after
// the nearest entry when it is clearly ahead: over the Possible bar and VagueLead ahead of the next. It reports false, showing nothing,
// when the FAQ lists none.
func (ix *Index) startHere(sc *scratch, m *Match) bool {
	ids := ix.faq.StartHere
	if len(ids) == 0 {
		return false
	}
	m.shown = m.shown[:0]
	if m.Best.Score >= ix.p.Possible && len(m.Alternatives) > 0 && m.Best.raw-m.Alternatives[0].raw >= ix.p.VagueLead {
		m.shown = append(m.shown, m.Best)
	}
	for _, id := range ids {
		if len(m.shown) < maxSuggestions && !slices.ContainsFunc(m.shown, func(c Candidate) bool { return c.ID == id }) {
			m.shown = append(m.shown, ix.candidate(sc, m, id))
		}
	}
	return true
}

// candidate returns entry id as a candidate for m, with the score the ranking gave it.
func (ix *Index) candidate(sc *scratch, m *Match, id string) Candidate {
	for _, c := range append([]Candidate{m.Best}, m.Alternatives...) {
		if c.ID == id {
			return c
		}
	}
	e := ix.faq.byID[id]
	c := Candidate{ID: id, Question: ix.faq.Entries[e].Question}
	if i := slices.Index(sc.cands, int32(e)); i >= 0 {
		c.raw = max(0, sc.best[i]+sc.bonus)
		c.Score = min(1, c.raw)
	}
	return c
}

// offer reports whether runner-up c is worth showing beside m.Best: after a confident answer to
// a question, none; after a close call, one nearly as good; beside a story's answer (a long
// message or one of several sentences, see story) or in place of an answer, any that scores a
// fair share of the best.
func (ix *Index) offer(m *Match, c Candidate, story bool) bool {
	fair := c.Score >= max(ix.p.SuggestFloor, m.Best.Score*ix.p.SuggestRatio)
	switch {
	case m.Band == Suggest || story:
		return fair
	case m.Band == CloseCall:
		return c.Score >= ix.p.Possible*0.8
	}
	return false
}

// kidneyStory reports whether the message is a story that asks nothing and names the kidney, whose
// pain is felt in the back (other-body-parts.txt [kidney]), and neither the back nor the spine: it
// is the kidney's ("days battling a kidney stone"), though a message may ask whether a pain is
// one ("had a kidney stone before, this feels similar. which is it").
func (ix *Index) kidneyStory(sc *scratch, d domainSigns) bool {
	return !d.back && !d.spine && !sc.asks && ix.story(sc) && slices.ContainsFunc(sc.toks, func(t text.Token) bool { return kidneyWords[t.Word] })
}

// story reports whether the message must be about back pain to get an answer: it is long, has
// several sentences, or says it is off topic.
func (ix *Index) story(sc *scratch) bool {
	return ix.long(sc) || sc.marked || sc.sents >= ix.p.StorySentences
}

// long reports whether the message is a story rather than a question: more content words than
// a question needs.
func (ix *Index) long(sc *scratch) bool {
	n := 0
	for _, t := range sc.toks {
		if !t.Stop {
			n++
		}
	}
	return n >= ix.p.LongWords
}
