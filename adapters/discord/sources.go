package discord

import (
	"strings"

	"github.com/backpainbot/backpainbot/bot"
)

// renderSources renders the "Source:" line with each address wrapped in <...>, which Discord
// shows as a plain link with no preview card: a reply names up to two pages, and two large
// previews under a short health answer would bury it and its disclaimer.
func renderSources(sec bot.Section, ss []bot.Source) string {
	out := escapeMarkdown(sec.Text)
	for _, s := range ss {
		if s.URL == "" {
			continue
		}
		// escapeMarkdown leaves an address as it is, so it is found verbatim. A ">" inside it
		// would end the wrapper early; percent-encoding it keeps the same address.
		out = strings.Replace(out, s.URL, "<"+strings.ReplaceAll(s.URL, ">", "%3E")+">", 1)
	}
	return out
}
