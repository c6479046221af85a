package slack

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/bot/triage"
)

// Slack's Block Kit limits, and ours.
const (
	// maxBlocks is how many blocks a message may carry.
	maxBlocks = 50
	// maxText is how many characters a section's text, or one context element, may hold.
	maxText = 3000
	// maxElements is how many elements a context block may hold.
	maxElements = 10
	// maxHeading is how many characters of a heading are shown; headings are FAQ questions.
	maxHeading = 200
	// maxFallback is how many bytes of the reply (before the disclaimer) go in the plain
	// text fallback, which Slack shows in notifications.
	maxFallback = 1500
	// maxPayload bounds the JSON of one reply. Socket Mode drops frames of 20 KB or more, and
	// the envelope around the payload needs a little room.
	maxPayload = 16 << 10
)

// shortened closes a reply that had to be cut to fit Slack's limits.
const shortened = "_This answer was shortened to fit in Slack. Ask a narrower question to see more._"

// noDisclaimer stands in if a reply arrives without its disclaimer, which bot never does;
// a context block cannot be empty and the reply must not end without a caution.
const noDisclaimer = "This is general information, not medical advice. Please see a doctor about your own symptoms."

// Blocks renders r as Block Kit blocks plus a plain-text fallback for notifications. It keeps
// the order of bot.Reply.Sections: an urgent notice first, then the answer, tips, suggestions and
// related topics, and the disclaimer last, as a context block. All text is escaped for mrkdwn,
// so FAQ and user text can never mention, link or format. Long text is split over several
// sections of at most 3000 characters; beyond 50 blocks the middle is cut and a note says so,
// but the urgent notice and the disclaimer always stay. The fallback also ends with the
// disclaimer.
//
// Blocks keeps Slack's per-message limits only; the handlers also keep the whole reply under
// the size Socket Mode accepts.
func Blocks(r bot.Reply) (blocks []slack.Block, fallback string) {
	l := layOut(r, "")
	return l.blocks(maxBlocks), l.fallback
}

// layout is a rendered reply before it is fitted to a block budget.
type layout struct {
	// body holds the urgent notice (its first urgent blocks) and everything else in order.
	body   []slack.Block
	urgent int
	// disclaimer is the context block that ends every reply.
	disclaimer slack.Block
	fallback   string
}

// layOut renders r. extra, when set, is mrkdwn added as a last section before the disclaimer;
// it must already be escaped.
func layOut(r bot.Reply, extra string) layout {
	var l layout
	disclaimer := noDisclaimer
	for _, sec := range r.Sections() {
		switch sec.Kind {
		case bot.SectionUrgent:
			marker := ":warning:"
			if r.Urgent != nil && r.Urgent.Tier == triage.Emergency {
				marker = ":rotating_light:"
			}
			l.body = appendSections(l.body, marker+" "+bold(sec.Heading), sec.Text)
			l.urgent = len(l.body)
		case bot.SectionDisclaimer:
			if strings.TrimSpace(sec.Text) != "" {
				disclaimer = sec.Text
			}
		default:
			text := sec.Text
			if len(sec.Items) > 0 {
				var b strings.Builder
				b.WriteString(text)
				for _, it := range sec.Items {
					if b.Len() > 0 {
						b.WriteByte('\n')
					}
					b.WriteString("• ")
					b.WriteString(it)
				}
				text = b.String()
			}
			title := ""
			if sec.Heading != "" {
				title = bold(sec.Heading)
			}
			l.body = appendSections(l.body, title, text)
		}
	}
	if extra != "" {
		l.body = append(l.body, section(extra))
	}
	l.disclaimer = contextBlock(disclaimer)
	l.fallback = fallbackText(r, disclaimer)
	return l
}

// blocks returns the layout in at most limit blocks, cutting from the middle: the urgent
// notice and the disclaimer are always kept.
func (l layout) blocks(limit int) []slack.Block {
	body := l.body
	if len(body)+1 > limit {
		keep := max(limit-2, l.urgent, 0)
		body = append(body[:keep:keep], section(shortened))
	}
	out := make([]slack.Block, 0, len(body)+1)
	out = append(out, body...)
	return append(out, l.disclaimer)
}

