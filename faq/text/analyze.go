package text

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Token is one word of analysed text.
type Token struct {
	// Word is the lower-cased word as written, after contractions are expanded ("can't" gives
	// "can" and "not").
	Word string
	// Term is the id of the word's stem in the analyzer's vocabulary, or -1 when it is unknown or
	// a stopword.
	Term int32
	// Stop marks function words ("the", "my", "not") that carry no topic.
	Stop bool
	// Fuzzy marks a word that was not in the vocabulary and was read as a near spelling of one.
	Fuzzy bool
	// Synonym marks a token of a synonym phrase's canonical wording ("back problems" reads as
	// "bad back"); its Word is the phrase's first word as written.
	Synonym bool
	// Aside marks a word mentioned in passing, after "without" or "instead of" (MarkAsides).
	Aside bool
	// Tags holds the word classes a reader of the tokens gives the word for its own rules, so
	// each rule tests bits instead of looking the word up again (the matcher's word kinds).
	// The analyzer leaves it zero.
	Tags uint64
}

// Analyzer turns text into tokens: lower case, contractions, stopwords, stems, synonym phrases
// mapped to their canonical wording, and misspellings corrected against its vocabulary. It is
// safe for concurrent use once built.
type Analyzer struct {
	vocab   *Vocab           // known words as written, and typo correction against them
	stems   map[string]int32 // stem -> term
	terms   []string         // term -> stem
	phrases *phraseNode      // synonym phrases over terms
	// negated holds the synonym phrases that open with a stopword, under that word: they match
	// only after it. Read without it, a phrase that opens with a word of denial ("without a
	// prescription") would say the opposite, and one that opens with filler ("keep moving",
	// "over the counter") would fire on every "moving" or "counter".
	negated map[string]*phraseNode
	common  CommonWords        // words of the language that are never typos; nil: none known
	known   map[string]reading // how appendWord reads each word of the vocabulary and word lists
	unknown sync.Map           // word not written in the vocabulary -> its Token, bounded by maxUnknown
	nUnk    atomic.Int32
}

// reading is how the analyzer reads a word it knows before any text (knownReadings): the tokens
// appendWord appends for it, and whether it is a young age (words/ages.txt [ages]). Reading a known
// word is then one lookup, not one a list.
type reading struct {
	toks []Token
	age  bool
}

// maxUnknown bounds how many readings of unknown words an analyzer remembers; stemming and typo
// correction cost more than the rest of reading a story.
const maxUnknown = 50000

type phraseNode struct {
	next  map[int32]*phraseNode
	canon []int32 // terms to emit when a phrase ends here; nil when none ends here
	depth int
}

// CommonWords reports whether a lower-case word is a common word of the language in its own
// right. The analyzer never reads such a word as a misspelling of a vocabulary word: "black"
// is not a typo for "back", nor "message" for "massage".
type CommonWords func(word string) bool

// NewAnalyzer builds an analyzer whose vocabulary is every word in texts and in synonyms.
// Each synonym group maps to its first member. It knows no common words, so it mends any word
// near enough to one of its own; NewAnalyzerWith is the same with a common-word test.
func NewAnalyzer(synonyms [][]string, texts ...string) *Analyzer {
	return NewAnalyzerWith(nil, synonyms, texts...)
}

// NewAnalyzerWith is NewAnalyzer with common (which may be nil) telling it which words outside
// its vocabulary are real words, not typos.
func NewAnalyzerWith(common CommonWords, synonyms [][]string, texts ...string) *Analyzer {
	a := &Analyzer{
		common:  common,
		vocab:   NewVocab(),
		stems:   map[string]int32{},
		phrases: &phraseNode{},
	}
	a.vocab.ShortSwaps = common != nil
	stemTerm := func(w string) int32 { return a.term(Stem(w)) }
	learn := func(text string) {
		EachWord(text, func(w string) {
			if !stopwords[w] && IsPlainWord(w) {
				a.vocab.Learn(w, stemTerm)
			}
		})
	}
	for _, g := range synonyms {
		for _, s := range g {
			learn(s)
		}
	}
	for _, t := range texts {
		learn(t)
	}
	a.vocab.Index()
	a.known = a.knownReadings()
	for _, g := range synonyms {
		canon := a.termsOf(g[0])
		if len(canon) == 0 {
			continue
		}
		for _, s := range g[1:] {
			a.addPhrase(a.phraseRoot(s), a.termsOf(s), canon)
		}
	}
	return a
}

