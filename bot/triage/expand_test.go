package triage

import "testing"

// The lexicon's brace patterns are expanded into every form when a detector is built, so a
// pattern with many groups multiplies: one of 980,000 forms once made New take 5 s. These caps
// keep building a detector cheap (BenchmarkNew); split a pattern that passes them.
const (
	maxForms      = 15000  // forms one pattern may expand to
	maxTotalForms = 112000 // forms the whole lexicon may expand to (100,000 until round 15, 105,000 in round 15)
)

func TestLexiconExpansion(t *testing.T) {
	total := 0
	lex.eachPattern(func(w string, _ lexEntry, _ bool) {
		n := len(expand(w))
		total += n
		if n > maxForms {
			t.Errorf("%q expands to %d forms (cap %d): split it, or drop groups of small words", w, n, maxForms)
		}
	})
	if total > maxTotalForms {
		t.Errorf("the lexicon expands to %d forms (cap %d)", total, maxTotalForms)
	}
}

func TestExpand(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"plain", "wet  the bed", []string{"wet the bed"}},
		{"group", "{a|b} c", []string{"a c", "b c"}},
		{"optional", "x {a}? c", []string{"x a c", "x c"}},
		{"two groups", "{a|b} {c|d}", []string{"a c", "b c", "a d", "b d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := expand(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("expand(%q) = %q, want %q", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("expand(%q) = %q, want %q", tc.in, got, tc.want)
				}
			}
		})
	}
}
