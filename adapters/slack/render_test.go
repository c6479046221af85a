package slack

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/bot/triage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const testDisclaimer = "This is general information, not medical advice. In an emergency call your local emergency number."

func urgentReply() bot.Reply {
	return bot.Reply{
		Tier:    triage.Emergency,
		Urgent:  &bot.Notice{Tier: triage.Emergency, Action: "Call your local emergency number now.", Why: "Numbness down there can mean pressure on nerves."},
		Match:   &bot.Topic{ID: "sciatica", Question: "What is sciatica?"},
		Answer:  "Sciatica is pain along the sciatic nerve.\n\nIt often gets better in weeks.",
		Tips:    []string{"Keep moving.", "Use heat."},
		Related: []bot.Topic{{ID: "disc", Question: "What is a herniated disc?"}},
		Suggestions: []bot.Topic{
			{ID: "doctor", Question: "When should I see a doctor?"},
		},
		Disclaimer: testDisclaimer,
	}
}

func escapeReply() bot.Reply {
	return bot.Reply{
		Match:      &bot.Topic{ID: "x", Question: "Tips & tricks <b>"},
		Answer:     "<script> & <@U123> and <!channel> and <https://evil.example|x> *bold*",
		Tips:       []string{"a & b", "<@U123>"},
		Related:    []bot.Topic{{ID: "y", Question: "Is <b> & <i> ok?"}},
		Disclaimer: "Not medical advice <careful>.",
	}
}

// longReply is far too long for one Slack message, with escaping that triples its length.
func longReply() bot.Reply {
	r := urgentReply()
	r.Answer = strings.Repeat("Walking & gentle <movement> help. ", 2000)
	r.Tips = nil
	for range 300 {
		r.Tips = append(r.Tips, "Stand up & stretch <every> hour; "+strings.Repeat("é", 40))
	}
	return r
}

func TestBlocksOrder(t *testing.T) {
	blocks, fallback := Blocks(urgentReply())
	got := render(t, blocks, fallback)
	checkReply(t, got, testDisclaimer)
	var texts []string
	for _, b := range got.Blocks[:len(got.Blocks)-1] {
		texts = append(texts, b.Text.Text)
	}
	want := []string{
		":rotating_light: *Urgent: get help now*\nCall your local emergency number now. Numbness down there can mean pressure on nerves.",
		"*What is sciatica?*\nSciatica is pain along the sciatic nerve.\n\nIt often gets better in weeks.",
		"*Tips*\n• Keep moving.\n• Use heat.",
		"*Did you mean*\n• When should I see a doctor?",
		"*Related*\n• What is a herniated disc?",
	}
	if strings.Join(texts, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("sections:\ngot  %q\nwant %q", texts, want)
	}
	if !strings.HasPrefix(fallback, "!! URGENT: GET HELP NOW !!") {
		t.Errorf("fallback: got %q, want the urgent notice first", fallback)
	}
}

func TestBlocksDoctorTier(t *testing.T) {
	r := urgentReply()
	r.Tier, r.Urgent.Tier = triage.Doctor, triage.Doctor
	blocks, _ := Blocks(r)
	got := blocks[0].(*slack.SectionBlock).Text.Text
	if !strings.HasPrefix(got, ":warning: *See a doctor soon*\n") {
		t.Errorf("first block: got %q, want the see-a-doctor notice", got)
	}
}

func TestBlocksEscape(t *testing.T) {
	blocks, fallback := Blocks(escapeReply())
	got := render(t, blocks, fallback)
	checkReply(t, got, "Not medical advice <careful>.")
	if want := "*Tips &amp; tricks &lt;b&gt;*\n&lt;script&gt; &amp; &lt;@U123&gt; and &lt;!channel&gt; and &lt;https://evil.example|x&gt; *bold*"; got.Blocks[0].Text.Text != want {
		t.Errorf("answer:\ngot  %q\nwant %q", got.Blocks[0].Text.Text, want)
	}
	if strings.ContainsAny(strings.NewReplacer("&amp;", "", "&lt;", "", "&gt;", "").Replace(fallback), "<>&") {
		t.Errorf("fallback not escaped: %q", fallback)
	}
}

