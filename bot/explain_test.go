package bot

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
)

// explainsLine matches an entry's `explains:` line in an FAQ file.
var explainsLine = regexp.MustCompile(`(?m)^    explains: .*\n`)

// faqWith parses the built-in FAQ after edit has changed its text.
func faqWith(t testing.TB, edit func(string) string) *faq.FAQ {
	t.Helper()
	f, err := faq.Parse("edited.yaml", []byte(edit(string(faq.DefaultYAML()))))
	if err != nil {
		t.Fatalf("edited FAQ: %v", err)
	}
	return f
}

// unlinked drops every `explains:` line: the FAQ as it was before entries explained red flags.
func unlinked(s string) string { return explainsLine.ReplaceAllString(s, "") }

// explainedBy moves every link to entry id, so that it claims every red flag triage knows.
func explainedBy(id string) func(string) string {
	return func(s string) string {
		var all []string
		for _, fl := range triage.Flags() {
			all = append(all, fl.ID)
		}
		s = unlinked(s)
		at := strings.Index(s, "  - id: "+id+"\n")
		rel := at + strings.Index(s[at:], "    related:")
		end := rel + strings.IndexByte(s[rel:], '\n') + 1
		return s[:end] + "    explains: [" + strings.Join(all, ", ") + "]\n" + s[end:]
	}
}

func TestExplainedUnderNotice(t *testing.T) {
	b := New(faq.Default(), Options{EmergencyNumber: "999"})
	today := New(faqWith(t, unlinked), Options{EmergencyNumber: "999"})
	tests := []struct {
		name     string
		question string
		tier     triage.Tier
		match    string // the entry answered, "" for none
		first    string // the first suggestion, "" for none
		asToday  bool   // the reply must be what the FAQ without links gives
	}{
		{"emergency, linked entry replaces another answer", "pins and needles between my legs and my back hurts", triage.Emergency, "cauda-equina", "", false},
		{"emergency, linked entry where nothing was shown", "my back hurts and i feel numb in my bum and private parts, what stretches help", triage.Emergency, "cauda-equina", "", false},
		{"emergency, matcher already answers the linked entry", "back pain and suddenly i cant control my bladder", triage.Emergency, "cauda-equina", "", true},
		{"emergency without a link keeps today's reply", "my chest hurts and so does my back", triage.Emergency, "", "", true},
		{"doctor, answer kept and the link leads the suggestions", "when should i see a doctor, my back hurts and i've been running a fever", triage.Doctor, "when-to-see-doctor", "kidney-or-back", false},
		{"doctor, the link is the answer", "my back hurts and my right leg has been numb for a fortnight, what is a pinched nerve", triage.Doctor, "pinched-nerve", "", true},
		{"doctor, no answer: the link is offered", "my foot drags when i walk and i can't lift the front of it", triage.Doctor, "", "pinched-nerve", false},
		{"calm question untouched", "is ice or heat better for a sore back", triage.None, "heat-cold-therapy", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(context.Background(), Question{Text: tt.question})
			if r.Tier != tt.tier {
				t.Fatalf("tier = %v, want %v", r.Tier, tt.tier)
			}
			if got := matchID(r); got != tt.match {
				t.Errorf("answered %q, want %q", got, tt.match)
			}
			if got := firstSuggestion(r); got != tt.first && (tt.first != "" || tt.asToday) {
				t.Errorf("first suggestion %q, want %q", got, tt.first)
			}
			if r.Match != nil && slices.ContainsFunc(r.Suggestions, func(s Topic) bool { return s.ID == r.Match.ID }) {
				t.Errorf("the answer %q is also suggested: %v", r.Match.ID, r.Suggestions)
			}
			if old := today.Answer(context.Background(), Question{Text: tt.question}); tt.asToday && !reflect.DeepEqual(r, old) {
				t.Errorf("reply differs from the FAQ without links:\n%s\nwant\n%s", r.Text(), old.Text())
			}
			if tt.tier == triage.Emergency && r.Match != nil && len(r.Suggestions) > 0 && !tt.asToday {
				t.Errorf("emergency reply with the linked entry offers more topics: %v", r.Suggestions)
			}
			assertEndsWithDisclaimer(t, r)
		})
	}
}

func matchID(r Reply) string {
	if r.Match == nil {
		return ""
	}
	return r.Match.ID
}

func firstSuggestion(r Reply) string {
	if len(r.Suggestions) == 0 {
		return ""
	}
	return r.Suggestions[0].ID
}

