package faq

import (
	"slices"
	"strings"
	"testing"
)

func TestStartHere(t *testing.T) {
	tests := []struct {
		name    string
		list    string // the start_here line, added above entries:; empty adds none
		want    []string
		problem string // substring of the one error expected; empty for none
	}{
		{"absent", "", nil, ""},
		{"one", "start_here: [physio]", []string{"physio"}, ""},
		{"moderator's order", "start_here: [physio, sciatica]", []string{"physio", "sciatica"}, ""},
		{"block list", "start_here:\n  - sciatica\n  - physio", []string{"sciatica", "physio"}, ""},
		{"typo gets did you mean", "start_here: [physoi]", nil, `faq.yaml:6:14: start_here id "physoi" does not exist; did you mean "physio"?`},
		{"unknown id", "start_here: [walking-aids]", nil, `start_here id "walking-aids" does not exist; use the id of an entry`},
		{"twice", "start_here: [physio, physio]", nil, `start_here lists "physio" twice`},
		{"empty", "start_here: []", nil, "start_here lists 0 ids; list 1 to 3"},
		{"too many", "start_here: [physio, sciatica, physio, sciatica]", nil, "start_here lists 4 ids; list 1 to 3"},
		{"not a list", "start_here: physio", nil, "start_here should be a list"},
		{"misspelt key", "start_hear: [physio]", nil, `unknown key "start_hear" in the file; did you mean "start_here"?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := validFAQ
			if tc.list != "" {
				src = strings.Replace(src, "entries:", tc.list+"\nentries:", 1)
			}
			f, probs := Lint("faq.yaml", []byte(src))
			if tc.problem == "" {
				if f == nil {
					t.Fatalf("Lint refused the file: %v", probs)
				}
				if !slices.Equal(f.StartHere, tc.want) {
					t.Errorf("StartHere = %q, want %q", f.StartHere, tc.want)
				}
				return
			}
			if f != nil {
				t.Fatalf("Lint accepted the file; want an error containing %q", tc.problem)
			}
			found := slices.ContainsFunc(probs, func(p Problem) bool { return strings.Contains(p.String(), tc.problem) })
			if !found {
				t.Errorf("problems %v; want one containing %q", probs, tc.problem)
			}
		})
	}
}
