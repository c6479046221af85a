// Package triage spots red-flag symptoms in a message and says how urgently the person needs care:
// an emergency now, a doctor soon, or neither.
//
// The red flags are data: data/rules.yaml holds each rule (what it catches in plain words, the
// concepts and windows it needs, examples that must and must not fire) and data/lexicon.yaml the
// words behind each concept; engine.go interprets them, and lower.go its `lower:` context rules,
// which give an emergency the story tells as dated and over, with nothing of it now, a doctor's
// tier (past.go). Triage reads text with its own analysis
// (analyze.go: tokens, stop words, stems, typo correction against its own vocabulary), never the
// matcher's, so FAQ synonyms cannot change how a red flag is read; moderators' red-flag phrases
// only add. It judges negation per symptom and escalates hedges and questions about a symptom: a
// missed emergency is far worse than a false alarm.
//
// How a message is read (scan.go): it is cut into sentences and clauses at punctuation (not at an
// ellipsis, a pause in chat: "feels... nothing") and at words such as "but"; each word is mapped to
// the concepts it stands for, and multi-word phrases ("pins and needles", "came off my bike", "fell
// asleep") are found over the analysed terms. A negator ("no", "not", "never", "without") reaches
// the nearest symptom after it in its clause, and a reassurance ("fine", "normal") the nearest one
// before it, so "no numbness, can't pee" still raises the alarm. Where the negated word is an
// ability rather than a symptom, the negation is the red flag: "can't pee", "no feeling", "no
// control", "can't walk"; so is a "no" answered to a question of ability ("asked if i could feel my
// bum and i said no"). A superlative told with "never" ("never been hit that hard") denies nothing.
// Questions and hypotheticals are never read as reassurance.
package triage

import (
	"strconv"
	"strings"
	"sync"

	"github.com/backpainbot/backpainbot/faq"
)

// Tier is how urgently someone needs care.
type Tier int

const (
	// None: no red flag; self-care information is fine.
	None Tier = iota
	// Doctor: see a doctor soon (same day to within a few days).
	Doctor
	// Emergency: go to an emergency department or call the local emergency number now.
	Emergency
)

// String returns "none", "doctor" or "emergency".
func (t Tier) String() string {
	switch t {
	case Emergency:
		return "emergency"
	case Doctor:
		return "doctor"
	}
	return "none"
}

// MarshalText makes a Tier read as its name in JSON.
func (t Tier) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Result is the verdict on one message.
type Result struct {
	Tier Tier
	// Why is one plain line on what the symptom can mean, for the notice.
	Why string
	// Category names the red flag found, e.g. "saddle numbness", for logs and tests.
	Category string
	// Flag is the id of the red flag found in data/rules.yaml, e.g. "saddle" (see Flags).
	Flag string
}

// Detector checks messages for red flags. It is immutable and safe for concurrent use.
type Detector struct {
	an     *analyzer
	terms  []lexEntry               // by term id
	words  map[string]lexEntry      // stopwords and other words without a term, as written
	exact  []bool                   // by term id: some phrase starts with an exact word of this term
	phr    []phrase                 // built-in phrases
	byTerm [][]phraseStart          // term id -> phrases starting with it, longest first
	byWord map[string][]phraseStart // word -> phrases starting with it, longest first
	extras []phrase                 // moderators' phrases: they add, never take away
	exTerm map[int32][]int32
	exWord map[string][]int32
	// slots is, by Token.slot, the reading of each word the analyzer reads in one lookup: its
	// entry and the phrases (built-in and moderators') that may start with it, so that reading a
	// message costs one map lookup per word.
	slots []slotRead
}

// slotRead is what the detector knows of one word before seeing its neighbours.
type slotRead struct {
	entry  lexEntry
	phr    phraseFile // built-in phrases that may start here
	extras []int32    // moderators' phrases that may start here
	idle   bool       // a word of idle asking (idle-asks), as written
}

// phrase is a sequence of analysed words standing for a concept.
type phrase struct {
	items  []item
	entry  lexEntry
	cancel bool   // an innocent use: the words lose their concepts ("fell asleep")
	locked bool   // the phrase holds a negator and is itself the red flag ("no feeling")
	second uint64 // tokBit of the second word, or all bits when it cannot be told
}

