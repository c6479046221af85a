package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot/triage"
)

// Topic points at an FAQ entry.
type Topic struct {
	ID       string  `json:"id"`
	Question string  `json:"question"`
	Score    float64 `json:"score"`
}

// Notice is the urgent-care message that leads a reply when triage finds a red flag.
type Notice struct {
	Tier triage.Tier
	// Action says what to do, first and in plain words.
	Action string
	// Why is one line on why it matters.
	Why string
}

// Reply is a platform-neutral answer. Adapters render it with Sections, which always ends with
// the disclaimer.
type Reply struct {
	Tier   triage.Tier
	Urgent *Notice
	// Match is the entry answered, or nil when nothing fitted.
	Match   *Topic
	Answer  string
	Tips    []string
	Related []Topic
	// Sources are the pages the answer's facts come from, shown as a short "Source:" line.
	Sources []Source
	// Suggestions are "did you mean" entries on a close call, the closest topics when MayHelp, or
	// topics to try when nothing fitted.
	Suggestions []Topic
	// MayHelp marks a message about back pain that no entry clearly fits: Suggestions are the
	// closest topics ("These may help"), and there is no answer and no fallback.
	MayHelp bool
	// Fallback is the honest "I don't know" text, set when nothing fitted and no red flag was found.
	Fallback string
	// Intro is a short line before a topic list, as in help.
	Intro      string
	Disclaimer string
}

// Outcome names what happened, for logs and metrics. It never includes message text.
func (r Reply) Outcome() string {
	switch {
	case r.Tier != triage.None:
		return "triaged"
	case r.Match != nil:
		return "answered"
	case r.MayHelp:
		return "suggested"
	}
	return "no_match"
}

// SectionKind says what a section of a reply holds, so renderers can style it.
type SectionKind int

// The kinds of section, in the order they appear.
const (
	SectionUrgent SectionKind = iota
	SectionIntro
	SectionAnswer
	SectionTips
	SectionSuggestions
	SectionRelated
	SectionSources
	SectionDisclaimer
)

// Section is one part of a reply. Text is plain text (no markup); Items is a list.
type Section struct {
	Kind    SectionKind
	Heading string
	Text    string
	Items   []string
	// Topics carries the entries behind Items for suggestion and related sections, so a platform
	// can make them buttons.
	Topics []Topic
}

// Sections lays the reply out in reading order: urgent notice, answer, tips, suggestions, related
// topics, and the disclaimer, which is always the last section. This is the one place the
// disclaimer is added; every renderer builds on it.
func (r Reply) Sections() []Section {
	var s []Section
	if r.Urgent != nil {
		heading := "See a doctor soon"
		if r.Urgent.Tier == triage.Emergency {
			heading = "Urgent: get help now"
		}
		s = append(s, Section{Kind: SectionUrgent, Heading: heading, Text: join(r.Urgent.Action, r.Urgent.Why)})
	}
	if r.Intro != "" || r.Fallback != "" {
		s = append(s, Section{Kind: SectionIntro, Text: join(r.Fallback, r.Intro)})
	}
	if r.Match != nil && r.Answer != "" {
		s = append(s, Section{Kind: SectionAnswer, Heading: r.Match.Question, Text: r.Answer})
	}
	if len(r.Tips) > 0 {
		s = append(s, Section{Kind: SectionTips, Heading: "Tips", Items: r.Tips})
	}
	if len(r.Suggestions) > 0 {
		heading := "Did you mean"
		switch {
		case r.MayHelp:
			heading = "These may help"
		case r.Match == nil:
			heading = "Topics I can help with"
		}
		s = append(s, Section{Kind: SectionSuggestions, Heading: heading, Items: questions(r.Suggestions), Topics: r.Suggestions})
	}
	if len(r.Related) > 0 {
		s = append(s, Section{Kind: SectionRelated, Heading: "Related", Items: questions(r.Related), Topics: r.Related})
	}
	if line := sourcesLine(r.Sources); line != "" {
		s = append(s, Section{Kind: SectionSources, Text: line})
	}
	s = append(s, Section{Kind: SectionDisclaimer, Text: r.Disclaimer})
	return s
}

func questions(ts []Topic) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Question
	}
	return out
}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Text renders the reply as plain text for a terminal. The disclaimer is its last paragraph.
func (r Reply) Text() string {
	var b strings.Builder
	for _, sec := range r.Sections() {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		switch sec.Kind {
		case SectionUrgent:
			b.WriteString("!! " + strings.ToUpper(sec.Heading) + " !!\n" + sec.Text)
		case SectionAnswer:
			b.WriteString(sec.Heading + "\n" + sec.Text)
		case SectionDisclaimer:
			b.WriteString(sec.Text)
		default:
			if sec.Text != "" {
				b.WriteString(sec.Text)
			}
			if sec.Heading != "" {
				if sec.Text != "" {
					b.WriteString("\n")
				}
				b.WriteString(sec.Heading + ":")
			}
			for _, it := range sec.Items {
				b.WriteString("\n- " + it)
			}
		}
	}
	return b.String()
}

// Chunks splits text into pieces of at most limit bytes, breaking at a paragraph, line or space
// where it can and never inside a UTF-8 character. Adapters use it to fit platform limits.
func Chunks(text string, limit int) []string {
	if limit < utf8.UTFMax {
		limit = utf8.UTFMax
	}
	var out []string
	for len(text) > limit {
		cut := -1
		for _, sep := range []string{"\n\n", "\n", " "} {
			if i := strings.LastIndex(text[:limit], sep); i > 0 {
				cut = i
				break
			}
		}
		next := cut
		if cut < 0 {
			cut = limit
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == 0 {
				cut = limit
			}
			next = cut
		} else {
			next = cut + 1
		}
		out = append(out, text[:cut])
		text = strings.TrimLeft(text[next:], "\n ")
	}
	if text != "" || len(out) == 0 {
		out = append(out, text)
	}
	return out
}
