package triage

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/agnivade/levenshtein"
	analysis "github.com/backpainbot/backpainbot/faq/text"
)

// Triage reads text with its own analysis, never the matcher's: moderators' synonyms and FAQ
// wording cannot change how a red flag is read. The pipeline, in the order a word meets it:
//
//	tokenize   runs of letters and digits over faq/text.Normalize output, lower-cased;
//	           typographic apostrophes read as "'"
//	contract   "can't", "cant", "dont" -> "can not", "do not"; "i'm" -> "i"
//	stop       function words (data/stopwords.txt) are marked, not dropped: negators are stop words
//	stem       Porter2 (snowball), plus the few overrides below
//	correct    a word outside the vocabulary is read as the nearest vocabulary word within one
//	           edit (two for words of eight letters or more); the vocabulary is the lexicon plus
//	           the decoys (data/decoys.txt), real words that must not be "corrected"

// Token is one word of analysed text.
type Token struct {
	// Word is the lower-cased word as written, after contractions are expanded.
	Word string
	// Term is the id of the word's stem in the vocabulary, or -1 when unknown or a stop word.
	Term int32
	// Stop marks function words ("the", "my", "not").
	Stop bool
	// Fuzzy marks a word read as a near spelling of a vocabulary word.
	Fuzzy bool
	// slot is 1 + the index of the word in the analyzer's table of words read in one lookup
	// (stop words and vocabulary words), or 0; the detector keeps each one's reading by slot.
	slot int32
}

var (
	//go:embed data/stopwords.txt
	stopwordsFile string
	//go:embed data/decoys.txt
	decoysFile string

	stopwords = wordSet(stopwordsFile)
	decoys    = dataWords(decoysFile)
)

// dataWords returns the words of a data file, comments (# to end of line) left out.
func dataWords(file string) string {
	var b strings.Builder
	for line := range strings.Lines(file) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
		b.WriteByte(' ')
	}
	return b.String()
}

func wordSet(file string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(dataWords(file)) {
		m[w] = true
	}
	return m
}

// analyzer turns text into tokens. It is safe for concurrent use once built.
type analyzer struct {
	known   map[string]int32   // known word as written -> index into words
	stems   map[string]int32   // stem -> term
	terms   []string           // term -> stem
	words   []string           // known words as written, for typo correction
	wordFrq []int32            // how often each known word occurs
	wordTrm []int32            // term of each known word
	deletes map[string][]int32 // a known word with one letter deleted -> known words
	// seen caches how words outside the vocabulary were read (stem and typo correction are the
	// slow steps); it stops growing at maxSeen words.
	seen  sync.Map // string -> Token
	nSeen atomic.Int32
	fixed map[string]Token // stop words and known words: how each reads, in one lookup
	nSlot int32            // how many words fixed holds
	not   Token            // how "not" reads, for "can't" and "dont"
}

const maxSeen = 50_000

// newAnalyzer builds an analyzer whose vocabulary is every word in texts.
func newAnalyzer(texts ...string) *analyzer {
	a := &analyzer{known: map[string]int32{}, stems: map[string]int32{}, deletes: map[string][]int32{}}
	for _, text := range texts {
		analysis.EachWord(lower(text), func(w string) {
			if stopwords[w] || !analysis.IsPlainWord(w) {
				return
			}
			if i, ok := a.known[w]; ok {
				a.wordFrq[i]++
				return
			}
			a.known[w] = int32(len(a.words))
			a.words = append(a.words, w)
			a.wordFrq = append(a.wordFrq, 1)
			a.wordTrm = append(a.wordTrm, a.term(analysis.Stem(w)))
		})
	}
	a.fixed = make(map[string]Token, len(a.known)+len(stopwords))
	for w, i := range a.known {
		a.fixed[w] = Token{Word: w, Term: a.wordTrm[i]}
	}
	for w := range stopwords {
		a.fixed[w] = Token{Word: w, Term: -1, Stop: true}
	}
	for w, t := range a.fixed {
		if _, neg, ok := analysis.Contraction(w); ok || neg {
			delete(a.fixed, w) // contractions are split before the lookup would find them
			continue
		}
		a.nSlot++
		t.slot = a.nSlot
		a.fixed[w] = t
	}
	a.not = Token{Word: "not", Term: -1, Stop: true}
	if t, ok := a.fixed["not"]; ok {
		a.not = t
	}
	for i, w := range a.words {
		if len(w) < 4 {
			continue
		}
		for j := 0; j < len(w); j++ {
			d := w[:j] + w[j+1:]
			if l := a.deletes[d]; len(l) == 0 || l[len(l)-1] != int32(i) {
				a.deletes[d] = append(l, int32(i))
			}
		}
	}
	return a
}

func (a *analyzer) term(s string) int32 {
	if t, ok := a.stems[s]; ok {
		return t
	}
	t := int32(len(a.terms))
	a.stems[s] = t
	a.terms = append(a.terms, s)
	return t
}

