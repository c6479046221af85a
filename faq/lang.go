package faq

import (
	"strings"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Word lists the matcher reads a message with. They are data in faq/text/words/*.txt, where each
// file says what its list is for.
var (
	otherBodyParts  = text.WordSet("other-body-parts")
	animals         = text.WordSet("animals")
	backWords       = text.WordSet("back-words")
	spineWords      = text.WordSet("spine-words")
	symptomWords    = text.WordSet("symptoms")
	genericWords    = text.WordSet("symptoms", "generic")
	questionWords   = text.WordSet("question-words")
	bodyBefore      = text.WordSet("back-senses", "before")
	backOwners      = text.WordSet("back-senses", "owner")
	bodyAfter       = text.WordSet("back-senses", "after")
	backParticles   = text.WordSet("back-senses", "particle", "object")
	backObjects     = text.WordSet("back-senses", "object")
	returnVerbs     = text.WordSet("back-senses", "returning")
	backForms       = text.WordSet("back-senses", "forms")
	spineForms      = text.WordSet("back-senses", "spine")
	spineNotAfter   = text.WordSet("back-senses", "spine-not-after")
	offTopicMarkers = splitPhrases(text.PhraseList("off-topic-markers"))
)

func splitPhrases(ps []string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(p)
	}
	return out
}