// setSecond fills p.second from its items.
func (p *phrase) setSecond() {
	p.second = ^uint64(0)
	if len(p.items) > 1 {
		if it := p.items[1]; it.term >= 0 || it.slot > 0 {
			p.second = tokBit(it.term, it.slot)
		}
	}
}

// phraseStart is a phrase that may start at a word. It carries the phrase's second so that
// findPhrases passes over the many phrases of a common word ("work", "walk") whose second word
// is not in reach without loading them.
type phraseStart struct {
	second uint64 // phrase.second
	phr    int32  // index into Detector.phr
	order  uint16 // its place in its word's list (set by fileByBit)
	single bool   // the phrase is one word: second says nothing
}

// start returns how phrase i, p, is filed under its first word.
func (p *phrase) start(i int) phraseStart {
	return phraseStart{second: p.second, phr: int32(i), single: len(p.items) == 1}
}

// item is one word of a phrase.
type item struct {
	term  int32  // the word's term, or -1 to match word
	word  string // the word as written, for stopwords and exact items
	exact bool   // match word exactly, not its stem
	slot  int32  // the word's Token.slot
}

// tokBit is a token's bit in a 64-bit signature of the words near a token: two tokens that read
// alike (same term, or same word without a term) have the same bit, so a phrase whose second
// word's bit is missing from the signature cannot match there.
func tokBit(term, slot int32) uint64 {
	switch {
	case term >= 0:
		return 1 << (uint32(term) & 63)
	case slot > 0:
		return 1 << (uint32(slot) & 63)
	}
	return ^uint64(0) // unknown: may be anything
}

func (it *item) matches(t *Token) bool {
	if it.term >= 0 && !it.exact {
		return t.Term == it.term
	}
	return t.Word == it.word
}

// smallWords are left out of phrases: a message may have them or others in their place, and
// matching steps over them.
var smallWords = map[string]bool{
	"the": true, "a": true, "an": true, "my": true, "his": true, "her": true, "their": true,
	"your": true, "our": true, "is": true, "are": true, "was": true, "were": true,
}

// New builds a detector from the built-in red flags plus phrases moderators added in the FAQ.
// Moderators' phrases only add red flags: they cannot remove or weaken a built-in one, and the
// FAQ's synonyms never reach triage. A call with the same phrases as the last one returns the
// detector that call built (cache.go).
func New(extra faq.RedFlags) *Detector { return cachedDetector(extra) }

// newDetector builds a detector from lexicon l; tests pass a lexicon with an entry left out.
func newDetector(l *lexicon, extra faq.RedFlags) *Detector {
	builtin := builtinSources(l)
	extras := append(extraSources(extra.Emergency, fExtraEmergency), extraSources(extra.Doctor, fExtraDoctor)...)

	// The vocabulary that typos are corrected against: every lexicon word three times, so that a
	// typo as close to a lexicon word as to a decoy goes to the lexicon word, then the decoys.
	var vocab strings.Builder
	for _, list := range [][]source{builtin, extras} {
		for _, s := range list {
			vocab.WriteString(strings.ReplaceAll(s.text, "=", ""))
			vocab.WriteByte('\n')
		}
	}
	lex := vocab.String()
	an := newAnalyzer(lex, lex, lex, decoys)

	d := &Detector{
		an:     an,
		terms:  make([]lexEntry, an.NumTerms()),
		words:  map[string]lexEntry{},
		exact:  make([]bool, an.NumTerms()),
		byTerm: make([][]phraseStart, an.NumTerms()),
		byWord: map[string][]phraseStart{},
		exTerm: map[int32][]int32{},
		exWord: map[string][]int32{},
	}
	d.addBuiltins(l, builtin)
	for _, s := range extras {
		d.addExtra(s)
	}
	d.slots = make([]slotRead, an.nSlot)
	for w, f := range an.fixed {
		t := f.token(w)
		slot := t.slot
		t.slot = 0 // read it the slow way, once
		d.slots[slot-1] = slotRead{entry: d.lookup(&t), phr: fileByBit(d.phrasesAt(&t)), extras: d.extrasAt(&t), idle: idleAsks[t.Word]}
	}
	return d
}