// TestLinksNeverTouchTheNotice: a moderator's `explains:` edit changes at most which entry is
// shown under a notice. The tier, the notice and its place at the top are triage's alone: the same
// with no links, with the built-in links, and with one unrelated entry claiming every red flag.
func TestLinksNeverTouchTheNotice(t *testing.T) {
	messages := []string{
		"pins and needles between my legs and my back hurts",
		"can't pee and my back is killing me",
		"my chest hurts and so does my back",
		"both my legs keep giving way and my back is agony",
		"when should i see a doctor, my back hurts and i've been running a fever",
		"my foot drags when i walk and i can't lift the front of it",
		"i'm 72 and my back has started hurting for the first time",
		"is ice or heat better for a sore back",
	}
	base := New(faqWith(t, unlinked), Options{EmergencyNumber: "112"})
	faqs := map[string]*faq.FAQ{
		"built-in links":                 faq.Default(),
		"how-common explains every flag": faqWith(t, explainedBy("how-common")),
		"massage explains every flag":    faqWith(t, explainedBy("massage")),
	}
	for name, f := range faqs {
		b := New(f, Options{EmergencyNumber: "112"})
		for _, m := range messages {
			want := base.Answer(context.Background(), Question{Text: m})
			got := b.Answer(context.Background(), Question{Text: m})
			if got.Tier != want.Tier || !reflect.DeepEqual(got.Urgent, want.Urgent) {
				t.Errorf("%s: %q: tier %v notice %+v, want %v %+v", name, m, got.Tier, got.Urgent, want.Tier, want.Urgent)
			}
			if gs, ws := got.Sections(), want.Sections(); !reflect.DeepEqual(gs[0], ws[0]) {
				t.Errorf("%s: %q: first section %+v, want %+v", name, m, gs[0], ws[0])
			}
			if got.Tier != triage.None && got.Fallback != "" {
				t.Errorf("%s: %q: a raised message got the fallback", name, m)
			}
		}
	}
}

// TestExplainsLint: a moderator's FAQ with a bad `explains:` is refused, with the line named.
func TestExplainsLint(t *testing.T) {
	cauda := "    explains: [cauda-equina, bladder, bowel, saddle, sex, both-legs]\n"
	tests := []struct {
		name string
		edit func(string) string
		want string // in the problem; "" for none
	}{
		{"built-in", func(s string) string { return s }, ""},
		{"unknown red flag", func(s string) string {
			return strings.Replace(s, cauda, "    explains: [cauda-equina, bladder, bowel, saddle, sexual, both-legs]\n", 1)
		}, `entry "cauda-equina" explains red flag "sexual", which triage does not know; use one of: cauda-equina, bladder`},
		{"misspelt red flag", func(s string) string {
			return strings.Replace(s, cauda, "    explains: [cauda-equina, blader]\n", 1)
		}, `explains red flag "blader", which triage does not know; did you mean "bladder"?`},
		{"a flag claimed by two entries", func(s string) string {
			return strings.Replace(s, "    explains: [fever]\n", "    explains: [fever, bladder]\n", 1)
		}, `red flag "bladder" is already explained by entry "cauda-equina"`},
		{"listed twice in one entry", func(s string) string {
			return strings.Replace(s, cauda, "    explains: [bladder, bladder]\n", 1)
		}, `red flag "bladder" is listed twice in entry "cauda-equina" explains`},
		{"not an id", func(s string) string {
			return strings.Replace(s, cauda, "    explains: [Saddle Numbness]\n", 1)
		}, `should be a red-flag id, lower-case words joined by dashes, like "saddle-numbness"`},
		{"not a list", func(s string) string {
			return strings.Replace(s, cauda, "    explains: bladder\n", 1)
		}, `entry "cauda-equina" explains should be a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.edit(string(faq.DefaultYAML()))
			f, problems := faq.Lint("mod.yaml", []byte(data))
			if f != nil {
				problems = append(problems, ExplainsProblems(f)...)
			}
			var errs []faq.Problem
			for _, p := range problems {
				if p.Severity == faq.Error {
					errs = append(errs, p)
				}
			}
			if tt.want == "" {
				if len(errs) > 0 {
					t.Fatalf("problems: %v", errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Msg, tt.want) {
				t.Fatalf("problems %v, want one with %q", errs, tt.want)
			}
			line := strings.Split(data, "\n")[errs[0].Line-1]
			if !strings.Contains(line, "explains:") || errs[0].File != "mod.yaml" {
				t.Errorf("problem at %s:%d (%q), want the explains line", errs[0].File, errs[0].Line, line)
			}
		})
	}
}
