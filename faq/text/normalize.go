package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as triage and matching read it:
//   - valid UTF-8: bytes that are not UTF-8 are dropped, so junk cannot split a word;
//   - Unicode compatibility form (NFKD, then NFC at the end: together NFKC), so fullwidth letters,
//     mathematical alphabets, ligatures and circled letters become plain letters;
//   - invisible characters removed: format characters (Unicode category Cf: zero-width space and
//     joiners, soft hyphen, bidi marks, word joiner), variation selectors, and combining marks
//     (accents, strike-through and underline overlays), so "p\u200bee" and "p\u0336ee" read "pee";
//   - look-alike letters folded to Latin with Unicode's confusables table (UTS #39, as packaged by
//     github.com/mtibben/confusables): Cyrillic "р", Greek "ο" and the like become "p" and "o".
//     Only letters that look like ASCII letters are folded; other scripts are left as they are;
//   - control characters (newlines, tabs, NUL) become spaces.
//
// Case is kept. Normalize never fails and its output is valid UTF-8.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r < ' ' || r == 0x7f {
				r = ' '
			}
			b.WriteByte(byte(r))
		case invisible(r):
		case unicode.IsControl(r) || unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(foldWords(b.String()))
}

// foldWords folds look-alike letters to Latin in each word that is Latin with look-alikes mixed
// in ("саnt") or made wholly of look-alikes ("рее"). A word in another script that merely has
// some letters shaped like Latin ones ("спина") is left alone.
func foldWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsLetter)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		if j < 0 {
			j = len(s)
		}
		foldWord(&b, s[:j])
		s = s[j:]
	}
	return b.String()
}

func foldWord(b *strings.Builder, w string) {
	if isPlain(w) {
		b.WriteString(w)
		return
	}
	latin, all := false, true
	for _, r := range w {
		if r < utf8.RuneSelf {
			latin = true
		} else if _, ok := foldLatin(r); !ok {
			all = false
		}
	}
	if !latin && !all {
		b.WriteString(w)
		return
	}
	for _, r := range w {
		if l, ok := foldLatin(r); ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
}

// isPlain reports whether s is printable ASCII already, the common case, which needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// invisible reports whether r draws nothing by itself, or only marks the letter before it.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) ||
		unicode.Is(unicode.Variation_Selector, r) || r == '\u3164' || r == '\uffa0' // Hangul fillers
}

// foldLatin returns the ASCII letters that r is confusable with, if it is confusable with
// letters only.
func foldLatin(r rune) (string, bool) {
	if r > 0x1ffff {
		return "", false
	}
	s, ok := latinTable()[r]
	return s, ok
}

// latinTable maps every code point below U+20000 whose confusables skeleton is ASCII letters to
// those letters. It is built once, on the first non-ASCII letter Normalize sees.
var latinTable = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for r := rune(0x80); r <= 0x1ffff; r++ {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsSymbol(r) {
			continue
		}
		sk := confusables.Skeleton(string(r))
		if sk != "" && asciiLetters(sk) {
			m[r] = sk
		}
	}
	return m
})

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
