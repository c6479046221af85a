// Package bot turns a question into a platform-neutral reply: red-flag triage first, then the
// best FAQ answer with tips and related topics, or an honest "I don't know" with topics to try,
// and always the seek-care disclaimer last. Under an emergency notice the answer is the FAQ entry
// that explains the red flag, when the FAQ names one (explain.go).
//
// Adapters (Slack, Discord, the command line) depend on the small interfaces they need, such as
// Answer(ctx, Question) Reply, and render Reply.Sections in their own format.
package bot

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/text"
)

// MaxQuestion is how many characters of a question the matcher reads; the rest is ignored.
const MaxQuestion = 1000

// MaxTriage is how many characters of a message triage reads: the whole of any message the
// platforms deliver. Discord allows 4,000 characters in a message (Nitro; 2,000 otherwise) and
// Slack cuts slash-command text near 4,000; twice that leaves room for a pasted story and still
// bounds the work a 50 kB message can cause. Only matching truncates further.
const MaxTriage = 8000

// maxTopics is how many topics a no-match reply offers.
const maxTopics = 5

// Question is what someone asked and where.
type Question struct {
	Text string
	// Platform is "cli", "slack" or "discord"; it goes to logs and the misses log, never the text.
	Platform string
}

// MissRecorder keeps questions the bot could not answer, for moderators. Implementations must
// scrub personal details; see package faq/misses.
type MissRecorder interface {
	RecordMiss(ctx context.Context, platform, question string, nearest faq.Candidate)
}

// Options tune a Bot. The zero value is fine.
type Options struct {
	// EmergencyNumber, such as "911", "999" or "112", is named in emergency notices. Empty means
	// "your local emergency number".
	EmergencyNumber string
	// HideSources leaves out the "Source:" line that names where an answer's facts come from.
	HideSources bool
	// Misses, when set, receives questions that got no confident match (opt-in).
	Misses MissRecorder
}

// Bot answers questions from a FAQ that can be swapped while it runs.
type Bot struct {
	opts  Options
	state atomic.Pointer[state]
}

// state is everything built from one FAQ; a reply is made wholly from one state.
type state struct {
	faq    *faq.FAQ
	index  *faq.Index
	triage *triage.Detector
	// explains maps a red-flag id to the entry that explains it (explain.go).
	explains map[string]string
	loaded   time.Time
}

// New returns a bot answering from f.
func New(f *faq.FAQ, opts Options) *Bot {
	b := &Bot{opts: opts}
	b.Swap(f)
	return b
}

// Swap builds the index for f and makes it live atomically: a question in flight is answered
// wholly by the old FAQ or wholly by the new one.
func (b *Bot) Swap(f *faq.FAQ) {
	b.state.Store(&state{
		faq:      f,
		index:    faq.NewIndex(f),
		triage:   triage.New(f.RedFlags),
		explains: explainers(f),
		loaded:   time.Now(),
	})
}

// FAQ returns the live FAQ.
func (b *Bot) FAQ() *faq.FAQ { return b.state.Load().faq }

// Index returns the live matcher.
func (b *Bot) Index() *faq.Index { return b.state.Load().index }

// Answer replies to a question. It never fails: any input gets a reply ending with the disclaimer.
func (b *Bot) Answer(ctx context.Context, q Question) Reply {
	st := b.state.Load()
	full := prepare(q.Text)
	text := truncate(full, MaxQuestion)
	r := Reply{Disclaimer: st.faq.Disclaimer}
	verdict := st.triage.Check(full)
	r.Tier = verdict.Tier
	if verdict.Tier != triage.None {
		r.Urgent = b.notice(verdict)
	}
	m := st.index.Match(text)
	link, linked := st.explainer(verdict, m)
	if verdict.Tier == triage.Emergency {
		if linked && (m.Band != faq.Confident || m.Best.ID != link.ID) {
			// The entry that explains the red flag tells the reader why to act now: it is the
			// answer, whatever the matcher found (explain.go).
			b.fill(st, &r, link)
			return r
		}
		if m.Band == faq.CloseCall || m.Band == faq.Suggest {
			// Under an emergency notice only a confident answer is worth the reader's time. A
			// see-a-doctor notice leads a reply that still answers: the advice is to book an
			// appointment, and the reader is still owed what the FAQ knows meanwhile.
			m.Band = faq.NoMatch
		}
	}
	b.answerMatch(ctx, st, &r, q.Platform, text, m)
	if linked && (r.Match == nil || r.Match.ID != link.ID) {
		r.Suggestions = leadWith(r.Suggestions, topic(link))
	}
	return r
}

// answerMatch fills r from the matcher's verdict m on text, recording a miss of a message with
// no red flag (r.Tier) when misses are kept.
func (b *Bot) answerMatch(ctx context.Context, st *state, r *Reply, platform, text string, m faq.Match) {
	switch m.Band {
	case faq.Suggest:
		b.mayHelp(st, r, m)
		// A raised message is health information moderators need not see: never kept.
		if b.opts.Misses != nil && r.Tier == triage.None {
			b.opts.Misses.RecordMiss(ctx, platform, text, m.Best)
		}
	case faq.Confident, faq.CloseCall:
		b.fill(st, r, m.Best)
		for _, alt := range m.Shown()[1:] {
			r.Suggestions = append(r.Suggestions, topic(alt))
		}
	default:
		if r.Urgent == nil {
			r.Fallback = st.faq.Fallback
			r.Suggestions = b.topicsFor(st, m)
		}
		// A raised message is health information moderators need not see: never kept.
		if b.opts.Misses != nil && r.Tier == triage.None && strings.TrimSpace(text) != "" {
			b.opts.Misses.RecordMiss(ctx, platform, text, m.Best)
		}
	}
}

