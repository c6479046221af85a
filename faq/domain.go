package faq

import (
	"slices"
	"strconv"

	"github.com/backpainbot/backpainbot/faq/text"
)

// The domain decision: is a message about back pain at all? It is separate from ranking, so a
// message plainly about back pain that no entry fits still gets the closest topics, and one
// about a laptop backup never gets an answer however many words it shares with an entry.

// backIsBody reports whether toks[i], the word "back", means the body part. "lower back" and
// "back pain" always do; "the back of" does only before a word of the back ("the back of my
// pelvis", not "the back of my phone"); "my back" does unless a thing follows ("my back
// garden"). Else a particle or a thing after it ("back up my laptop", "back to school"), a
// subject before it ("I'm back!"), a time before it ("a few weeks back"), a verb of being
// before it at the end of its sentence ("the pain is back") or a verb of returning before it
// ("get my ex back") make it mean something else.
func backIsBody(toks []text.Token, i int) bool {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Word
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].Word
	}
	if bodyBefore[prev] {
		return true
	}
	if backPartOf[next] {
		return backOfBack(toks[i+1:])
	}
	if backOwners[prev] && !backObjects[next] {
		return true
	}
	if bodyAfter[next] {
		return true
	}
	if backParticles[next] || backSubjects[prev] || backTimes[prev] || backBeVerbs[prev] && i+1 == len(toks) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if returnVerbs[toks[j].Word] {
			return false
		}
	}
	return true
}

// backOfBack reports whether the first word of toks that is no stopword names the back itself
// (back-words.txt, not the leg): "the back of my pelvis" is the body, "the back of my phone" not.
func backOfBack(toks []text.Token) bool {
	for _, t := range toks {
		if !t.Stop {
			return backWords[t.Word] && !weakBackWords[t.Word]
		}
	}
	return false
}

// notTheBack marks every "back" that is not the body part as a word the FAQ never uses, and
// so every "backing" or "backed" not followed by a word of pain ("backed up my files",
// "backing track"), and every "spine" or "backbone" of something else ("the spine of a book",
// "my book's spine"), and every "disc" of something else ("disc golf", "a hard disk"); a hip
// that is the joint ("hip replacement", "a new hip") it names as another part, "hip-joint", a
// woman's period ("during my period") "menstrual", and the upper or lower leg ("my upper legs")
// "legpart", a part of the leg.
func notTheBack(toks []text.Token) {
	for i := range toks {
		w := toks[i].Word
		if w != "back" && toks[i].Tags&kindSense == 0 {
			continue // one bit test (Tags) for the many words of no other sense
		}
		switch {
		case w == "back" && !toks[i].Synonym && !backIsBody(toks, i):
			// A "back" of a synonym phrase ("back problems", "put my back out") is the body.
			toks[i] = text.Token{Word: "back", Term: -1, Tags: wordKinds["back"]}
		case backForms[w] && (i+1 == len(toks) || !bodyAfter[toks[i+1].Word]):
			toks[i] = text.Token{Word: w, Term: -1, Tags: wordKinds[w]}
		case spineForms[w] && (i+1 < len(toks) && spineNotAfter[toks[i+1].Word] || i > 0 && spineNotBefore[toks[i-1].Word]):
			toks[i] = text.Token{Word: w, Term: -1, Stop: true, Tags: wordKinds[w]} // stop: no sign of the spine either
		case hipForms[w] && (i+1 < len(toks) && hipJointAfter[toks[i+1].Word] || i > 0 && hipJointBefore[toks[i-1].Word]):
			toks[i].Word, toks[i].Tags = "hip-joint", wordKinds["hip-joint"] // another part (other-body-parts.txt), its term kept for ranking
		case periodForms[w] && menstrualPeriod(toks, i):
			toks[i].Word, toks[i].Tags = "menstrual", wordKinds["menstrual"] // likewise
		case weakBackWords[w] && i > 0 && legPlaces[toks[i-1].Word]:
			toks[i].Word, toks[i].Tags = "legpart", wordKinds["legpart"] // a part of the leg (other-body-parts.txt [legs]), likewise
		}
	}
	notTheDisc(toks)
	notTheLowerSpine(toks)
}

// hurtHamstrings names as another part, "hamstring-leg" (other-body-parts.txt), every hamstring
// of one sentence, toks, that has no word of tightness ([tight]), and every synonym
// whose canonical word is the hamstring ("the back of my thigh"): a tight hamstring pulls on the
// back ("hamstrings as tight as cables"), a pulled or sore one is the leg's ("felt my hamstring
// go on the sprint"). Its term is kept for ranking, but for one a pain runs down (runsAlong:
// "burning down the back of my thigh"), read as the leg: a nerve's path, not the muscle.
func (ix *Index) hurtHamstrings(toks []text.Token) {
	if kindsOf(toks)&kindTight != 0 {
		return
	}
	for i, t := range toks {
		if t.Tags&kindHamstring != 0 || t.Synonym && t.Term >= 0 && t.Term == ix.hamstring {
			toks[i].Word, toks[i].Tags = "hamstring-leg", wordKinds["hamstring-leg"]
			if ix.leg >= 0 && runsAlong(toks, i) {
				toks[i].Term = ix.leg // a nerve's path down the leg, not the muscle
			}
		}
	}
}

// legAtGym reads as "gym" (ix.gym) a leg before a word of [leg-gym] (other-body-parts.txt): "back
// pain after leg day" is about training, not lifting a leg.
func (ix *Index) legAtGym(toks []text.Token) {
	if ix.gym < 0 {
		return
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Tags&kindLeg != 0 && legGym[toks[i+1].Word] {
			toks[i] = text.Token{Word: "gym", Term: ix.gym, Tags: wordKinds["gym"]}
			toks[i+1] = text.Token{Word: toks[i+1].Word, Term: -1, Stop: true, Tags: toks[i+1].Tags}
		}
	}
}

