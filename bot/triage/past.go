package triage

import (
	"strings"
	"time"
)

// An emergency told as dated, treated and over: "two years ago, i fell off a roof and broke my back",
// "five months ago i had emergency surgery after losing feeling down there". The rules raise such
// a story as the event it tells; the lowering emergency-told-as-past (rules.yaml `lower:`) gives
// it a doctor's tier when the story is clearly over and nothing in it tells a red flag now. When
// in doubt it stays an emergency: a word of now, present tense in a red flag's clause, or a
// question keeps it raised, and so does an undated past ("on sunday i fell off the roof").

// The word sets the past-emergency check reads.
var (
	pastUnits     = lex.set("past-units")
	pastMany      = lex.set("past-many")
	pastAfterLast = lex.set("past-after-last")
	pastMarkers   = lex.set("past-markers")
	toldNowWords  = lex.set("told-now")
	toldPresent   = lex.set("told-present")
	toldOverWords = lex.set("told-over")
	toldPastWords = lex.set("told-past")
	relativeWords = lex.set("relatives")
	toldTreated   = lex.set("told-treated")
	overPaired    = lex.set("told-over-paired")
	overPairHeads = lex.set("over-pair-heads")
	overNotAfter  = lex.set("over-not-after")
	overWishes    = lex.set("over-wishes")
	forumActs     = lex.set("forum-acts")
)

// pastKinds says, in one lookup per word, what pastStory reads in it: a word of now, a word that
// may date a sentence back, a word that may tell the story as over.
var pastKinds = func() map[string]uint8 {
	m := map[string]uint8{"ago": pkDate, "last": pkDate, "past": pkDate}
	for w := range toldNowWords {
		m[w] |= pkNow
	}
	for w := range pastMarkers {
		m[w] |= pkDate
	}
	for w := range toldOverWords {
		m[w] |= pkOver
	}
	for w := range overPaired {
		m[w] |= pkOver
	}
	return m
}()

const (
	pkNow uint8 = 1 << iota
	pkDate
	pkOver
)

// pastStory reports a message that may tell an emergency as past (check past-story, the
// lowering's when:): no word of it tells of now (nowAt), and some sentence of it is dated
// clearly back (datedBack) or it tells the story as over (storyOver).
func (s *scratch) pastStory() bool {
	past := false
	for k := range s.toks {
		kind := pastKinds[s.toks[k].Word]
		if s.asks(k) || kind&pkNow != 0 && s.nowAt(k) {
			return false
		}
		past = past || kind&pkDate != 0 && s.datedAt(k) || kind&pkOver != 0 && s.overAt(k)
	}
	return past
}

// pastEmergency reports that the red flag at token i of a past story (pastStory) is told as past
// and over: its clause has no present tense (set `told-present`) and has a past one
// (pastInClause), and its sentence or the story's first is dated clearly back (datedBack) or the
// story is told as over (storyOver).
func (s *scratch) pastEmergency(i int) bool {
	if s.anyWord(s.clauseSpan(i), toldPresent) || !s.pastInClause(i) {
		return false
	}
	return s.datedBack(s.info[i].sent) || s.datedBack(s.info[0].sent) || s.storyOver()
}

// pastAnchored reports that the red flag at token i is tied to the past by its own sentence: the
// sentence is dated clearly back (datedBack), the story is told as over (storyOver), or, in a
// story dated at its opening, the sentence tells the red flag treated or diagnosed ("the er scan
// showed a fracture", "emergency surgery"; set `told-treated`) or gives a year ("in april 2012 it
// progressed to cauda equina"). "Two years ago i had a fusion. i bent down and lost all feeling
// down there" anchors nothing: the new red flag stays an emergency.
func (s *scratch) pastAnchored(i int) bool {
	sent := s.info[i].sent
	if s.datedBack(sent) || s.storyOver() {
		return true
	}
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		if y := year(s.toks[k].Word); toldTreated[s.toks[k].Word] || y >= 1900 && y < time.Now().Year() {
			return true
		}
	}
	return false
}

