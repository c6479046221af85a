package bot

import (
	"strings"

	"github.com/backpainbot/backpainbot/faq"
)

// Source names a public page an answer's facts come from.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// maxSources is how many sources a reply names; the rest are in the FAQ file.
const maxSources = 2

func sourcesOf(e faq.Entry) []Source {
	var out []Source
	for _, s := range e.Sources {
		if len(out) == maxSources {
			break
		}
		out = append(out, Source{Title: s.Title, URL: s.URL})
	}
	return out
}

// sourcesLine renders sources as one short line: "Source: NHS, Back pain (https://...)".
func sourcesLine(ss []Source) string {
	if len(ss) == 0 {
		return ""
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.Title + " (" + s.URL + ")"
	}
	label := "Source: "
	if len(ss) > 1 {
		label = "Sources: "
	}
	return label + strings.Join(parts, "; ")
}