// source is one lexicon entry before compiling: a word or phrase and what it stands for.
type source struct {
	text   string
	entry  lexEntry
	cancel bool
}

func builtinSources(lex *lexicon) []source {
	var out []source
	lex.eachPattern(func(text string, e lexEntry, cancel bool) {
		for _, x := range expand(text) {
			out = append(out, source{text: x, entry: e, cancel: cancel})
		}
	})
	return out
}

// eachPattern calls f with every word or brace pattern of the lexicon, before expanding, and what
// it stands for.
func (lex *lexicon) eachPattern(f func(text string, e lexEntry, cancel bool)) {
	for _, c := range lex.entries {
		for _, w := range c.words {
			f(w, lexEntry{feat: c.f}, false)
		}
	}
	for _, c := range lex.abs {
		for _, w := range c.words {
			f(w, lexEntry{ab: c.ab}, false)
		}
	}
	for _, c := range lex.roles {
		for _, w := range c.words {
			f(w, lexEntry{kind: c.k}, false)
		}
	}
	for _, w := range lex.cancels {
		f(w, lexEntry{}, true)
	}
}

func extraSources(list []string, f feat) []source {
	var out []source
	for _, p := range list {
		if p = strings.ToLower(strings.TrimSpace(p)); p != "" {
			out = append(out, source{text: p, entry: lexEntry{feat: f}})
		}
	}
	return out
}

// addBuiltins compiles the built-in lexicon: single words into the term and word tables, phrases
// into the phrase index.
func (d *Detector) addBuiltins(lex *lexicon, srcs []source) {
	negators := map[string]bool{}
	for _, c := range lex.roles {
		if c.k == kNeg || c.k == kNegAbility {
			for _, w := range c.words {
				negators[w] = true
			}
		}
	}
	seen := map[string]int{}
	for _, s := range srcs {
		items := d.compile(s.text)
		switch {
		case len(items) == 0:
			continue
		case len(items) == 1 && !items[0].exact:
			if s.cancel {
				panic("triage: cancel phrase " + s.text + " would cancel every use of its word")
			}
			if t := items[0].term; t >= 0 {
				d.terms[t] = d.terms[t].merge(s.entry)
			} else {
				d.words[items[0].word] = d.words[items[0].word].merge(s.entry)
			}
			continue
		}
		key := itemsKey(items)
		if i, ok := seen[key]; ok {
			p := &d.phr[i]
			p.entry = p.entry.merge(s.entry)
			p.cancel = p.cancel && s.cancel
			continue
		}
		p := phrase{items: items, entry: s.entry, cancel: s.cancel}
		p.setSecond()
		for _, it := range items {
			p.locked = p.locked || negators[it.word]
		}
		seen[key] = len(d.phr)
		first := items[0]
		if first.term >= 0 && !first.exact {
			d.byTerm[first.term] = append(d.byTerm[first.term], p.start(len(d.phr)))
		} else {
			d.byWord[first.word] = append(d.byWord[first.word], p.start(len(d.phr)))
			if first.term >= 0 {
				d.exact[first.term] = true
			}
		}
		d.phr = append(d.phr, p)
	}
}

// addExtra compiles a moderator's phrase. Extras are kept apart from the built-in phrases and
// matched after them, adding their concept without taking any away.
func (d *Detector) addExtra(s source) {
	items := d.compile(s.text)
	if len(items) == 0 {
		return
	}
	i := int32(len(d.extras))
	d.extras = append(d.extras, phrase{items: items, entry: s.entry})
	if first := items[0]; first.term >= 0 {
		d.exTerm[first.term] = append(d.exTerm[first.term], i)
	} else {
		d.exWord[first.word] = append(d.exWord[first.word], i)
	}
}

func (e lexEntry) merge(o lexEntry) lexEntry {
	e.feat |= o.feat
	e.kind |= o.kind
	if e.ab == abNone {
		e.ab = o.ab
	}
	return e
}