// knownReadings reads once each word of the vocabulary, the stopwords, the chat forms, the bare
// negations and the ages, as appendWord reads it.
func (a *Analyzer) knownReadings() map[string]reading {
	m := map[string]reading{}
	add := func(w string) {
		if _, ok := m[w]; !ok && w != "" {
			m[w] = reading{toks: a.appendWord(nil, w), age: ageNumbers[w]}
		}
	}
	a.vocab.Each(func(w string, _ int32) { add(w) })
	for _, set := range []map[string]bool{stopwords, ageNumbers} {
		for w := range set {
			add(w)
		}
	}
	for w := range chatForms {
		add(w)
	}
	for w := range bareNegations {
		add(w)
	}
	return m
}

func (a *Analyzer) term(s string) int32 {
	if t, ok := a.stems[s]; ok {
		return t
	}
	t := int32(len(a.terms))
	a.stems[s] = t
	a.terms = append(a.terms, s)
	return t
}

func (a *Analyzer) termsOf(s string) []int32 {
	var out []int32
	EachWord(s, func(w string) {
		if t, ok := a.vocab.Term(w); ok && !stopwords[w] {
			out = append(out, t)
		}
	})
	return out
}

// phraseRoot returns the trie synonym phrase s belongs in: the one under its first word when
// that is a stopword or a word of denial (negated), else the main one.
func (a *Analyzer) phraseRoot(s string) *phraseNode {
	first := ""
	EachWord(s, func(w string) {
		if first == "" {
			first = w
		}
	})
	if !denials[first] && !stopwords[first] {
		return a.phrases
	}
	if a.negated == nil {
		a.negated = map[string]*phraseNode{}
	}
	if a.negated[first] == nil {
		a.negated[first] = &phraseNode{}
	}
	return a.negated[first]
}

func (a *Analyzer) addPhrase(n *phraseNode, seq, canon []int32) {
	if len(seq) == 0 || n == a.phrases && equalTerms(seq, canon) {
		return
	}
	for i, t := range seq {
		if n.next == nil {
			n.next = map[int32]*phraseNode{}
		}
		c, ok := n.next[t]
		if !ok {
			c = &phraseNode{depth: i + 1}
			n.next[t] = c
		}
		n = c
	}
	if n.canon == nil {
		n.canon = canon
	}
}

// NumTerms is the size of the vocabulary; term ids run from 0 to NumTerms()-1.
func (a *Analyzer) NumTerms() int { return len(a.terms) }

// TermOf returns the term of word's stem when the vocabulary has it.
func (a *Analyzer) TermOf(word string) (int32, bool) {
	t, ok := a.stems[Stem(word)]
	return t, ok
}

// Stem returns the stem that a term id stands for.
func (a *Analyzer) Stem(t int32) string { return a.terms[t] }

// Analyze appends the tokens of text to buf and returns it. Synonym phrases are replaced by the
// terms of their canonical wording.
func (a *Analyzer) Analyze(text string, buf []Token) []Token {
	start := len(buf)
	age := false // the last word was a young age said of oneself ("im 14"; words/ages.txt)
	opening := 0 // how far a young age opening the sentence has got ("16 and my"; openingAge)
	EachWord(fold(text), func(w string) {
		if age && !ageMeasures[w] || opening == 2 && ageThen[w] {
			buf = a.appendAge(buf)
		}
		r, known := a.known[w]
		if !known {
			r.age = ageNumbers[w]
		}
		age = r.age && saysOwnAge(buf[start:])
		opening = openingAge(opening, w, r.age, len(buf) == start)
		if known {
			buf = append(buf, r.toks...)
		} else {
			buf = a.appendWord(buf, w)
		}
	})
	if age {
		buf = a.appendAge(buf)
	}
	adultAges(buf[start:])
	buf = a.youngAges(buf, start)
	return a.applySynonyms(buf, start)
}

