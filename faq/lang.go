package faq

import (
	"strings"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Word lists the matcher reads a message with. They are data in faq/text/words/*.txt, where each
// file says what its list is for.
var (
	otherBodyParts  = text.WordSet("other-body-parts", "legs", "elsewhere")
	legParts        = text.WordSet("other-body-parts", "legs")
	alongWords      = text.WordSet("other-body-parts", "along")
	sideWords       = text.WordSet("other-body-parts", "side")
	nerveWords      = text.WordSet("symptoms", "nerve")
	animals         = text.WordSet("animals")
	backWords       = text.WordSet("back-words")
	weakBackWords   = text.WordSet("back-words", "weak")
	spineWords      = text.WordSet("spine-words")
	symptomWords    = text.WordSet("symptoms", "generic", "specific", "nerve", "care")
	genericWords    = text.WordSet("symptoms", "generic")
	careWords       = text.WordSet("symptoms", "care", "clinic")
	troubleWords    = text.WordSet("symptoms", "trouble")
	negators        = text.WordSet("negators")
	postureWords    = text.WordSet("postures")
	questionWords   = text.WordSet("question-words")
	bodyBefore      = text.WordSet("back-senses", "before", "state")
	backPlaces      = text.WordSet("back-senses", "before")
	backOwners      = text.WordSet("back-senses", "owner")
	bodyAfter       = text.WordSet("back-senses", "after")
	backParticles   = text.WordSet("back-senses", "particle", "object")
	backObjects     = text.WordSet("back-senses", "object")
	backPartOf      = text.WordSet("back-senses", "part-of")
	returnVerbs     = text.WordSet("back-senses", "returning")
	backSubjects    = text.WordSet("back-senses", "subject")
	backBeVerbs     = text.WordSet("back-senses", "be")
	backForms       = text.WordSet("back-senses", "forms")
	spineForms      = text.WordSet("back-senses", "spine")
	spineNotAfter   = text.WordSet("back-senses", "spine-not-after")
	spineNotBefore  = text.WordSet("back-senses", "spine-not-before")
	discForms       = text.WordSet("back-senses", "disc")
	discNotBefore   = text.WordSet("back-senses", "disc-not-before")
	discNotAfter    = text.WordSet("back-senses", "disc-not-after")
	offTopicMarkers = byFirstWord(text.PhraseList("off-topic-markers"))
	idioms          = byFirstWord(text.PhraseList("idioms"))
	injuryPhrases   = byFirstWord(text.PhraseList("injury-phrases"))
	skinWords       = byFirstWord(text.PhraseList("skin"))
)

// phraseAt returns the length of the longest phrase of ps that starts at toks[i], or 0.
func phraseAt(ps map[string][][]string, toks []text.Token, i int) int {
	n := 0
	for _, p := range ps[toks[i].Word] {
		if len(p) <= n || i+len(p) > len(toks) {
			continue
		}
		k := 1
		for k < len(p) && toks[i+k].Word == p[k] {
			k++
		}
		if k == len(p) {
			n = k
		}
	}
	return n
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
