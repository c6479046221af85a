package vectors

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"
)

// encode writes t in the binary format Decode reads (the generator, gen/gen.mjs, is the
// other writer; TestEmbeddedRoundTrip checks that the two agree).
func encode(t *Table) []byte {
	le := binary.LittleEndian
	var words []byte
	for i := range t.Len() {
		w := t.Word(i)
		words = append(words, byte(len(w)))
		words = append(words, w...)
	}
	n := t.Len()
	b := make([]byte, headerSize, headerSize+len(words)+n*(8+t.dim))
	copy(b, magic)
	le.PutUint32(b[8:], version)
	le.PutUint32(b[12:], uint32(t.dim))
	le.PutUint32(b[16:], uint32(n))
	le.PutUint32(b[20:], uint32(len(words)))
	b = append(b, words...)
	for _, r := range t.ranks {
		b = le.AppendUint32(b, r)
	}
	for _, s := range t.scales {
		b = le.AppendUint32(b, math.Float32bits(s))
	}
	for _, q := range t.slab {
		b = append(b, byte(q))
	}
	le.PutUint32(b[24:], crc32.Checksum(b[headerSize:], castagnoli))
	return b
}

// tinyEntry is one word of a hand-made table: its float vector, quantised as gen.mjs does.
type tinyEntry struct {
	word string
	vec  []float32
}

// tiny builds a table the way the generator does: int8 with one scale per word.
func tiny(dim int, entries []tinyEntry) *Table {
	t := &Table{dim: dim}
	var all strings.Builder
	for i, e := range entries {
		all.WriteString(e.word)
		t.ends = append(t.ends, uint32(all.Len()))
		t.ranks = append(t.ranks, uint32(10*i))
		var m float32
		for _, x := range e.vec {
			m = max(m, float32(math.Abs(float64(x))))
		}
		s := m / 127
		t.scales = append(t.scales, s)
		for _, x := range e.vec {
			q := int8(0)
			if s > 0 {
				q = int8(math.Round(float64(x / s)))
			}
			t.slab = append(t.slab, q)
		}
	}
	t.words = all.String()
	return t
}

func tinyEntries() []tinyEntry {
	return []tinyEntry{
		{"spine", []float32{1, 0.9, 0, 0.1}},
		{"backbone", []float32{0.8, 1, 0.1, 0}},
		{"kitchen", []float32{0, 0.1, 1, 0.9}},
		{"café", []float32{-0.1, 0, 0.9, 1}},
		{"zero", []float32{0, 0, 0, 0}},
	}
}

func tinyBytes() []byte { return encode(tiny(4, tinyEntries())) }

func TestDecodeRoundTrip(t *testing.T) {
	entries := tinyEntries()
	b := tinyBytes()
	tb, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got, want := tb.Len(), len(entries); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	if got := tb.Dim(); got != 4 {
		t.Errorf("Dim() = %d, want 4", got)
	}
	for i, e := range entries {
		v, ok := tb.Lookup(e.word)
		if !ok {
			t.Fatalf("Lookup(%q) missed", e.word)
		}
		if v.ID() != i || tb.Word(i) != e.word || v.Rank() != 10*i {
			t.Errorf("%q: ID %d, Word(%d) %q, Rank %d; want %d, %q, %d", e.word, v.ID(), i, tb.Word(i), v.Rank(), i, e.word, 10*i)
		}
		for d, x := range e.vec {
			if got := v.At(d); math.Abs(float64(got-x)) > 0.005 {
				t.Errorf("%q dimension %d = %v, want %v (within int8 error)", e.word, d, got, x)
			}
		}
	}
	if again := encode(tb); !bytes.Equal(again, b) {
		t.Errorf("encode(Decode(b)) differs from b")
	}
}