// adultAges reads the "old" of a grown-up's age ("a 67-year-old man", "45 years old", "70yo") as a
// stopword: it says nothing of the topic, and read as a word it leans to the young-people entry,
// whose phrasings say a child's age so ("my 12 year old"). A number from [adult from] on, then a
// word of [adult years] and then one of [adult old] (words/ages.txt).
func adultAges(toks []Token) {
	for i := 0; i+2 < len(toks); i++ {
		if !adultYears[toks[i+1].Word] || !adultOld[toks[i+2].Word] {
			continue
		}
		if n, err := strconv.Atoi(toks[i].Word); err == nil && n >= adultFrom && n < 150 {
			toks[i+2].Term, toks[i+2].Stop, toks[i+2].Fuzzy = -1, true, false
		}
	}
}

// saysOwnAge reports whether toks end in words that say one's own age ("im", "i am"), not
// after a word that makes it a manner of speaking ("like im 12"; words/ages.txt).
func saysOwnAge(toks []Token) bool {
	n := len(toks)
	if n == 0 || !ageSelf[toks[n-1].Word] {
		return false
	}
	for k := n - 2; k >= 0 && k >= n-3; k-- {
		if ageNotAfter[toks[k].Word] {
			return false
		}
		if !ageSelf[toks[k].Word] {
			break
		}
	}
	return true
}

// openingAge steps through a young age that opens a sentence and goes on to the writer ("16 and
// my back hurts"; words/ages.txt [opening], [then]): 1 after the number, 2 after the word of
// [opening] that follows it, else 0. The word after that decides ("14 and a half weeks" is none).
// age says w is a young age, first that it opens the sentence.
func openingAge(step int, w string, age, first bool) int {
	switch {
	case first && age:
		return 1
	case step == 1 && ageOpeners[w]:
		return 2
	}
	return 0
}

// appendAge appends the words a young age said of oneself reads as (words/ages.txt [reads]).
func (a *Analyzer) appendAge(buf []Token) []Token {
	for _, w := range ageReads {
		buf = a.appendWord(buf, w)
	}
	return buf
}

func (a *Analyzer) appendWord(buf []Token, w string) []Token {
	if w == "" {
		return buf
	}
	if full, ok := chatForms[w]; ok {
		for _, f := range full {
			buf = a.appendWord(buf, f)
		}
		return buf
	}
	if base, neg, ok := Contraction(w); ok {
		buf = a.appendWord(buf, base)
		if neg {
			buf = append(buf, Token{Word: "not", Term: -1, Stop: true})
		}
		return buf
	}
	if w[0] >= '0' && w[0] <= '9' {
		return a.appendNumber(buf, w)
	}
	if stopwords[w] {
		return append(buf, Token{Word: w, Term: -1, Stop: true})
	}
	if t, ok := a.vocab.Term(w); ok {
		return append(buf, Token{Word: w, Term: t})
	}
	if !IsPlainWord(w) {
		return append(buf, Token{Word: w, Term: -1})
	}
	if t, ok := a.unknown.Load(w); ok {
		return append(buf, t.(Token))
	}
	t := a.readUnknown(w)
	if a.nUnk.Load() < maxUnknown {
		a.nUnk.Add(1)
		a.unknown.Store(t.Word, t)
	}
	return append(buf, t)
}

