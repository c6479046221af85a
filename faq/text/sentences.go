package text

import "strings"

// askPhrases mark the sentence that holds a message's ask when it has no question mark, each
// as its words, filed under its first word.
var askPhrases = phrasesByFirstWord("asks")

// phrasesByFirstWord reads the phrase list words/name.txt, each phrase as its words, filed
// under its first word so a reader looks up each word once rather than trying every phrase.
func phrasesByFirstWord(name string) map[string][][]string {
	out := map[string][][]string{}
	for _, p := range PhraseList(name) {
		if f := strings.Fields(p); len(f) > 0 {
			out[f[0]] = append(out[f[0]], f)
		}
	}
	return out
}

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
		if AskAt(toks, i) {
			return true
		}
	}
	return false
}

// AskAt reports whether a phrase of asking (words/asks.txt) starts at toks[i].
func AskAt(toks []Token, i int) bool {
	for _, p := range askPhrases[toks[i].Word] {
		if hasPhraseAt(toks, i, p) {
			return true
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
