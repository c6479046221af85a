package text

import "testing"

func TestVocabCorrect(t *testing.T) {
	learn := func(shortSwaps bool, words ...string) (*Vocab, map[int32]string) {
		v := NewVocab()
		v.ShortSwaps = shortSwaps
		names := map[int32]string{}
		for _, w := range words {
			v.Learn(w, func(w string) int32 { n := int32(len(names)); names[n] = w; return n })
		}
		v.Index()
		return v, names
	}
	base := []string{"back", "groin", "bladder", "numbness", "bowel", "bowels", "spine", "spine", "spite"}
	tests := []struct {
		name       string
		word       string
		shortSwaps bool
		want       string // "" for no reading
	}{
		{name: "missing letter", word: "bladdr", want: "bladder"},
		{name: "extra letter", word: "bladdder", want: "bladder"},
		{name: "one letter differs", word: "blsdder", want: "bladder"},
		{name: "two edits in a long word", word: "numbnss", want: "numbness"},
		{name: "two edits in a short word are too many", word: "bldr", want: ""},
		{name: "neighbours swapped", word: "grion", want: "groin"},
		{name: "swapped first letters of a short word", word: "rgoin", want: ""},
		{name: "four letters, a letter differs, is another word", word: "pack", want: ""},
		{name: "three letters are never mended", word: "bak", want: ""},
		{name: "four letters, swapped, without short swaps", word: "bakc", want: ""},
		{name: "four letters, swapped, with short swaps", word: "bakc", shortSwaps: true, want: "back"},
		{name: "tie goes to the more frequent word", word: "spife", want: "spine"},
		{name: "first letter wrong in a short word", word: "xpine", want: ""},
		{name: "too long to mend", word: "bladderbladderbladderbladder", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, names := learn(tc.shortSwaps, base...)
			got := ""
			if term := v.Correct(tc.word); term >= 0 {
				got = names[term]
			}
			if got != tc.want {
				t.Errorf("Correct(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

func TestVocabTermAndEach(t *testing.T) {
	v := NewVocab()
	for i, w := range []string{"bowel", "back", "bowel"} {
		v.Learn(w, func(string) int32 { return int32(10 + i) })
	}
	v.Index()
	if term, ok := v.Term("bowel"); !ok || term != 10 {
		t.Errorf("Term(bowel) = %d, %v; want 10, true (the term given when first learnt)", term, ok)
	}
	if _, ok := v.Term("bowels"); ok {
		t.Error("Term(bowels) found a word never learnt")
	}
	var got []string
	v.Each(func(w string, _ int32) { got = append(got, w) })
	if len(got) != 2 || got[0] != "bowel" || got[1] != "back" {
		t.Errorf("Each = %q, want [bowel back] in the order learnt", got)
	}
}
