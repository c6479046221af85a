package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The small filters every analyzer here is built from: the matcher's Analyzer, which adds the
// FAQ's synonyms and vocabulary, and triage's, which never sees moderators' words. Each reads
// normalised, lower-case text.

// EachWord calls fn with each run of letters and digits in s (an apostrophe inside a word is
// kept, so contractions reach Contraction whole).
func EachWord(s string, fn func(string)) {
	start, skip := -1, 0
	for i, r := range s {
		if i < skip {
			continue // the rest of a slashed form already given (slashedAt)
		}
		var inWord bool
		if r < utf8.RuneSelf { // ASCII fast path
			c := byte(r)
			if c == '/' && start >= 0 {
				if ws, end := slashedAt(s, start, i); end > 0 {
					for _, w := range ws {
						fn(w)
					}
					start, skip = -1, end
					continue
				}
			}
			inWord = wordByte[c] || c == '\'' && start >= 0 && i+1 < len(s) && isLetterByte(s[i+1])
		} else {
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

// slashed are the short forms typed with a slash between letters, each with the words it reads
// as (words/slashed.txt: "y/o" is "year old", not "y", read "why", and "o").
var slashed = wordsFor("slashed")

// slashedAt returns the words a slashed form of s read from start, its slash at slash, reads as
// and where the form ends, or end 0: "15 y/o" gives "year old". The form must end where a word
// would.
func slashedAt(s string, start, slash int) ([]string, int) {
	end := slash + 1
	for end < len(s) && wordByte[s[end]] {
		end++
	}
	w, ok := slashed[s[start:end]]
	if !ok {
		return nil, 0
	}
	return w, end
}

// wordByte marks the ASCII letters and digits.
var wordByte = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
	}
	return t
}()

func isLetterByte(c byte) bool { return (c >= 'a' && c <= 'z') || c >= utf8.RuneSelf }

// IsPlainWord reports whether w is a plain lower-case ASCII word that stemming and typo
// correction can handle.
func IsPlainWord(w string) bool {
	if len(w) == 0 || len(w) > 40 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Stem returns w's Porter2 stem, after the overrides in words/stems.txt ("disk" is "disc").
func Stem(w string) string {
	if !IsPlainWord(w) {
		return w
	}
	if s, ok := stemOverrides[w]; ok {
		return s
	}
	return english.Stem(w, true)
}

// Contraction splits a contracted word: "can't" gives ("can", true), "i'm" ("i", false), and
// "dont", typed without its apostrophe, ("do", true) from words/negations.txt. ok is false for
// a word that is not a contraction.
func Contraction(w string) (base string, neg, ok bool) {
	if b, ok := bareNegations[w]; ok {
		return b, true, true
	}
	if !strings.ContainsRune(w, '\'') {
		return "", false, false
	}
	if b, ok := strings.CutSuffix(w, "n't"); ok {
		switch b {
		case "ca":
			b = "can"
		case "wo":
			b = "will"
		case "sha":
			b = "shall"
		case "ai":
			b = "is"
		}
		return b, true, true
	}
	for _, suf := range []string{"'s", "'re", "'ve", "'ll", "'d", "'m"} {
		if b, ok := strings.CutSuffix(w, suf); ok {
			return b, false, true
		}
	}
	return strings.ReplaceAll(w, "'", ""), false, true
}