// pregnancyWeeks reads as "pregnant" (ix.pregnant) the weeks of a count that tells how far on a
// pregnancy is (gestation.txt): "at 27 weeks", "around 22 weeks", not "for 16 weeks" or "20
// weeks ago".
func (ix *Index) pregnancyWeeks(toks []text.Token) {
	if ix.pregnant < 0 {
		return
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].Tags&kindGestation == 0 || !gestationCount(toks[i-1].Word) {
			continue
		}
		if i+1 < len(toks) && gestationNotAfter[toks[i+1].Word] || i >= 2 && gestationNotBefore[toks[i-2].Word] || i >= 3 && gestationNotBefore[toks[i-3].Word] {
			continue
		}
		toks[i] = text.Token{Word: "pregnant", Term: ix.pregnant, Synonym: true, Tags: wordKinds["pregnant"]}
	}
}

// longCourse reads as "chronic" (ix.chronic) a phrase that tells a trouble has lasted long
// (long-course.txt [phrases]: "for as long as i can remember") and a count of years that tells
// how long ("for 20 years", "a few years now"), not when ("20 years ago", "at 40 years"), in a
// sentence, toks, that names the back, a symptom or a trouble ("riding for two years" is no
// course of pain). The word read so is one that says nothing else (the count, "for"), so the
// years themselves still match an entry that says "for years".
func (ix *Index) longCourse(toks []text.Token) {
	if ix.chronic < 0 {
		return
	}
	all := kindsOf(toks)
	if all&kindLong == 0 || all&(kindBack|kindSymptom|kindTrouble) == 0 {
		return
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].Tags&kindLong == 0 {
			continue
		}
		if n := phraseAt(longPhrases, toks, i); n > 0 {
			if slices.ContainsFunc(toks[:i], func(t text.Token) bool { return longNotWith[t.Word] }) {
				i += n - 1 // "never felt pain like this in my entire life": a first, not a long course
				continue
			}
			j := i + slices.IndexFunc(toks[i:i+n], func(t text.Token) bool { return t.Stop || t.Term < 0 })
			if j < i {
				j = i + n - 1
			}
			toks[j] = text.Token{Word: longTold, Term: ix.chronic, Synonym: true, Tags: wordKinds[longTold]}
			i += n - 1
			continue
		}
		if i == 0 || !longYears[toks[i].Word] || !longCount(toks[i-1].Word) {
			continue
		}
		if i+1 < len(toks) && longNotAfter[toks[i+1].Word] || i >= 2 && longNotBefore[toks[i-2].Word] || i >= 3 && longNotBefore[toks[i-3].Word] {
			continue
		}
		toks[i-1] = text.Token{Word: longTold, Term: ix.chronic, Synonym: true, Tags: wordKinds[longTold]}
	}
}

// longTold is the word longCourse gives what it reads as "chronic": the entry so titled is
// ranked by it but not named (match.go, namedEntries), for a long course is no topic said.
const longTold = "long-course"

// longCount reports whether w counts years (long-course.txt [counts], or a number).
func longCount(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil || longCounts[w]
}

// gestationCount reports whether w is a number of weeks a pregnancy is told by (gestation.txt
// [from] to [to]).
func gestationCount(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n >= gestationFrom && n <= gestationTo
}

// hipAlone names as the joint, "hip-joint" (other-body-parts.txt), every hip of a message, toks,
// that names no other word of the back (back-words.txt, the leg too), no word of tightness
// ([hip-tight]) and no word of the nerve near the hip (nerveNear): "hip pain for a month, it hurts
// to run" is about the joint; "pain in my leg from the hip down", "tight hips from sitting" and
// "my hip and lower back ache" are about the back.
func (ix *Index) hipAlone(toks []text.Token) {
	for i, t := range toks {
		c := ix.classOf(t, t.Tags)
		switch {
		case t.Tags&kindHip != 0:
			if nerveNear(toks, i) {
				return
			}
		case c&(classBack|classSpine) != 0, t.Tags&kindHipTight != 0:
			return
		}
	}
	for i, t := range toks {
		if t.Tags&kindHip != 0 {
			toks[i].Word, toks[i].Tags = "hip-joint", wordKinds["hip-joint"]
		}
	}
}

// crampAlone names as the womb's, "menstrual" (other-body-parts.txt), every cramp of a message,
// toks, that names no word of the back or the spine ([cramp]): "my cramps are a full ten" is
// not the back's; "my lower back keeps cramping" is. Its term is kept for ranking.
func (ix *Index) crampAlone(toks []text.Token) {
	if !slices.ContainsFunc(toks, func(t text.Token) bool { return crampWords[t.Word] }) {
		return
	}
	if slices.ContainsFunc(toks, func(t text.Token) bool { return ix.classOf(t, t.Tags)&(classBack|classSpine) != 0 }) {
		return
	}
	for i, t := range toks {
		if crampWords[t.Word] {
			toks[i].Word, toks[i].Tags = "menstrual", wordKinds["menstrual"]
		}
	}
}

// menstrualPeriod reports whether the period toks[i] is a woman's (other-body-parts.txt [period]):
// an owner up to three words before it ("my last few periods"), or a word of pain straight after
// it ("period cramps"); not "sitting for long periods".
func menstrualPeriod(toks []text.Token, i int) bool {
	if i+1 < len(toks) && periodAfter[toks[i+1].Word] {
		return true
	}
	for j := max(0, i-3); j < i; j++ {
		if periodOwners[toks[j].Word] {
			return true
		}
	}
	return false
}

// notTheLowerSpine names as another part, "cervical-spine" (other-body-parts.txt), every word
// of the spine anywhere that a word places in the neck: "cervical disc", "C5-C6 herniation", "a
// slipped disc in my neck". Its term is kept for ranking. It reads from the end, so a word of the
// spine before one so named is the neck's too: "a herniated disc in my neck".
func notTheLowerSpine(toks []text.Token) {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Tags&kindSpineAny != 0 && inNeck(toks, i) {
			toks[i].Word, toks[i].Tags = neckSpine, wordKinds[neckSpine]
		}
	}
}

// neckSpine is the word notTheLowerSpine gives a word of the spine in the neck.
const neckSpine = "cervical-spine"