// nowAt reports that token k tells of now: its clause asks (asks), or it is a word of now (set
// `told-now`); "today" in a sentence that dates itself back ("today is the anniversary of my
// operation") does not count, nor "since" that dates the writer's reading of a forum ("i've been
// following this thread since the start"; set `forum-acts` before it in its clause).
func (s *scratch) nowAt(k int) bool {
	w := s.toks[k].Word
	switch {
	case s.asks(k):
		return true
	case w == "today":
		return !s.anyWord(s.sentSpan(k, 0, 0), pastMarkers)
	case w == "since":
		sp := s.clauseSpan(k)
		sp.hi = k
		return !s.anyWord(sp, forumActs)
	}
	return toldNowWords[w]
}

// datedBack reports that sentence sent dates what it tells clearly back: "two years ago", "5
// months ago" (three or more), "last march", "this past winter", or a word of set `past-markers`
// ("the two year anniversary"). A bare date ("on 1 may 2018") is not enough: a story told from
// its date is told as the event.
func (s *scratch) datedBack(sent int32) bool {
	for k := range s.toks {
		if s.info[k].sent == sent && s.datedAt(k) {
			return true
		}
	}
	return false
}

// datedAt reports that token k dates its sentence back (datedBack).
func (s *scratch) datedAt(k int) bool {
	switch w := s.toks[k].Word; {
	case pastMarkers[w]:
		return true
	case w == "ago":
		return pastUnits[s.word(k-1)] || s.word(k-1) == "months" && s.many(k-2)
	case w == "last" || w == "past" && s.word(k-1) == "this":
		n := s.word(k + 1)
		return monthWords[n] || pastAfterLast[n]
	}
	return false
}

// many reports that token k counts three or more: "5", "five", "several" (set `past-many`).
func (s *scratch) many(k int) bool {
	n, suf, ok := number(s.word(k))
	return ok && suf == "" && n >= 3 || pastMany[s.word(k)]
}

// storyOver reports a word that tells the story as over (set `told-over`: "recovered", "the worst
// is behind me"), not denied, hoped for or asked ("i thought i'd recovered").
func (s *scratch) storyOver() bool {
	for k := range s.toks {
		if s.overAt(k) {
			return true
		}
	}
	return false
}

// overAt reports that token k tells the story as over (storyOver), not wished for ("i want to
// be pain free"; set `over-wishes`).
func (s *scratch) overAt(k int) bool {
	w := s.toks[k].Word
	switch {
	case overPaired[w]:
		if !s.overPair(k) {
			return false
		}
	case !toldOverWords[w] || w == "behind" && !s.overBehind(k):
		return false
	}
	return s.info[k].flags&flNeg == 0 && !s.negatorBefore(k, 3) && !s.before(k, 4, hopedWords) &&
		!s.before(k, 4, overWishes)
}

// overPair reports a word of set `told-over-paired` told as the end of a story: after its head
// ("all clear", "pain free"; set `over-pair-heads`) and not before a word that bounds it in time
// ("pain free until i fell"; set `over-not-after`).
func (s *scratch) overPair(k int) bool {
	return overPairHeads[s.word(k-1)] && !overNotAfter[s.word(k+1)]
}

// overBehind reports "behind" at token k told of a story put behind: "the worst is behind me",
// "it's all behind us"; not "a car behind me".
func (s *scratch) overBehind(k int) bool {
	switch s.word(k - 1) {
	case "is", "are", "all":
		return s.word(k+1) == "me" || s.word(k+1) == "us"
	}
	return false
}

// asks reports that token k's clause asks: it ends with "?", or opens with a question word that
// is no relative ("what should i do", not "..., which is one of the few hospitals"; set
// `relatives`).
func (s *scratch) asks(k int) bool {
	c := s.info[k].clause
	if !s.clauses[c].question || s.clauses[c].asked {
		return s.clauses[c].asked
	}
	for k > 0 && s.info[k-1].clause == c {
		k--
	}
	return !relativeWords[s.toks[k].Word]
}

// pastInClause reports a past-tense verb in token i's clause: a word of set `told-past` or one
// ending in "ed" ("landed", "fractured").
func (s *scratch) pastInClause(i int) bool {
	sp := s.clauseSpan(i)
	for k := sp.lo; k < sp.hi; k++ {
		if w := s.toks[k].Word; toldPastWords[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}