// message is the reply to a slash command, over HTTP or in a Socket Mode acknowledgement.
type message struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks"`
}

// payload renders r as the JSON reply to a slash command, cutting blocks until it fits in
// maxPayload bytes (or nothing more can go: urgent notice, note and disclaimer).
func payload(r bot.Reply, responseType, extra string) ([]byte, error) {
	l := layOut(r, extra)
	limit := maxBlocks
	for {
		b, err := json.Marshal(message{ResponseType: responseType, Text: l.fallback, Blocks: l.blocks(limit)})
		if err != nil || len(b) <= maxPayload || limit <= l.urgent+2 {
			return b, err
		}
		limit = max(min(limit-1, limit*maxPayload/len(b)), l.urgent+2)
	}
}

// appendSections appends raw (plain text, escaped here) as sections, the first headed by
// title (mrkdwn, already escaped). Text longer than a section holds goes on over more sections.
func appendSections(blocks []slack.Block, title, raw string) []slack.Block {
	budget := maxText
	if title != "" {
		budget -= utf8.RuneCountInString(title) + 1
	}
	for i, c := range fit(raw, budget, budget) {
		if i == 0 && title != "" {
			if c == "" {
				c = title
			} else {
				c = title + "\n" + c
			}
		}
		if strings.TrimSpace(c) != "" {
			blocks = append(blocks, section(c))
		}
	}
	return blocks
}

// fit splits raw into pieces of at most size bytes at paragraph, line or word breaks and
// escapes each for mrkdwn. Escaping can lengthen a piece (& becomes &amp;); a piece that then
// exceeds budget characters is cut shorter, in proportion. Splitting before escaping means an
// entity is never cut in two.
func fit(raw string, size, budget int) []string {
	var out []string
	for {
		limit := size
		for {
			head := raw
			if len(raw) > limit {
				// Chunks cuts its first piece looking no further than limit+1 bytes.
				head = bot.Chunks(raw[:limit+1], limit)[0]
			}
			e := escape(head)
			if n := utf8.RuneCountInString(e); n > budget && limit > utf8.UTFMax {
				limit = max(min(limit-1, limit*budget/n), utf8.UTFMax)
				continue
			}
			out = append(out, e)
			raw = strings.TrimLeft(raw[len(head):], "\n ")
			break
		}
		if raw == "" {
			return out
		}
	}
}

// contextBlock renders the disclaimer as a context block of up to ten mrkdwn elements.
func contextBlock(raw string) slack.Block {
	var elems []slack.MixedElement
	for _, c := range fit(raw, maxText, maxText) {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if len(elems) == maxElements {
			break
		}
		elems = append(elems, slack.NewTextBlockObject(slack.MarkdownType, c, false, false))
	}
	if len(elems) == 0 {
		elems = append(elems, slack.NewTextBlockObject(slack.MarkdownType, escape(noDisclaimer), false, false))
	}
	return slack.NewContextBlock("", elems...)
}

// fallbackText is the reply as escaped plain text, at most maxFallback bytes of it, always
// ending with the disclaimer.
func fallbackText(r bot.Reply, disclaimer string) string {
	text := strings.TrimRight(strings.TrimSuffix(r.Text(), r.Disclaimer), "\n ")
	if len(text) > maxFallback {
		text = bot.Chunks(text, maxFallback)[0] + " …"
	}
	if text == "" {
		return escape(disclaimer)
	}
	return escape(text) + "\n\n" + escape(disclaimer)
}

func section(mrkdwn string) slack.Block {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, false), nil, nil)
}

// bold escapes a heading, shortens it if need be, and makes it bold.
func bold(heading string) string {
	if utf8.RuneCountInString(heading) > maxHeading {
		n := 0
		for i := range heading {
			if n == maxHeading-1 {
				heading = heading[:i] + "…"
				break
			}
			n++
		}
	}
	return "*" + escape(strings.TrimSpace(heading)) + "*"
}

// escape makes text safe to show as mrkdwn: &, < and > become entities, so nothing in it can
// mention (<@U123>, <!channel>) or link.
func escape(s string) string { return slackutilsx.EscapeMessage(s) }
