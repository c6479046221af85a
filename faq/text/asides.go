package text

import "strings"

// asidePhrases are the phrases of words/asides.txt, each as its words.
var asidePhrases = func() [][]string {
	var out [][]string
	for _, p := range PhraseList("asides") {
		out = append(out, strings.Fields(p))
	}
	return out
}()

// MarkAsides marks as Aside the first word with a topic after each aside phrase ("without
// surgery", "instead of painkillers"): the message mentions it in passing rather than asks
// about it.
func MarkAsides(toks []Token) {
	for i := range toks {
		for _, p := range asidePhrases {
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
}
