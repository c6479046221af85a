package faq

import "strings"

// Word lists the matcher uses to read a question the way a person would.

// otherBodyParts are parts of the body this bot does not cover. A question that names one and
// no word of the lower back ("my knee hurts when I run") is about something else.
var otherBodyParts = wordSet(`knee knees shoulder shoulders neck ankle ankles wrist wrists elbow
	elbows heel heels toe toes finger fingers thumb hand hands arm arms stomach tummy belly head
	headache migraine tooth teeth toothache throat ear ears eye eyes jaw chest calf shin shins`)

// backWords name the lower back and what hangs off it; with one of them the question is ours.
var backWords = wordSet(`back lowerback spine spinal lumbar sciatica sciatic disc disk discs disks
	vertebra vertebrae tailbone coccyx sacrum buttock buttocks bum butt hip hips pelvis hamstring
	hamstrings piriformis leg legs`)

// questionWords are frequent in phrasings but say nothing about the topic.
// They are listed as stems ("whi" is the stem of "why").
var questionWords = wordSet("what whi why how when which where who")

// Around "back": what marks the body part, and what marks another sense of the word.
var (
	bodyBefore    = wordSet("my your his her their our the a lower low upper mid middle bad sore whole stiff achy painful")
	bodyAfter     = wordSet("pain pains ache aches aching hurts hurt hurting injury problem problems muscle muscles spasm spasms")
	backParticles = wordSet("up off to into from home")
	returnVerbs   = wordSet("come came coming go went going get got getting bring brought pay paid call write give gave")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
