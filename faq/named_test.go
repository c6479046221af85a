package faq

import (
	"slices"
	"testing"
)

// TestNamedTopic: a story that names the word of an entry's question ("yoga", "sciatica") is
// shown that entry among its topics; an everyday word of a question ("ten" of TENS) names none.
func TestNamedTopic(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in, id string
		shown        bool
	}{
		{"yoga named in passing", "The disc bulge at L5 is settling, the physio says. Still sore after long days at the desk and on the drive home. A friend swears by yoga.", "mind-body", true},
		{"ten is a number", "Ten minutes into my walk my lower back seized. I sat on a bench for ten minutes. Then I hobbled home.", "acupuncture-tens", false},
		{"tens is the machine", "My lower back has ached for weeks. A friend lent me her TENS unit. It buzzes but I am not sure it does anything.", "acupuncture-tens", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown := ix.Match(tt.in).Shown()
			got := slices.ContainsFunc(shown, func(c Candidate) bool { return c.ID == tt.id })
			if got != tt.shown {
				t.Errorf("%s shown = %v, want %v (shown %v)", tt.id, got, tt.shown, shown)
			}
		})
	}
}