func TestLookupCase(t *testing.T) {
	tb, err := Decode(tinyBytes())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, word, want string
	}{
		{"lower", "spine", "spine"},
		{"capital", "Spine", "spine"},
		{"shouting", "BACKBONE", "backbone"},
		{"non-ASCII capital", "CAFÉ", "café"},
		{"unknown", "pelvis", ""},
		{"unknown capital", "Pelvis", ""},
		{"empty", "", ""},
		{"long", strings.Repeat("A", 100), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tb.Lookup(tt.word)
			got := ""
			if ok {
				got = tb.Word(v.ID())
			}
			if got != tt.want || ok != v.OK() {
				t.Errorf("Lookup(%q) = %q (ok %v, OK() %v), want %q", tt.word, got, ok, v.OK(), tt.want)
			}
		})
	}
}

func TestCosineTiny(t *testing.T) {
	tb, err := Decode(tinyBytes())
	if err != nil {
		t.Fatal(err)
	}
	get := func(w string) Vec {
		v, ok := tb.Lookup(w)
		if !ok {
			t.Fatalf("Lookup(%q) missed", w)
		}
		return v
	}
	spine, backbone, kitchen, zero := get("spine"), get("backbone"), get("kitchen"), get("zero")
	if c := Cosine(spine, spine); math.Abs(float64(c-1)) > 1e-6 {
		t.Errorf("Cosine(spine, spine) = %v, want 1", c)
	}
	if near, far := Cosine(backbone, spine), Cosine(backbone, kitchen); near <= far {
		t.Errorf("Cosine(backbone, spine) = %v <= Cosine(backbone, kitchen) = %v", near, far)
	}
	if c := Cosine(spine, zero); c != 0 {
		t.Errorf("Cosine with a zero vector = %v, want 0", c)
	}
	if c := Cosine(spine, Vec{}); c != 0 {
		t.Errorf("Cosine with the zero Vec = %v, want 0", c)
	}
	var a, b []float32 = make([]float32, 4), make([]float32, 4)
	spine.AddTo(a, 1)
	backbone.AddTo(a, 1)
	kitchen.AddTo(b, 2)
	if ab, as := CosineDense(a, b), CosineDense(a, []float32{1, 1, 0, 0}); ab >= as {
		t.Errorf("CosineDense(spine+backbone, kitchen) = %v >= CosineDense(spine+backbone, spine-ish) = %v", ab, as)
	}
	if got := tb.Nearest("spine", 2); len(got) != 2 || got[0].Word != "backbone" {
		t.Errorf("Nearest(spine, 2) = %v, want backbone first", got)
	}
	if got := tb.Nearest("spine", 10); len(got) != 3 {
		t.Errorf("Nearest(spine, 10) = %v, want the 3 other non-zero words", got)
	}
	if got := tb.Nearest("pelvis", 3); got != nil {
		t.Errorf("Nearest(unknown) = %v, want nil", got)
	}
}

func TestNilTable(t *testing.T) {
	var tb *Table
	if _, ok := tb.Lookup("spine"); ok || tb.Len() != 0 || tb.Dim() != 0 || tb.Nearest("spine", 3) != nil {
		t.Errorf("nil table is not empty")
	}
}

// corrupt returns a copy of b changed by fn, with the checksum fixed afterwards when fix is
// set (so the check behind the checksum is the one exercised).
func corrupt(b []byte, fix bool, fn func([]byte) []byte) []byte {
	c := fn(append([]byte(nil), b...))
	if fix && len(c) >= headerSize {
		binary.LittleEndian.PutUint32(c[24:], crc32.Checksum(c[headerSize:], castagnoli))
	}
	return c
}

