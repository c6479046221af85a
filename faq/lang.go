package faq

import (
	"strconv"
	"strings"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Word lists the matcher reads a message with. They are data in faq/text/words/*.txt, where each
// file says what its list is for.
var (
	otherBodyParts     = text.WordSet("other-body-parts", "legs", "elsewhere")
	legParts           = text.WordSet("other-body-parts", "legs")
	hipForms           = text.WordSet("other-body-parts", "hip")
	hamstringForms     = text.WordSet("other-body-parts", "hamstring")
	periodForms        = text.WordSet("other-body-parts", "period")
	periodOwners       = text.WordSet("other-body-parts", "period-owner")
	periodAfter        = text.WordSet("other-body-parts", "period-after")
	tightWords         = text.WordSet("other-body-parts", "tight")
	hipTight           = text.WordSet("other-body-parts", "hip-tight")
	legPlaces          = text.WordSet("other-body-parts", "leg-places")
	legGym             = text.WordSet("other-body-parts", "leg-gym")
	cervicalBefore     = text.WordSet("other-body-parts", "cervical-before")
	cervicalAfter      = text.WordSet("other-body-parts", "cervical-after")
	spineAnywhere      = text.WordSet("other-body-parts", "spine-anywhere")
	kidneyWords        = text.WordSet("other-body-parts", "kidney")
	upsetParts         = text.WordSet("other-body-parts", "upset")
	upsetters          = text.WordSet("other-body-parts", "upsetters")
	crampWords         = text.WordSet("other-body-parts", "cramp")
	hipJointAfter      = text.WordSet("other-body-parts", "hip-joint-after")
	hipJointBefore     = text.WordSet("other-body-parts", "hip-joint-before")
	alongWords         = text.WordSet("other-body-parts", "along")
	sideWords          = text.WordSet("other-body-parts", "side")
	nerveWords         = text.WordSet("symptoms", "nerve")
	animals            = text.WordSet("animals")
	backWords          = text.WordSet("back-words")
	weakBackWords      = text.WordSet("back-words", "weak")
	spineWords         = text.WordSet("spine-words")
	symptomWords       = text.WordSet("symptoms", "generic", "degree", "specific", "nerve", "care", "therapy")
	genericWords       = text.WordSet("symptoms", "generic", "degree")
	degreeWords        = text.WordSet("symptoms", "degree")
	careWords          = text.WordSet("symptoms", "care", "therapy", "clinic")
	medicineWords      = text.WordSet("symptoms", "medicine")
	therapyWords       = text.WordSet("symptoms", "therapy", "massage")
	massageWords       = text.WordSet("symptoms", "massage")
	troubleWords       = text.WordSet("symptoms", "trouble")
	negators           = text.WordSet("negators", "")
	negationEnds       = text.WordSet("negators", "scope-end")
	purposeWords       = text.WordSet("negators", "purpose")
	purposeNext        = text.WordSet("negators", "purpose-next")
	postureWords       = text.WordSet("postures")
	questionWords      = text.WordSet("question-words")
	bodyBefore         = text.WordSet("back-senses", "before", "state")
	backPlaces         = text.WordSet("back-senses", "before")
	upperPlaces        = text.WordSet("back-senses", "upper")
	upperParts         = text.WordSet("back-senses", "upper-parts")
	lowPlaces          = text.WordSet("back-senses", "low")
	backOwnPain        = text.WordSet("back-senses", "own-pain")
	cervicalSide       = text.WordSet("other-body-parts", "cervical-side")
	writerWords        = text.WordSet("persons", "writer")
	thirdWords         = text.WordSet("persons", "third")
	kinWords           = text.WordSet("persons", "kin")
	backOwners         = text.WordSet("back-senses", "owner")
	bodyAfter          = text.WordSet("back-senses", "after")
	backParticles      = text.WordSet("back-senses", "particle", "object")
	backObjects        = text.WordSet("back-senses", "object")
	backPartOf         = text.WordSet("back-senses", "part-of")
	returnVerbs        = text.WordSet("back-senses", "returning")
	backSubjects       = text.WordSet("back-senses", "subject")
	backBeVerbs        = text.WordSet("back-senses", "be")
	backTimes          = text.WordSet("back-senses", "time")
	backForms          = text.WordSet("back-senses", "forms")
	backSources        = text.WordSet("back-senses", "source")
	backFine           = text.WordSet("back-senses", "fine")
	backTroubled       = text.WordSet("back-senses", "in-trouble")
	spineForms         = text.WordSet("back-senses", "spine")
	spineNotAfter      = text.WordSet("back-senses", "spine-not-after")
	spineNotBefore     = text.WordSet("back-senses", "spine-not-before")
	discForms          = text.WordSet("back-senses", "disc")
	discNotBefore      = text.WordSet("back-senses", "disc-not-before")
	discNotAfter       = text.WordSet("back-senses", "disc-not-after")
	offTopicMarkers    = byFirstWord(text.PhraseList("off-topic-markers"))
	idioms             = phrases("idioms", kindIdiom)
	injuryPhrases      = phrases("injury-phrases", kindInjuryPhrase)
	skinWords          = phrases("skin", kindSkin)
	coursePhrases      = phrases("course", kindCourse)
	flankPhrases       = phrases("flank", kindFlank)
	backCarePhrases    = phrases("back-care", kindBackCare)
	exertionPhrases    = phrases("exertion", kindExertion)
	passingPhrases     = byFirstWord(text.PhraseList("passing"))
	gestationUnits     = text.WordSet("gestation", "weeks")
	gestationNotBefore = text.WordSet("gestation", "not-before")
	gestationNotAfter  = text.WordSet("gestation", "not-after")
	gestationFrom      = onlyNumber("gestation", "from")
	gestationTo        = onlyNumber("gestation", "to")
	holdVerbs          = text.WordSet("holding", "verbs")
	holdPlaces         = text.WordSet("holding", "places")
	holdOwners         = text.WordSet("holding", "owners")
	holdAnd            = text.WordSet("holding", "and")
	generalWords       = text.WordSet("general-health")
	withMedicine       = text.WordSet("general-health", "with-medicine")
	longPhrases        = byFirstWord(text.PhraseSections("long-course")["phrases"])
	longYears          = text.WordSet("long-course", "years")
	longCounts         = text.WordSet("long-course", "counts")
	longNotAfter       = text.WordSet("long-course", "not-after")
	longNotBefore      = text.WordSet("long-course", "not-before")
	longNotWith        = text.WordSet("long-course", "not-with")
)

// Kinds of word the domain rules read (domain.go), gathered from the lists above so that each
// word of a message is looked up once, not once a list.
const (
	kindBack    uint64 = 1 << iota // backWords
	kindLeg                        // weakBackWords
	kindSpine                      // spineWords
	kindSymptom                    // symptomWords
	kindCare                       // careWords
	kindPosture                    // postureWords
	kindTrouble                    // troubleWords
	kindAnimal                     // animals
	kindOther                      // otherBodyParts
	kindLegPart                    // legParts
	kindNerve                      // nerveWords
	kindTherapy                    // therapyWords
	kindInjury                     // a synonym's canonical term, whose group has a phrase of injuryPhrases (synonymKinds)
	kindGeneral                    // generalWords
	kindMedWord                    // medicineWords
	kindMedAsk                     // withMedicine
	// A kind per list of phrases: the word starts a phrase of it (phraseIf).
	kindIdiom        // idioms
	kindInjuryPhrase // injuryPhrases
	kindSkin         // skinWords
	kindCourse       // coursePhrases
	kindFlank        // flankPhrases
	kindBackCare     // backCarePhrases
	kindExertion     // exertionPhrases
	kindSense        // backForms, spineForms, hipForms, periodForms or weakBackWords: a word whose sense notTheBack reads
	kindLong         // the first word of a phrase of longPhrases, or a word of longYears (longCourse)
	// Kinds that let a rule pass over a sentence with no word it reads.
	kindAsk       // the first word of a phrase of asks.txt (text.IsAsk)
	kindAside     // the first word of a phrase of asides.txt (text.MarkAsides)
	kindHold      // holdVerbs (notHeldParts)
	kindDisc      // discForms (notTheDisc)
	kindGestation // gestationUnits (pregnancyWeeks)
	kindPassing   // the first word of a phrase of passingPhrases (inPassing)
	kindOffTopic  // the first word of a phrase of offTopicMarkers (markOffTopic)
	kindAskKind   // the first word of a phrase of a kind of asking (askFirst)
	kindAskFiller // askFillers
	kindTight     // tightWords (hurtHamstrings)
	kindHamstring // hamstringForms (hurtHamstrings)
	kindHip       // hipForms (hipAlone)
	kindHipTight  // hipTight (hipAlone)
	kindSpineAny  // spineAnywhere (notTheLowerSpine)
	kindNegator   // negators (denied)
	kindNegEnd    // negationEnds (denied)
	kindUpperBack // a plain "back" that a message about the upper body makes the upper back (upperBody)
)

// The first words of the phrases text.IsAsk and text.MarkAsides look for, read from the same
// lists, so that a sentence with none of them skips the look.
var (
	askStarts   = byFirstWord(text.PhraseList("asks"))
	asideStarts = byFirstWord(text.PhraseList("asides"))
)

// phraseList is a list of phrases filed by their first word, and the kind that marks those
// words in wordKinds, so that a word that starts no phrase of the list costs no lookup in it.
type phraseList struct {
	first map[string][][]string
	kind  uint64
}

// phrases reads the list of phrases name (text.PhraseList), its first words of kind k.
func phrases(name string, k uint64) phraseList {
	return phraseList{first: byFirstWord(text.PhraseList(name)), kind: k}
}

// wordKinds maps each word of the lists above to its kinds.
var wordKinds = func() map[string]uint64 {
	m := map[string]uint64{}
	for _, l := range []struct {
		set  map[string]bool
		kind uint64
	}{
		{backWords, kindBack}, {weakBackWords, kindLeg}, {spineWords, kindSpine},
		{symptomWords, kindSymptom}, {careWords, kindCare}, {postureWords, kindPosture},
		{troubleWords, kindTrouble}, {animals, kindAnimal}, {otherBodyParts, kindOther},
		{legParts, kindLegPart}, {nerveWords, kindNerve}, {therapyWords, kindTherapy},
		{generalWords, kindGeneral}, {backForms, kindSense}, {spineForms, kindSense}, {hipForms, kindSense},
		{periodForms, kindSense}, {weakBackWords, kindSense}, {longYears, kindLong},
		{holdVerbs, kindHold}, {discForms, kindDisc}, {gestationUnits, kindGestation},
		{askFillers, kindAskFiller}, {tightWords, kindTight}, {hamstringForms, kindHamstring},
		{hipForms, kindHip}, {hipTight, kindHipTight}, {spineAnywhere, kindSpineAny},
		{negators, kindNegator}, {negationEnds, kindNegEnd},
		{medicineWords, kindMedWord}, {withMedicine, kindMedAsk},
	} {
		for w := range l.set {
			m[w] |= l.kind
		}
	}
	for _, ps := range []phraseList{idioms, skinWords, injuryPhrases, coursePhrases, flankPhrases, backCarePhrases, exertionPhrases} {
		for w := range ps.first {
			m[w] |= ps.kind
		}
	}
	for _, l := range []struct {
		first map[string][][]string
		kind  uint64
	}{
		{longPhrases, kindLong}, {askStarts, kindAsk}, {asideStarts, kindAside},
		{passingPhrases, kindPassing}, {offTopicMarkers, kindOffTopic},
	} {
		for w := range l.first {
			m[w] |= l.kind
		}
	}
	for w := range askFirst {
		m[w] |= kindAskKind
	}
	return m
}()

// phraseAt returns how many tokens the longest phrase of ps that starts at toks[i] spans, or 0.
// A synonym read as several canonical terms ("move" as "stay active") is one word of the phrase:
// "unable to move from the waist" matches though "move" stands twice.
func phraseAt(ps map[string][][]string, toks []text.Token, i int) int {
	return longestAt(ps[toks[i].Word], toks, i)
}

// longestAt is phraseAt for the phrases ps that start with toks[i]'s word.
func longestAt(ps [][]string, toks []text.Token, i int) int {
	n := 0
	for _, p := range ps {
		if i+len(p) > len(toks) {
			continue
		}
		j, k := i, 0
		for k < len(p) && j < len(toks) && toks[j].Word == p[k] {
			j, k = pastCopies(toks, j), k+1
		}
		if k == len(p) && j-i > n {
			n = j - i
		}
	}
	return n
}

// pastCopies returns the index just past toks[j] and the canonical terms of the same synonym
// that follow it, which carry its word.
func pastCopies(toks []text.Token, j int) int {
	for j+1 < len(toks) && toks[j].Synonym && toks[j+1].Synonym && toks[j+1].Word == toks[j].Word {
		j++
	}
	return j + 1
}

// phraseIf is phraseAt for the list ps when kind k (of toks[i]) says a phrase of it starts
// there, else 0.
func phraseIf(k uint64, ps phraseList, toks []text.Token, i int) int {
	if k&ps.kind == 0 {
		return 0
	}
	return phraseAt(ps.first, toks, i)
}

// hasPhrase reports whether phrase p (plain words) is one of ps.
func hasPhrase(ps map[string][][]string, p string) bool {
	f := strings.Fields(p)
	if len(f) == 0 {
		return false
	}
	for _, q := range ps[f[0]] {
		if strings.Join(q, " ") == strings.Join(f, " ") {
			return true
		}
	}
	return false
}

// byFirstWord splits each phrase into words and files it under its first word.
func byFirstWord(ps []string) map[string][][]string {
	out := map[string][][]string{}
	for _, p := range ps {
		if f := strings.Fields(p); len(f) > 0 {
			out[f[0]] = append(out[f[0]], f)
		}
	}
	return out
}

// onlyNumber returns the one number of section sec of word list name.
func onlyNumber(name, sec string) int {
	for w := range text.WordSet(name, sec) {
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
	}
	panic("faq: word list " + name + " [" + sec + "] holds no number")
}

// tagKinds gives each token its word kinds (Tags), one lookup a word, so the sense rules test
// bits. Every token the matcher reads passes through it after the analyzer.
func tagKinds(toks []text.Token) []text.Token {
	for i := range toks {
		toks[i].Tags = wordKinds[toks[i].Word]
	}
	return toks
}

// isAsk is text.IsAsk, trying only the words that start a phrase of asking (kindAsk).
func isAsk(toks []text.Token) bool {
	for i := range toks {
		if toks[i].Tags&kindAsk != 0 && text.AskAt(toks, i) {
			return true
		}
	}
	return false
}

// markAsides is text.MarkAsides, trying only the words that start an aside phrase (kindAside).
func markAsides(toks []text.Token) {
	for i := range toks {
		if toks[i].Tags&kindAside != 0 {
			text.MarkAsideAt(toks, i)
		}
	}
}

// kindsOf returns the kinds of the words of toks together.
func kindsOf(toks []text.Token) uint64 {
	var all uint64
	for _, t := range toks {
		all |= t.Tags
	}
	return all
}
