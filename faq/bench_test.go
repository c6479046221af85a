package faq

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// BenchmarkMatch matches every eval question against the built-in FAQ; ns/op is per question.
func BenchmarkMatch(b *testing.B) {
	ix := NewIndex(Default())
	set := loadEval(b, "testdata/dev/eval.yaml")
	qs := make([]string, 0, len(set.Questions)+len(set.OutOfDomain))
	for _, q := range set.Questions {
		qs = append(qs, q.Q)
	}
	qs = append(qs, set.OutOfDomain...)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Match(qs[i%len(qs)])
		i++
	}
}

// syntheticFAQ builds an FAQ of n entries from a Zipf-distributed vocabulary of made-up words
// mixed with the built-in FAQ's words, so postings have realistic skew.
func syntheticFAQ(n int) *FAQ {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ter", "vu", "san", "dri", "po", "nex", "ul", "ba", "zor", "fen", "qui", "ra", "tho"}
	vocab := make([]string, 0, 30000)
	for _, e := range Default().Entries {
		vocab = append(vocab, strings.Fields(strings.ToLower(e.Question))...)
	}
	for len(vocab) < 30000 {
		var w strings.Builder
		for k := 0; k < 2+r.IntN(3); k++ {
			w.WriteString(syll[r.IntN(len(syll))])
		}
		vocab = append(vocab, w.String())
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	sentence := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	// A phrasing may lead to one entry only: draw again on a repeat (short phrasings of the
	// most frequent words do repeat).
	seen := map[string]bool{}
	phrasing := func(words int) string {
		for {
			p := sentence(words)
			if k := plainWords(p); !seen[k] {
				seen[k] = true
				return p
			}
		}
	}
	var y strings.Builder
	y.WriteString("version: 1\ndisclaimer: Not medical advice.\nfallback: Sorry.\nentries:\n")
	for i := range n {
		fmt.Fprintf(&y, "  - id: e%d\n    question: %q\n    variants:\n", i, phrasing(8))
		for range 8 {
			fmt.Fprintf(&y, "      - %q\n", phrasing(4+r.IntN(6)))
		}
		fmt.Fprintf(&y, "    answer: %q\n    tips: [%q]\n", sentence(60), sentence(8))
	}
	f, err := Parse("synthetic", []byte(y.String()))
	if err != nil {
		panic(err)
	}
	return f
}

// BenchmarkMatchStory matches real back-pain stories (triage's dev half) cut to about 300
// characters, the length of a typical Discord story; ns/op is per message.
func BenchmarkMatchStory(b *testing.B) {
	ix := NewIndex(Default())
	var set storySet
	if !readSet(b, triageStories, &set) {
		b.Skip("no stories")
	}
	var qs []string
	for _, s := range set.Stories {
		if len(s.Text) >= 300 {
			cut := strings.LastIndexByte(s.Text[:300], ' ')
			qs = append(qs, s.Text[:max(cut, 1)])
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Match(qs[i%len(qs)])
		i++
	}
}

func BenchmarkMatchLarge(b *testing.B) {
	f := syntheticFAQ(10_000)
	ix := NewIndex(f)
	r := rand.New(rand.NewPCG(3, 4))
	qs := make([]string, 500)
	for i := range qs {
		e := f.Entries[r.IntN(len(f.Entries))]
		words := strings.Fields(e.Variants[r.IntN(len(e.Variants))])
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		qs[i] = strings.Join(words[:max(1, len(words)-1)], " ") + " please help"
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.Match(qs[i%len(qs)])
		i++
	}
}

func BenchmarkBuildLarge(b *testing.B) {
	f := syntheticFAQ(10_000)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(f)
	}
}
