package vectors

import (
	"bufio"
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// commonWords is how many of the most frequent GloVe words gen.mjs keeps (its -n default);
// gen/README.md says how to change it.
const commonWords = 50000

// extraWords reads the word list gen.mjs adds to the most frequent words.
func extraWords(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("gen/extra.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		words = append(words, strings.Fields(line)...)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return words
}

func TestEmbeddedTable(t *testing.T) {
	tb := Default()
	if tb.Dim() != 100 {
		t.Errorf("Dim() = %d, want 100", tb.Dim())
	}
	extra := extraWords(t)
	// The first commonWords entries are the most frequent words in frequency order; every
	// entry after them comes from extra.txt. So the count is exactly commonWords plus the
	// extra words not already among them.
	inExtra := map[string]bool{}
	for _, w := range extra {
		inExtra[w] = true
	}
	for i := 1; i < min(commonWords, tb.Len()); i++ {
		if a, b := tb.vec(int32(i-1)).Rank(), tb.vec(int32(i)).Rank(); a >= b {
			t.Fatalf("words %d and %d (%q, %q) are not in frequency order: ranks %d, %d", i-1, i, tb.Word(i-1), tb.Word(i), a, b)
		}
	}
	wantLen := commonWords
	for w := range inExtra {
		if v, ok := tb.Lookup(w); !ok {
			t.Errorf("extra word %q is missing from the table", w)
		} else if v.ID() >= commonWords {
			wantLen++
		}
	}
	if tb.Len() != wantLen {
		t.Errorf("Len() = %d, want %d most frequent + %d extra = %d", tb.Len(), commonWords, wantLen-commonWords, wantLen)
	}
	for _, w := range []string{"the", "back", "pain", "spine", "sciatica", "lumbar", "vertebrae", "physiotherapy",
		"chiropractor", "herniated", "piriformis", "ibuprofen", "tailbone"} {
		if _, ok := tb.Lookup(w); !ok {
			t.Errorf("Lookup(%q) missed", w)
		}
	}
}

// TestEmbeddedRoundTrip checks that the generator (JavaScript) and this package agree on the
// format: the Go encoder writes the embedded file back byte for byte.
func TestEmbeddedRoundTrip(t *testing.T) {
	if !bytes.Equal(encode(Default()), embedded) {
		t.Errorf("encode(Default()) differs from the embedded glove.bin")
	}
}

func cos(t *testing.T, a, b string) float32 {
	t.Helper()
	tb := Default()
	va, ok := tb.Lookup(a)
	if !ok {
		t.Fatalf("Lookup(%q) missed", a)
	}
	vb, ok := tb.Lookup(b)
	if !ok {
		t.Fatalf("Lookup(%q) missed", b)
	}
	return Cosine(va, vb)
}

func TestSemanticCloser(t *testing.T) {
	tests := []struct {
		word, near, far string
	}{
		{"backbone", "spine", "kitchen"},
		{"spine", "vertebrae", "election"},
		{"sciatica", "pain", "kitchen"},
		{"sciatica", "nerve", "guitar"},
		{"sciatica", "leg", "kitchen"},
		{"prevalence", "common", "guitar"},
		{"lumbar", "spine", "football"},
		{"physio", "physiotherapist", "weather"},
		{"ache", "pain", "table"},
		{"mattress", "bed", "tax"},
		{"ibuprofen", "painkillers", "football"},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.near, func(t *testing.T) {
			if near, far := cos(t, tt.word, tt.near), cos(t, tt.word, tt.far); near <= far {
				t.Errorf("cosine(%s, %s) = %.3f <= cosine(%s, %s) = %.3f", tt.word, tt.near, near, tt.word, tt.far, far)
			}
		})
	}
}

func TestSemanticNearest(t *testing.T) {
	tests := []struct {
		word  string
		k     int
		oneOf []string
	}{
		{"prevalence", 10, []string{"common", "frequency", "incidence"}},
		{"sciatica", 50, []string{"nerve", "leg", "pain"}},
		{"sciatica", 10, []string{"lumbago", "backache", "sciatic", "herniated"}},
		{"lumbar", 10, []string{"spine", "spinal", "vertebrae"}},
		{"ibuprofen", 10, []string{"paracetamol", "acetaminophen", "naproxen", "aspirin"}},
		{"numbness", 10, []string{"tingling", "paresthesia"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := Default().Nearest(tt.word, tt.k)
			if len(got) != tt.k {
				t.Fatalf("Nearest(%q, %d) gave %d words", tt.word, tt.k, len(got))
			}
			for i := 1; i < len(got); i++ {
				if got[i].Cosine > got[i-1].Cosine {
					t.Fatalf("Nearest(%q) not in order: %v", tt.word, got)
				}
			}
			if !slices.ContainsFunc(got, func(n Neighbour) bool { return slices.Contains(tt.oneOf, n.Word) }) {
				t.Errorf("Nearest(%q, %d) = %v, want one of %v", tt.word, tt.k, got, tt.oneOf)
			}
			if slices.ContainsFunc(got, func(n Neighbour) bool { return n.Word == tt.word }) {
				t.Errorf("Nearest(%q) includes the word itself", tt.word)
			}
		})
	}
}

func TestLookupCosineDoNotAllocate(t *testing.T) {
	tb := Default()
	for _, w := range []string{"spine", "Sciatica", "LUMBAR", "notaword", "Notaword"} {
		if n := testing.AllocsPerRun(100, func() { tb.Lookup(w) }); n != 0 {
			t.Errorf("Lookup(%q) allocates %v times, want 0", w, n)
		}
	}
	a, _ := tb.Lookup("backbone")
	b, _ := tb.Lookup("spine")
	if n := testing.AllocsPerRun(100, func() { Cosine(a, b) }); n != 0 {
		t.Errorf("Cosine allocates %v times, want 0", n)
	}
}

func BenchmarkDecode(b *testing.B) {
	b.SetBytes(int64(len(embedded)))
	for b.Loop() {
		if _, err := Decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	tb := Default()
	words := []string{"my", "lower", "Back", "is", "killing", "me", "sciatica", "xyzzyq"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tb.Lookup(words[i%len(words)])
	}
}

func BenchmarkCosine(b *testing.B) {
	tb := Default()
	x, _ := tb.Lookup("backbone")
	y, _ := tb.Lookup("spine")
	var sink float32
	for b.Loop() {
		sink += Cosine(x, y)
	}
	_ = sink
}

func BenchmarkNearest(b *testing.B) {
	tb := Default()
	for b.Loop() {
		tb.Nearest("prevalence", 10)
	}
}
