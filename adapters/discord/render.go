package discord

import (
	"strings"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/bwmarrin/discordgo"
)

// Discord's limits that the renderer works within. Content is measured in bytes, which is never
// less than Discord's count of characters, so a part that fits in bytes fits on Discord.
const (
	maxContent     = 2000 // characters in a message's content
	maxRows        = 5    // action rows in a message
	maxRowButtons  = 5    // buttons in an action row
	maxButtonLabel = 80   // characters in a button label
	maxCustomID    = 100  // characters in a component's custom_id
)

// showPrefix starts the custom_id of a button that shows an FAQ entry: "backpain:show:<id>".
const showPrefix = "backpain:show:"

// part is one Discord message of a rendered reply.
type part struct {
	Content    string
	Components []discordgo.MessageComponent
}

// render lays a reply out as one or more Discord messages. The design is plain message content
// (Markdown), not embeds: content is shown to everyone, including people who switched embeds off
// in their settings, and it keeps the reply and its disclaimer readable in notifications and
// screen readers. Long replies are split with bot.Chunks into parts of at most maxContent; the
// disclaimer always ends the last part, and the topic buttons go on the last part too, under it.
func render(r bot.Reply) []part {
	var body []string
	disclaimer := ""
	for _, sec := range r.Sections() {
		switch sec.Kind {
		case bot.SectionDisclaimer:
			disclaimer = escapeMarkdown(sec.Text)
		case bot.SectionSources:
			body = append(body, renderSources(sec, r.Sources))
		case bot.SectionUrgent:
			icon := "⚠️"
			if r.Tier == triage.Emergency {
				icon = "🚨"
			}
			body = append(body, icon+" **"+escapeMarkdown(sec.Heading)+"**\n"+escapeMarkdown(sec.Text))
		default:
			body = append(body, renderSection(sec))
		}
	}
	var parts []string
	if text := strings.TrimSpace(strings.Join(body, "\n\n")); text != "" {
		parts = bot.Chunks(text, maxContent)
	}
	disclaimer = strings.TrimSpace(disclaimer)
	switch last := len(parts) - 1; {
	case disclaimer == "":
	case last >= 0 && len(parts[last])+2+len(disclaimer) <= maxContent:
		parts[last] += "\n\n" + disclaimer
	default:
		parts = append(parts, bot.Chunks(disclaimer, maxContent)...)
	}
	out := make([]part, 0, len(parts))
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, part{Content: p})
		}
	}
	if len(out) == 0 {
		// Discord rejects an empty message; a reply always has something to say.
		out = append(out, part{Content: "Sorry, I have no answer to show."})
	}
	out[len(out)-1].Components = buttons(r)
	return out
}

// renderSection renders a section other than the urgent notice and the disclaimer.
func renderSection(sec bot.Section) string {
	var b strings.Builder
	if sec.Text != "" && sec.Kind != bot.SectionAnswer {
		b.WriteString(escapeMarkdown(sec.Text))
	}
	if sec.Heading != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("**" + escapeMarkdown(sec.Heading) + "**")
	}
	if sec.Kind == bot.SectionAnswer && sec.Text != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(escapeMarkdown(sec.Text))
	}
	for _, it := range sec.Items {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("- " + escapeMarkdown(it))
	}
	return b.String()
}

// buttons makes a button for every suggested topic (primary) and related topic (secondary), in
// rows of maxRowButtons, at most maxRows rows, each custom_id once.
func buttons(r bot.Reply) []discordgo.MessageComponent {
	var all []discordgo.MessageComponent
	seen := map[string]bool{}
	for _, sec := range r.Sections() {
		style := discordgo.PrimaryButton
		switch sec.Kind {
		case bot.SectionSuggestions:
		case bot.SectionRelated:
			style = discordgo.SecondaryButton
		default:
			continue
		}
		for _, t := range sec.Topics {
			id := showPrefix + t.ID
			if t.ID == "" || len(id) > maxCustomID || seen[id] || len(all) == maxRows*maxRowButtons {
				continue
			}
			label := t.Question
			if strings.TrimSpace(label) == "" {
				label = t.ID
			}
			seen[id] = true
			all = append(all, discordgo.Button{Label: truncate(label, maxButtonLabel), Style: style, CustomID: id})
		}
	}
	var rows []discordgo.MessageComponent
	for len(all) > 0 {
		n := min(len(all), maxRowButtons)
		rows = append(rows, discordgo.ActionsRow{Components: all[:n]})
		all = all[n:]
	}
	return rows
}

