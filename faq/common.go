package faq

import (
	"github.com/backpainbot/backpainbot/faq/text"
	"github.com/backpainbot/backpainbot/faq/text/vectors"
)

// commonWords is the analyzer's test for a real English word, which it must not read as a
// typo of an FAQ word: a word among the first maxRank of GloVe's frequency ranks (vectors;
// Params.CommonRank). GloVe's commonest words are news English, so they are real words and
// names, not chat misspellings: "sciatia", "numbess", "herniatd" or "phsyio" are not in the
// table at all, and a word rarer than maxRank is still mended. maxRank 0 turns the test off.
func commonWords(maxRank int) text.CommonWords {
	if maxRank <= 0 {
		return nil
	}
	tab := vectors.Default()
	return func(w string) bool {
		v, ok := tab.Lookup(w)
		return ok && v.Rank() < maxRank
	}
}