// inNeck reports whether a word of [cervical-before] stands up to three words before toks[i], or
// one of [cervical-after] or [cervical-before], or a word of the spine in the neck (neckSpine),
// up to three words after it with only stopwords between, or up to three after a word of the
// side between: "a herniated cervical disc", "vertebrae on the right side of my neck".
func inNeck(toks []text.Token, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if cervicalBefore[toks[j].Word] {
			return true
		}
	}
	for j, reach := i+1, i+3; j < len(toks) && j <= reach; j++ {
		w := toks[j].Word
		switch {
		case cervicalAfter[w] || cervicalBefore[w] || w == neckSpine:
			return true
		case sideWords[w] || cervicalSide[w]:
			reach = j + 3 // "on the right side of my neck"
		case !toks[j].Stop:
			return false
		}
	}
	return false
}

// discContext is how many words before a disc a word of [disc-not-before] may stand.
const discContext = 5

// notTheDisc marks every "disc" as a word the FAQ never uses when one of them is a disc of
// something else: after a word of [disc-not-before] up to discContext words back ("my pc won't read
// the disc") or before one of [disc-not-after] ("disc golf"). A message keeps to one sense:
// "which discs a beginner should buy" after "disc golf" is no spinal disc either.
func notTheDisc(toks []text.Token) {
	other := false
	for i := 0; i < len(toks) && !other; i++ {
		if toks[i].Tags&kindDisc == 0 {
			continue
		}
		other = i+1 < len(toks) && discNotAfter[toks[i+1].Word]
		for j := max(0, i-discContext); j < i && !other; j++ {
			other = discNotBefore[toks[j].Word]
		}
	}
	if !other {
		return
	}
	for i, t := range toks {
		if t.Tags&kindDisc != 0 {
			toks[i] = text.Token{Word: t.Word, Term: -1, Stop: true, Tags: t.Tags}
		}
	}
}

// inPassing turns into stopwords the words of each phrase of passing.txt in toks, a story's:
// "got out of bed" tells how bad the pain was, not of sleep, and "my wife drove me to the
// hospital" how it was reached, not of driving.
func inPassing(toks []text.Token) {
	for i := 0; i < len(toks); i++ {
		if toks[i].Tags&kindPassing == 0 {
			continue
		}
		n := phraseAt(passingPhrases, toks, i)
		for j := i; j < i+n; j++ {
			toks[j] = text.Token{Word: toks[j].Word, Term: -1, Stop: true, Tags: toks[j].Tags}
		}
	}
}

// markOffTopic reports whether toks carry a phrase that says the message is not about back
// pain ("off topic", "not a back question"; words/off-topic-markers.txt), and turns the words of
// each such phrase into stopwords: the "back" of "not a back question" is no sign of the back.
func markOffTopic(toks []text.Token) bool {
	marked := false
	for i := range toks {
		if toks[i].Tags&kindOffTopic == 0 {
			continue
		}
		for _, p := range offTopicMarkers[toks[i].Word] {
			if i+len(p) > len(toks) {
				continue
			}
			k := 0
			for k < len(p) && toks[i+k].Word == p[k] {
				k++
			}
			if k < len(p) {
				continue
			}
			marked = true
			for j := i; j < i+k; j++ {
				toks[j] = text.Token{Word: toks[j].Word, Term: -1, Stop: true, Tags: toks[j].Tags}
			}
		}
	}
	return marked
}

// aboutOtherBodyPart reports whether toks name another part of the body and none of the back.
// A part of the leg with a nerve word near it ("tingling in my foot"; nerveNear) may be a nerve
// from the back. The leg itself (back-words.txt [weak]) and the upper back (upperBack) do not
// name the back beside another part. A part named in an idiom ("on the other hand", "on my feet
// all day"; idioms.txt) or in a phrase of the back's care ("knee to chest"; back-care.txt) is
// none.
func aboutOtherBodyPart(toks []text.Token) bool {
	other, leg := false, false
	idiom := 0 // words left of a phrase of idioms.txt ("on the other hand") or back-care.txt ("knee to chest")
	for i, t := range toks {
		k := t.Tags
		idiom = max(idiom-1, phraseIf(k, idioms, toks, i), phraseIf(k, backCarePhrases, toks, i))
		if idiom > 0 || k == 0 {
			continue
		}
		if k&(kindBack|kindLeg) == kindBack && !t.Stop && (t.Word != "back" || t.Term >= 0) && !upperBack(toks, i) && !notMy(toks, i) {
			return false // not "get back into it", "not a back question" (notTheBack, markOffTopic)
		}
		if t.Stop {
			continue // a part named only as what holds something (notHeldParts)
		}
		other = other || k&(kindOther|kindLegPart) == kindOther
		leg = leg || k&kindLegPart != 0 && !nerveNear(toks, i)
	}
	return other || leg
}

// nerveContext is how many words that are no stopwords may stand between a part of the leg and a
// word of the nerve that makes it where a nerve from the back ends: "numbness in my left foot",
// "my calf, then a tingling all the way down", not a shooting pain three sentences on.
const nerveContext = 5

// nerveNear reports whether a word of the nerve stands within nerveContext words either side of
// the part of the leg toks[i], or a word of [along] says a pain runs along it or along the leg.
func nerveNear(toks []text.Token, i int) bool {
	for _, step := range [2]int{-1, 1} {
		n := 0
		for j := i; j >= 0 && j < len(toks) && n <= nerveContext; j += step {
			k := toks[j].Tags
			if k&kindNerve != 0 || k&(kindLegPart|kindLeg) != 0 && runsAlong(toks, j) {
				return true
			}
			if !toks[j].Stop {
				n++
			}
		}
	}
	return false
}

// upperBack reports whether toks[i] is the "back" of "upper back" (back-senses.txt [upper]): beside
// another part of the body it names none of the lower back ("my neck and upper back").
func upperBack(toks []text.Token, i int) bool {
	return toks[i].Word == "back" && (toks[i].Tags&kindUpperBack != 0 || i > 0 && upperPlaces[toks[i-1].Word])
}

// upperPains is how many times a message must tell of a pain at a part of the upper body for its
// plain "back" to be the upper back (upperBody): a story told round the neck or the shoulders,
// not one aside about a stiff neck.
const upperPains = 2

