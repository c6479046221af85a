package text

import (
	"regexp"
	"testing"
)

var plainWord = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// TestWordListsWellFormed: every list loads, holds plain lower-case words, and repeats none
// within a section.
func TestWordListsWellFormed(t *testing.T) {
	for name := range WordListNames() {
		t.Run(name, func(t *testing.T) {
			lists := readList(name)
			if len(lists) == 0 {
				t.Fatalf("list %s is empty", name)
			}
			for sec, lines := range lists {
				seen := map[string]bool{}
				for _, l := range lines {
					key := PlainWords(l)
					if !isPhraseList(name) {
						words := splitFields(l)
						if isPairList(name) && len(words) != 2 {
							t.Errorf("%s: line %q is not a word and its value", name, l)
						}
						for i, w := range words {
							checkWord(t, name, w)
							if hasValues(name) && i > 0 {
								continue // values may repeat: several words share a stem or a meaning
							}
							if seen[w] {
								t.Errorf("%s [%s]: %q listed twice", name, sec, w)
							}
							seen[w] = true
						}
						continue
					}
					if seen[key] {
						t.Errorf("%s: %q listed twice", name, key)
					}
					seen[key] = true
				}
			}
		})
	}
}

func isPhraseList(name string) bool {
	switch name {
	case "asks", "ask-kinds", "off-topic-markers", "asides", "idioms", "injury-phrases", "skin", "course", "flank", "back-care", "exertion", "passing", "long-course":
		return true
	}
	return false
}
func isPairList(name string) bool { return name == "stems" || name == "negations" }

// hasValues reports whether each line of list name is a word followed by what it stands for.
func hasValues(name string) bool {
	return isPairList(name) || name == "chat" || name == "units" || name == "slashed"
}

// plainNumber is a number as typed, which only the list of ages said of oneself ("im 14") and
// the bounds of a pregnancy's weeks (gestation.txt) hold.
var plainNumber = regexp.MustCompile(`^[0-9]+$`)

func checkWord(t *testing.T, name, w string) {
	t.Helper()
	if !plainWord.MatchString(w) && !((name == "ages" || name == "gestation") && plainNumber.MatchString(w)) {
		t.Errorf("%s: %q is not a plain lower-case word", name, w)
	}
}

func splitFields(l string) []string {
	var out []string
	EachWord(l, func(w string) { out = append(out, w) })
	return out
}
