package discord

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/bwmarrin/discordgo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// asSent marshals rendered parts as channel messages and decodes them the way the fake does,
// so checkMessages sees exactly the JSON Discord would.
func asSent(t testing.TB, parts []part) []sent {
	t.Helper()
	var out []sent
	for _, p := range parts {
		b, err := json.Marshal(&discordgo.MessageSend{Content: p.Content, Components: p.Components, AllowedMentions: noPings()})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sentMessage(t, request{Method: "POST", Path: "render", Body: b}))
	}
	return out
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Keep moving gently.", "Keep moving gently."},
		{"bold and italic", "a *very* _gentle_ **walk**", `a \*very\* \_gentle\_ \*\*walk\*\*`},
		{"strike, spoiler, code", "~~no~~ ||x|| `y`", "\\~\\~no\\~\\~ \\|\\|x\\|\\| \\`y\\`"},
		{"backslash", `a\b`, `a\\b`},
		{"quote", "> quoted", `\> quoted`},
		{"heading", "# Big", `\# Big`},
		{"heading on a later line", "one\n## two", "one\n\\## two"},
		{"hash in the middle", "item #2", "item #2"},
		{"dash list", "- item", `\- item`},
		{"plus list", "+ item", `\+ item`},
		{"numbered list", "1. first", `1\. first`},
		{"indented list", "  - item", `  \- item`},
		{"hyphen in a word", "low-impact", "low-impact"},
		{"number in a sentence", "Try 2. Then rest", "Try 2. Then rest"},
		{"mention syntax", "<@123> <#456>", `\<@123\> \<#456\>`},
		{"masked link", "[click](http://x)", `\[click\](http://x)`},
		{"url kept", "see https://www.nhs.uk/conditions/back_pain/ now", "see https://www.nhs.uk/conditions/back_pain/ now"},
		{"emoji", "🙂 *ok*", `🙂 \*ok\*`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 80, "short"},
		{"  padded  ", 80, "padded"},
		{"abcdef", 4, "abc…"},
		{"ééééé", 3, "éé…"},
		{"bad\xffutf8", 80, "badutf8"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestShowID(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"backpain:show:sciatica", "sciatica", true},
		{"backpain:show:", "", false},
		{"backpain:other:sciatica", "", false},
		{"sciatica", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := showID(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("showID(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

// goldenReplies are the replies whose rendering is kept in testdata/render.
var goldenReplies = []struct {
	name  string
	reply bot.Reply
}{
	{"answer", bot.Reply{
		Match:       &bot.Topic{ID: "sciatica", Question: "What is sciatica?"},
		Answer:      "Sciatica is pain along the sciatic nerve, often down one leg. Most cases settle within 4-6 weeks.",
		Tips:        []string{"Keep moving gently.", "Use heat or cold, whichever helps."},
		Suggestions: []bot.Topic{{ID: "pinched-nerve", Question: "What is a pinched nerve?"}},
		Related:     []bot.Topic{{ID: "herniated-disc", Question: "What is a herniated disc?"}, {ID: "pinched-nerve", Question: "What is a pinched nerve?"}},
		Disclaimer:  "This is general information, not medical advice.",
	}},
	{"emergency", bot.Reply{
		Tier:       triage.Emergency,
		Urgent:     &bot.Notice{Tier: triage.Emergency, Action: "Call 999 or go to the nearest emergency department now.", Why: "New bladder trouble with back pain can mean pressure on the nerves."},
		Disclaimer: "This is general information, not medical advice.",
	}},
	{"doctor", bot.Reply{
		Tier:       triage.Doctor,
		Urgent:     &bot.Notice{Tier: triage.Doctor, Action: "Please see a doctor soon.", Why: "A fever with back pain needs checking."},
		Match:      &bot.Topic{ID: "when-to-see-doctor", Question: "When should I see a doctor?"},
		Answer:     "See a doctor if the pain is severe or not improving.",
		Disclaimer: "This is general information, not medical advice.",
	}},
	{"no match", bot.Reply{
		Fallback:    "Sorry, I don't have a good answer for that one.",
		Suggestions: []bot.Topic{{ID: "sciatica", Question: "What is sciatica?"}, {ID: "sleep", Question: "How should I sleep with back pain?"}},
		Disclaimer:  "This is general information, not medical advice.",
	}},
	{"markdown in the faq", bot.Reply{
		Match:      &bot.Topic{ID: "x", Question: "Is *this* a # heading?"},
		Answer:     "- not a list\n> not a quote\n1. not numbered\nsee https://example.com/a_b_c",
		Disclaimer: "Not __medical__ advice.",
	}},
}

func TestRenderGolden(t *testing.T) {
	for _, g := range goldenReplies {
		t.Run(g.name, func(t *testing.T) {
			parts := render(g.reply)
			checkMessages(t, asSent(t, parts), g.reply.Disclaimer)
			var b strings.Builder
			for i, p := range parts {
				fmt.Fprintf(&b, "=== message %d of %d\n%s\n", i+1, len(parts), p.Content)
				for _, row := range p.Components {
					b.WriteString("--- buttons:")
					for _, c := range row.(discordgo.ActionsRow).Components {
						btn := c.(discordgo.Button)
						fmt.Fprintf(&b, " [%s|%s|style %d]", btn.Label, btn.CustomID, btn.Style)
					}
					b.WriteString("\n")
				}
			}
			path := filepath.Join("testdata", "render", strings.ReplaceAll(g.name, " ", "-")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("render(%s) =\n%s\nwant (%s):\n%s", g.name, got, path, want)
			}
		})
	}
}

func TestRenderRealReplies(t *testing.T) {
	b := realBot()
	disclaimer := b.FAQ().Disclaimer
	check := func(t *testing.T, r bot.Reply) {
		t.Helper()
		checkMessages(t, asSent(t, render(r)), disclaimer)
	}
	t.Run("help", func(t *testing.T) { check(t, b.Help()) })
	for _, e := range b.FAQ().Entries {
		t.Run("show "+e.ID, func(t *testing.T) {
			r, ok := b.Show(e.ID)
			if !ok {
				t.Fatalf("Show(%q) found nothing", e.ID)
			}
			check(t, r)
		})
	}
}

func TestButtonLimits(t *testing.T) {
	r := longReply() // 40 suggestions, two related topics, one of them a duplicate id
	r.Suggestions = append(r.Suggestions, bot.Topic{ID: strings.Repeat("z", 100), Question: "Too long an id"})
	r.Suggestions = append([]bot.Topic{{ID: "blank", Question: "  "}, {ID: "", Question: "No id"}}, r.Suggestions...)
	rows := buttons(r)
	if len(rows) != maxRows {
		t.Fatalf("%d action rows; want %d", len(rows), maxRows)
	}
	seen := map[string]bool{}
	for _, row := range rows {
		cs := row.(discordgo.ActionsRow).Components
		if len(cs) != maxRowButtons {
			t.Errorf("row has %d buttons; want %d", len(cs), maxRowButtons)
		}
		for _, c := range cs {
			btn := c.(discordgo.Button)
			if seen[btn.CustomID] || len(btn.CustomID) > maxCustomID || btn.Label == "" || len([]rune(btn.Label)) > maxButtonLabel {
				t.Errorf("bad button %+v", btn)
			}
			seen[btn.CustomID] = true
		}
	}
	first := rows[0].(discordgo.ActionsRow).Components[0].(discordgo.Button)
	if first.CustomID != "backpain:show:blank" || first.Label != "blank" {
		t.Errorf("a topic with a blank question got button %+v; want its id as the label", first)
	}
	if seen["backpain:show:"] {
		t.Error("a topic without an id got a button")
	}
	if got := buttons(bot.Reply{Disclaimer: "d"}); got != nil {
		t.Errorf("a reply without topics got buttons %v", got)
	}
}

func TestRenderEdgeCases(t *testing.T) {
	huge := strings.Repeat("word ", 1000)
	tests := []struct {
		name  string
		reply bot.Reply
		parts int
	}{
		{"disclaimer only", bot.Reply{Disclaimer: "Not medical advice."}, 1},
		{"no disclaimer", bot.Reply{Intro: "hello"}, 1},
		{"empty", bot.Reply{}, 1},
		{"disclaimer longer than a message", bot.Reply{Intro: "hello", Disclaimer: huge}, 4},
		{"body just under the limit", bot.Reply{Intro: strings.Repeat("a", 1990), Disclaimer: "Not medical advice."}, 2},
		{"one word longer than a message", bot.Reply{Intro: strings.Repeat("é", 3000), Disclaimer: "Not medical advice."}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := render(tt.reply)
			if len(parts) != tt.parts {
				t.Errorf("%d parts; want %d", len(parts), tt.parts)
			}
			d := tt.reply.Disclaimer
			if len(d) > maxContent {
				d = "" // split across messages; checked below
				if !strings.HasSuffix(parts[len(parts)-1].Content, "word") {
					t.Error("the last part does not end with the end of the disclaimer")
				}
			}
			checkMessages(t, asSent(t, parts), d)
		})
	}
}

// FuzzShorten folds the tail of a rendered reply, from any part on, into one message: it must
// fit Discord's limit, be valid UTF-8, and end with the disclaimer, whatever the text.
func FuzzShorten(f *testing.F) {
	f.Add("Gentle movement helps. ", 200, 1, "This is general information, not medical advice.")
	f.Add("**bold** _x_ `c` ", 500, 0, "Not advice.")
	f.Add("é🙂", 3000, 2, "")
	f.Add(" ", 1, 0, "Disclaimer")
	f.Fuzz(func(t *testing.T, text string, repeat, from int, disclaimer string) {
		if repeat < 0 || repeat > 5000 || len(disclaimer) > 1500 {
			return
		}
		r := bot.Reply{Answer: strings.Repeat(text, repeat), Disclaimer: disclaimer,
			Related: []bot.Topic{{ID: "a", Question: "A?"}}}
		parts := render(r)
		from = min(max(from, 0), len(parts)-1)
		d := disclaimerOf(r)
		p := shorten(parts[from:], d)
		if len(p.Content) > maxContent || !utf8.ValidString(p.Content) || strings.TrimSpace(p.Content) == "" {
			t.Fatalf("shortened to %d bytes (valid UTF-8 %v): %q", len(p.Content), utf8.ValidString(p.Content), p.Content)
		}
		if !strings.HasSuffix(p.Content, d) {
			t.Fatalf("shortened message does not end with the disclaimer %q:\n%s", d, p.Content)
		}
		if len(p.Components) != len(parts[len(parts)-1].Components) {
			t.Errorf("shortened message lost the buttons")
		}
	})
}