// upperBody marks as the upper back (kindUpperBack) every plain "back" of a message, toks, that
// tells of a pain at a part of the upper body (back-senses.txt [upper-parts]) and names no other
// word of the back, nor a back placed low ([low]): "my neck started hurting and my back felt
// stiff", "my back is killing me, tense in the shoulders". Not "my lower back and neck ache", nor
// "a stiff neck, and my back hurts down into my hip".
func (ix *Index) upperBody(toks []text.Token) {
	upper := 0
	for i, t := range toks {
		c := ix.classOf(t, t.Tags)
		switch {
		case c&classBack != 0 && (t.Word != "back" || i > 0 && backPlaces[toks[i-1].Word]):
			if t.Tags&kindSpineAny == 0 {
				return // a back word other than "back", or a back placed: the writer says which
			}
		case c&classBack != 0 && (i+1 < len(toks) && backOwnPain[toks[i+1].Word] || ix.joinedToUpper(toks, i)):
			return // "back pain", "a backache", "my back and neck": the back's own
		case upperParts[t.Word] && !t.Stop && !inIdiom(toks, i):
			if ix.painNear(toks, i) {
				upper++
			}
		}
	}
	for i, t := range toks {
		if upper >= upperPains && t.Word == "back" && t.Term >= 0 {
			toks[i].Tags |= kindUpperBack
		}
	}
}

// joinedToUpper reports whether the back toks[i] is joined by a word of [and] (holding.txt) to a
// part of the upper body straight before or after it, stopwords between: "my back and neck",
// "shoulder and back pain".
func (ix *Index) joinedToUpper(toks []text.Token, i int) bool {
	for _, step := range [2]int{-1, 1} {
		and := false
		for j := i + step; j >= 0 && j < len(toks) && j <= i+4 && j >= i-4; j += step {
			w := toks[j].Word
			if holdAnd[w] {
				and = true
				continue
			}
			if and && upperParts[w] {
				return true
			}
			if !toks[j].Stop && !sideWords[w] {
				break
			}
		}
	}
	return false
}

// painNear reports whether a word of pain or trouble stands up to seatContext words either side
// of toks[i]: "a stiff neck", "pain in my neck", "tense in the shoulders".
func (ix *Index) painNear(toks []text.Token, i int) bool {
	for j := max(0, i-seatContext); j < len(toks) && j <= i+seatContext; j++ {
		t := toks[j]
		if j != i && !t.Stop && (ix.classOf(t, t.Tags)&classSymptom != 0 && !degreeWords[t.Word] || t.Tags&kindTrouble != 0) {
			return true
		}
	}
	return false
}

// upsetGut reads the gut (other-body-parts.txt [upset]) that one sentence, toks, names beside a
// medicine that may upset it ([upsetters]) as no other part of the body: "ibuprofen makes me ill
// with stomach problems, so she prescribed an opioid" tells of a side effect, not of a pain in the
// stomach. The word still counts in ranking ("why a stomach tablet with naproxen").
func upsetGut(toks []text.Token) {
	if kindsOf(toks)&kindOther == 0 || !slices.ContainsFunc(toks, func(t text.Token) bool { return upsetters[t.Word] }) {
		return
	}
	for i, t := range toks {
		if t.Tags&kindOther != 0 && upsetParts[t.Word] {
			toks[i].Tags &^= kindOther
		}
	}
}

// heldContext is how many words that are no stopwords may stand between a verb of holding and
// the word that makes a part its place: "carrying a toddler and the shopping in their free hand".
const heldContext = 8

// notHeldParts marks as stopwords the parts of the body that one sentence, toks, names only as
// what something is held with, in or on, or as someone else's part that is held (holding.txt):
// "carried my sleeping infant in my arms", "I held her neck". A sentence with a word of pain or
// trouble keeps its parts: "I carry my bag on my shoulder and it aches".
func (ix *Index) notHeldParts(toks []text.Token) {
	verb := slices.IndexFunc(toks, func(t text.Token) bool { return t.Tags&kindHold != 0 })
	if verb < 0 {
		return
	}
	for i, t := range toks {
		k := t.Tags
		if ix.classOf(t, k)&classSymptom != 0 && k&kindCare == 0 || k&kindTrouble != 0 || phraseIf(k, injuryPhrases, toks, i) > 0 {
			return
		}
	}
	for i, t := range toks {
		if i > verb && t.Tags&kindOther != 0 && heldPart(toks, verb, i) {
			toks[i] = text.Token{Word: t.Word, Term: -1, Stop: true, Tags: t.Tags}
		}
	}
}

// heldPart reports whether toks[i], a part of the body after the verb of holding toks[verb], is
// held: straight after the verb and an owner of [owners] ("held her neck"); after a word of
// [places] with only stopwords and at most one other word between ("in their free hand"), the
// place at most heldContext words after the verb; or joined by a word of [and] to a part just
// found held ("hand and arm").
func heldPart(toks []text.Token, verb, i int) bool {
	if i == verb+2 && holdOwners[toks[verb+1].Word] {
		return true
	}
	free := false // one word that is no stopword passed ("free", "left")
	for j := i - 1; j > verb && j >= i-4; j-- {
		switch w := toks[j].Word; {
		case holdPlaces[w]:
			return words(toks[verb+1:j]) <= heldContext
		case holdAnd[w] && j-1 > verb && toks[j-1].Stop && otherBodyParts[toks[j-1].Word]:
			return true
		case !toks[j].Stop && free:
			return false
		case !toks[j].Stop:
			free = true
		}
	}
	return false
}

// words counts the tokens of toks that are no stopwords.
func words(toks []text.Token) int {
	n := 0
	for _, t := range toks {
		if !t.Stop {
			n++
		}
	}
	return n
}

// runsAlong reports whether a word of [along] (other-body-parts.txt) stands up to three words
// before toks[i] with only stopwords and sides between: "aches down the calves", "pain down my
// left leg".
func runsAlong(toks []text.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch w := toks[j].Word; {
		case alongWords[w]:
			return true
		case !toks[j].Stop && !sideWords[w]:
			return false
		}
	}
	return false
}

