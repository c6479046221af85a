// Package vectors holds a compact table of English word vectors so the matcher can tell
// that "backbone" is close to "spine" and "prevalence" to "common", not just match spelling.
//
// The table (glove.bin, embedded) holds the GloVe 100-dimensional vectors of the 50,000 most
// frequent plain English words plus a commented list of rarer back-pain words
// (gen/extra.txt), each quantised to int8 with one float32 scale per word. The GloVe vectors
// are public domain (Open Data Commons PDDL); gen/README.md says where they come from, how
// to regenerate the file, and its binary format, which Decode checks in full.
//
// The table is decoded once, on first use of Default. Lookup and Cosine do not allocate.
// Words are looked up in lower case; Lookup lower-cases its argument itself.
package vectors

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed glove.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultTable *Table
	defaultErr   error
)

// Default returns the embedded table, decoding it on first use (about 20 ms and 8 MB of
// heap; safe for concurrent use). The embedded file is checked by this package's tests, so
// a decode failure is a build defect: Default panics then, as regexp.MustCompile does.
func Default() *Table {
	defaultOnce.Do(func() {
		defaultTable, defaultErr = Decode(embedded)
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("vectors: embedded glove.bin: %v", defaultErr))
	}
	return defaultTable
}

// Table is a read-only set of word vectors, safe for concurrent use. The zero Table and a
// nil *Table are empty.
type Table struct {
	dim    int
	words  string   // every word, concatenated
	ends   []uint32 // ends[i] is where word i ends in words; it starts at ends[i-1] (or 0)
	index  map[string]int32
	ranks  []uint32  // frequency rank of each word in the source vocabulary, 0 = most frequent
	scales []float32 // value of dimension d of word i = float32(slab[i*dim+d]) * scales[i]
	inv    []float32 // 1/|q| of each quantised vector; 0 for an all-zero vector
	slab   []int8    // Len() * dim quantised components
}

// Vec is the vector of one word in a Table. It refers to the table's storage and is only
// valid while the table is; copying a Vec is cheap. The zero Vec is "no vector".
type Vec struct {
	q     []int8
	scale float32
	inv   float32
	id    int32
	rank  uint32
}

// Neighbour is one result of Nearest: a word and its cosine similarity to the query.
type Neighbour struct {
	Word   string
	Cosine float32
}

// Len returns the number of words in the table.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.ends)
}

// Dim returns the number of dimensions of every vector (100 for the embedded table).
func (t *Table) Dim() int {
	if t == nil {
		return 0
	}
	return t.dim
}

// Word returns word i of the table, 0 <= i < Len(). The first words are in frequency order.
func (t *Table) Word(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.words[start:t.ends[i]]
}

// Lookup returns the vector of word, lower-casing it first. It does not allocate unless the
// word has upper-case letters beyond ASCII or is longer than 64 bytes.
func (t *Table) Lookup(word string) (Vec, bool) {
	i, ok := t.find(word)
	if !ok {
		return Vec{}, false
	}
	return t.vec(i), true
}

func (t *Table) find(w string) (int32, bool) {
	if t == nil || len(w) == 0 {
		return -1, false
	}
	if i, ok := t.index[w]; ok {
		return i, true
	}
	var buf [64]byte
	if len(w) <= len(buf) {
		changed := false
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				return t.findLower(w)
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				changed = true
			}
			buf[i] = c
		}
		if !changed {
			return -1, false
		}
		i, ok := t.index[string(buf[:len(w)])]
		return i, ok
	}
	return t.findLower(w)
}

func (t *Table) findLower(w string) (int32, bool) {
	lw := strings.ToLower(w)
	if lw == w {
		return -1, false
	}
	i, ok := t.index[lw]
	return i, ok
}

func (t *Table) vec(i int32) Vec {
	d := int32(t.dim)
	return Vec{q: t.slab[i*d : (i+1)*d : (i+1)*d], scale: t.scales[i], inv: t.inv[i], id: i, rank: t.ranks[i]}
}

// OK reports whether v is a real vector (not the zero Vec of a failed Lookup).
func (v Vec) OK() bool { return len(v.q) > 0 }

// ID returns the word's index in its table (see Table.Word).
func (v Vec) ID() int { return int(v.id) }