// showID returns the entry id in a show button's custom_id.
func showID(customID string) (string, bool) {
	id, ok := strings.CutPrefix(customID, showPrefix)
	if !ok || id == "" {
		return "", false
	}
	return id, true
}

// truncate shortens s to at most n characters, ending with an ellipsis when it cut.
func truncate(s string, n int) string {
	s = strings.ToValidUTF8(strings.TrimSpace(s), "")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// escapeMarkdown makes FAQ text show literally in Discord: it backslash-escapes the characters
// that start inline formatting and the markers that start a heading, list or quote at the start
// of a line. A URL is left alone from its "http" on, so it stays a link.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		trimmed := strings.TrimLeft(line, " \t")
		b.WriteString(line[:len(line)-len(trimmed)])
		if at := lineMarker(trimmed); at >= 0 {
			b.WriteString(trimmed[:at] + "\\")
			trimmed = trimmed[at:]
		}
		for j, word := range strings.Split(trimmed, " ") {
			if j > 0 {
				b.WriteByte(' ')
			}
			url := ""
			if k := urlStart(word); k >= 0 {
				word, url = word[:k], word[k:]
			}
			for _, r := range word {
				if strings.ContainsRune(`\*_~`+"`"+`|<>[]`, r) {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteString(url)
		}
	}
	return b.String()
}

// urlStart returns where an http or https URL starts in word, or -1.
func urlStart(word string) int {
	i := strings.Index(word, "http://")
	if j := strings.Index(word, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	return i
}

// lineMarker returns where to put a backslash so that a line does not start a heading ("#"), a
// list ("-", "+", "1.") or a quote (">"): the index of the marker, or -1 when there is none.
func lineMarker(line string) int {
	if line == "" {
		return -1
	}
	switch line[0] {
	case '#', '-', '+':
		return 0
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && line[i] == '.' {
		return i
	}
	return -1
}

// cutNote ends the text of a reply shortened by shorten.
const cutNote = "_(Shortened: Discord is limiting how fast I can send. Ask again for the full answer.)_"

// disclaimerOf is the disclaimer as render puts it at the end of the last part.
func disclaimerOf(r bot.Reply) string {
	for _, sec := range r.Sections() {
		if sec.Kind == bot.SectionDisclaimer {
			return strings.TrimSpace(escapeMarkdown(sec.Text))
		}
	}
	return ""
}

// shorten folds parts, the end of a rendered reply, into one message: as much of their text as
// fits, cut at a line or word, then a note that it was cut, then the disclaimer. The last part's
// buttons stay.
func shorten(parts []part, disclaimer string) part {
	texts := make([]string, 0, len(parts))
	for _, p := range parts {
		texts = append(texts, p.Content)
	}
	text := strings.TrimSpace(strings.Join(texts, "\n\n"))
	if disclaimer != "" {
		text = strings.TrimSpace(strings.TrimSuffix(text, disclaimer))
	}
	tail := "\n\n" + cutNote
	if disclaimer != "" {
		tail += "\n\n" + disclaimer
	}
	last := parts[len(parts)-1].Components
	if len(tail)-2 >= maxContent {
		return part{Content: bot.Chunks(disclaimer, maxContent)[0], Components: last}
	}
	if len(text)+len(tail) <= maxContent && disclaimer != "" {
		return part{Content: text + "\n\n" + disclaimer, Components: last}
	}
	room := maxContent - len(tail) - len("…")
	if len(text) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if i := strings.LastIndexAny(text[:cut], "\n "); i > room/2 {
			cut = i
		}
		text = strings.TrimSpace(text[:cut]) + "…"
	}
	return part{Content: strings.TrimSpace(text + tail), Components: last}
}