// Term classes the domain decision and the confidence rule use.
const (
	classBack    uint8 = 1 << iota // names the lower back or what hangs off it
	classLeg                       // names the leg: the back's only when no other part is named
	classSpine                     // places a message at the spine on its own
	classSymptom                   // a symptom
	classGeneric                   // says only that something hurts, or where: no evidence for an entry
)

// termClasses marks each term of an's vocabulary with the classes of the listed words that
// share its stem, so a misspelt "sciatca" counts as "sciatica" and "discs" as "disc".
func termClasses(an *text.Analyzer) []uint8 {
	cl := make([]uint8, an.NumTerms())
	mark := func(words map[string]bool, c uint8) {
		for w := range words {
			if t, ok := an.TermOf(w); ok {
				cl[t] |= c
			}
		}
	}
	mark(backWords, classBack)
	mark(weakBackWords, classLeg)
	mark(spineWords, classSpine)
	mark(genericWords, classGeneric)
	// Symptoms count only as written: their stems reach too far ("locked" would make a
	// "vapour lock" a symptom).
	return cl
}

// domainSigns are what a message says about where it is.
type domainSigns struct {
	spine   bool // a word that places it at the spine on its own ("sciatica", "lumbar")
	back    bool // the back in its body sense, or a part hanging off it, or the flank (flank.txt)
	firm    bool // back by a word that is not the leg's (back-words.txt [weak]): "back", "hip", the flank
	symptom bool // a symptom word
	other   bool // another part of the body and none of the back (aboutOtherBodyPart)
	// elsewhere: every pain told of beside a part of the body is another part's (painElsewhere)
	elsewhere bool
	several   bool // the message has several sentences with a content word each (Match)
	writer    bool // a word of the first or second person ("i", "my", "you"; persons.txt [writer])
	third     bool // a word of the third person, no kin named ("he", "her"; persons.txt [third], [kin])
	asks      bool // a sentence of the message asks (Match)
	animal    bool // someone's animal ("our dog"), whose back it may be
	mine      bool // the writer's own back ("my back", "lower back")
	care      bool // a word of being examined or treated (symptoms.txt [care] and [clinic])
	therapy   bool // a therapist most go to for the back, or massage (symptoms.txt [therapy], [massage])
	handsOn   bool // a therapist most go to for the back, not massage (symptoms.txt [therapy])
	course    bool // a word of how a trouble goes: worse, better, healing (course.txt)
	pain      bool // a symptom word that is not one of care, nor a mere word of degree ("lower")
	posture   bool // a word of holding or changing posture (postures.txt)
	trouble   bool // a word of something wrong, not denied (symptoms.txt [trouble])
	denial    bool // a denied symptom ("doesn't hurt", "no pain")
	skin      bool // a word of the skin ("a pimple", "an itchy rash"; skin.txt)
	backCare  bool // a phrase of the back's everyday care ("bad posture", "a standing desk"; back-care.txt)
	exertion  bool // a phrase of the hard work or long sitting that strains the back ("shovelling", "a long flight"; exertion.txt)
	general   bool // a word of general health or everyday life ("diet", "anxiety"; general-health.txt)
	medicine  bool // a medicine prescribed for the back and for other troubles ("gabapentin"; symptoms.txt [medicine])
	askOfMed  bool // a word of general health asked of a medicine: food, drink, the bowels (general-health.txt [with-medicine])
	felt      bool // a symptom that is no mere word of degree ("lower", "bad"; symptoms.txt [degree])
}

// notOurs reports whether the signs rule out an answer even to a short question: the message
// denies pain or tells of the skin, and reports no pain ("my hip clicks but doesn't hurt", "a
// pimple on my back"; not an itch a medicine of the back brings on, "tramadol makes me itchy"),
// or the back is an animal's, or it asks of general health and names no
// back, pain, trouble or therapist ("a good breakfast for losing weight"), or it names another
// part of the body and neither the back, the spine nor a phrase of the back's care ("a massage
// gun for tight calves", "a TENS machine for period cramps"; not "a pillow between my knees").
func (d domainSigns) notOurs() bool {
	return (d.denial || d.skin && !d.medicine) && !d.pain || d.animal && !d.mine || d.onlyGeneral() || d.other && !d.back && !d.spine && !d.backCare
}

// onlyGeneral reports whether the message names general health or everyday life and no back or
// spine ("am i awake for an epidural"), felt pain, trouble or therapist, nor food, drink or the
// bowels asked of a medicine of the back ("is it safe to drink on gabapentin"): "my anxiety is
// really bad before work", "staying awake on a long road trip". A short question so is not about
// back pain however well an entry fits (Match); a story may name a meal in passing ("shovelling
// the drive before breakfast").
func (d domainSigns) onlyGeneral() bool {
	return d.general && !d.back && !d.spine && !d.felt && !d.trouble && !d.therapy && !(d.medicine && d.askOfMed)
}

