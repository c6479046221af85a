package main

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
)

// ANSI styles for a terminal. Only used when colour is on.
const (
	styleUrgent  = "\x1b[1;97;41m" // bold white on red
	styleHeading = "\x1b[1;36m"    // bold cyan
	styleDim     = "\x1b[2m"
	styleReset   = "\x1b[0m"
)

// termStyle says how to draw a reply on a terminal: Width wraps lines (0: no wrap), Color adds
// ANSI styles, Numbered numbers the topic lists so they can be picked by number.
type termStyle struct {
	Width    int
	Color    bool
	Numbered bool
}

// renderTerm lays out a reply for a terminal. It follows bot.Reply.Text section by section, so
// with the zero style it gives exactly Text; the disclaimer stays the last paragraph.
func renderTerm(r bot.Reply, st termStyle) string {
	var b strings.Builder
	n := 0
	for _, sec := range r.Sections() {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		switch sec.Kind {
		case bot.SectionUrgent:
			b.WriteString(st.paint(styleUrgent, "!! "+strings.ToUpper(sec.Heading)+" !!") + "\n" + st.wrap(sec.Text, ""))
		case bot.SectionAnswer:
			b.WriteString(st.paint(styleHeading, st.wrap(sec.Heading, "")) + "\n" + st.wrap(sec.Text, ""))
		case bot.SectionDisclaimer:
			b.WriteString(st.paint(styleDim, st.wrap(sec.Text, "")))
		default:
			if sec.Text != "" {
				b.WriteString(st.wrap(sec.Text, ""))
			}
			if sec.Heading != "" {
				if sec.Text != "" {
					b.WriteString("\n")
				}
				b.WriteString(st.paint(styleHeading, sec.Heading+":"))
			}
			for _, it := range sec.Items {
				bullet := "- "
				if st.Numbered && len(sec.Topics) > 0 {
					n++
					bullet = strconv.Itoa(n) + ". "
				}
				b.WriteString("\n" + st.wrap(bullet+it, strings.Repeat(" ", len(bullet))))
			}
		}
	}
	return b.String()
}

// numberedTopics lists the topics renderTerm numbers, in the same order.
func numberedTopics(r bot.Reply) []bot.Topic {
	var out []bot.Topic
	for _, sec := range r.Sections() {
		out = append(out, sec.Topics...)
	}
	return out
}

func (st termStyle) paint(style, s string) string {
	if !st.Color || s == "" {
		return s
	}
	return style + s + styleReset
}

// wrap breaks each line of s at spaces so no line is wider than st.Width characters;
// continuation lines start with indent. A word longer than the width is left whole.
func (st termStyle) wrap(s, indent string) string {
	if st.Width <= 0 {
		return s
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, wrapLine(line, st.Width, indent)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(line string, width int, indent string) []string {
	var lines []string
	cur, curLen := "", 0
	for _, w := range strings.Fields(line) {
		wl := utf8.RuneCountInString(w)
		switch {
		case curLen == 0:
			cur, curLen = w, wl
		case curLen+1+wl <= width:
			cur += " " + w
			curLen += 1 + wl
		default:
			lines = append(lines, cur)
			cur, curLen = indent+w, len(indent)+wl
		}
	}
	return append(lines, cur)
}
