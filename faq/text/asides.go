package text

// asidePhrases are the phrases of words/asides.txt, each as its words, by first word.
var asidePhrases = phrasesByFirstWord("asides")

// MarkAsides marks as Aside the first word with a topic after each aside phrase ("without
// surgery", "instead of painkillers"): the message mentions it in passing rather than asks
// about it.
func MarkAsides(toks []Token) {
	for i := range toks {
		MarkAsideAt(toks, i)
	}
}

// MarkAsideAt is MarkAsides for the aside phrases that start at toks[i].
func MarkAsideAt(toks []Token, i int) {
	for _, p := range asidePhrases[toks[i].Word] {
		if !hasPhraseAt(toks, i, p) {
			continue
		}
		for j := i + len(p); j < len(toks); j++ {
			if !toks[j].Stop {
				toks[j].Aside = true
				break
			}
		}
	}
}
