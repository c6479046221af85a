package text

import (
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	an := NewAnalyzer([][]string{{"physical therapy", "physio", "pt"}, {"herniated disc", "slipped disc"}},
		"sciatica hamstrings stretching numbness herniated disc physical therapy")
	tests := []struct {
		name string
		in   string
		want string // stems of non-stop tokens; ~ marks a corrected typo
	}{
		{"case and punctuation", "SCIATICA!!!", "sciatica"},
		{"plural and tense", "stretching hamstrings", "stretch hamstr"},
		{"typo", "siatica", "~sciatica"},
		{"typo in long word", "hamstings", "~hamstr"},
		{"swapped letters", "sciatcia", "~sciatica"},
		{"swapped letters, short word", "strehc", "strehc?"},
		{"synonym phrase", "is physio worth it", "physic therapi worth?"},
		{"short synonym", "pt", "physic therapi"},
		{"synonym with typo", "slipped disk", "herniat disc"},
		{"contraction", "can't stretch", "stretch"},
		{"bare contraction", "n't", ""},
		{"apostrophe only", "'s", "s?"},
		{"digits are not topic words", "l5 25 3pm", "l5?"},
		{"short word not corrected", "cake", "cake?"},
		{"chat short forms", "shud i stretch rn", "stretch right? now?"},
		{"chat filler", "sciatica tbh idk", "sciatica"},
		{"number and unit, no young age", "my 9yo has sciatica", "year? old? sciatica"},
		{"an age typed with a slash", "my 15 y/o has sciatica", "year? old? teenager? sciatica"},
		{"a slash that is no short form", "sciatica and/or numbness", "sciatica numb"},
		{"number with an unknown unit", "3pm 4x sciatica", "sciatica"},
		{"ordinal is no unit", "on the 21st my sciatica", "sciatica"},
		{"stones after a number", "i am 12st with sciatica", "stone? sciatica"},
		{"own young age", "im 14 and have sciatica", "teenager? sciatica"},
		{"own young age, apostrophe", "i'm 15 sciatica", "teenager? sciatica"},
		{"own young age, two words", "i am 13", "teenager?"},
		{"age of weeks is no age", "im 14 weeks pregnant", "weeks? pregnant?"},
		{"a number after no self word", "sciatica since 14 and worse", "sciatica worse?"},
		{"young age opening a sentence", "14 and my sciatica", "teenager? sciatica"},
		{"young age and sex opening a sentence", "16 f, my sciatica", "f? teenager? sciatica"},
		{"a size and no self word after it", "14 m long sciatica", "m? long? sciatica"},
		{"number opening a sentence, then a measure", "14 and a half weeks", "half? weeks?"},
		{"number opening a sentence, no and", "14 sciatica", "sciatica"},
		{"adult age", "im 40 with sciatica", "sciatica"},
		{"own young age in words", "im fifteen with sciatica", "fifteen? teenager? sciatica"},
		{"a grown-up's age: no old", "a 67-year-old with sciatica", "year? sciatica"},
		{"a grown-up's age with a unit", "my 70yo mum has sciatica", "year? sciatica"},
		{"a child's age reads as a young one", "my 12 year old has sciatica", "year? old? teenager? sciatica"},
		{"a child's age with a unit", "my 14yo has sciatica", "year? old? teenager? sciatica"},
		{"when a trouble began is no age", "sciatica since i was 10 years old", "sciatica years? old?"},
		{"a long course is no age", "sciatica for 20 years", "sciatica years?"},
		{"manner of speaking", "explain like im 12", "explain?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := readTokens(an, tt.in); g != tt.want {
				t.Errorf("Analyze(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

func TestNegationWordsKept(t *testing.T) {
	an := NewAnalyzer(nil, "pee")
	var words []string
	for _, tok := range an.Analyze("I can't pee", nil) {
		words = append(words, tok.Word)
	}
	if got := strings.Join(words, " "); got != "i can not pee" {
		t.Errorf("words = %q, want %q (triage reads negation from them)", got, "i can not pee")
	}
}

// TestDeniedSynonyms: a synonym phrase that opens with a word of denial ("without a prescription")
// or with filler ("over the counter") reads as its group only after that word; the word it
// denies, alone or after another word, keeps its own reading, and a phrase between other words
// still matches.
func TestDeniedSynonyms(t *testing.T) {
	an := NewAnalyzer([][]string{{"over the counter", "otc", "without a prescription", "no prescription"}},
		"counter prescription tramadol pharmacy")
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"after the denial", "can i get it without a prescription", "counter"},
		{"other denial", "pharmacy, no prescription", "pharmaci counter"},
		{"denial then the word, no filler", "without prescription", "counter"},
		{"the word alone", "a prescription for tramadol", "prescript tramadol"},
		{"after a word that is no denial", "with a prescription", "prescript"},
		{"denial before another word", "without tramadol", "tramadol"},
		{"denial at the end", "tramadol without", "tramadol"},
		{"after an earlier synonym", "otc or without a prescription", "counter counter"},
		{"filler-led phrase after its filler", "keep moving, the doctor said", "stay activ doctor"},
		{"the filler-led phrase's word alone", "moving furniture hurt it", "move furnitur hurt"},
	}
	an = NewAnalyzer([][]string{{"over the counter", "otc", "without a prescription", "no prescription"},
		{"stay active", "keep moving"}}, "counter prescription tramadol pharmacy stay active moving furniture hurt doctor")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := readTokens(an, tt.in); g != tt.want {
				t.Errorf("Analyze(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

// TestSynonymTokens: the tokens of a synonym phrase are marked as a synonym's and carry the
// phrase's first word as written ("back problems" reads as the terms of "bad back").
func TestSynonymTokens(t *testing.T) {
	an := NewAnalyzer([][]string{{"bad back", "back problems"}}, "bad back problems")
	var got []string
	for _, tok := range an.Analyze("more back problems", nil) {
		if tok.Synonym {
			got = append(got, tok.Word+"/"+an.Stem(tok.Term))
		}
	}
	if g := strings.Join(got, " "); g != "back/bad back/back" {
		t.Errorf("synonym tokens = %q, want %q", g, "back/bad back/back")
	}
}

// TestCommonWordsNotTypos: with a common-word test the analyzer leaves real words alone
// however close they are to a vocabulary word, and still mends what is not a word.
func TestCommonWordsNotTypos(t *testing.T) {
	common := map[string]bool{"black": true, "message": true, "hurst": true, "store": true}
	an := NewAnalyzerWith(func(w string) bool { return common[w] }, nil, "back massage hurts sore pain")
	plain := NewAnalyzer(nil, "back massage hurts sore pain")
	tests := []struct {
		name      string
		in        string
		want      string // with the common-word test; ~ marks a corrected typo
		wantPlain string // without it
	}{
		{"common word left alone", "black", "black?", "~back"},
		{"common long word left alone", "message", "message?", "~massag"},
		{"common word, letter missing", "store", "store?", "~sore"},
		{"not a word: mended", "massgae", "~massag", "~massag"},
		{"four letters swapped: mended", "pian", "~pain", "pian?"},
		{"listed typo mended though common", "hurst", "~hurt", "~hurt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readTokens(an, tt.in); got != tt.want {
				t.Errorf("with common words: Analyze(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := readTokens(plain, tt.in); got != tt.wantPlain {
				t.Errorf("without: Analyze(%q) = %q, want %q", tt.in, got, tt.wantPlain)
			}
		})
	}
}

// readTokens writes what an reads in text, stopwords left out: each term's stem, "~" before a
// corrected typo and "?" after an unknown word.
func readTokens(an *Analyzer, text string) string {
	var got []string
	for _, tok := range an.Analyze(text, nil) {
		switch {
		case tok.Stop:
		case tok.Term < 0:
			got = append(got, tok.Word+"?")
		case tok.Fuzzy:
			got = append(got, "~"+an.Stem(tok.Term))
		default:
			got = append(got, an.Stem(tok.Term))
		}
	}
	return strings.Join(got, " ")
}

// TestChatForms: every word a chat short form stands for is a plain word and not itself a
// form, so reading a form never loops.
func TestChatForms(t *testing.T) {
	if len(chatForms) == 0 {
		t.Fatal("no chat forms loaded")
	}
	for form, words := range chatForms {
		for _, w := range words {
			if _, ok := chatForms[w]; ok || !IsPlainWord(w) {
				t.Errorf("chat form %q stands for %q, itself a form or not a plain word", form, w)
			}
		}
	}
}