func TestBlocksLong(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    bot.Reply
	}{
		{"long", longReply()},
		{"no spaces, all ampersands", func() bot.Reply {
			r := urgentReply()
			r.Answer = strings.Repeat("&", 20000)
			return r
		}()},
		{"multibyte without spaces", func() bot.Reply {
			r := urgentReply()
			r.Answer = strings.Repeat("背中", 5000)
			return r
		}()},
		{"long heading and disclaimer", func() bot.Reply {
			r := urgentReply()
			r.Match.Question = strings.Repeat("Why <does> it hurt ", 500)
			r.Disclaimer = strings.Repeat("Not advice & <careful>. ", 700)
			return r
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks, fallback := Blocks(tc.r)
			got := render(t, blocks, fallback)
			checkReply(t, got, tc.r.Disclaimer)
			if !strings.HasPrefix(got.Blocks[0].Text.Text, ":rotating_light:") {
				t.Errorf("first block is not the urgent notice")
			}
			if n := utf8.RuneCountInString(fallback); n > 5*maxFallback+utf8.RuneCountInString(escape(tc.r.Disclaimer))+10 {
				t.Errorf("fallback: got %d characters", n)
			}
			body, err := payload(tc.r, slack.ResponseTypeEphemeral, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(body) > maxPayload && tc.name != "long heading and disclaimer" {
				t.Errorf("payload: got %d bytes, want at most %d", len(body), maxPayload)
			}
			checkReply(t, decodeReply(t, body), tc.r.Disclaimer)
		})
	}
}

// TestBlocksFAQ renders every entry of the built-in FAQ, and help, and checks each.
func TestBlocksFAQ(t *testing.T) {
	b := realBot()
	replies := map[string]bot.Reply{"help": b.Help()}
	for _, e := range b.FAQ().Entries {
		r, ok := b.Show(e.ID)
		if !ok {
			t.Fatalf("Show(%q) failed", e.ID)
		}
		replies[e.ID] = r
	}
	for name, r := range replies {
		blocks, fallback := Blocks(r)
		checkReply(t, render(t, blocks, fallback), b.FAQ().Disclaimer)
		if len(blocks) >= maxBlocks {
			t.Errorf("%s: %d blocks, want a real FAQ reply well under %d", name, len(blocks), maxBlocks)
		}
		if name == "help" {
			continue
		}
		body, err := payload(r, slack.ResponseTypeEphemeral, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(body), shortened) {
			t.Errorf("%s: a real FAQ reply was shortened", name)
		}
	}
}

// TestPayloadGolden pins the JSON of a whole reply. Run with -update to rewrite it.
func TestPayloadGolden(t *testing.T) {
	for _, tc := range []struct {
		name, responseType string
		r                  bot.Reply
	}{
		{"urgent", slack.ResponseTypeEphemeral, urgentReply()},
		{"escape", slack.ResponseTypeInChannel, escapeReply()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := payload(tc.r, tc.responseType, "")
			if err != nil {
				t.Fatal(err)
			}
			var indented strings.Builder
			var v any
			_ = json.Unmarshal(body, &v)
			enc := json.NewEncoder(&indented)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			_ = enc.Encode(v)
			path := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(indented.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if indented.String() != string(want) {
				t.Errorf("payload differs from %s (run with -update if intended):\ngot\n%s", path, indented.String())
			}
		})
	}
}

func TestParseText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want request
	}{
		{"", request{help: true}},
		{"   ", request{help: true}},
		{"help", request{help: true}},
		{" HELP ", request{help: true}},
		{"share", request{help: true}},
		{"share help", request{help: true}},
		{"help me my back hurts", request{question: "help me my back hurts"}},
		{"what is sciatica", request{question: "what is sciatica"}},
		{"share what is sciatica", request{share: true, question: "what is sciatica"}},
		{"Share\twhat is sciatica ", request{share: true, question: "what is sciatica"}},
		{"shared pain", request{question: "shared pain"}},
	} {
		if got := parseText(tc.in); got != tc.want {
			t.Errorf("parseText(%q): got %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"empty", ""},
		{"short", "a & b"},
		{"entities never cut", strings.Repeat("<&>", 3000)},
		{"words", strings.Repeat("lower back & <pain> ", 1000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := fit(tc.raw, maxText, maxText)
			var joined strings.Builder
			for _, p := range parts {
				if n := utf8.RuneCountInString(p); n > maxText {
					t.Errorf("part of %d characters", n)
				}
				if strings.Contains(strings.NewReplacer("&amp;", "", "&lt;", "", "&gt;", "").Replace(p), "&") {
					t.Errorf("part with a cut entity: %q", tail(p))
				}
				joined.WriteString(p)
			}
			norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if norm(joined.String()) != norm(escape(tc.raw)) {
				t.Errorf("parts do not add up to the escaped text")
			}
		})
	}
}

// render marshals blocks as a reply would carry them and decodes them as Slack would.
func render(t *testing.T, blocks []slack.Block, fallback string) gotReply {
	t.Helper()
	body, err := json.Marshal(message{ResponseType: slack.ResponseTypeEphemeral, Text: fallback, Blocks: blocks})
	if err != nil {
		t.Fatal(err)
	}
	return decodeReply(t, body)
}
