package faq

import (
	"slices"
	"testing"
)

// storyTwoNamed names two entries by their questions' words (massage, yoga), the first ranked high.
const storyTwoNamed = "Put my back out lifting the shopping two days ago and I can barely bend. Ice then heat helped a little and ibuprofen takes the edge off. I booked a massage for Friday and a friend swears by yoga."

// TestNamedTopic: a story that names the word of an entry's question ("yoga", "sciatica"), or
// the two-word name of a synonym group in it ("physio" for physical therapy), is shown that
// entry among its topics, a second one only when it scores near the entry it would push out; an
// everyday word of a question ("ten" of TENS) names none.
func TestNamedTopic(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in, id string
		shown        bool
	}{
		{"yoga named in passing", "The disc bulge at L5 is settling, the physio says. Still sore after long days at the desk and on the drive home. A friend swears by yoga.", "mind-body", true},
		{"ten is a number", "Ten minutes into my walk my lower back seized. I sat on a bench for ten minutes. Then I hobbled home.", "acupuncture-tens", false},
		// A two-word name of everyday words (titlePairs): "physio" reads "physical therapy".
		{"physio named in passing", "Pulled something in my lower back carrying the shopping in from the car. Ice for two days, then heat, then ibuprofen, and it still catches when I bend. Booked in with a physiotherapist for Friday.", "physical-therapy", true},
		{"physical and therapy apart", "Back to physical work a week after my lower back went. Sitting in the van all day is the worst bit. A hot water bottle helped a little.", "physical-therapy", false},
		// A second named entry takes the last place when it scores near the entry it pushes out,
		// not when it is named in passing far below the story's own topic.
		{"chiropractor shown, yoga close behind", "These days I will never touch prescription pain killers again. My back makes me slow at the computer all day. The chiropractor has been a nice start. A friend says yoga could help my back.", "mind-body", true},
		{"massage shown, the back put out kept", storyTwoNamed, "threw-back-out", true},
		{"massage shown, yoga not forced in", storyTwoNamed, "mind-body", false},
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