func TestDecodeErrors(t *testing.T) {
	good := tinyBytes()
	le := binary.LittleEndian
	wordsAt := headerSize
	scaleAt := len(good) - 4*5 - 4*5 // 5 words of 4 dimensions: scales then components
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "truncated header"},
		{"short header", good[:20], "truncated header"},
		{"magic", corrupt(good, false, func(b []byte) []byte { b[0] = 'X'; return b }), "bad magic"},
		{"version", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[8:], 2); return b }), "version 2"},
		{"zero dim", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[12:], 0); return b }), "dimensions 0"},
		{"huge dim", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[12:], 1<<31); return b }), "dimensions"},
		{"zero count", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[16:], 0); return b }), "word count 0"},
		{"huge count", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[16:], 1<<30); return b }), "word count"},
		{"reserved", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[28:], 1); return b }), "reserved"},
		{"truncated body", good[:len(good)-1], "truncated or padded"},
		{"half the file", good[:len(good)/2], "truncated or padded"},
		{"padded", append(append([]byte(nil), good...), 0), "truncated or padded"},
		{"word bytes overflow", corrupt(good, false, func(b []byte) []byte { le.PutUint32(b[20:], math.MaxUint32); return b }), "truncated or padded"},
		{"flipped component", corrupt(good, false, func(b []byte) []byte { b[len(b)-3] ^= 1; return b }), "checksum"},
		{"flipped word", corrupt(good, false, func(b []byte) []byte { b[wordsAt+2] ^= 0x20; return b }), "checksum"},
		{"empty word", corrupt(good, true, func(b []byte) []byte { b[wordsAt] = 0; return b }), "empty"},
		{"word past section", corrupt(good, true, func(b []byte) []byte { b[wordsAt] = 200; return b }), "runs past"},
		{"upper-case word", corrupt(good, true, func(b []byte) []byte { b[wordsAt+1] = 'S'; return b }), "not lower case"},
		{"invalid UTF-8", corrupt(good, true, func(b []byte) []byte { b[wordsAt+1] = 0xff; return b }), "not valid UTF-8"},
		{"duplicate word", corrupt(good, true, func(b []byte) []byte {
			// "café" is 5 bytes, like word 0 "spine": overwrite it to make a duplicate.
			i := bytes.Index(b, []byte("caf\xc3\xa9"))
			copy(b[i:], "spine")
			return b
		}), "appears twice"},
		{"NaN scale", corrupt(good, true, func(b []byte) []byte {
			le.PutUint32(b[scaleAt:], math.Float32bits(float32(math.NaN())))
			return b
		}), "scale NaN"},
		{"negative scale", corrupt(good, true, func(b []byte) []byte {
			le.PutUint32(b[scaleAt+4:], math.Float32bits(-1))
			return b
		}), "scale -1"},
		{"infinite scale", corrupt(good, true, func(b []byte) []byte {
			le.PutUint32(b[scaleAt+8:], math.Float32bits(float32(math.Inf(1))))
			return b
		}), "scale +Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := Decode(tt.data)
			if err == nil {
				t.Fatalf("Decode succeeded with %d words, want error containing %q", tb.Len(), tt.want)
			}
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

// FuzzDecode feeds Decode arbitrary bytes, both as they are and with the checksum made
// right (so the fuzzer reaches the checks behind it). Decode must never panic, and a table
// it accepts must encode back to exactly the same bytes and find every one of its words.
func FuzzDecode(f *testing.F) {
	good := tinyBytes()
	f.Add(good)
	f.Add(good[:headerSize])
	f.Add(encode(tiny(1, []tinyEntry{{"a", []float32{1}}})))
	f.Add(encode(tiny(3, []tinyEntry{{"x", []float32{1, 2, 3}}, {"y", []float32{-1, 0, 1}}})))
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(b []byte) {
			tb, err := Decode(b)
			if err != nil {
				if !errors.Is(err, ErrFormat) {
					t.Fatalf("error %v does not wrap ErrFormat", err)
				}
				return
			}
			if !bytes.Equal(encode(tb), b) {
				t.Fatalf("accepted table does not encode back to its input")
			}
			for i := range tb.Len() {
				if v, ok := tb.Lookup(tb.Word(i)); !ok || v.ID() != i {
					t.Fatalf("word %d %q not found by Lookup", i, tb.Word(i))
				}
				v, _ := tb.Lookup(tb.Word(i))
				if c := Cosine(v, v); c < -1 || c > 1 || c != c {
					t.Fatalf("Cosine(%q, itself) = %v, outside [-1, 1]", tb.Word(i), c)
				}
			}
		}
		check(b)
		check(corrupt(b, true, func(b []byte) []byte { return b }))
	})
}
