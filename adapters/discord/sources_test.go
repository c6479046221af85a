package discord

import (
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/bot"
)

func TestRenderSources(t *testing.T) {
	const disclaimer = "This is general information, not medical advice."
	tests := []struct {
		name    string
		sources []bot.Source
		want    string // the sources line as sent
	}{
		{"one source",
			[]bot.Source{{Title: "NHS, Sciatica", URL: "https://www.nhs.uk/conditions/sciatica/"}},
			"Source: NHS, Sciatica (<https://www.nhs.uk/conditions/sciatica/>)"},
		{"two sources",
			[]bot.Source{
				{Title: "NHS, Back pain", URL: "https://www.nhs.uk/conditions/back-pain/"},
				{Title: "NICE *NG59*", URL: "https://www.nice.org.uk/guidance/ng59/chapter/Recommendations"},
			},
			`Sources: NHS, Back pain (<https://www.nhs.uk/conditions/back-pain/>); NICE \*NG59\* (<https://www.nice.org.uk/guidance/ng59/chapter/Recommendations>)`},
		{"underscores in the address stay as they are",
			[]bot.Source{{Title: "Mayo Clinic", URL: "https://www.mayoclinic.org/a_b_c"}},
			"Source: Mayo Clinic (<https://www.mayoclinic.org/a_b_c>)"},
		{"a > in the address cannot end the wrapper",
			[]bot.Source{{Title: "Odd", URL: "https://example.org/a>b"}},
			"Source: Odd (<https://example.org/a%3Eb>)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bot.Reply{
				Match:      &bot.Topic{ID: "sciatica", Question: "What is sciatica?"},
				Answer:     "Sciatica is pain along the sciatic nerve.",
				Sources:    tt.sources,
				Disclaimer: disclaimer,
			}
			parts := render(r)
			checkMessages(t, asSent(t, parts), disclaimer)
			content := parts[len(parts)-1].Content
			if !strings.Contains(content, tt.want+"\n\n"+disclaimer) {
				t.Errorf("content does not end with the sources line, then the disclaimer:\n%s\nwant a line\n%s", content, tt.want)
			}
			for _, s := range tt.sources {
				if strings.Contains(strings.ReplaceAll(content, "<"+s.URL, ""), " ("+s.URL) {
					t.Errorf("address %s is not wrapped in <...>, so Discord would show a preview:\n%s", s.URL, content)
				}
			}
		})
	}
}