// NumTerms is the size of the vocabulary.
func (a *analyzer) NumTerms() int { return len(a.terms) }

// Stem returns the stem a term id stands for.
func (a *analyzer) Stem(t int32) string { return a.terms[t] }

// Analyze appends the tokens of text to buf and returns it.
func (a *analyzer) Analyze(text string, buf []Token) []Token {
	return a.analyzeLower(lower(text), buf)
}

// analyzeLower is Analyze for text already lower-cased by lower.
func (a *analyzer) analyzeLower(text string, buf []Token) []Token {
	analysis.EachWord(text, func(w string) { buf = a.appendWord(buf, w) })
	return buf
}

func (a *analyzer) appendWord(buf []Token, w string) []Token {
	if w == "" {
		return buf
	}
	if t, ok := a.fixed[w]; ok { // never a contraction: see newAnalyzer
		t.Word = w
		return append(buf, t)
	}
	if base, neg, ok := analysis.Contraction(w); ok {
		buf = a.appendWord(buf, base)
		if neg {
			buf = append(buf, a.not)
		}
		return buf
	}
	if w[0] >= '0' && w[0] <= '9' {
		return append(buf, Token{Word: w, Term: -1, Stop: true})
	}
	if !analysis.IsPlainWord(w) {
		return append(buf, Token{Word: w, Term: -1})
	}
	if v, ok := a.seen.Load(w); ok {
		t := v.(Token)
		t.Word = w
		return append(buf, t)
	}
	t := a.unknown(w)
	if a.nSeen.Load() < maxSeen {
		a.nSeen.Add(1)
		c := t
		c.Word = strings.Clone(w)
		a.seen.Store(c.Word, c)
	}
	return append(buf, t)
}

// unknown reads a word outside the vocabulary: by its stem, else as a typo of a known word.
func (a *analyzer) unknown(w string) Token {
	if t, ok := a.stems[analysis.Stem(w)]; ok {
		return Token{Word: w, Term: t}
	}
	if t := a.correct(w); t >= 0 {
		return Token{Word: w, Term: t, Fuzzy: true}
	}
	return Token{Word: w, Term: -1}
}

// correct returns the term of the known word closest to w within the allowed edit distance, or
// -1, looking candidates up through a deletion index rather than scanning the vocabulary.
func (a *analyzer) correct(w string) int32 {
	n := len(w)
	if n < 4 || n > 24 {
		return -1
	}
	maxD := 1
	if n >= 8 {
		maxD = 2
	}
	best, bestD, bestF := int32(-1), maxD+1, int32(0)
	consider := func(i int32) {
		word := a.words[i]
		if abs(len(word)-n) > maxD {
			return
		}
		// Short words: people rarely get the first letter wrong, and a four-letter word that
		// differs by a letter is usually another real word, so only a missing letter is mended.
		if n < 7 && word[0] != w[0] || n == 4 && len(word) != n+1 {
			return
		}
		d := levenshtein.ComputeDistance(w, word)
		if d < bestD || (d == bestD && a.wordFrq[i] > bestF) {
			best, bestD, bestF = i, d, a.wordFrq[i]
		}
	}
	for _, i := range a.deletes[w] { // w lacks a letter
		consider(i)
	}
	var buf [24]byte
	for j := 0; j+1 < n; j++ { // two letters swapped: "grion", "bowles"
		if w[j] == w[j+1] {
			continue
		}
		t := append(buf[:0], w...)
		t[j], t[j+1] = t[j+1], t[j]
		if i, ok := a.known[string(t)]; ok && (n >= 5 || j > 0) {
			if bestD > 1 || a.wordFrq[i] > bestF {
				best, bestD, bestF = i, 1, a.wordFrq[i]
			}
		}
	}
	for j := 0; j < n; j++ {
		d := append(append(buf[:0], w[:j]...), w[j+1:]...)
		if i, ok := a.known[string(d)]; ok { // w has an extra letter
			consider(i)
		}
		for _, i := range a.deletes[string(d)] { // a letter differs
			consider(i)
		}
		if maxD < 2 {
			continue
		}
		var buf2 [24]byte
		for k := j; k < len(d); k++ {
			d2 := append(append(buf2[:0], d[:k]...), d[k+1:]...)
			if i, ok := a.known[string(d2)]; ok { // two extra letters
				consider(i)
			}
		}
	}
	if best < 0 {
		return -1
	}
	return a.wordTrm[best]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lower lower-cases text and maps typographic apostrophes to ASCII ones.
func lower(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			goto unicodeCase
		} else if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	return strings.ToLower(s) // ASCII: one pass, one allocation
unicodeCase:
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// lower is lower for Check: ASCII text is lower-cased into the scratch buffer, so the tokens,
// which are only read while the message is checked, need no new string.
func (s *scratch) lower(text string) string {
	upper := false
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf {
			return lower(text)
		} else if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return text
	}
	b := append(s.low[:0], text...)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	s.low = b
	return unsafe.String(unsafe.SliceData(b), len(b))
}
