package text

import "strings"

// askPhrases mark the sentence that holds a message's ask when it has no question mark, each
// as its words.
var askPhrases = func() [][]string {
	var out [][]string
	for _, p := range PhraseList("asks") {
		out = append(out, strings.Fields(p))
	}
	return out
}()

// Sentences calls fn with each sentence of s (text up to . ? ! ; or a line break) and whether
// it ends with a question mark.
func Sentences(s string, fn func(sentence string, questionMark bool)) {
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '?', '!', ';', '\n':
			if i > start {
				fn(s[start:i], s[i] == '?')
			}
			start = i + 1
		}
	}
	if start < len(s) {
		fn(s[start:], false)
	}
}

// IsAsk reports whether the tokens of a sentence contain an ask phrase ("any advice", "what
// should i do", "is it normal"): in a story, that is usually the sentence that says what the
// writer wants, even without a question mark.
func IsAsk(toks []Token) bool {
	for i := range toks {
		for _, p := range askPhrases {
			if hasPhraseAt(toks, i, p) {
				return true
			}
		}
	}
	return false
}

func hasPhraseAt(toks []Token, i int, p []string) bool {
	if len(toks)-i < len(p) {
		return false
	}
	for k, w := range p {
		if toks[i+k].Word != w {
			return false
		}
	}
	return true
}
