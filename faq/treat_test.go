package faq

import "testing"

// TestTreatmentAsked: a short question that names a treatment or activity and a condition asks
// about the treatment, so its entry goes first when it scores close to the condition's; the
// condition alone, a first entry that is no condition's, or a story keep the ranking as it was.
func TestTreatmentAsked(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in, want string
	}{
		{"physio for a nerve in the leg", "will seeing a physio sort out my sciatica", "physical-therapy"},
		{"massage on a slipped disc", "is massage safe on a slipped disc", "massage"},
		{"jogging with a bulge", "should i stop jogging with a disc bulge", "running"},
		{"chiropractor for a prolapse", "can a chiropractor fix a prolapsed disc", "chiropractic-manipulation"},
		{"the condition alone", "what actually is sciatica", "sciatica"},
		{"stretches are no treatment word", "which stretches are good for sciatica", "sciatica"},
		{"telling a strain from a disc", "is it a pulled muscle or a slipped disc, and can i still go to the gym", "strain-vs-herniated-disc"},
		{"no condition named", "does massage help a sore back", "massage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Match(tt.in)
			if !m.Band.Answers() || m.Best.ID != tt.want {
				t.Errorf("Match(%q) = %s %s, want %s answered", tt.in, m.Best.ID, m.Band, tt.want)
			}
		})
	}
}

// TestTreatmentAskedStory: a story that tells of a treatment and a condition is no question
// about the treatment; the rule leaves it alone.
func TestTreatmentAskedStory(t *testing.T) {
	ix := NewIndex(Default())
	in := "My GP thinks it is sciatica. The pain runs from my bum down to my calf. I have a physio appointment next week. What is actually going on in there?"
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	ix.read(sc, in)
	ix.rank(sc)
	ix.sortTop(sc)
	m := Match{Best: sc.top[0]}
	if e := ix.treatmentAsked(sc, &m); e >= 0 {
		t.Errorf("treatmentAsked on a story = %s, want none", ix.faq.Entries[e].ID)
	}
}
