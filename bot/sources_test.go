package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

const sourcedFAQ = `version: 1
disclaimer: "This is general information, not a diagnosis: see a doctor if it does not get better, and in an emergency call your local emergency number."
fallback: I don't know that one.
entries:
  - id: sciatica
    question: What is sciatica?
    variants: [pain down my leg, sciatic nerve pain, shooting leg pain, nerve pain in the buttock, siatica help]
    answer: Sciatica is pain along the sciatic nerve.
    tips: [Keep moving.]
    sources:
      - title: NHS, Sciatica
        url: https://www.nhs.uk/conditions/sciatica/
      - title: NICE CKS, Sciatica
        url: https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/
      - title: A third page
        url: https://example.org/third
`

func TestSourcesLine(t *testing.T) {
	f, err := faq.Parse("faq.yaml", []byte(sourcedFAQ))
	if err != nil {
		t.Fatal(err)
	}
	want := "Sources: NHS, Sciatica (https://www.nhs.uk/conditions/sciatica/); NICE CKS, Sciatica (https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/)"
	tests := []struct {
		name string
		opts Options
		want string // "" means no sources section
	}{
		{"shown by default", Options{}, want},
		{"hidden by setting", Options{HideSources: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(f, tt.opts).Answer(context.Background(), Question{Text: "what is sciatica", Platform: "cli"})
			secs := r.Sections()
			if secs[len(secs)-1].Kind != SectionDisclaimer {
				t.Fatalf("last section is %v, want the disclaimer", secs[len(secs)-1].Kind)
			}
			got := ""
			for _, s := range secs {
				if s.Kind == SectionSources {
					got = s.Text
				}
			}
			if got != tt.want {
				t.Errorf("sources line = %q, want %q", got, tt.want)
			}
			if tt.want != "" && !strings.Contains(r.Text(), tt.want+"\n\n"+f.Disclaimer) {
				t.Errorf("Text() does not end with the sources line then the disclaimer:\n%s", r.Text())
			}
		})
	}
}
