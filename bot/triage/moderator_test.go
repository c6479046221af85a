package triage

import (
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

func TestCheckRedFlags(t *testing.T) {
	tests := []struct {
		name   string
		rf     faq.RedFlags
		refuse []string // phrases that must be refused
	}{
		{"none", faq.RedFlags{}, nil},
		{"built-in FAQ's phrases", faq.Default().RedFlags, nil},
		{"specific phrases", faq.RedFlags{Emergency: []string{"saddle anaesthesia"}, Doctor: []string{"night sweats"}}, nil},
		{"emergency pain", faq.RedFlags{Emergency: []string{"pain"}}, []string{`"pain"`}},
		{"emergency back", faq.RedFlags{Emergency: []string{"back"}}, []string{`"back"`}},
		{"doctor hurts", faq.RedFlags{Doctor: []string{"hurts"}}, []string{`"hurts"`}},
		{"one bad among good", faq.RedFlags{Emergency: []string{"saddle anaesthesia", "my back"}}, []string{`"my back"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckRedFlags(tt.rf)
			if len(got) != len(tt.refuse) {
				t.Fatalf("CheckRedFlags(%+v) = %q, want %d problem(s)", tt.rf, got, len(tt.refuse))
			}
			for i, p := range tt.refuse {
				if !strings.Contains(got[i], p) || !strings.Contains(got[i], "e.g.") {
					t.Errorf("problem %q should name %s and some calm messages it hits", got[i], p)
				}
			}
		})
	}
}

// The calm corpus is there and large enough for 1% to mean something.
func TestCalmCorpus(t *testing.T) {
	if n := len(calmCorpus()); n < 150 {
		t.Errorf("built-in calm corpus has %d messages, want at least 150", n)
	}
}
