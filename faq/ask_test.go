package faq

import (
	"slices"
	"testing"
)

func TestAsks(t *testing.T) {
	ix := newIndexWith(Default(), DefaultParams)
	duration := uint32(1) << slices.Index(kindNames, "duration")
	who := uint32(1) << slices.Index(kindNames, "who")
	again := uint32(1) << slices.Index(kindNames, "again")
	todo := uint32(1) << slices.Index(kindNames, "todo")
	gone := uint32(1) << slices.Index(kindNames, "gone")
	avoid := uint32(1) << slices.Index(kindNames, "avoid")
	resume := uint32(1) << slices.Index(kindNames, "resume")
	tests := []struct {
		name, text string
		want       uint32
	}{
		{"how long", "how long does a sore back last", duration},
		{"how many weeks", "how many weeks for a strain to heal", duration},
		{"when will", "when will my back feel better", duration},
		{"whom to see", "what kind of doctor do i need for my back", who},
		{"again", "how do i stop it coming back", again},
		{"what to do", "my back went, what should i do", todo | gone},
		{"what now", "put my back out hoovering, what now", todo | gone},
		{"to leave out", "which stretches should i stay away from with a sore back", avoid},
		{"avoid alone is prevention", "how to avoid hurting my back", 0},
		{"taking a sport up again", "when can i get back to the gym after a strain", resume},
		{"no time asked", "should i lie down till it heals", 0},
		{"long as a word", "a long day at my desk hurts my back", 0},
		{"filler inside a phrase", "who do i actually book with for a sore back", who},
		{"filler alone is no kind", "is it really that bad", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := asks(tagKinds(ix.an.Analyze(tc.text, nil))); got != tc.want {
				t.Errorf("asks(%q) = %b, want %b", tc.text, got, tc.want)
			}
		})
	}
}

func TestMessageAsks(t *testing.T) {
	ix := newIndexWith(Default(), DefaultParams)
	again := uint32(1) << slices.Index(kindNames, "again")
	tests := []struct {
		name, text string
		want       bool
	}{
		{"one sentence", "what can i do so it does not happen again", true},
		{"asking sentence", "my back is better. how do i keep it from coming back?", true},
		{"told, not asked", "my back flared up again. what should i do?", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := &scratch{}
			ix.read(sc, tc.text)
			if got := ix.messageAsks(sc)&again != 0; got != tc.want {
				t.Errorf("messageAsks(%q) again = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
