package faq

import (
	"slices"
	"testing"
)

func shownIDs(m Match) []string {
	var ids []string
	for _, c := range m.Shown() {
		ids = append(ids, c.ID)
	}
	return ids
}

// TestVagueShowsStartHere: a message plainly about back pain that names nothing more is offered
// the FAQ's start-here topics, not the entries that happen to share "back" and "pain".
func TestVagueShowsStartHere(t *testing.T) {
	ix := NewIndex(Default())
	start := Default().StartHere
	if len(start) == 0 {
		t.Fatal("the built-in FAQ lists no start_here topics")
	}
	tests := []struct {
		name, msg string
		want      []string
	}{
		{"killing me", "my lower back is killing me", start},
		{"what do i do", "my back hurts what do i do", start},
		{"statement", "i have back pain", start},
		{"advice", "back pain, any advice?", start},
		{"aching help", "lower back aching, help", start},
		{"agony", "my back is in agony", start},
		{"what should i do", "what should i do about my back pain", start},
		{"ouch", "ouch, lower back", start},
		{"one word", "backache", start}, // one entry uses the word, but scores under the bar
		// One entry shares a phrase ("ow my back") and is well ahead: it comes first.
		{"nearest clearly ahead", "ow my back hurts so bad", append([]string{"leg-lift-pain"}, start[:2]...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ix.Match(tc.msg)
			if m.Band != Suggest {
				t.Fatalf("band %v (best %s %.3f), want suggest", m.Band, m.Best.ID, m.Best.Score)
			}
			if got := shownIDs(m); !slices.Equal(got, tc.want) {
				t.Errorf("shown %q, want %q", got, tc.want)
			}
			for _, c := range m.Shown() {
				if c.Question == "" {
					t.Errorf("shown %s has no question", c.ID)
				}
			}
		})
	}
}

// TestSpecificNotVague: a message that names what it is about still gets its entry.
func TestSpecificNotVague(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct{ name, msg, want string }{
		{"threw it out", "i just threw my back out, what do i do", "threw-back-out"},
		{"leg lift", "my back hurts when i lift my leg", "leg-lift-pain"},
		{"sciatica", "is sciatica serious", "sciatica"},
		{"ice or heat", "should i use ice or heat on my back", "heat-cold-therapy"},
		{"mattress", "can a mattress help my back pain", "sleep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ix.Match(tc.msg)
			if !m.Band.Answers() || m.Best.ID != tc.want {
				t.Errorf("band %v best %s, want an answer with %s", m.Band, m.Best.ID, tc.want)
			}
			if got := shownIDs(m); len(got) == 0 || got[0] != tc.want {
				t.Errorf("shown %q, want %s first", got, tc.want)
			}
		})
	}
}

// TestStartHereFromFile: the topics are the moderator's, in their order; with none listed a
// vague message gets the nearest topics as before.
func TestStartHereFromFile(t *testing.T) {
	const msg = "my back hurts what do i do"
	tests := []struct {
		name  string
		start []string
		want  func([]string) bool
	}{
		{"one topic", []string{"when-to-see-doctor"}, func(got []string) bool { return slices.Equal(got, []string{"when-to-see-doctor"}) }},
		{"reordered", []string{"when-to-see-doctor", "threw-back-out"}, func(got []string) bool {
			return slices.Equal(got, []string{"when-to-see-doctor", "threw-back-out"})
		}},
		{"none listed", nil, func(got []string) bool { return len(got) > 0 && !slices.Contains(got, "when-to-see-doctor") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := *Default()
			f.StartHere = tc.start
			m := NewIndex(&f).Match(msg)
			if got := shownIDs(m); m.Band != Suggest || !tc.want(got) {
				t.Errorf("band %v shown %q", m.Band, got)
			}
		})
	}
}
