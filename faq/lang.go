package faq

import "github.com/backpainbot/backpainbot/faq/text"

// Word lists the matcher reads a message with. They are data in faq/text/words/*.txt, where each
// file says what its list is for.
var (
	otherBodyParts = text.WordSet("other-body-parts")
	animals        = text.WordSet("animals")
	backWords      = text.WordSet("back-words")
	spineWords     = text.WordSet("spine-words")
	symptomWords   = text.WordSet("symptoms")
	genericWords   = text.WordSet("symptoms", "generic")
	questionWords  = text.WordSet("question-words")
	bodyBefore     = text.WordSet("back-senses", "before")
	backOwners     = text.WordSet("back-senses", "owner")
	bodyAfter      = text.WordSet("back-senses", "after")
	backParticles  = text.WordSet("back-senses", "particle", "object")
	backObjects    = text.WordSet("back-senses", "object")
	returnVerbs    = text.WordSet("back-senses", "returning")
)
