package faq

import (
	"slices"
	"testing"
)

// TestCommonWordsNotTypos: with the built-in FAQ and GloVe's ranks (commonWords,
// Params.CommonRank), an everyday English word the FAQ lacks is not read as a typo of an FAQ
// word, and the misspellings people type for FAQ words still read as the word they meant.
func TestCommonWordsNotTypos(t *testing.T) {
	ix := NewIndex(Default())
	an := ix.Analyzer()
	terms := func(s string) (ts []int32, fuzzy bool) {
		for _, tok := range tagKinds(an.Analyze(s, nil)) {
			if !tok.Stop && tok.Term >= 0 {
				ts = append(ts, tok.Term)
			}
			fuzzy = fuzzy || tok.Fuzzy
		}
		return ts, fuzzy
	}
	words := []struct{ name, word string }{
		{"colour, not back", "black"},
		{"chat, not massage", "message"},
		{"plural, not massage", "messages"},
		{"shop, not sore", "store"},
		{"season, not sprain", "spring"},
		{"movement, not Motrin", "motion"},
		{"verb, not wetting", "letting"},
		{"gambling, not wetting", "betting"},
		{"machine, not plump", "pump"},
		{"tents, not cramp", "camp"},
		{"university, not cramp", "campus"},
		{"computer, not lugged", "logged"},
		{"small talk, not whether", "weather"},
		{"food, not break", "bread"},
		{"car, not brace", "brake"},
	}
	for _, tt := range words {
		t.Run(tt.name, func(t *testing.T) {
			if ts, fuzzy := terms(tt.word); fuzzy {
				t.Errorf("%q read as a typo of %v, want it left alone", tt.word, stems(ix, ts))
			}
		})
	}
	typos := []struct{ name, typo, meant string }{
		// "siatica" and "sciatia" are FAQ keywords of their own, so they are not here.
		{"sciatica, letters swapped", "sciatcia", "sciatica"},
		{"sciatica, letter missing", "sciatca", "sciatica"},
		{"sciatica, letter doubled", "sciattica", "sciatica"},
		{"numbness", "numbess", "numbness"},
		{"tingling", "tingeling", "tingling"},
		{"herniated", "herniatd", "herniated"},
		{"pain, letters swapped", "pian", "pain"},
		{"back, letters swapped", "bakc", "back"},
		{"lower, letter missing", "lowr", "lower"},
		{"physio, letters swapped", "phsyio", "physio"},
		{"physio, letter missing", "physo", "physio"},
		{"physio, vowel", "phisio", "physio"},
		{"physiotherapist", "physioterapist", "physiotherapist"},
		{"stretch", "strech", "stretch"},
		{"exercise", "excercise", "exercise"},
		{"surgery", "sugery", "surgery"},
		{"doctor", "docter", "doctor"},
		{"ibuprofen", "ibuprofin", "ibuprofen"},
		{"mattress", "mattres", "mattress"},
		{"hurts, a surname in the news", "hurst", "hurts"},
		{"lumbar, written as lumber", "lumber", "lumbar"},
	}
	for _, tt := range typos {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := terms(tt.typo)
			want, _ := terms(tt.meant)
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("%q reads as %v, want %v (as %q)", tt.typo, stems(ix, got), stems(ix, want), tt.meant)
			}
		})
	}
}

func stems(ix *Index, ts []int32) []string {
	var out []string
	for _, t := range ts {
		out = append(out, ix.Analyzer().Stem(t))
	}
	return out
}
