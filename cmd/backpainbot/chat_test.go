package main

import (
	"context"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

// TestRenderTerm: with no style a terminal reply is exactly bot.Reply.Text, and with any style
// it still ends with the disclaimer and keeps every word.
func TestRenderTerm(t *testing.T) {
	b := bot.New(faq.Default(), bot.Options{})
	replies := map[string]bot.Reply{
		"answer":    b.Answer(context.Background(), bot.Question{Text: "what is sciatica"}),
		"no match":  b.Answer(context.Background(), bot.Question{Text: "how do i bake bread"}),
		"emergency": b.Answer(context.Background(), bot.Question{Text: "my back hurts and i suddenly can't control my bladder and my groin is numb"}),
		"help":      b.Help(),
	}
	for name, r := range replies {
		t.Run(name, func(t *testing.T) {
			if got, want := renderTerm(r, termStyle{}), r.Text(); got != want {
				t.Errorf("plain render differs from Text:\ngot  %q\nwant %q", got, want)
			}
			for _, st := range []termStyle{{Width: 30}, {Width: 30, Color: true, Numbered: true}, {Width: 8}} {
				out := renderTerm(r, st)
				plain := sgrRE.ReplaceAllString(out, "")
				if !strings.HasSuffix(strings.Join(strings.Fields(plain), " "), strings.Join(strings.Fields(r.Disclaimer), " ")) {
					t.Errorf("style %+v: reply does not end with the disclaimer:\n%s", st, out)
				}
				if got, want := len(strings.Fields(plain)), len(strings.Fields(r.Text())); got != want {
					t.Errorf("style %+v: %d words, want %d", st, got, want)
				}
			}
		})
	}
}

func TestWrapLine(t *testing.T) {
	tests := []struct {
		name, in, indent string
		width            int
		want             []string
	}{
		{"fits", "one two", "", 10, []string{"one two"}},
		{"breaks at a space", "one two three", "", 8, []string{"one two", "three"}},
		{"hanging indent", "1. one two three", "   ", 9, []string{"1. one", "   two", "   three"}},
		{"long word kept whole", "supercalifragilistic x", "", 5, []string{"supercalifragilistic", "x"}},
		{"counts letters, not bytes", "héllo wörld", "", 11, []string{"héllo wörld"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapLine(tt.in, tt.width, tt.indent)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestChatCommands runs chat from a pipe: commands are not questions, numbers pick topics.
func TestChatCommands(t *testing.T) {
	out, _, code := runCmd(t, "help\n4\nclear\n99\nquit\nwhat is sciatica\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	f := faq.Default()
	for _, want := range []string{
		"for example:\n  " + bot.New(f, bot.Options{}).Examples(3)[0], // real examples, not an empty "for example:"
		"4. What is sciatica?",
		"What is sciatica?\nSciatica is pain", // topic 4 picked by number
		"There is no topic 99 here",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, f.Fallback) || strings.Contains(out, "\x1b") {
		t.Errorf("clear was answered as a question, or colour reached a pipe:\n%s", out)
	}
	if strings.Count(out, "Sciatica is pain") != 1 {
		t.Errorf("chat went on after quit:\n%s", out)
	}
	for _, ex := range bot.New(f, bot.Options{}).Examples(3) {
		if m := faq.NewIndex(f).Match(ex); m.Band != faq.Confident {
			t.Errorf("help example %q gets a %v match, want a confident answer", ex, m.Band)
		}
	}
}
