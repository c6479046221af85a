package triage

import (
	"strings"
	"time"
)

// clauseHas reports whether an undenied token with f stands in token i's clause.
func (s *scratch) clauseHas(i int, f feat) bool {
	clause := s.info[i].clause
	for k := i; k >= 0 && s.info[k].clause == clause; k-- {
		if s.info[k].feat&f != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	for k := i + 1; k < len(s.toks) && s.info[k].clause == clause; k++ {
		if s.info[k].feat&f != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}

// nightCue reports whether "night" at token i comes with a sign that the pain is worse at night.
func (s *scratch) nightCue(i int) bool {
	if s.near(i, fWorse|fNotEase|fSevere|fProgress|fNightPain, 5) {
		return true
	}
	sent := s.info[i].sent
	for k := max(i-6, 0); k < len(s.toks) && k <= i+3; k++ {
		if s.info[k].sent == sent && s.info[k].flags&flNeg == 0 && nightWords[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// number reads the leading digits of a word: "17" -> 17, "34m" -> 34 with suffix "m".
func number(w string) (n int, suffix string, ok bool) {
	i := 0
	for i < len(w) && isDigit(w[i]) && i < 4 {
		n = n*10 + int(w[i]-'0')
		i++
	}
	if i == 0 || i == 4 {
		return 0, "", false
	}
	return n, w[i:], true
}

func (s *scratch) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Word
}

// severeScore reports a pain score of 8 or more out of 10 at token i: "9 out of 10", "8/10".
func (s *scratch) severeScore(i int) bool {
	n, suf, ok := number(s.toks[i].Word)
	if !ok || suf != "" || n < 8 || n > 10 {
		return false
	}
	next := s.word(i + 1)
	return next == "out" && (s.word(i+3) == "10" || s.word(i+3) == "ten") || next == "10" && i+1 < len(s.toks) && s.info[i+1].sent == s.info[i].sent
}

// age reads an age at token i: "I'm 72", "my son is 14", "34m", "17 f,", "55 years old".
func (s *scratch) age(i int) (int, bool) {
	n, suf, ok := number(s.toks[i].Word)
	if !ok || n < 1 || n > 110 {
		return 0, false
	}
	switch suf {
	case "m", "f", "yo", "y", "yrs", "yr", "yearold":
		return n, true
	case "":
	default:
		return 0, false
	}
	next := s.word(i + 1)
	if next == "yo" || (next == "year" || next == "years" || next == "yr" || next == "yrs") && s.word(i+2) == "old" {
		return n, true
	}
	if sexLetters[next] && n >= 12 && n < 100 && (i+2 == len(s.toks) || s.info[i+2].clause != s.info[i].clause || i == 0 && s.word(i+2) == "and") {
		return n, true // "17 f, first time", "(68 m)", a message opening "16 m and ...": an age and sex, as "34m" is
	}
	if units[next] || next == "year" || next == "years" {
		return 0, false
	}
	prev := s.word(i - 1)
	if agePrev[prev] {
		return n, true
	}
	if prev == "at" && n >= 50 && (next == "and" || i+1 == len(s.toks) || s.info[i+1].clause != s.info[i].clause) {
		return n, true // "back pain for the first time at 63, and it's bad": not "at 6", a time
	}
	if i == 0 && n >= 12 && n < 100 && (next == "and" || len(s.toks) > 1 && s.info[1].clause != s.info[0].clause) {
		return n, true // a message that opens with an age: "58 and this is the first time", "57, never had"
	}
	if prev == "was" && s.word(i-2) == "i" && n < 50 {
		return 0, false // "when i was 12 i broke my wrist": an age back then (one over 50 still is)
	}
	if (prev == "is" || prev == "was" || prev == "s") && people[s.word(i-2)] {
		return n, true
	}
	return 0, false
}

// neverBefore reports "never had", "never felt" or "not had ... before": a first episode.
func (s *scratch) neverBefore() bool {
	for i := range s.toks {
		switch s.toks[i].Word {
		case "never":
			switch s.word(i + 1) {
			case "had", "felt", "experienced", "been", "suffered", "hurt":
				return true
			}
		case "before":
			for j := i - 1; j >= 0 && j >= i-6 && s.info[j].clause == s.info[i].clause; j-- {
				if s.toks[j].Word == "never" || s.toks[j].Word == "not" {
					return true
				}
			}
		}
	}
	return false
}

// before reports whether one of words comes within n words before token i in its clause.
func (s *scratch) before(i, n int, words map[string]bool) bool {
	clause := s.info[i].clause
	for k := i - 1; k >= 0 && k >= i-n && s.info[k].clause == clause; k-- {
		if words[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// longAgo reports whether token i's clause dates it months or years back: "a fall last year",
// "fell off my bike years ago", "as a kid", "in high school", "when i was 12", "before i turned
// 16" (not "i just turned 16"), "in my (early) twenties" (not "i'm in my twenties"); or the clause
// after it does, looking back ("my legs were numb after the epidural, that was 5 years ago").
func (s *scratch) longAgo(i int) bool {
	if s.longAgoAt(i) {
		return true
	}
	clause := s.info[i].clause
	k := i + 1
	for k < len(s.toks) && s.info[k].clause == clause {
		k++
	}
	if k+1 < len(s.toks) && lookBack[s.toks[k].Word] && (s.word(k+1) == "was" || s.word(k+1) == "is") {
		return s.longAgoAt(k)
	}
	return false
}

// longAgoAt reports whether token i's clause dates it months or years back (see longAgo).
func (s *scratch) longAgoAt(i int) bool {
	clause := s.info[i].clause
	for k := max(i-14, 0); k < len(s.toks) && k <= i+14; k++ {
		if s.info[k].clause != clause {
			continue
		}
		switch s.toks[k].Word {
		case "ago":
			switch s.word(k - 1) {
			case "years", "months", "decades", "year", "decade", "ages":
				return true // "years ago", "ages ago"
			}
		case "last":
			if w := s.word(k + 1); w == "year" || pastSeasons[w] {
				return true // "last year", "a fall last winter": months back
			}
		case "in":
			if monthWords[s.word(k+1)] || s.word(k+1) == "the" && decadeWords[s.word(k+2)] {
				return true // "a car accident in january": months back; "in the 80s": years
			}
		case "childhood", "teens", "younger", "youth", "boyhood", "girlhood":
			return true
		case "kid", "child", "teenager":
			if s.toldAsOnce(k) {
				return true // "as a kid", "when i was a child"; not "my kid fell", "tackled by a bigger kid"
			}
		case "twenties", "thirties", "forties", "fifties", "20s", "30s", "40s", "50s":
			j := k - 1
			if w := s.word(j); w == "early" || w == "mid" || w == "late" {
				j-- // "in my early forties"
			}
			if s.word(j) == "my" && s.word(j-1) == "in" && !agePrev[s.word(j-2)] && s.word(j-2) != "now" {
				return true // "in my twenties i had a crash", not "i'm in my twenties"
			}
		case "turned":
			if w := s.word(k - 2); s.word(k-1) == "i" && (w == "when" || w == "before" || w == "after") {
				if n, suf, ok := number(s.word(k + 1)); ok && suf == "" && n < 40 {
					return true // "just before i turned 16", not "i just turned 16"
				}
			}
		case "school":
			if schoolYears[s.word(k-1)] {
				return true // "in high school", "at primary school"
			}
		case "was":
			if s.word(k-1) == "i" && s.word(k-2) == "when" {
				if n, suf, ok := number(s.word(k + 1)); ok && suf == "" && n < 40 {
					return true // "when i was 12"
				}
			}
		case "age", "aged":
			if _, suf, ok := number(s.word(k + 1)); ok && suf == "" && !people[s.word(k-1)] {
				return true // "a car accident at age 15", not "my father age 70 fell": his age now
			}
		default:
			if y := year(s.toks[k].Word); y >= 1900 && y <= time.Now().Year()-2 && (s.presentTold() || s.hasWord(recoveryWords)) {
				return true // "a car accident in 2002", and the message tells of now or of a recovery since
			}
		}
	}
	return false
}

// toldAsOnce reports a childhood word at token k told as what the writer once was: "as a kid",
// "when i was a little kid", "as children", with "as" or "was" within 3 words before it.
func (s *scratch) toldAsOnce(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if w := s.toks[j].Word; w == "as" || w == "was" || w == "were" {
			return true
		}
	}
	return false
}

// presentTold reports a word of the message that tells of now (set `now`: "now", "still",
// "since", "lately"). A year dates a clause back only in a message that tells of now as well ("a
// car accident in 2002, my back has ached since") or of a recovery since ("surgery in 2016 and
// recovered fully"; set `recovery`); a story that tells only what happened then ("on january 1,
// 2021 i fell down the stairs ...") is told as the event, and judged so.
func (s *scratch) presentTold() bool {
	for k := range s.toks {
		if nowWords[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// weeksBack reports whether token i's clause dates it two weeks or more back, but not years:
// "a fall last month", "fell down the steps three weeks ago", "a couple of weeks ago", "six
// weeks since the accident" (the event within four words after "since").
func (s *scratch) weeksBack(i int) bool {
	clause := s.info[i].clause
	for k := max(i-14, 0); k < len(s.toks) && k <= i+14; k++ {
		if s.info[k].clause != clause {
			continue
		}
		switch s.toks[k].Word {
		case "last":
			if s.word(k+1) == "month" {
				return true
			}
		case "ago", "since":
			if w := s.toks[k].Word; w == "since" && (k > i || i-k > 4) {
				continue // "six weeks since the accident": the event just after "since"
			}
			switch w := s.word(k - 1); w {
			case "month", "weeks", "months":
				if w == "months" && s.toks[k].Word != "since" {
					continue // "months ago" is longAgoAt's
				}
				n, suf, ok := number(s.word(k - 2))
				if w != "weeks" || !ok || suf != "" || n >= 2 {
					return true // "a month ago", "a few weeks ago", "3 weeks ago", "a month since the crash"
				}
			}
		}
	}
	return false
}

// year reads a four-digit year ("2002"), or returns 0.
func year(w string) int {
	if len(w) != 4 {
		return 0
	}
	y := 0
	for i := 0; i < 4; i++ {
		if !isDigit(w[i]) {
			return 0
		}
		y = y*10 + int(w[i]-'0')
	}
	return y
}

// painBefore reports a pain or severe word within n words before token i in its sentence: "my
// back was hurting so bad i was having trouble walking" tells of pain limiting walking.
func (s *scratch) painBefore(i, n int) bool {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && k >= i-n && s.info[k].sent == sent; k-- {
		if s.info[k].feat&(fPain|fSevere) != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}

// recoveryLetDown reports a recovery told as expected and then denied: a word of set
// `expected-recovery` with one of set `expect-modals` just before it ("it would resolve itself",
// "the gp said it should settle", "thought it would sort itself out"), not asked, followed in its
// sentence or the next by a bare denial ("well it didn't", "it hasn't", "it never did").
func (s *scratch) recoveryLetDown() bool {
	for k := range s.toks {
		if w := s.toks[k].Word; recoveryShapes.may(w) && expectedRecovery[w] && s.before(k, 2, expectModals) &&
			!s.clauses[s.info[k].clause].question && s.bareDenialAfter(k) {
			return true
		}
	}
	return false
}

// bareDenialAfter reports "it didn't", "it hasn't", "it never did" after token k in its sentence
// or the next, with nothing after it in its clause but "and", "but" or "so": "it didn't hurt"
// denies something else.
func (s *scratch) bareDenialAfter(k int) bool {
	last := s.info[k].sent + 1
	for j := k + 1; j < len(s.toks) && s.info[j].sent <= last; j++ {
		if s.toks[j].Word != "it" {
			continue
		}
		end := j + 3 // "it did not", "it has not"
		switch aux := s.word(j + 1); {
		case aux == "never":
			end = j + 2
			if s.word(end) == "did" || s.word(end) == "has" {
				end++
			}
		case (aux == "did" || aux == "has" || aux == "does") && s.word(j+2) == "not":
		default:
			continue
		}
		if end >= len(s.toks) || s.info[end].clause != s.info[j].clause {
			return true
		}
		switch s.toks[end].Word {
		case "and", "but", "so":
			return true
		}
	}
	return false
}

// stillAfterWeeks reports pain that is still there weeks on: "been 3 months and it still hurts".
func (s *scratch) stillAfterWeeks() bool {
	still, weeks := false, false
	for i := range s.toks {
		switch w := s.toks[i].Word; w {
		case "sometimes", "occasionally", "now", "off":
			if w != "now" && w != "off" || s.word(i+1) == "and" {
				return false // it comes and goes: "still hurts sometimes", "on and off"
			}
		case "stayed", "remained", "stays", "remains":
			still = still || s.info[i].feat&fLinger != 0 // "my back stayed weak and irritated"
		case "still":
			still = still || s.info[i].feat&fLinger != 0 // "still hurts" read as one phrase
			for k := i + 1; k < len(s.toks) && k <= i+3 && s.info[k].clause == s.info[i].clause; k++ {
				if w := s.toks[k].Word; stillGoing[w] || s.info[k].feat&fPain != 0 && s.info[k].flags&flNeg == 0 {
					still = true
				}
			}
		case "months", "weeks":
			n, _, ok := number(s.word(i - 1))
			weeks = weeks || w == "months" || !ok || n >= 3
		}
	}
	if still && !weeks {
		for i := range s.toks {
			// a month or season named: "hurt it at Christmas, it's now February"
			if w := s.toks[i].Word; len(w) > 3 && sinceWhen[w] {
				return true
			}
		}
	}
	return still && weeks
}

// pluralLimbNear reports "legs" or "feet" within w words of token i.
func (s *scratch) pluralLimbNear(i, w int) bool {
	sent := s.info[i].sent
	for k := max(i-w, 0); k < len(s.toks) && k <= i+w; k++ {
		if s.info[k].sent == sent && s.info[k].flags&flNeg == 0 && pluralLimbs[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// backGaveWay reports "my back gave way": the back, not the legs, is what gave; also told as
// where it gave, "something gave out in my lower back" (giveWayIn).
func (s *scratch) backGaveWay(i int) bool {
	if s.giveWayIn(i) {
		return true
	}
	clause := s.info[i].clause
	for k := i - 1; k >= 0 && k >= i-4 && s.info[k].clause == clause; k-- {
		if backParts[s.toks[k].Word] {
			return true
		}
		if s.info[k].feat&(fLeg|fFoot) != 0 || pluralLimbs[s.toks[k].Word] {
			return false
		}
	}
	return false
}

// giveWayIn reports "in" then a back word (set `back-parts`) within 3 words, a few words after
// token i in its clause: "something gave out in my lower back".
func (s *scratch) giveWayIn(i int) bool {
	clause := s.info[i].clause
	for k := i + 1; k < len(s.toks) && k <= i+3 && s.info[k].clause == clause; k++ {
		if s.toks[k].Word != "in" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3 && s.info[j].clause == clause; j++ {
			if backParts[s.toks[j].Word] {
				return true
			}
		}
	}
	return false
}

// afterExercise reports exercise in token i's clause.
func (s *scratch) afterExercise(i int) bool {
	clause := s.info[i].clause
	for k := max(i-8, 0); k < len(s.toks) && k <= i+8; k++ {
		if s.info[k].clause == clause && exerciseWords[s.toks[k].Word] && !s.runsInto(k) && !s.dayNotExercise(k) {
			return true
		}
	}
	return false
}

// dayNotExercise reports a "day" that names a date, not a workout: "the next day" (set
// `date-days` before it), not "leg day".
func (s *scratch) dayNotExercise(k int) bool {
	return s.toks[k].Word == "day" && dateDays[s.word(k-1)]
}

// runsInto reports "run" told of pain that travels, not of running: "an ache running down my
// legs", "it runs into my thigh" (a direction word right after it; set `directions`).
func (s *scratch) runsInto(k int) bool {
	switch s.toks[k].Word {
	case "run", "runs", "running", "ran":
		return directionWords[s.word(k+1)]
	}
	return false
}

// armNear reports an arm or face word within four words of token i.
func (s *scratch) armNear(i int) bool {
	sent := s.info[i].sent
	end := i // the last word of i's phrase: "pins and needles in my hands"
	for end+1 < len(s.toks) && s.info[end+1].flags&flCont != 0 {
		end++
	}
	for k := max(i-4, 0); k < len(s.toks) && k <= end+4; k++ {
		if s.info[k].sent == sent && armWords[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// painWakes reports whether what wakes someone at token i is the pain or the back: "back pain
// wakes me up", not "the baby wakes me up".
func (s *scratch) painWakes(i int) bool {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && k >= i-4 && s.info[k].sent == sent; k-- {
		if s.info[k].feat&(fPain|fSciatica) != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
		switch s.toks[k].Word {
		case "back", "spine", "it", "this", "sciatica":
			return true
		}
		if otherWakers[s.toks[k].Word] {
			return false
		}
	}
	// "waking up in the night with back pain"
	for k, n := i+1, 0; k < len(s.toks) && n < 5 && s.info[k].sent == sent; k++ {
		if s.info[k].flags&flCont != 0 {
			continue
		}
		if s.info[k].feat&(fPain|fSciatica) != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
		n++
	}
	return false
}

// weightLost reports a number of pounds or kilos lost at token i: "lost 10kg", "dropped 8 lbs".
func (s *scratch) weightLost(i int) bool {
	_, unit, ok := number(s.toks[i].Word)
	if !ok || unit == "" && !weightUnits[s.word(i+1)] || unit != "" && !weightUnits[unit] {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch s.toks[k].Word {
		case "lost", "losing", "dropped", "dropping", "shed":
			return s.info[k].flags&flNeg == 0
		case "down":
			// "down 6kg since march", not "down 6kg with diet and walking"
			return k == i-1 && s.info[k].flags&flNeg == 0 && !s.wordNear(k, 12, weightPlans)
		}
	}
	return false
}

// ageRisk reports an age under 20 or over 50 anywhere in the message: a word of age (s.told) or
// a number (s.nums) read as one.
func (s *scratch) ageRisk() bool {
	if s.told&fAgeWord != 0 {
		return true // "in my sixties", "my teenage son", "i'm a pensioner"
	}
	for _, i := range s.nums {
		if age, ok := s.age(int(i)); ok && (age < 20 || age > 50) {
			return true
		}
	}
	return false
}

// countWords give the number a word for a count stands for; "few" and "several" count as four.
var countWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 4, "several": 4,
	"many": 4, "some": 4, "couple": 2,
}

// longDuration reports that something has lasted three weeks or more ("a few weeks"): "for 6 weeks", "two
// months", "for years", "since March", "since Christmas", "since the start of the year". A date in the
// past ("6 weeks ago"), an age ("6 weeks old") and a time to come ("in 6 weeks") are not
// durations; nor is "for ages", which most often tells a long sitting ("when i sit for ages").
func (s *scratch) longDuration() bool { return len(s.durationWords()) > 0 }

// durationInSentence reports a duration of three weeks or more in token i's sentence or the next
// one that is not told of something else or as over (see notDurationOfPain): "lower back pain for
// 6 weeks now", "these flare-ups linger. it can go on for 6 weeks", not "for the past few weeks
// my runs have been great. but two days ago my back felt stiff" nor "it took me four weeks to
// recover".
//
// The answer is the same for every token of a sentence, and rules ask it of many, so it is
// worked out once a sentence (s.durations).
func (s *scratch) durationInSentence(i int) bool {
	sent := s.info[i].sent
	for int(sent) >= len(s.durations) {
		s.durations = append(s.durations, memoUnknown)
	}
	if s.durations[sent] == memoUnknown {
		s.durations[sent] = answer(s.sentenceDuration(i))
	}
	return s.durations[sent] == memoYes
}

// sentenceDuration is durationInSentence worked out.
func (s *scratch) sentenceDuration(i int) bool {
	words := s.durationWords()
	if len(words) == 0 {
		return false // no duration anywhere in the message
	}
	sent := s.info[i].sent
	start, end := i, i+1
	for start > 0 && s.info[start-1].sent == sent {
		start--
	}
	last := sent + 1
	for n := s.sentenceLen(end, last); n > 0 && n <= 2; n = s.sentenceLen(end, last) {
		last++ // "these flare-ups linger. for. so. damn. long. it can go on for 6 weeks"
	}
	for end < len(s.toks) && s.info[end].sent <= last {
		end++
	}
	for _, k := range words {
		if int(k) >= start && int(k) < end && !s.notDurationOfPain(int(k)) {
			return true
		}
	}
	return false
}

// durationWords lists the tokens that tell of three weeks or more (nextDuration), found once a
// message: whether a token does depends on its neighbours only, not on where a scan starts.
func (s *scratch) durationWords() []int32 {
	if !s.durScanned {
		s.durScanned = true
		for k := s.nextDuration(0, len(s.toks)); k >= 0; k = s.nextDuration(k+1, len(s.toks)) {
			s.durWords = append(s.durWords, int32(k))
		}
	}
	return s.durWords
}

// sentenceLen returns the number of words of sentence sent, the first of them at or after
// token from (0 when there is none): a sentence of a word or two is emphasis ("for. so.
// damn. long."), read with the sentence after it.
func (s *scratch) sentenceLen(from int, sent int32) int {
	n := 0
	for k := from; k < len(s.toks) && s.info[k].sent <= sent; k++ {
		if s.info[k].sent == sent {
			n++
		}
	}
	return n
}

// notDurationOfPain reports a duration word at token k told of something other than the pain,
// or as over: an activity ("four years of crossfitting", "a year into a return to riding", "two
// years off"), a rate ("once a year"), a pregnancy ("pregnant, 24 weeks"), or a time it took or
// after which it went ("it took me four weeks", "gone now after 4 weeks"; sets `recovery`,
// `resolved`, `took`).
func (s *scratch) notDurationOfPain(k int) bool {
	switch next := s.word(k + 1); {
	case next == "of" && !s.painAfter(k+1, 3) && !painAnaphors[s.word(k+2)]:
		return true // "four years of crossfitting", not "6 weeks of this now"
	case next == "into" || next == "off":
		return true
	}
	if s.word(k-1) == "a" && rateWords[s.word(k-2)] {
		return true // "once a year", "2 times a year"
	}
	for j := max(k-4, 0); j < k; j++ {
		w := s.toks[j].Word
		if w == "gone" && s.word(j+1) == "on" {
			continue // "it has gone on for months": lasted
		}
		if recoveryWords[w] && fillerStarts[w] && s.firstInSentence(j) {
			continue // "ok so back pain since march": a filler, no recovery
		}
		if pregnantWords[w] || tookWords[w] || recoveryWords[w] || resolvedWords[w] {
			return s.info[j].sent == s.info[k].sent
		}
	}
	return false
}

// firstInSentence reports token j as the first word of its sentence.
func (s *scratch) firstInSentence(j int) bool { return j == 0 || s.info[j-1].sent != s.info[j].sent }

// usualPattern reports pain told as its usual, long-known pattern: "same as always", "same as
// usual", "same as it's been", "the same old ache", "nothing new", "as usual" (sets `usual`,
// `usual-kind`).
func (s *scratch) usualPattern() bool {
	for i := range s.toks {
		switch w, next := s.toks[i].Word, s.word(i+1); {
		case w == "same" && next == "as" && usualWords[s.word(i+2)],
			w == "same" && usualKind[next], // "the same old ache"
			w == "same" && next == "as" && s.word(i+3) == "been" && (s.word(i+2) == "it" || s.word(i+2) == "its"),
			w == "as" && usualWords[next] && s.word(i-1) != "same",
			w == "nothing" && next == "new":
			return true
		}
	}
	return false
}

// spanPassing reports a long span told as passing at token i: "as the summer went on", "as the
// weeks dragged by" (sets `passing-spans`, `passing-verbs`), unless its sentence tells the pain
// ended in that span ("... my back stopped hurting"; endedInSentence); a day is no long span.
func (s *scratch) spanPassing(i int) bool {
	// the plain comparisons first: this runs at every token nextDuration reads
	return i >= 2 && s.toks[i-2].Word == "as" && s.toks[i-1].Word == "the" && passingSpans[s.toks[i].Word] &&
		passingVerbs[s.word(i+1)] && !s.endedInSentence(i)
}

// endedInSentence reports a word of set `span-ended` in token i's sentence, not denied: "my
// back stopped hurting", not "it never really settled".
func (s *scratch) endedInSentence(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		if spanEnded[s.toks[k].Word] && !s.negatorBefore(k, 3) {
			return true
		}
	}
	return false
}

// nextDuration returns the index of the first word from token from up to token to that tells of
// three weeks or more (as longDuration reads them), or -1.
func (s *scratch) nextDuration(from, to int) int {
	for i := from; i < to; i++ {
		if s.spanPassing(i) {
			return i // "as the summer went on", "as the weeks dragged by"
		}
		switch w := s.toks[i].Word; w {
		case "week", "weeks", "month", "months", "year", "years", "decade", "decades":
			if n, suf, ok := number(s.word(i + 1)); ok && suf == "" && w == "week" && n >= 3 && n < 60 &&
				(s.word(i+2) == "of" || s.word(i-1) == "on" || s.word(i-1) == "into") {
				return i // "week 4 of my back pain", "i'm on week 6 and no better"
			}
			if next := s.word(i + 1); next == "ago" || next == "old" || next == "time" || next == "pregnant" || next == "postpartum" {
				continue
			}
			prev := s.word(i - 1)
			if prev == "of" && s.word(i-2) == "couple" {
				prev = "couple"
			}
			n, suf, ok := number(prev)
			if !ok && !numberWords[prev] && !stopwords[prev] {
				if n2, suf2, ok2 := number(s.word(i - 2)); ok2 && suf2 == "" {
					n, suf, ok, prev = n2, "", true, s.word(i-2) // "6 long weeks"
				}
			}
			pastOf := (prev == "past" || prev == "last") && s.word(i-2) == "the" // "for the past month"
			switch {
			case ok && suf == "":
			case pastOf && w != "week":
			case numberWords[prev]:
				n = countWords[prev]
			case strings.HasSuffix(w, "s") && (prev == "for" || prev == "over" || prev == "past" || prev == "last" || prev == "been" || prev == "and"):
				n = 4 // "for weeks", "weeks and weeks", "for months"
			default:
				continue
			}
			if before := s.word(i - 2); before == "in" || before == "within" || before == "next" || before == "every" || before == "per" {
				continue
			}
			if (w == "week" || w == "weeks") && n < 3 {
				continue
			}
			return i
		case "chronic", "persistent", "ongoing", "forever", "longstanding":
			return i // "chronic back pain", "it feels like it's gone on forever"
		case "since":
			if s.sinceLongAgo(i) {
				return i
			}
			at, next := i, s.word(i+1)
			if next == "mid" || next == "early" || next == "late" || next == "about" || next == "around" || next == "before" {
				next = s.word(i + 2) // "since mid-June", "since before Christmas"
				i++
			}
			if next == "the" && s.word(i+3) == "of" {
				switch s.word(i + 2) {
				case "end", "start", "beginning", "middle":
					i += 3 // "since the end of January"
					next = s.word(i + 1)
				}
			}
			if sinceWhen[next] || sinceWhen[next+" "+s.word(i+2)] || sinceWhen[next+" "+s.word(i+2)+" "+s.word(i+3)] {
				return at
			}
			if len(next) == 4 && (next[:2] == "19" || next[:2] == "20") && isDigit(next[2]) && isDigit(next[3]) {
				return at // "since 2023"
			}
			i = at
		}
	}
	return -1
}

// sinceLongAgo reports "since" at token i followed by an age or an event months or years back:
// "since i was 17", "since my son was born 3 years ago".
func (s *scratch) sinceLongAgo(i int) bool {
	if s.word(i+1) == "i" && (s.word(i+2) == "was" || s.word(i+2) == "were") {
		_, _, num := number(s.word(i + 3))
		return num || sinceIWas[s.word(i+3)] // "since i was 17", "since i was a kid"; not "since i was heaving"
	}
	clause := s.info[i].clause
	for k := i + 1; k < len(s.toks) && k <= i+10 && s.info[k].clause == clause; k++ {
		if s.toks[k].Word == "ago" {
			switch s.word(k - 1) {
			case "years", "year", "months", "decade", "decades":
				return true
			}
		}
	}
	return false
}

// wordNear reports one of words within n words of token i in its sentence.
func (s *scratch) wordNear(i, n int, words map[string]bool) bool {
	sent := s.info[i].sent
	for k := max(i-n, 0); k < len(s.toks) && k <= i+n; k++ {
		if s.info[k].sent == sent && words[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// hasWord reports one of words anywhere in the message.
func (s *scratch) hasWord(words map[string]bool) bool {
	for i := range s.toks {
		if words[s.toks[i].Word] {
			return true
		}
	}
	return false
}

// someoneElseFell reports a fall told of another person while the back pain is the writer's own:
// "my son fell off the swing (he's fine) and i pulled my back lifting him". The nearest subject
// before the fall in its sentence decides whose fall it is; "my back" after it, and no "his back"
// or "her back", whose pain it is.
func (s *scratch) someoneElseFell(i int) bool {
	if s.selfInPhrase(i) {
		return false // "someone reversed into my car": the writer is what was hit
	}
	other := false
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && k >= i-10 && s.info[k].sent == sent; k-- {
		w := s.toks[k].Word
		if selfWords[w] {
			return false
		}
		if person(w) || animals[w] || w == "they" || w == "baby" {
			other = true
			break
		}
	}
	if !other {
		return false
	}
	mine := false
	for k := range s.toks {
		switch s.toks[k].Word {
		case "back", "spine", "backs":
			switch s.word(k - 1) {
			case "my", "lower", "upper":
				mine = mine || s.word(k-1) == "my" || s.word(k-2) == "my"
			}
			if (othersBody[s.word(k-1)] || othersBody[s.word(k-2)] && (s.word(k-1) == "lower" || s.word(k-1) == "upper")) && !s.selfContrast() {
				return false // a carer's story ("my mum fell and hurt her back"), unless the writer sets their own apart ("mine just aches")
			}
		}
	}
	return mine || s.ownBack() || s.selfContrast() || s.otherUnhurt(i) // "i've just got a sore back from looking after her", "mine only aches"
}

// selfInPhrase reports the writer in the phrase that starts at token i: "someone reversed into my
// car" (the writer is what was hit), "the car we crashed into a wall" (the writer drove).
func (s *scratch) selfInPhrase(i int) bool {
	for k := i + 1; k < len(s.toks) && s.info[k].flags&flCont != 0; k++ {
		if w := s.toks[k].Word; w == "me" || w == "my" || w == "us" || w == "our" || w == "i" || w == "we" {
			return true
		}
	}
	return false
}

// writerActs reports the writer as the subject inside the phrase that starts at token i: "the car
// we crashed into a wall", so a child named before it dealt no blow.
func (s *scratch) writerActs(i int) bool {
	for k := i + 1; k < len(s.toks) && s.info[k].flags&flCont != 0; k++ {
		if w := s.toks[k].Word; w == "i" || w == "we" {
			return true
		}
	}
	return false
}

// otherUnhurt reports that the sentence of the fall or crash at token i says the other person came
// to no harm: "my friend was in a car crash (she's ok!)", "my son fell off the swing, he's fine".
func (s *scratch) otherUnhurt(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && k <= i+12 && s.info[k].sent == sent; k++ {
		if !othersSubjects[s.toks[k].Word] {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3 && s.info[j].sent == sent; j++ {
			if s.info[j].kind&kReassure != 0 || unhurtWords[s.toks[j].Word] {
				return true
			}
		}
	}
	return false
}

// routinePee reports a bladder word told as an ordinary act: "I have to pee a lot at night",
// "got up for a wee". It is no such thing when the sentence has a negator ("tried to pee and
// couldn't"), a sign of trouble (leaking, numb, weak stream, nothing came out), effort or pain
// near it, or it is asked about.
func (s *scratch) routinePee(i int) bool {
	if !peeActs[s.toks[i].Word] || s.info[i].flags&flLocked != 0 || s.clauses[s.info[i].clause].question {
		return false
	}
	act := freqWords[s.word(i+1)] || s.word(i+1) == "a" && s.word(i+2) == "lot" // "i pee loads"
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch s.toks[k].Word {
		case "to", "a", "for", "go", "went", "going":
			act = true
		}
	}
	if !act {
		return false
	}
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		in := &s.info[k]
		if in.kind&(kNeg|kNegAbility|kIf) != 0 || in.flags&flLocked != 0 || peeEffort[s.toks[k].Word] {
			return false
		}
		if in.flags&flNeg == 0 && in.feat&(fProblem|fLose|fControlLoss|fNumb|fIncont|fMissed|fWeak|fRetention) != 0 {
			return false
		}
	}
	return !s.near(i, fPain, 3)
}

// childhood reports that token i's clause tells of childhood: "I wet the bed when I was a kid".
func (s *scratch) childhood(i int) bool {
	clause := s.info[i].clause
	was, young := false, false
	for k := max(i-10, 0); k < len(s.toks) && k <= i+10; k++ {
		if s.info[k].clause != clause {
			continue
		}
		switch w := s.toks[k].Word; w {
		case "was", "were", "used": // "when i was a kid", "i used to as a kid"
			was = true
		case "kid", "child", "childhood", "teenager", "teen", "little", "young", "boy", "girl":
			young = true
			was = was || s.word(k-1) == "a" && s.word(k-2) == "as" && s.toldThen(i) // "wet the bed as a teenager"
		default:
			if n, suf, ok := number(w); ok && suf == "" && n < 13 && s.word(k-1) == "was" && s.word(k-2) == "i" {
				young = true // "when i was 5"
			}
		}
	}
	return was && young
}

// toldThen reports the sign at token i told in the past: not a word ending in "ing" ("i'm
// wetting myself as a teenager") and no word of now in its clause (set `now`: "since", "still").
func (s *scratch) toldThen(i int) bool {
	if strings.HasSuffix(s.toks[i].Word, "ing") {
		return false
	}
	sp := s.clauseSpan(i)
	return !s.anyWord(sp, nowWords)
}

// surgeryCatheter reports a catheter word in a sentence that tells of an operation or a birth:
// "after my c-section I had a catheter for a day" is a hospital routine, not a bladder that
// failed.
func (s *scratch) surgeryCatheter(i int) bool {
	if !strings.HasPrefix(s.toks[i].Word, "catheter") {
		return false
	}
	return s.wordNear(i, 12, surgeryWords)
}

// toldOfPast reports a red flag told as past history: its clause dates it back (long-ago, "used
// to", "back in college", "when I was pregnant") and nothing in the clause says it is here now
// ("now", "again", "since", "still", "today"); or it began with a birth ("leaky bladder since my
// second baby") or is "nothing new". A current symptom in another clause is judged on its own.
func (s *scratch) toldOfPast(i int) bool {
	clause := s.info[i].clause
	past, birth := s.longAgo(i), false
	for k := max(i-14, 0); k < len(s.toks) && k <= i+14; k++ {
		if s.info[k].clause != clause {
			if s.info[k].sent == s.info[i].sent && s.toks[k].Word == "new" && (s.word(k-1) == "nothing" || s.word(k-1) == "not") {
				past = true // "weak bladder since the kids, nothing new"
			}
			if s.info[k].sent == s.info[i].sent && s.toks[k].Word == "always" && k > i {
				switch s.word(k + 1) {
				case "have", "had", "has", "been":
					past = true // "a weak bladder anyway, always have"
				}
			}
			continue
		}
		switch w := s.toks[k].Word; w {
		case "used":
			past = past || s.word(k+1) == "to"
		case "years":
			past = past || s.word(k-1) == "for" // "sciatica on and off for years"
		case "off", "on":
			past = past || s.word(k+1) == "and" && (s.word(k+2) == "on" || s.word(k+2) == "off")
		case "back":
			past = past || s.word(k+1) == "in" && s.word(k-1) != "my" && k < i
		case "was", "were":
			past = past || s.word(k-2) == "when" && k < i
		case "since", "after":
			for j := k + 1; j <= k+4 && j < len(s.toks); j++ {
				if birthWords[s.toks[j].Word] {
					birth = true
				}
			}
		}
	}
	if !past && !birth {
		return s.toldResolved(i)
	}
	for k := max(i-14, 0); k < len(s.toks) && k <= i+14; k++ {
		if w := s.toks[k].Word; s.info[k].clause == clause && nowWords[w] && !(w == "since" && birth) {
			return false
		}
	}
	return true
}

// pastEpisodeOver reports a sign told of the past (toldOfPast) as long-standing ("for years",
// "since the kids", "used to") or as over ("it went away with physio", "i had cauda equina
// surgery in 2015 and have been fine"). A red flag dated in the past with no recovery told ("in
// 2018 my bladder stopped working and i was diagnosed with cauda equina") is the story of a red
// flag, and still counts.
func (s *scratch) pastEpisodeOver(i int) bool {
	if !s.toldOfPast(i) {
		return false
	}
	return !s.longAgo(i) || s.toldOver() // long-standing ("for years", "since the kids", "used to"), or over
}

// pastAndOver is pastEpisodeOver for a sign that long-standing does not make less of (night
// pain, a fever): told of the past and told as over ("i used to get night pain but it cleared
// up years ago", "a fever last month, long gone").
func (s *scratch) pastAndOver(i int) bool {
	return s.toldOfPast(i) && s.toldOver() || (s.weeksBack(i) || s.lastWeek(i)) && s.overInSentence(i)
}

// lastWeek reports "last week" in token i's clause: "a fever last week".
func (s *scratch) lastWeek(i int) bool {
	sp := s.clauseSpan(i)
	for k := sp.lo; k+1 < sp.hi; k++ {
		if s.toks[k].Word == "last" && s.toks[k+1].Word == "week" {
			return true
		}
	}
	return false
}

// overInSentence reports a word of its going after token i in its sentence, not negated (set
// `gone-words`; not "gone up"): "a temp last month, completely recovered", "a fever last week, all
// gone now".
func (s *scratch) overInSentence(i int) bool {
	for k := i + 1; k < len(s.toks) && s.info[k].sent == s.info[i].sent; k++ {
		if n := s.word(k + 1); goneWords[s.toks[k].Word] && !s.negatorBefore(k, 3) && n != "up" && n != "worse" {
			return true
		}
	}
	return false
}

// toldOver reports that the message tells a trouble as over: a word of recovery or of its going
// (sets `recovery`, `resolved`), "all sorted" (settledTold), "it went away".
func (s *scratch) toldOver() bool {
	if s.hasWord(recoveryWords) || s.hasWord(resolvedWords) || s.settledTold(0) {
		return true
	}
	for k := range s.toks {
		if s.toks[k].Word == "went" && (s.word(k+1) == "away" || s.word(k-1) == "it" || s.word(k-1) == "they") {
			return true // "it went after surgery", "went away with physio"
		}
	}
	return false
}

// toldResolved reports a sign that the rest of its sentence says went away, with nothing before
// that in the sentence saying it is here now: "i had sciatica in both legs in my twenties but it
// cleared", "my legs felt tingly and weird, but by the morning it had gone".
func (s *scratch) toldResolved(i int) bool {
	sent := s.info[i].sent
	r := -1 // where the sentence says it went
	for k := i + 1; k < len(s.toks) && s.info[k].sent == sent && r < 0; k++ {
		w, prev := s.toks[k].Word, s.word(k-1)
		switch {
		case resolvedWords[w], w == "away" && (prev == "went" || prev == "gone"),
			w == "gone" && s.info[k].feat == 0 && goneBefore[prev] &&
				(k+1 == len(s.toks) || s.info[k+1].clause != s.info[k].clause || s.info[k+1].feat == 0):
			r = k // "it had gone", "already mostly gone", not "it has gone numb"
		}
	}
	if r < 0 {
		return false
	}
	for k := r - 1; k >= 0 && s.info[k].sent == sent; k-- {
		if nowWords[s.toks[k].Word] && s.word(k-1) != "by" && !(s.word(k-1) == "the" && s.word(k-2) == "by") {
			return false // "now it's in both legs, it had cleared before"; not "by the morning"
		}
	}
	return true // "by the morning it had gone": what comes after the going tells when it went
}

// mediaBefore reports a film, video or article within 6 words before token i in its sentence:
// "watched a film about a car crash" is not the writer's crash. A sound heard is the writer's own
// ("i heard a loud bang as i hit the windscreen"; set `heard-sounds`), no story.
func (s *scratch) mediaBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && s.info[k].sent == s.info[i].sent; k-- {
		if w := s.toks[k].Word; mediaWords[w] && !(w == "heard" && s.after(k, 3, heardSounds)) {
			return true
		}
	}
	return false
}

// organTrouble reports a sign of trouble with the bladder or bowel word at token i: it is itself
// a red flag made by a negator ("can't pee"), it is asked about or supposed ("what if i can't
// pee?"), or a word of trouble, loss, numbness, leaking, effort or change stands near it ("bladdar
// problems", "have to strain to pee"). A bare mention ("a urine test", "an overactive bladder",
// "a bladder scan") is not one.
func (s *scratch) organTrouble(i int) bool {
	if s.organDenied(i) {
		return false
	}
	if s.info[i].flags&flLocked != 0 || s.clauses[s.info[i].clause].question || s.supposed(i) ||
		strings.HasPrefix(s.toks[i].Word, "catheter") { // a catheter is a bladder that does not empty
		return true
	}
	if s.near(i, fProblem|fLose|fControlLoss|fNumb|fWeak|fIncont|fRetention|fMissed|fToilet|fLinen, 6) {
		return true
	}
	clause := s.info[i].clause
	for k := max(i-10, 0); k < len(s.toks) && k <= i+10; k++ {
		if s.info[k].clause != clause {
			continue
		}
		if s.info[k].feat&(fSevere|fProgress) != 0 && s.info[k].flags&(flNeg|flLocked) == 0 && abs(k-i) <= 6 {
			return true // "severe bladder pain"; not "i need a wee but i can't get up"
		}
		if s.info[k].kind&(kNeg|kNegAbility) != 0 && !s.getUpTo(k, i) && !(s.toks[k].Word == "without" && helpWords[s.word(k+1)]) {
			return true // "haven't been able to go for a wee", "it wouldn't come"
		}
	}
	return s.wordNear(i, 8, peeEffort)
}

// organDenied reports a bladder or bowel word denied outright by a negator before its group
// (sets organ-deniers, organ-joins): "no bladder or bowel change", "no change in bladder or
// bowels" (sets organ-changes, organ-preps). An ability or a loss word after the group ("no
// bladder control", "no bowel sensation") keeps the red flag the negator makes.
func (s *scratch) organDenied(i int) bool {
	inGroup := func(k int) bool {
		return k >= 0 && k < len(s.toks) && s.info[k].clause == s.info[i].clause &&
			(s.info[k].feat&(fBladder|fBowel) != 0 || organJoins[s.word(k)])
	}
	k := i - 1
	for inGroup(k) {
		k--
	}
	if k >= 1 && organPreps[s.word(k)] && organChanges[s.word(k-1)] {
		k -= 2
	}
	if k < 0 || !organDeniers[s.word(k)] || s.info[k].clause != s.info[i].clause {
		return false
	}
	j := i + 1
	for inGroup(j) {
		j++
	}
	if j < len(s.toks) && s.info[j].clause == s.info[i].clause &&
		(s.info[j].ab != abNone || s.info[j].feat&(fControlLoss|fNumb|fIncont|fRetention|fLose) != 0) {
		return false
	}
	return true
}

// seatNumb reports numbness put down to sitting on the toilet: a toilet word within 10 words of
// the numb word at i, after a sitting word told as the cause (sets seat-causes, seat-sits,
// seat-gives): "numb bum from sitting on the toilet too long". Not "numb when i sit on the toilet".
func (s *scratch) seatNumb(i int) bool {
	for t := max(i-10, 0); t < len(s.toks) && t <= i+10; t++ {
		if s.info[t].feat&fToilet == 0 || s.info[t].sent != s.info[i].sent {
			continue
		}
		for k := max(t-4, 0); k < t; k++ {
			// "from sitting on the loo", or the sitting as what does it: "sitting on the
			// toilet too long gives me a numb bum" (set seat-gives)
			opens := k == 0 || s.info[k-1].sent != s.info[k].sent // the sitting is the subject
			if seatSits[s.word(k)] && (seatCauses[s.word(k-1)] || opens && s.wordNear(t, 8, seatGives)) {
				return true
			}
		}
	}
	return false
}

// getUpTo reports that the negator at token k denies getting up, standing or walking, and the
// bladder or bowel word at i is where one wants to go: "can't get up to pee without help".
func (s *scratch) getUpTo(k, i int) bool {
	if k > i || s.word(i-1) != "to" {
		return false
	}
	for j := k + 1; j < i; j++ {
		switch s.info[j].ab {
		case abMove, abWalk, abStand:
			return true
		}
	}
	return false
}

// onsetMonthsBack reports pain that began a month or more back and that the message never tells
// as over: "i woke up a couple of months ago with a stabbing pain in my back", "the ache started
// two months ago". An onset word (set `onset`) stands in the clause of "ago" with a sign there
// (or is "woke"), not an activity begun ("started running"), and no word of recovery (sets
// `recovery`, `resolved`) stands in the message.
func (s *scratch) onsetMonthsBack() bool {
	for k := range s.toks {
		if s.toks[k].Word != "ago" {
			continue
		}
		if w := s.word(k - 1); w != "month" && w != "months" && !s.oneYear(k-1) {
			continue
		}
		sign := false // a pain or sign told in the clause
		for j := k - 12; j <= k+12; j++ {
			if j >= 0 && j < len(s.toks) && s.info[j].clause == s.info[k].clause && s.info[j].feat != 0 {
				sign = true
			}
		}
		if s.onsetNear(k, sign) {
			return !s.hasWord(recoveryWords) && !s.hasWord(resolvedWords)
		}
	}
	return false
}

// oneYear reports "a year" (or "one year") ending at token k: "about a year ago", not "years ago".
func (s *scratch) oneYear(k int) bool {
	if s.word(k) != "year" {
		return false
	}
	w := s.word(k - 1)
	return w == "a" || w == "one" || w == "1"
}

// onsetNear reports a start (set `onset`) within 10 words before the "ago" at token k in its
// clause ("the ache started two months ago"), or within 6 after it ("about a year ago my back
// started hurting"); not an activity begun ("started running"). sign says a pain or sign is
// told in the clause; "woke" needs none.
func (s *scratch) onsetNear(k int, sign bool) bool {
	clause := s.info[k].clause
	for j := max(k-10, 0); j < len(s.toks) && j <= k+6 && s.info[j].clause == clause; j++ {
		w := s.toks[j].Word
		if j == k || !onsetWords[w] {
			continue
		}
		if n := s.word(j + 1); strings.HasSuffix(n, "ing") && s.info[j+1].feat == 0 {
			continue // "started running two months ago": an activity began
		}
		if sign || w == "woke" {
			return true
		}
	}
	return false
}

// onsetWeeksBack reports a start (set `onset`) told in a clause dated two weeks or more back but
// not years (weeksBack): "it started a few weeks ago"; not an activity begun ("started running").
func (s *scratch) onsetWeeksBack() bool {
	for k := range s.toks {
		if !onsetWords[s.toks[k].Word] || !s.weeksBack(k) {
			continue
		}
		if n := s.word(k + 1); strings.HasSuffix(n, "ing") && s.info[k+1].feat == 0 {
			continue
		}
		return true
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// alwaysOfOther reports an "all the time" told of something else than the pain: no pain or
// severe word between it and the nearest "and", "because", "but" or sentence end either side
// ("my toddler wants carrying all the time and my back is killing me"); "constant" and
// "nothing helps" keep reading as the pain's.
func (s *scratch) alwaysOfOther(i int) bool {
	if w := s.toks[i].Word; w != "all" && w != "time" {
		return false
	}
	return !s.spanHas(i, -1, fPain|fSevere) && !s.spanHas(i, 1, fPain|fSevere)
}

// spanHas walks from token i in direction dir until a chain or clause break or the sentence's
// end, and reports whether an undenied word of f stands on the way.
func (s *scratch) spanHas(i, dir int, f feat) bool {
	sent := s.info[i].sent
	for k := i + dir; k >= 0 && k < len(s.toks) && s.info[k].sent == sent; k += dir {
		if s.info[k].kind&(kChainBreak|kClauseBreak) != 0 {
			return false
		}
		if s.info[k].feat&f != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}

// chestWorkout reports a workout for the chest told as the cause in token i's sentence: "from",
// "after" or "since" within 5 words before a chest exercise (set `chest-workouts`): "chest and
// back sore from all the press ups yesterday". The soreness is the muscles'; crushing or tight
// chest pain has its own rule (chest-tight).
func (s *scratch) chestWorkout(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		w := s.toks[k].Word
		if chestWorkouts[w] && (w != "push" || s.word(k+1) == "ups") && s.sentBefore(k, 5, workoutCauses) {
			return true
		}
	}
	return false
}
