package faq

import (
	"strings"
	"testing"
)

func TestDisclaimerProblem(t *testing.T) {
	tests := []struct {
		name, disclaimer string
		missing          []string // parts the problem must name; none means accepted
	}{
		{"built-in", Default().Disclaimer, nil},
		{"reworded", "Just information, not medical advice. Check with your GP about your own back; if it is an emergency, dial 999.", nil},
		{"emergency number named", "I can't diagnose anything. Please see a doctor, and call 911 in an emergency.", nil},
		{"hope this helps", "Hope this helps!", []string{"not a diagnosis", "see a doctor", "emergency number"}},
		{"empty", "", []string{"not a diagnosis", "see a doctor", "emergency number"}},
		{"no emergency advice", "Not a diagnosis. Please see a doctor.", []string{"emergency number"}},
		{"no doctor", "Not medical advice. In an emergency call your local emergency number.", []string{"see a doctor"}},
		{"no diagnosis caveat", "See a doctor about your symptoms; in an emergency call your local emergency number.", []string{"not a diagnosis"}},
		{"doctor without advice", "Not a diagnosis. Doctors are busy. In an emergency call 112.", []string{"see a doctor"}},
		{"zero-width hidden words", "Not a diagnosis. Please see a d\u200boctor. In an emergency call 112.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DisclaimerProblem(tt.disclaimer)
			if len(tt.missing) == 0 {
				if got != "" {
					t.Errorf("DisclaimerProblem(%q) = %q, want none", tt.disclaimer, got)
				}
				return
			}
			if got == "" {
				t.Fatalf("DisclaimerProblem(%q) = none, want it to name %v", tt.disclaimer, tt.missing)
			}
			for _, m := range tt.missing {
				if !strings.Contains(got, m) {
					t.Errorf("DisclaimerProblem(%q) = %q, want it to name %q", tt.disclaimer, got, m)
				}
			}
			for _, part := range []string{"not a diagnosis", "see a doctor", "emergency number"} {
				if !contains(tt.missing, part) && strings.Contains(strings.SplitN(got, ". Reword", 2)[0], part) {
					t.Errorf("DisclaimerProblem(%q) = %q names %q, which the disclaimer has", tt.disclaimer, got, part)
				}
			}
		})
	}
}
