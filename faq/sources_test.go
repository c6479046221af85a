package faq

import (
	"errors"
	"strings"
	"testing"
)

func withSources(list string) string {
	return strings.Replace(validFAQ, "    related: [physio]\n", "    related: [physio]\n    sources:\n"+list, 1)
}

func TestSources(t *testing.T) {
	f, err := Parse("faq.yaml", []byte(withSources("      - title: NHS, Sciatica\n        url: https://www.nhs.uk/conditions/sciatica/\n")))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	e, _ := f.Entry("sciatica")
	want := Source{Title: "NHS, Sciatica", URL: "https://www.nhs.uk/conditions/sciatica/"}
	if len(e.Sources) != 1 || e.Sources[0] != want {
		t.Errorf("sources = %+v, want [%+v]", e.Sources, want)
	}
}

func TestSourceProblems(t *testing.T) {
	tests := []struct {
		name, list, want string
	}{
		{"plain http", "      - title: NHS\n        url: http://www.nhs.uk/x\n",
			`faq.yaml:15:14: source address "http://www.nhs.uk/x" in entry "sciatica" should start with https://`},
		{"space in address", "      - title: NHS\n        url: https://www.nhs.uk/back pain\n",
			`faq.yaml:15:14: source address "https://www.nhs.uk/back pain" in entry "sciatica" has a space in it`},
		{"no host", "      - title: NHS\n        url: https:///back\n",
			`faq.yaml:15:14: source address "https:///back" in entry "sciatica" has no site name after https://`},
		{"bare word", "      - title: NHS\n        url: nhs\n",
			`faq.yaml:15:14: source address "nhs" in entry "sciatica" should start with https://`},
		{"no title", "      - url: https://www.nhs.uk/x\n",
			`faq.yaml:14:9: a source of entry "sciatica" has no ` + "`title:`"},
		{"not a list", "      https://www.nhs.uk/x\n",
			`faq.yaml:14:7: entry "sciatica" sources should be a list`},
		{"unknown key", "      - title: NHS\n        link: https://www.nhs.uk/x\n",
			`faq.yaml:15:9: unknown key "link" in each source of entry "sciatica"; allowed keys: title, url`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("faq.yaml", []byte(withSources(tt.list)))
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Parse error = %v, want *InvalidError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got\n%v\nwant a line containing\n%s", err, tt.want)
			}
		})
	}
}
