package faq

import (
	"strings"
	"testing"
)

func TestSourceWarnings(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // one substring per warning, in order
	}{
		{"no entry has sources", validFAQ, []string{
			`faq.yaml:7:5: warning: entry "sciatica" has no ` + "`sources:`",
			`faq.yaml:13:5: warning: entry "physio" has no ` + "`sources:`",
		}},
		{"one entry has a source", withSources("      - title: NHS, Sciatica\n        url: https://www.nhs.uk/conditions/sciatica/\n"), []string{
			`warning: entry "physio" has no ` + "`sources:`",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("faq.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := SourceWarnings(f)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings %v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].String(), w) {
					t.Errorf("warning %d: got %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// Every built-in entry names where its facts come from.
func TestDefaultHasSources(t *testing.T) {
	for _, w := range SourceWarnings(Default()) {
		t.Error(w)
	}
}