// Show returns the reply for one entry, as a user would see it when asking exactly that.
func (b *Bot) Show(id string) (Reply, bool) {
	st := b.state.Load()
	e, ok := st.faq.Entry(id)
	if !ok {
		return Reply{Disclaimer: st.faq.Disclaimer}, false
	}
	r := Reply{Disclaimer: st.faq.Disclaimer}
	b.fill(st, &r, faq.Candidate{ID: e.ID, Question: e.Question, Score: 1})
	return r, true
}

// Help lists what the bot can answer, after two example questions.
func (b *Bot) Help() Reply {
	st := b.state.Load()
	ex := examples(st, 2)
	for i := range ex {
		ex[i] = `"` + ex[i] + `"`
	}
	r := Reply{
		Intro:      "I answer common questions about lower back pain. Ask in your own words, for example " + strings.Join(ex, " or ") + ".",
		Disclaimer: st.faq.Disclaimer,
	}
	for _, e := range st.faq.Entries {
		r.Suggestions = append(r.Suggestions, Topic{ID: e.ID, Question: e.Question})
	}
	return r
}

func (b *Bot) fill(st *state, r *Reply, c faq.Candidate) {
	e, _ := st.faq.Entry(c.ID)
	t := topic(c)
	r.Match = &t
	r.Answer = e.Answer
	r.Tips = e.Tips
	if !b.opts.HideSources {
		r.Sources = sourcesOf(e)
	}
	for _, id := range e.Related {
		if rel, ok := st.faq.Entry(id); ok {
			r.Related = append(r.Related, Topic{ID: rel.ID, Question: rel.Question})
		}
	}
}

// mayHelp fills r for a message about back pain that no entry clearly fits: no answer and no
// "Sorry", but the closest topics, each with its one-line question.
func (b *Bot) mayHelp(st *state, r *Reply, m faq.Match) {
	r.MayHelp = true
	r.Intro = "I'm not sure which answer fits best."
	for _, c := range m.Shown() {
		r.Suggestions = append(r.Suggestions, topic(c))
	}
	for _, e := range st.faq.Entries {
		if len(r.Suggestions) >= 2 {
			break
		}
		if !hasTopic(r.Suggestions, e.ID) {
			r.Suggestions = append(r.Suggestions, Topic{ID: e.ID, Question: e.Question})
		}
	}
}

// topicsFor offers the nearest entries when they share anything with the question, else the
// first entries of the FAQ, which moderators order by importance.
func (b *Bot) topicsFor(st *state, m faq.Match) []Topic {
	var out []Topic
	if m.Best.ID != "" && m.Best.Score >= faq.Possible/2 {
		out = append(out, topic(m.Best))
		for _, alt := range m.Alternatives {
			if alt.Score >= faq.Possible/2 {
				out = append(out, topic(alt))
			}
		}
	}
	for _, e := range st.faq.Entries {
		if len(out) >= maxTopics {
			break
		}
		if !hasTopic(out, e.ID) {
			out = append(out, Topic{ID: e.ID, Question: e.Question})
		}
	}
	return out
}

func hasTopic(ts []Topic, id string) bool {
	for _, t := range ts {
		if t.ID == id {
			return true
		}
	}
	return false
}

func topic(c faq.Candidate) Topic {
	return Topic{ID: c.ID, Question: c.Question, Score: float64(int(c.Score*1000+0.5)) / 1000}
}

func (b *Bot) notice(v triage.Result) *Notice {
	n := &Notice{Tier: v.Tier, Why: v.Why}
	number := "your local emergency number"
	if b.opts.EmergencyNumber != "" {
		number = b.opts.EmergencyNumber
	}
	switch v.Tier {
	case triage.Emergency:
		n.Action = fmt.Sprintf("Call %s or go to the nearest emergency department now.", number)
	case triage.Doctor:
		n.Action = "Please see a doctor soon: today if you can, or within a few days."
	}
	return n
}

// Clean returns text as the matcher reads it: normalised by text.Normalize (valid UTF-8, no
// invisible or control characters, look-alike letters folded) and at most MaxQuestion characters.
func Clean(s string) string { return truncate(prepare(s), MaxQuestion) }

// prepare normalises a message once for triage and matching, keeping MaxTriage characters.
func prepare(s string) string {
	if len(s) > 4*MaxTriage {
		s = s[:4*MaxTriage]
	}
	return truncate(text.Normalize(s), MaxTriage)
}

// truncate keeps the first n characters of s.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Examples returns n example questions spread over the live FAQ, for help texts: from each
// chosen entry, its longest variant of at most 12 words that the matcher answers confidently
// with that entry (it reads like a real message and is sure to work), else its question.
func (b *Bot) Examples(n int) []string { return examples(b.state.Load(), n) }

func examples(st *state, n int) []string {
	f := st.faq
	var out []string
	for i := 0; i < n && i < len(f.Entries); i++ {
		e := f.Entries[i*len(f.Entries)/n]
		best := e.Question
		for _, v := range e.Variants {
			if w := len(strings.Fields(v)); w <= 12 && w > len(strings.Fields(best)) && answers(st.index, v, e.ID) {
				best = v
			}
		}
		out = append(out, best)
	}
	return out
}

// answers reports whether ix answers q confidently with entry id.
func answers(ix *faq.Index, q, id string) bool {
	m := ix.Match(q)
	return m.Band == faq.Confident && m.Best.ID == id
}