// signs reads the domain signs of toks.
func (ix *Index) signs(toks []text.Token) domainSigns {
	d := domainSigns{other: aboutOtherBodyPart(toks)} // elsewhere: Match, which knows the sentences
	idiom := 0                                        // words left of a phrase of idioms.txt ("a pain in the neck", "killing time")
	canon := 0                                        // words left of a canonical wording written out (canonAt)
	kin := false                                      // a word of kin ("dad", "my wife"): a carer's story
	for i, t := range toks {
		k := t.Tags
		if canon = max(canon-1, ix.canonAt(toks, i)); (t.Synonym || canon > 0) && t.Term >= 0 {
			k |= ix.synKinds[t.Term] // "physical therapist" reads "physical therapy", a physio's
		}
		c := ix.classOf(t, k)
		if (c&classLeg != 0 || upperBack(toks, i)) && d.other || c&classBack != 0 && notMy(toks, i) {
			c &^= classBack // "my issue wasn't my back but my legs"
		}
		if idiom = max(idiom-1, phraseIf(k, idioms, toks, i)); idiom > 0 {
			c = 0
		}
		d.spine = d.spine || c&classSpine != 0
		firm := c&classBack != 0 && c&classLeg == 0 || idiom == 0 && phraseIf(k, flankPhrases, toks, i) > 0
		d.firm = d.firm || firm
		d.back = d.back || c&classBack != 0 || firm
		d.care = d.care || k&kindCare != 0 && !t.Stop
		d.therapy = d.therapy || k&kindTherapy != 0 && !t.Stop
		d.handsOn = d.handsOn || k&kindTherapy != 0 && !t.Stop && !massageWords[t.Word]
		d.course = d.course || phraseIf(k, coursePhrases, toks, i) > 0
		d.posture = d.posture || k&kindPosture != 0
		d.general = d.general || k&kindGeneral != 0
		d.medicine = d.medicine || k&kindMedWord != 0 && !t.Stop
		d.askOfMed = d.askOfMed || k&kindMedAsk != 0
		d.writer = d.writer || writerWords[t.Word]
		d.third = d.third || thirdWords[t.Word]
		kin = kin || kinWords[t.Word]
		d.trouble = d.trouble || k&kindTrouble != 0 && !denied(toks, i)
		d.skin = d.skin || phraseIf(k, skinWords, toks, i) > 0
		d.backCare = d.backCare || idiom == 0 && phraseIf(k, backCarePhrases, toks, i) > 0
		d.exertion = d.exertion || idiom == 0 && phraseIf(k, exertionPhrases, toks, i) > 0
		injury := k&kindInjury != 0 || phraseIf(k, injuryPhrases, toks, i) > 0 && (t.Word != "back" || t.Term >= 0)
		if injury && !denied(toks, i) { // not the "back" of "came back went to bed": notTheBack
			d.symptom, d.pain, d.felt = true, true, true
		}
		if c&classSymptom != 0 && denied(toks, i) {
			d.denial = true
		} else if c&classSymptom != 0 {
			d.symptom = true
			d.pain = d.pain || k&kindCare == 0 && !degreeWords[t.Word]
			d.felt = d.felt || !degreeWords[t.Word]
		}
		// an animal in a synonym phrase is none: "the horse tail" is the cauda equina
		d.animal = d.animal || k&kindAnimal != 0 && !t.Synonym && i > 0 && backOwners[toks[i-1].Word] && toks[i-1].Word != "a"
		d.mine = d.mine || c&classBack != 0 && i > 0 && (backPlaces[toks[i-1].Word] || t.Word == "back" && toks[i-1].Word == "my")
	}
	d.third = d.third && !kin
	return d
}

// notMy reports whether toks[i] is the writer's part said not to be it: a negator straight before
// "my" before it ("it wasn't my back but my legs"); not "it doesn't hurt my back".
func notMy(toks []text.Token, i int) bool {
	return i >= 2 && toks[i-1].Word == "my" && negators[toks[i-2].Word]
}

// denied reports whether toks[i] follows a negator by at most three words ("not in pain") with
// no word between that ends the denial ("couldn't, the pain was too much"; negators.txt
// [scope-end]), and one that tells of no wish ("so it does not hurt", "how to not hurt it";
// negators.txt [purpose]).
func denied(toks []text.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch k := toks[j].Tags; {
		case k&kindNegEnd != 0:
			return false
		case k&kindNegator != 0:
			return !wished(toks, j)
		}
	}
	return false
}

// wished reports whether the negator toks[j] follows a word of purpose: "so" up to three words
// before it, "to" straight before it.
func wished(toks []text.Token, j int) bool {
	if j > 0 && purposeNext[toks[j-1].Word] {
		return true
	}
	for k := max(0, j-3); k < j; k++ {
		if purposeWords[toks[k].Word] {
			return true
		}
	}
	return false
}

// aboutBackPain is the domain decision: the message names the spine outright; or it names the
// back (in its body sense, or a part hanging off it) together with a symptom ("my lower back is
// killing me"), a word of trouble ("problems with my tailbone") or of the moves back pain makes hard
// ("bent over all day, your back gives out"; postures.txt), or names the writer's own back
// ("my back", "lower back"); or, naming no other part of the body, it tells of pain and of its
// care ("the surgeon", "the MRI", "the chiropractor", "I saw a lot of doctors") or of pain and
// the moves back pain makes hard ("it hurts to sit or stand") or of hard work that strains the
// back ("the pain after a day of shovelling"; exertion.txt), or of a therapist of the back
// and how the trouble goes ("the chiropractor said weeks before I feel better"); or it names
// the back, a symptom (a painkiller by name is one; in a story that asks nothing, one felt, not
// a mere word of degree: "a bad, bad feeling about squat night" tells of no pain) or the back's everyday care ("bad posture",
// "a standing desk"; back-care.txt) or a hands-on therapist of the back ("the physio", "my
// osteopath"; not massage) or a medicine prescribed for the back among other troubles
// ("diazepam", "lyrica"; symptoms.txt [medicine]), no other part of the body, and its best entry scores at least
// DomainScore; or, naming no other part of the body, it tells of such hard work beside a
// symptom felt, a word of trouble or of posture, or asks, and its best entry scores at least
// ExertionScore (a story about back pain only so gets topics, not an answer: decide): a diary of
// a day's shovelling or a long flight home that tells of no ache is about the work, "how do I
// manage a five-hour drive?" asks the bot; or, in several sentences, it names the back's everyday care and no other
// part of the body and its best entry scores at least CareStoryScore: a story that blames its
// posture or its desk for an ache it never places ("years of poor posture are catching up with
// me") is ours, a one-line question about an office chair's looks not. A denied symptom ("not
// in pain") is none. A message that places every pain it tells of at another part is ours only
// if it names the spine and some entry fits it at least as a close call (ClearLow): "a sore
// neck all term, I feared scoliosis" fits none. The leg (back-words.txt [weak]) is the back only beside a symptom felt or a
// word of trouble ("my leg goes numb"), not as gear or a lift ("leg buoys", "leg raises"). A back
// that may be a pet's is not
// ours unless the writer names their own, and the skin of the back is not its pain ("a pimple
// on my back"). A story that asks nothing, names no back, spine or back care, has no word of
// the first or second person and one of the third, and names no kin (persons.txt), is news of
// someone else: "the rider was carried off and the doctors feared he would never walk again".
func (ix *Index) aboutBackPain(d domainSigns, best float64) bool {
	d.back = d.back && (d.firm || d.felt || d.trouble) // the leg alone, with no symptom felt: "swim with leg buoys"
	// hard work with no ache, trouble or move told and nothing asked: "shovelled the drive all morning"
	d.exertion = d.exertion && (d.pain || d.felt || d.trouble || d.posture || d.asks)
	switch {
	case d.animal && !d.mine, d.skin && !d.pain && !d.medicine, d.elsewhere && (!d.spine || best < ix.p.ClearLow),
		d.several && !d.asks && !d.writer && d.third && !d.back && !d.spine && !d.backCare:
		return false
	case d.spine || d.back && (d.symptom || d.trouble || d.posture) || d.mine:
		return true
	case d.other && !d.back:
		return false
	case d.pain && (d.care || d.posture || d.exertion), d.therapy && d.course:
		return true
	}
	return (d.back || d.symptom && (d.felt || !d.several || d.asks) || d.backCare || d.handsOn || d.medicine) && best >= ix.p.DomainScore || d.exertion && best >= ix.p.ExertionScore ||
		d.backCare && d.several && best >= ix.p.CareStoryScore
}

