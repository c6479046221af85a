package text

import "strings"

// askPhrases mark the sentence that holds a message's ask when it has no question mark.
var askPhrases = PhraseList("asks")

// Sentences calls fn with each sentence of s (text up to . ? ! ; or a line break) and whether
// it is an ask: it ends with a question mark or contains an ask phrase ("any advice", "what
// should i do"). In a story that is usually the sentence that says what the writer wants.
func Sentences(s string, fn func(sentence string, ask bool)) {
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '?', '!', ';', '\n':
			if i > start {
				sent := s[start:i]
				fn(sent, s[i] == '?' || IsAsk(sent))
			}
			start = i + 1
		}
	}
	if start < len(s) {
		fn(s[start:], IsAsk(s[start:]))
	}
}

// IsAsk reports whether sentence contains one of the ask phrases.
func IsAsk(sentence string) bool {
	p := " " + PlainWords(sentence) + " "
	for _, a := range askPhrases {
		if strings.Contains(p, " "+a+" ") {
			return true
		}
	}
	return false
}
