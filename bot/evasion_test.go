package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
)

// Each way found to hide a red flag from triage or switch it off is a named test here, run
// through the whole reply path. None may work.
func TestEvasions(t *testing.T) {
	calmPad := strings.Repeat("my back has been a bit stiff after gardening and sitting at my desk all day. ", 14)
	tests := []struct {
		name string
		text string
	}{
		{"plain", "i cant pee and my back hurts"},
		{"zero-width space", "i cant p\u200bee and my back hurts"},
		{"zero-width joiner", "i cant p\u200dee and my back hurts"},
		{"soft hyphen", "i cant p\u00adee and my back hurts"},
		{"bidi override", "i cant \u202epee\u202c and my back hurts"},
		{"fullwidth letters", "ｉ ｃａｎｔ ｐｅｅ and my back hurts"},
		{"cyrillic look-alikes", "i саnt рее and my back hurts"},
		{"math alphabet", "i cant 𝗽𝗲𝗲 and my back hurts"},
		{"combining overlay", "i cant p\u0336e\u0336e\u0336 and my back hurts"},
		{"junk bytes", "i cant p\xffee and my back hurts"},
		{"after 1,000 characters", calmPad + "and since this morning i cant pee at all"},
		{"after 4,000 characters", strings.Repeat(calmPad, 4) + "now my legs keep giving way"},
	}
	b := New(faq.Default(), Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := b.Answer(context.Background(), Question{Text: tt.text}); r.Tier != triage.Emergency || r.Urgent == nil {
				t.Errorf("tier %s (notice %v), want emergency", r.Tier, r.Urgent != nil)
			}
		})
	}
}

// Moderators' synonyms never reach triage: mapping "legs giving way" to "tired legs" for the
// matcher leaves the red flag as it was.
func TestEvasionModeratorSynonyms(t *testing.T) {
	f := *faq.Default()
	f.Synonyms = append(append([][]string{}, f.Synonyms...), []string{"tired legs", "legs giving way"}, []string{"fine", "numb"})
	b := New(&f, Options{})
	for _, q := range []string{"my legs keep giving way and my back hurts", "numb down there since yesterday"} {
		if r := b.Answer(context.Background(), Question{Text: q}); r.Tier != triage.Emergency {
			t.Errorf("with moderator synonyms, %q: tier %s, want emergency", q, r.Tier)
		}
	}
}

// A red-flag phrase that would raise every message is refused; a disclaimer without the
// seek-care advice is refused. (cmd/backpainbot's TestCheckFAQ shows lint and reload refusing
// such files.)
func TestEvasionModeratorEdits(t *testing.T) {
	if p := triage.CheckRedFlags(faq.RedFlags{Emergency: []string{"pain"}}); len(p) != 1 {
		t.Errorf(`red_flags {emergency: ["pain"]}: problems %q, want it refused`, p)
	}
	if p := faq.DisclaimerProblem("Hope this helps!"); p == "" {
		t.Error(`disclaimer "Hope this helps!" accepted, want it refused`)
	}
}

// The misses log never keeps a message triage raised, even when nothing in the FAQ matched it.
func TestEvasionMissesKeepRaised(t *testing.T) {
	ml := &missLog{}
	b := New(faq.Default(), Options{Misses: ml})
	for _, q := range []string{
		"i wet myself and my back hurts, what do i do",        // emergency
		"i have had a fever and back pain for three days",     // doctor
		"lost about a stone without trying and my back aches", // doctor
	} {
		r := b.Answer(context.Background(), Question{Text: q})
		if r.Tier == triage.None {
			t.Errorf("%q: tier none, want raised", q)
		}
	}
	if ml.n != 0 {
		t.Errorf("misses log recorded %d raised messages, want 0", ml.n)
	}
	b.Answer(context.Background(), Question{Text: "how do i bake sourdough bread"})
	if ml.n != 1 {
		t.Errorf("misses log recorded %d calm unanswered messages, want 1", ml.n)
	}
}