// Rank returns the word's frequency rank in the GloVe vocabulary, 0 for the most frequent
// word ("the"). Weighting words by rarity (for example a/(a+p) with p from the rank) is
// how averaged word vectors are usually made to work for sentences.
func (v Vec) Rank() int { return int(v.rank) }

// Dim returns the number of dimensions, 0 for the zero Vec.
func (v Vec) Dim() int { return len(v.q) }

// At returns dimension d of the (de-quantised) vector.
func (v Vec) At(d int) float32 { return float32(v.q[d]) * v.scale }

// AddTo adds weight times v to acc, dimension by dimension, for building the vector of a
// sentence or an FAQ entry. acc must have at least Dim() elements.
func (v Vec) AddTo(acc []float32, weight float32) {
	acc = acc[:len(v.q)]
	w := weight * v.scale
	for d, q := range v.q {
		acc[d] += w * float32(q)
	}
}

// Cosine returns the cosine similarity of a and b, in [-1, 1]; 0 if either is the zero Vec
// or their dimensions differ.
func Cosine(a, b Vec) float32 {
	if len(a.q) != len(b.q) || len(a.q) == 0 {
		return 0
	}
	return clamp(float32(dot(a.q, b.q)) * a.inv * b.inv)
}

// CosineDense returns the cosine similarity of two float vectors of the same length (such
// as sums built with AddTo); 0 if either is all zeros or their lengths differ.
func CosineDense(a, b []float32) float32 {
	if len(a) != len(b) {
		return 0
	}
	var ab, aa, bb float64
	for i, x := range a {
		y := b[i]
		ab += float64(x) * float64(y)
		aa += float64(x) * float64(x)
		bb += float64(y) * float64(y)
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return clamp(float32(ab / math.Sqrt(aa*bb)))
}

func clamp(c float32) float32 {
	return min(max(c, -1), 1)
}

// dot is the integer dot product of two equal-length int8 vectors (b may be longer).
func dot(a, b []int8) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	for len(a) >= 8 {
		x, y := a[:8:8], b[:8:8]
		s0 += int32(x[0])*int32(y[0]) + int32(x[4])*int32(y[4])
		s1 += int32(x[1])*int32(y[1]) + int32(x[5])*int32(y[5])
		s2 += int32(x[2])*int32(y[2]) + int32(x[6])*int32(y[6])
		s3 += int32(x[3])*int32(y[3]) + int32(x[7])*int32(y[7])
		a, b = a[8:], b[8:]
	}
	for i, x := range a {
		s0 += int32(x) * int32(b[i])
	}
	return s0 + s1 + s2 + s3
}

// Nearest returns the k words of the table closest to word by cosine, best first, leaving
// out word itself; nil if word is not in the table. It scans the whole table (about 10 ms
// for the embedded one): for tests and debugging, not for the reply path.
func (t *Table) Nearest(word string, k int) []Neighbour {
	v, ok := t.Lookup(word)
	if !ok {
		return nil
	}
	return t.nearest(v, k, v.id)
}

// nearest returns the k words closest to v, best first, leaving out the word with index skip.
func (t *Table) nearest(v Vec, k int, skip int32) []Neighbour {
	if t.Len() == 0 || k <= 0 || len(v.q) != t.dim {
		return nil
	}
	type hit struct {
		id  int32
		cos float32
	}
	top := make([]hit, 0, k+1)
	for i := range int32(len(t.ends)) {
		if i == skip || t.inv[i] == 0 {
			continue
		}
		c := float32(dot(v.q, t.slab[int(i)*t.dim:int(i+1)*t.dim])) * v.inv * t.inv[i]
		if len(top) == k && c <= top[k-1].cos {
			continue
		}
		j := len(top)
		top = append(top, hit{})
		for j > 0 && top[j-1].cos < c {
			top[j] = top[j-1]
			j--
		}
		top[j] = hit{i, c}
		if len(top) > k {
			top = top[:k]
		}
	}
	out := make([]Neighbour, len(top))
	for i, h := range top {
		out[i] = Neighbour{Word: t.Word(int(h.id)), Cosine: clamp(h.cos)}
	}
	return out
}