// compile analyses a phrase into items. Runs of plain words are analysed together, so synonym
// phrases inside them are rewritten just as in a message; "=word" is an exact item. Small words
// are dropped from phrases of several words: "wet the bed" matches "wet my bed" and "wet bed".
func (d *Detector) compile(text string) []item {
	var items []item
	var run []string
	flush := func() {
		if len(run) == 0 {
			return
		}
		for _, t := range d.an.Analyze(strings.Join(run, " "), nil) {
			if !t.Stop || !smallWords[t.Word] || len(run) == 1 {
				items = append(items, item{term: t.Term, word: t.Word, slot: t.slot})
			}
		}
		run = run[:0]
	}
	for _, f := range strings.Fields(text) {
		if w, ok := strings.CutPrefix(f, "="); ok {
			flush()
			if toks := d.an.Analyze(w, nil); len(toks) == 1 {
				items = append(items, item{term: toks[0].Term, word: toks[0].Word, exact: true, slot: toks[0].slot})
			}
			continue
		}
		run = append(run, f)
	}
	flush()
	return items
}

func itemsKey(items []item) string {
	var b strings.Builder
	for _, it := range items {
		switch {
		case it.exact:
			b.WriteString("=" + it.word)
		case it.term >= 0:
			b.WriteString("#" + strconv.Itoa(int(it.term)))
		default:
			b.WriteString(it.word)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// expand turns "{a|b} c {d|e}?" into every combination; "?" after braces makes them optional.
func expand(p string) []string {
	i := strings.IndexByte(p, '{')
	j := strings.IndexByte(p, '}')
	if i < 0 || j < i {
		return []string{strings.Join(strings.Fields(p), " ")}
	}
	alts := strings.Split(p[i+1:j], "|")
	rest := p[j+1:]
	if strings.HasPrefix(rest, "?") {
		alts = append(alts, "")
		rest = rest[1:]
	}
	var out []string
	for _, tail := range expand(rest) {
		for _, a := range alts {
			out = append(out, strings.Join(strings.Fields(p[:i]+a+" "+tail), " "))
		}
	}
	return out
}

// scratch is the per-message working memory, pooled so that Check does not allocate.
type scratch struct {
	low     []byte  // the message lower-cased, when it had capitals
	hot     []int32 // the undenied tokens that stand for a concept, for the rules
	nums    []int32 // the tokens that start with a digit
	told    feat    // the concepts of every token, denied or not, for the rules' checks
	toks    []Token
	info    []tokInfo
	clauses []clauseInfo
	idle    bool // a word of idle asking stands in the message (idleQuestions)
	// durations is, per sentence, durationInSentence's answer once worked out; judge clears it.
	durations []memo
	// durWords is durationWords' answer once worked out (durScanned); judge clears both.
	durWords   []int32
	durScanned bool
	// whole is, per whole-message check (perMessage), its answer once worked out; judge clears it.
	whole  [maxWhole]memo
	raised uint32 // the flags judge raised, one bit each
}

// memo is an answer worked out once and kept.
type memo uint8

const (
	memoUnknown memo = iota // not worked out yet
	memoNo
	memoYes
)

func answer(b bool) memo {
	if b {
		return memoYes
	}
	return memoNo
}

type clauseInfo struct {
	question bool // asks or supposes: reassurance words in it reassure nobody
	asked    bool // ends with "?"
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Check returns the most urgent red flag in text.
func (d *Detector) Check(text string) Result {
	s := scratchPool.Get().(*scratch)
	s.toks, s.info, s.clauses, s.idle = s.toks[:0], s.info[:0], s.clauses[:0], false
	d.read(s, s.lower(text))
	d.findPhrases(s)
	d.negate(s)
	c := rules.lowered(s, rules.judge(s, nil))
	if cap(s.toks) <= 4096 {
		scratchPool.Put(s)
	}
	if c < 0 {
		return Result{}
	}
	fl := &rules.flags[c]
	return Result{Tier: fl.Tier, Why: fl.Why, Category: fl.Name, Flag: fl.ID}
}