// classOf returns the classes of one token, whose word is of kinds k (wordKinds): by the word as
// written, else by its term.
func (ix *Index) classOf(t text.Token, k uint64) uint8 {
	if t.Stop || t.Word == "back" && t.Term < 0 {
		return 0 // "back up", "come back": notTheBack has spoken; "not a back question": markOffTopic has
	}
	var c uint8
	if k&kindBack != 0 {
		c |= classBack
	}
	if k&kindLeg != 0 {
		c |= classLeg
	}
	if k&kindSpine != 0 {
		c |= classSpine
	}
	if k&kindSymptom != 0 || t.Synonym && t.Term >= 0 && symptomWords[ix.an.Stem(t.Term)] {
		c |= classSymptom // a synonym's canonical word, by its stem: "back problems" reads "bad back"
	}
	if t.Term >= 0 && k&kindOther == 0 {
		c |= ix.class[t.Term] &^ classGeneric // not by the term of another part: "hip-joint" is no hip (notTheBack)
	}
	return c
}

// synonymKinds returns, for each term, the kinds of the synonym groups of f whose canonical
// wording uses it: of care (kindCare, kindTherapy) when a one-word member of the group is a
// word of care, so "physical therapist" and "PT" read as "physical therapy", the physio's group,
// and "my family doctor" as "doctor"; of injury (kindInjury) when a member is a phrase of
// injury-phrases.txt, so "threw my back out" reads as "put my back out"; of the spine (kindSpine)
// when a one-word member is a word of spine-words.txt and the canonical wording names no word of
// the back, so "SI joint" and "SIJ" place a message at the spine as "sacroiliac" does. A token carries them
// as a synonym's canonical term, or as a word of the canonical wording written out ("physical
// therapy" itself): the second result files those wordings of several words by their first term.
func synonymKinds(f *FAQ, an *text.Analyzer) ([]uint64, map[int32][][]int32) {
	kinds := make([]uint64, an.NumTerms())
	canons := map[int32][][]int32{}
	var toks []text.Token
	for _, g := range f.Synonyms {
		var k uint64
		for _, w := range g {
			k |= wordKinds[w] & (kindCare | kindTherapy | kindSpine | kindMedWord)
			if hasPhrase(injuryPhrases.first, w) {
				k |= kindInjury
			}
		}
		if len(g) > 0 {
			toks = tagKinds(an.Analyze(g[0], toks[:0]))
		}
		if slices.ContainsFunc(toks, func(t text.Token) bool { return t.Tags&kindBack != 0 }) {
			k &^= kindSpine // "lower back" is read as the back already, and beside a rash is its skin
		}
		if k == 0 || len(g) == 0 {
			continue
		}
		var terms []int32
		for _, t := range toks {
			if t.Term >= 0 {
				kinds[t.Term] |= k
				terms = append(terms, t.Term)
			}
		}
		if len(terms) > 1 && len(terms) == len(toks) {
			canons[terms[0]] = append(canons[terms[0]], terms)
		}
	}
	return kinds, canons
}

// canonAt returns how many tokens a canonical wording of ix.canons written out at toks[i] spans
// (stopwords between its words skipped), or 0: "went to physical therapy" names the physio's
// group as "physio" does.
func (ix *Index) canonAt(toks []text.Token, i int) int {
	if toks[i].Synonym || toks[i].Term < 0 {
		return 0
	}
	for _, c := range ix.canons[toks[i].Term] {
		j, k := i, 0
		for ; j < len(toks) && k < len(c); j++ {
			if toks[j].Stop && k > 0 {
				continue
			}
			if toks[j].Synonym || toks[j].Term != c[k] {
				break
			}
			k++
		}
		if k == len(c) {
			return j - i
		}
	}
	return 0
}

// seatContext is how many words, stopwords counted, a word of pain may stand from the part of
// the body it is the pain of: "my left knee is so sore", "a sore left knee", "pain in my neck".
const seatContext = 4

// Where a word of pain is felt, by the part of the body nearest it (seatOf).
const (
	seatNone  = iota // no part of the body near it ("it hurts")
	seatOther        // another part of the body
	seatBack         // the back, a part hanging off it, the leg, or a part of the leg a nerve from the back may reach
)

// painElsewhere reports whether every word of pain or trouble in toks that has a part of the
// body near it in its sentence (ends: where each sentence's tokens end) is the pain of another
// part, and at least one is: "I finally got my back sorted and woke up with a sore left knee",
// "my left shoulder is so stiff I can hardly move it". A pain of the back anywhere keeps the
// message ours: "my back hurts and so does my knee", and so does the back named as where the
// pain comes from (backAsSource) or named other than as fine (backInTrouble). The words that
// place a pain on the back ("lower", "low") are no pain: "lower my arms".
func (ix *Index) painElsewhere(toks []text.Token, ends []int) bool {
	other := false
	idiom, lo, s := 0, 0, 0
	for i, t := range toks {
		for s < len(ends) && ends[s] <= i {
			lo, s = ends[s], s+1
		}
		k := t.Tags
		if idiom = max(idiom-1, phraseIf(k, idioms, toks, i), phraseIf(k, backCarePhrases, toks, i)); idiom > 0 {
			continue
		}
		pain := ix.classOf(t, k)&classSymptom != 0 && k&kindCare == 0 || k&kindTrouble != 0 && !t.Stop
		if !pain || backPlaces[t.Word] && !t.Synonym || denied(toks, i) {
			continue
		}
		hi := len(toks)
		if s < len(ends) {
			hi = ends[s]
		}
		switch ix.seatOf(toks[lo:hi], i-lo) {
		case seatBack:
			return false
		case seatOther:
			other = true
		}
	}
	return other && !ix.backAsSource(toks) && !ix.backInTrouble(toks)
}

