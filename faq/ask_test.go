package faq

import (
	"slices"
	"testing"
)

func TestAsks(t *testing.T) {
	ix := newIndexWith(Default(), DefaultParams)
	duration := uint32(1) << slices.Index(kindNames, "duration")
	who := uint32(1) << slices.Index(kindNames, "who")
	tests := []struct {
		name, text string
		want       uint32
	}{
		{"how long", "how long does a sore back last", duration},
		{"how many weeks", "how many weeks for a strain to heal", duration},
		{"when will", "when will my back feel better", duration},
		{"whom to see", "what kind of doctor do i need for my back", who},
		{"no time asked", "should i lie down till it heals", 0},
		{"long as a word", "a long day at my desk hurts my back", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := asks(ix.an.Analyze(tc.text, nil)); got != tc.want {
				t.Errorf("asks(%q) = %b, want %b", tc.text, got, tc.want)
			}
		})
	}
}
