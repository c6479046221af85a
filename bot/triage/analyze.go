package triage

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
//	           edit (two for words of eight letters or more) by faq/text.Vocab, the matcher's
//	           mender too; the vocabulary is the lexicon plus the decoys (data/decoys.txt), real
//	           words that must not be "corrected"

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
	vocab *analysis.Vocab  // known words as written, and typo correction against them
	stems map[string]int32 // stem -> term
	terms []string         // term -> stem
	// seen caches how words outside the vocabulary were read (stem and typo correction are the
	// slow steps); it stops growing at maxSeen words.
	seen  sync.Map // string -> Token
	nSeen atomic.Int32
	fixed map[string]fixedRead // stop words and known words: how each reads, in one lookup
	nSlot int32                // how many words fixed holds
	not   Token                // how "not" reads, for "can't" and "dont"
}

const maxSeen = 50_000

// fixedRead is how a stop word or known word reads, kept small for the lookup of every word.
type fixedRead struct {
	term, slot int32
	stop       bool
}

// token is w read as f says.
func (f fixedRead) token(w string) Token {
	return Token{Word: w, Term: f.term, Stop: f.stop, slot: f.slot}
}

// newAnalyzer builds an analyzer whose vocabulary is every word in texts.
func newAnalyzer(texts ...string) *analyzer {
	a := &analyzer{vocab: analysis.NewVocab(), stems: map[string]int32{}}
	// Red-flag words are mended even when short ("bakc"): triage knows no common-word list, but
	// its vocabulary is the lexicon and the decoys, so a near miss is far likelier a typo.
	a.vocab.ShortSwaps = true
	stemTerm := func(w string) int32 { return a.term(analysis.Stem(w)) }
	for _, text := range texts {
		analysis.EachWord(lower(text), func(w string) {
			if !stopwords[w] && analysis.IsPlainWord(w) {
				a.vocab.Learn(w, stemTerm)
			}
		})
	}
	a.fixed = make(map[string]fixedRead, len(stopwords))
	a.vocab.Each(func(w string, t int32) { a.fixed[w] = fixedRead{term: t} })
	for w := range stopwords {
		a.fixed[w] = fixedRead{term: -1, stop: true}
	}
	for w, f := range a.fixed {
		if _, neg, ok := analysis.Contraction(w); ok || neg {
			delete(a.fixed, w) // contractions are split before the lookup would find them
			continue
		}
		a.nSlot++
		f.slot = a.nSlot
		a.fixed[w] = f
	}
	a.not = Token{Word: "not", Term: -1, Stop: true}
	if f, ok := a.fixed["not"]; ok {
		a.not = f.token("not")
	}
	a.vocab.Index()
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
	if f, ok := a.fixed[w]; ok { // never a contraction: see newAnalyzer
		return append(buf, f.token(w))
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
	if t := a.vocab.Correct(w); t >= 0 {
		return Token{Word: w, Term: t, Fuzzy: true}
	}
	return Token{Word: w, Term: -1}
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