// backInTrouble reports whether toks name the back itself ("back" in its body sense, not the
// upper back) in trouble (troubleNear) and not as fine: a story that says "my back went last
// week" or "back surgery" and tells of a pain in the knee is about the back, whose nerves reach
// the leg; one that says "my back is fine" or "got my back sorted" (back-senses.txt [fine], up
// to three words after), or names the back only in passing ("as fast as my back does"), and
// tells of a sore knee is about the knee. A back word that is not "back" (the hip, the buttock)
// is no back in trouble of itself.
func (ix *Index) backInTrouble(toks []text.Token) bool {
	for i, t := range toks {
		if t.Word != "back" || ix.classOf(t, t.Tags)&classBack == 0 || upperBack(toks, i) {
			continue
		}
		fine := false
		for j := i + 1; j < len(toks) && j <= i+3 && !fine; j++ {
			fine = backFine[toks[j].Word]
		}
		if !fine && ix.troubleNear(toks, i) {
			return true
		}
	}
	return false
}

// troubleContext is how many words either side of a back a word of pain, trouble or care may
// stand to make it a back in trouble (troubleNear).
const troubleContext = 6

// troubleNear reports whether the back toks[i] is told of as in trouble: it is a synonym's ("back
// problems"), a word of [in-trouble] (back-senses.txt) stands up to three words after it or four
// before it, or a word of pain, trouble, injury, care or posture up to troubleContext words
// either side ("my back went", "off work with my back", "my back is stiff").
func (ix *Index) troubleNear(toks []text.Token, i int) bool {
	if toks[i].Synonym {
		return true
	}
	for j := max(0, i-4); j < len(toks) && j <= i+3; j++ {
		if j != i && backTroubled[toks[j].Word] {
			return true
		}
	}
	for j := max(0, i-troubleContext); j < len(toks) && j <= i+troubleContext; j++ {
		t := toks[j]
		k := t.Tags
		if j != i && (ix.classOf(t, k)&classSymptom != 0 && !degreeWords[t.Word] || k&(kindTrouble|kindInjury|kindCare|kindPosture) != 0 || phraseIf(k, injuryPhrases, toks, j) > 0) {
			return true
		}
	}
	return false
}

// backAsSource reports whether toks name the back as where a pain comes from, or ask whether it
// is: a word of [source] (back-senses.txt) up to four words before a back in its body sense.
func (ix *Index) backAsSource(toks []text.Token) bool {
	for i, t := range toks {
		if ix.classOf(t, t.Tags)&classBack == 0 || upperBack(toks, i) {
			continue
		}
		for j := max(0, i-4); j < i; j++ {
			if backSources[toks[j].Word] {
				return true
			}
		}
	}
	return false
}

// seatOf returns where the word of pain toks[i] is felt: at the back if a part of the back
// stands up to seatContext words either side ("lifting my foot, a stab in the lower back"), else
// at the nearest other part. A part of the leg is the back's beside a word of the nerve
// ("tingling in my foot").
func (ix *Index) seatOf(toks []text.Token, i int) int {
	nerve := toks[i].Tags&kindNerve != 0
	seat := seatNone
	for j := max(0, i-seatContext); j < len(toks) && j <= i+seatContext; j++ {
		if j != i {
			seat = max(seat, ix.partSeat(toks, j, nerve))
		}
	}
	return seat
}

// partSeat returns the seat the word toks[j] names, if it names a part of the body: the back in
// its body sense (not the upper back, which beside another part names none of the lower back),
// the leg, and a part of the leg that a nerve (nerve) or a pain running along it reaches are the
// back's. Another part joined to the back ("my back and neck", "neck and back") is the back's.
func (ix *Index) partSeat(toks []text.Token, j int, nerve bool) int {
	t := toks[j]
	k := t.Tags
	c := ix.classOf(t, k)
	switch {
	case c&classBack != 0 && c&classLeg == 0:
		if upperBack(toks, j) {
			return seatNone
		}
		return seatBack
	case c&classLeg != 0 || k&kindLegPart != 0 && !t.Stop && (nerve || runsAlong(toks, j)):
		return seatBack
	case k&kindOther == 0 || t.Stop || inIdiom(toks, j):
		return seatNone
	case ix.joinedToBack(toks, j):
		return seatBack
	}
	return seatOther
}

// joinedToBack reports whether the part of the body toks[j] is joined by a word of [and]
// (holding.txt) to a word of the back straight before or after it, stopwords between: "my back
// and neck", "my neck and my lower back".
func (ix *Index) joinedToBack(toks []text.Token, j int) bool {
	for _, step := range [2]int{-1, 1} {
		and := false
		for i := j + step; i >= 0 && i < len(toks) && i <= j+4 && i >= j-4; i += step {
			t := toks[i]
			if holdAnd[t.Word] {
				and = true
				continue
			}
			if t.Stop || backPlaces[t.Word] || sideWords[t.Word] {
				continue
			}
			if and && ix.classOf(t, t.Tags)&classBack != 0 {
				return true
			}
			break
		}
	}
	return false
}

// inIdiom reports whether toks[j] is a word of a phrase of idioms.txt ("rule of thumb", "on my
// feet all day").
func inIdiom(toks []text.Token, j int) bool {
	for s := max(0, j-5); s <= j; s++ {
		if phraseIf(toks[s].Tags, idioms, toks, s) > j-s {
			return true
		}
	}
	return false
}