// appendNumber appends a word that starts with a digit: a number with a unit after it ("9yo",
// "20kg") as the number and the unit's words (words/units.txt), anything else ("5k", "20s",
// "3pm") as a number, which says nothing about the topic. (Reading "5k" or "20s" as FAQ words
// answered "my first 10k race" and cost dev short questions three places.)
func (a *Analyzer) appendNumber(buf []Token, w string) []Token {
	n := strings.IndexFunc(w, isLetter)
	if n < 0 {
		return append(buf, Token{Word: w, Term: -1, Stop: true})
	}
	unit, ok := units[w[n:]]
	if !ok || strings.IndexFunc(w[:n], isLetter) >= 0 || ordinal(w[:n], w[n:]) {
		return append(buf, Token{Word: w, Term: -1, Stop: true})
	}
	buf = append(buf, Token{Word: w[:n], Term: -1, Stop: true})
	for _, u := range unit {
		buf = a.appendWord(buf, u)
	}
	return buf
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' }

// ordinal reports whether digits and the letters after them spell an ordinal ("1st", "21st"), not
// a unit: "st" after a number ending in 1 but not 11 is "first", and "12st" is twelve stone.
func ordinal(digits, suffix string) bool {
	return suffix == "st" && strings.HasSuffix(digits, "1") && !strings.HasSuffix(digits, "11")
}

// readUnknown reads a plain word not written in the vocabulary: by its stem, else, unless it
// is a common word in its own right, as a typo.
func (a *Analyzer) readUnknown(w string) Token {
	w = strings.Clone(w) // kept in the cache: not a slice of the caller's text
	if t, ok := a.stems[Stem(w)]; ok {
		return Token{Word: w, Term: t}
	}
	if a.common != nil && a.common(w) && !typos[w] {
		return Token{Word: w, Term: -1}
	}
	if t := a.vocab.Correct(w); t >= 0 {
		return Token{Word: w, Term: t, Fuzzy: true}
	}
	return Token{Word: w, Term: -1}
}

// applySynonyms rewrites buf[start:], replacing the longest synonym phrase at each position
// (stopwords inside a phrase are skipped) by its canonical terms. When a phrase matches it writes
// the rewritten tokens after buf's own and moves them down, so buf's room is reused.
func (a *Analyzer) applySynonyms(buf []Token, start int) []Token {
	if a.phrases.next == nil {
		return buf
	}
	n := len(buf)
	out := -1 // where the rewritten tokens start in buf, once a phrase has matched
	for i := start; i < n; {
		best, end := a.longestPhrase(buf[:n], i)
		if best == nil && buf[i].Stop && a.negated != nil {
			if b, e := a.afterDenial(buf[:n], i); b != nil {
				if out >= 0 {
					buf = append(buf, buf[i]) // the denial stays, as the stopword it is
				}
				best, end, i = b, e, i+1
			}
		}
		if best == nil {
			if out >= 0 {
				buf = append(buf, buf[i])
			}
			i++
			continue
		}
		if out < 0 {
			out = len(buf)
			buf = append(buf, buf[start:i]...)
		}
		fuzzy := false
		for _, t := range buf[i:end] {
			fuzzy = fuzzy || t.Fuzzy
		}
		for _, t := range best.canon {
			buf = append(buf, Token{Word: buf[i].Word, Term: t, Fuzzy: fuzzy, Synonym: true})
		}
		i = end
	}
	if out < 0 {
		return buf
	}
	return append(buf[:start], buf[out:]...)
}

// longestPhrase returns the node of the longest synonym phrase starting at toks[i] and the index
// just past it, or nil.
func (a *Analyzer) longestPhrase(toks []Token, i int) (*phraseNode, int) {
	if toks[i].Term < 0 {
		return nil, i
	}
	return longestFrom(a.phrases, toks, i)
}

// afterDenial returns the node of the longest phrase of negated that follows the word of denial
// toks[i] ("without a prescription"), and the index just past it, or nil.
func (a *Analyzer) afterDenial(toks []Token, i int) (*phraseNode, int) {
	root := a.negated[toks[i].Word]
	if root == nil || i+1 >= len(toks) || toks[i+1].Term < 0 && !toks[i+1].Stop {
		return nil, i
	}
	return longestFrom(root, toks, i+1)
}

// longestFrom returns the node of the longest phrase of the trie n starting at toks[i], skipping
// stopwords, and the index just past it, or nil.
func longestFrom(n *phraseNode, toks []Token, i int) (*phraseNode, int) {
	var best *phraseNode
	bestEnd := i
	for j := i; j < len(toks); j++ {
		if toks[j].Stop {
			continue
		}
		if toks[j].Term < 0 {
			break
		}
		if n = n.next[toks[j].Term]; n == nil {
			break
		}
		if n.canon != nil {
			best, bestEnd = n, j+1
		}
	}
	return best, bestEnd
}

func equalTerms(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fold lower-cases text and maps typographic apostrophes to ASCII ones.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// Words calls fn with each word of s as the analyzer reads it: lower case, typographic
// apostrophes made plain, contractions not yet expanded.
func Words(s string, fn func(word string)) { EachWord(fold(s), fn) }

// PlainWords returns the words of s joined by single spaces: the form texts are compared in.
func PlainWords(s string) string {
	var b strings.Builder
	Words(s, func(w string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	})
	return b.String()
}

// IsStopword reports whether w (lower case) is a function word that carries no topic.
func IsStopword(w string) bool { return stopwords[w] }

// stemOverrides fixes stems the Porter2 algorithm leaves apart though people mean the same.
var stemOverrides = WordPairs("stems")

// stopwords are function words and chat filler that say nothing about the topic.
var stopwords = WordSet("stopwords")

// denials are the words of denial (words/negators.txt) that may open a synonym phrase: "without a
// prescription" is over the counter, "prescription" alone is not.
var denials = WordSet("negators", "")

// typos are spellings a CommonWords test may count as words that are nearly always slips in
// chat ("hurst" for "hurts"): the analyzer mends them all the same.
var typos = WordSet("typos")

// chatForms are short forms typed in chat ("shud", "til", "rn"), each with the words it stands for.
var chatForms = wordsFor("chat")

// A young age said of oneself ("im 14"; words/ages.txt): the words before it, the numbers, the
// words it reads as, the words after a number that make it no age ("im 14 weeks pregnant"), and
// the words after a number opening a sentence that make it one's age ("16 and my back hurts").
var (
	ageSelf     = WordSet("ages", "self")
	ageNumbers  = WordSet("ages", "ages")
	ageReads    = slices.Sorted(maps.Keys(WordSet("ages", "reads")))
	ageMeasures = WordSet("ages", "measures")
	ageNotAfter = WordSet("ages", "not after")
	ageOpeners  = WordSet("ages", "opening")
	ageThen     = WordSet("ages", "then")
	adultYears  = WordSet("ages", "adult years")
	adultOld    = WordSet("ages", "adult old")
	adultFrom   = firstNumber(WordSet("ages", "adult from"))
	agePast     = WordSet("ages", "past")
)

// youngAges appends, after a young age said of someone ("my 15 year old", "a 13-year-old son",
// "my 14yo"), the words a young age said of oneself reads as (words/ages.txt [reads]): a number
// of [ages], a word of [adult years] and one of [adult old], not after a word of [past] ("since I
// was 10 years old" tells when a long trouble began). It returns buf.
func (a *Analyzer) youngAges(buf []Token, start int) []Token {
	for i := start; i+2 < len(buf); i++ {
		if !ageNumbers[buf[i].Word] || !adultYears[buf[i+1].Word] || !adultOld[buf[i+2].Word] || i > start && agePast[buf[i-1].Word] {
			continue
		}
		var reads []Token
		for _, w := range ageReads {
			reads = a.appendWord(reads, w)
		}
		buf = slices.Insert(buf, i+3, reads...)
		i += 2 + len(reads)
	}
	return buf
}

// firstNumber returns the number of a one-number word list (0 when it has none).
func firstNumber(set map[string]bool) int {
	for w := range set {
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
	}
	return 0
}

// units are the units typed straight after a number ("9yo", "20kg"), each with its words.
var units = wordsFor("units")

// wordsFor reads words/name.txt as lines of a form and the words it stands for.
func wordsFor(name string) map[string][]string {
	m := map[string][]string{}
	for _, l := range PhraseList(name) {
		if f := strings.Fields(l); len(f) > 1 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

// bareNegations are negative contractions typed without the apostrophe.
var bareNegations = WordPairs("negations")

// EachKnown calls fn with each word of the vocabulary as written and its term.
func (a *Analyzer) EachKnown(fn func(word string, term int32)) {
	a.vocab.Each(fn)
}
