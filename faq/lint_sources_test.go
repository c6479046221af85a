package faq

import (
	"strings"
	"testing"
)

func TestLintWarnsWithoutSources(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // one substring per source warning, in order
	}{
		{"no entry has sources", validFAQ, []string{
			`faq.yaml:7:9: warning: entry "sciatica" has no ` + "`sources:`",
			`faq.yaml:13:9: warning: entry "physio" has no ` + "`sources:`",
		}},
		{"one entry has a source", withSources("      - title: NHS, Sciatica\n        url: https://www.nhs.uk/conditions/sciatica/\n"), []string{
			`warning: entry "physio" has no ` + "`sources:`",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Lint("faq.yaml", []byte(tt.yaml))
			var got []Problem
			for _, p := range problems {
				if strings.Contains(p.Msg, "has no `sources:`") {
					if p.Severity != Warning {
						t.Errorf("%v is an error, want a warning", p)
					}
					got = append(got, p)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d source warnings %v, want %d", len(got), got, len(tt.want))
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
	_, problems := Lint("built-in", DefaultYAML())
	for _, p := range problems {
		t.Errorf("built-in FAQ: %v", p)
	}
}
