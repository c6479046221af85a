package text

import "github.com/agnivade/levenshtein"

// Vocab is the set of words an analyzer knows as written: how often each occurs, the term each
// reads as, and a deletion index that mends misspellings (symmetric delete: a known word with
// one letter deleted points back to it, so candidates are looked up, never scanned for). The
// matcher's analyzer and triage's each build their own; both mend typos by the one policy of
// Correct. Build it with Learn and then Index; it is safe for concurrent reads after that.
type Vocab struct {
	known   map[string]int32   // known word as written -> index into words
	words   []string           // known words as written
	frq     []int32            // how often each known word occurs
	trm     []int32            // term of each known word
	deletes map[string][]int32 // a known word with one letter deleted -> known words
	// ShortSwaps lets two neighbouring letters swapped in a four-letter word be mended
	// ("bakc"). Only an analyzer that knows the common words of the language should set it:
	// without them, a four-letter word so near a known one is as likely another real word.
	ShortSwaps bool
}

// NewVocab returns an empty vocabulary.
func NewVocab() *Vocab {
	return &Vocab{known: map[string]int32{}, deletes: map[string][]int32{}}
}

// Learn counts one more use of w, adding it with the term that term gives when it is new.
func (v *Vocab) Learn(w string, term func(w string) int32) {
	if i, ok := v.known[w]; ok {
		v.frq[i]++
		return
	}
	t := term(w)
	v.known[w] = int32(len(v.words))
	v.words = append(v.words, w)
	v.frq = append(v.frq, 1)
	v.trm = append(v.trm, t)
}

// Index builds the deletion index over the words learnt so far. Call it once, after Learn.
func (v *Vocab) Index() {
	for i, w := range v.words {
		if len(w) < 4 {
			continue
		}
		for j := 0; j < len(w); j++ {
			d := w[:j] + w[j+1:]
			if l := v.deletes[d]; len(l) == 0 || l[len(l)-1] != int32(i) {
				v.deletes[d] = append(l, int32(i))
			}
		}
	}
}

// Term returns the term of a known word as written.
func (v *Vocab) Term(w string) (int32, bool) {
	i, ok := v.known[w]
	if !ok {
		return -1, false
	}
	return v.trm[i], true
}

// Each calls fn with each known word as written and its term, in the order learnt.
func (v *Vocab) Each(fn func(word string, term int32)) {
	for i, w := range v.words {
		fn(w, v.trm[i])
	}
}

// Correct returns the term of the known word closest to w within the allowed edit distance (one
// edit, two for words of eight letters or more; two neighbouring letters swapped count as one),
// the more frequent word on a tie, or -1.
func (v *Vocab) Correct(w string) int32 {
	n := len(w)
	if n < 4 || n > 24 {
		return -1
	}
	c := corrector{v: v, w: w, maxD: 1, best: -1}
	if n >= 8 {
		c.maxD = 2
	}
	c.bestD = c.maxD + 1
	c.candidates()
	if c.best < 0 {
		return -1
	}
	return v.trm[c.best]
}

// corrector is one Correct call: the word being mended and the best candidate so far.
type corrector struct {
	v            *Vocab
	w            string
	maxD         int32
	best         int32
	bestD, bestF int32
}

// candidates considers every known word the deletion index and the swaps reach from w.
func (c *corrector) candidates() {
	w, n := c.w, len(c.w)
	for _, i := range c.v.deletes[w] { // w lacks a letter
		c.consider(i)
	}
	var buf, buf2 [24]byte
	for j := 0; j < n; j++ {
		d := append(append(buf[:0], w[:j]...), w[j+1:]...)
		if i, ok := c.v.known[string(d)]; ok { // w has an extra letter
			c.consider(i)
		}
		for _, i := range c.v.deletes[string(d)] { // a letter differs
			c.consider(i)
		}
		if c.maxD < 2 {
			continue
		}
		for k := j; k < len(d); k++ {
			d2 := append(append(buf2[:0], d[:k]...), d[k+1:]...)
			if i, ok := c.v.known[string(d2)]; ok { // two extra letters
				c.consider(i)
			}
		}
	}
	for j := 0; j+1 < n && (n > 4 || c.v.ShortSwaps); j++ { // two neighbouring letters swapped
		d := append(buf[:0], w...)
		d[j], d[j+1] = d[j+1], d[j]
		if i, ok := c.v.known[string(d)]; ok {
			c.consider(i)
		}
	}
}

// consider weighs known word i as the reading of w.
func (c *corrector) consider(i int32) {
	w, n, word := c.w, len(c.w), c.v.words[i]
	if int32(abs(len(word)-n)) > c.maxD {
		return
	}
	// Short words: people rarely get the first letter wrong, and a four-letter word that differs
	// by a letter is usually another real word ("cake", "take"), so only a missing letter is
	// mended there, and two letters swapped ("bakc") when ShortSwaps says w is no real word.
	if n < 7 && word[0] != w[0] || n == 4 && len(word) != n+1 && !(c.v.ShortSwaps && transposed(w, word)) {
		return
	}
	d := int32(levenshtein.ComputeDistance(w, word))
	if d == 2 && transposed(w, word) {
		d = 1 // two neighbouring letters swapped is one slip of the fingers
	}
	if d < c.bestD || (d == c.bestD && c.v.frq[i] > c.bestF) {
		c.best, c.bestD, c.bestF = i, d, c.v.frq[i]
	}
}

// transposed reports whether a and b differ only by two neighbouring letters swapped.
func transposed(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
