package bot

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func newBot(t testing.TB) *Bot {
	t.Helper()
	return New(faq.Default(), Options{})
}

func TestAnswerBands(t *testing.T) {
	b := newBot(t)
	tests := []struct {
		name      string
		question  string
		wantMatch string // "" for no match
		wantTier  triage.Tier
	}{
		{"canonical question", "why does my back hurt when i lift my leg", "leg-lift-pain", triage.None},
		{"typo", "what is siatica", "sciatica", triage.None},
		{"synonym", "is a slipped disk serious", "herniated-disc", triage.None},
		{"out of domain", "what's the weather like tomorrow", "", triage.None},
		{"joke", "tell me a joke", "", triage.None},
		{"empty", "", "", triage.None},
		{"bare contraction", "n't", "", triage.None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(context.Background(), Question{Text: tt.question, Platform: "test"})
			got := ""
			if r.Match != nil {
				got = r.Match.ID
			}
			if got != tt.wantMatch {
				t.Errorf("match = %q, want %q", got, tt.wantMatch)
			}
			if r.Tier != tt.wantTier {
				t.Errorf("tier = %v, want %v", r.Tier, tt.wantTier)
			}
			if tt.wantMatch == "" && r.Tier == triage.None {
				if r.Fallback == "" || len(r.Suggestions) == 0 {
					t.Errorf("no match should give the fallback and topics, got %+v", r)
				}
				if r.Outcome() != "no_match" {
					t.Errorf("outcome = %q, want no_match", r.Outcome())
				}
			}
			assertEndsWithDisclaimer(t, r)
		})
	}
}

func assertEndsWithDisclaimer(t testing.TB, r Reply) {
	t.Helper()
	d := faq.Default().Disclaimer
	if r.Disclaimer != d {
		t.Fatalf("reply disclaimer = %q, want the FAQ's", r.Disclaimer)
	}
	secs := r.Sections()
	if last := secs[len(secs)-1]; last.Kind != SectionDisclaimer || last.Text != d {
		t.Fatalf("last section = %+v, want the disclaimer", last)
	}
	if !strings.HasSuffix(r.Text(), d) {
		t.Fatalf("rendered text does not end with the disclaimer:\n%s", r.Text())
	}
}

func TestLongQuestionIsTruncated(t *testing.T) {
	b := newBot(t)
	long := "why does my back hurt when i lift my leg " + strings.Repeat("blah ", 10_000)
	r := b.Answer(context.Background(), Question{Text: long})
	if r.Match == nil || r.Match.ID != "leg-lift-pain" {
		t.Errorf("a long question should be answered from its first %d characters, got %+v", MaxQuestion, r.Match)
	}
	assertEndsWithDisclaimer(t, r)
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "back pain", "back pain"},
		{"control characters", "back\x00pain\x1b[31m", "back pain [31m"},
		{"invalid utf-8 dropped", "back \xffpain", "back pain"},
		{"zero-width removed", "p\u200bee", "pee"},
		{"emoji kept", "back 😣", "back 😣"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	long := strings.Repeat("é", 3*MaxQuestion)
	if got := utf8.RuneCountInString(Clean(long)); got != MaxQuestion {
		t.Errorf("Clean kept %d characters, want %d", got, MaxQuestion)
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"fits", "hello world", 20, []string{"hello world"}},
		{"paragraphs", "aaaa\n\nbbbb", 6, []string{"aaaa", "bbbb"}},
		{"words", "one two three four", 9, []string{"one two", "three", "four"}},
		{"no spaces", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"multibyte", "ééééé", 4, []string{"éé", "éé", "é"}},
		{"empty", "", 10, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(tt.text, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Chunks(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
			}
		})
	}
}

func TestShowAndHelp(t *testing.T) {
	b := newBot(t)
	r, ok := b.Show("sciatica")
	if !ok || r.Match == nil || r.Match.ID != "sciatica" || r.Answer == "" {
		t.Fatalf("Show(sciatica) = %+v, %v", r, ok)
	}
	assertEndsWithDisclaimer(t, r)
	if _, ok := b.Show("nope"); ok {
		t.Error("Show(nope) found an entry")
	}
	h := b.Help()
	if got, want := len(h.Suggestions), len(faq.Default().Entries); got != want {
		t.Errorf("help lists %d topics, want %d", got, want)
	}
	assertEndsWithDisclaimer(t, h)
	ex := b.Examples(2)
	if !strings.Contains(h.Intro, `for example "`+ex[0]+`" or "`+ex[1]+`".`) {
		t.Errorf("help intro %q does not give the examples %q", h.Intro, ex)
	}
	ix := faq.NewIndex(faq.Default())
	for _, q := range b.Examples(5) {
		if m := ix.Match(q); m.Band != faq.Confident {
			t.Errorf("example %q gets a %v match, want a confident answer", q, m.Band)
		}
	}
}

// TestTextGolden pins how replies read in a terminal. Run with -update after a deliberate change.
func TestTextGolden(t *testing.T) {
	b := New(faq.Default(), Options{EmergencyNumber: "999"})
	cases := map[string]string{
		"answer":   "why does my back hurt when i lift my leg",
		"no-match": "what's the weather like tomorrow",
	}
	for name, q := range cases {
		t.Run(name, func(t *testing.T) {
			got := b.Answer(context.Background(), Question{Text: q}).Text() + "\n"
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -update)", err)
			}
			if got != string(want) {
				t.Errorf("reply for %q changed:\n--- got\n%s\n--- want\n%s", q, got, want)
			}
		})
	}
}

type missLog struct{ n int }

func (m *missLog) RecordMiss(_ context.Context, _, _ string, _ faq.Candidate) { m.n++ }

func TestMissesRecordedOnlyWhenUnanswered(t *testing.T) {
	ml := &missLog{}
	b := New(faq.Default(), Options{Misses: ml})
	b.Answer(context.Background(), Question{Text: "what is sciatica"})
	b.Answer(context.Background(), Question{Text: "how do i bake sourdough bread"})
	if ml.n != 1 {
		t.Errorf("recorded %d misses, want 1", ml.n)
	}
}

// TestRaisedNeverRecorded: a message triage raised is health information the moderators do not
// need, whatever the matcher made of it: no band may put it in the misses log.
func TestRaisedNeverRecorded(t *testing.T) {
	tests := []struct {
		name string
		text string
		band faq.Band
	}{
		{"doctor tier, no clear winner", "back agony it's been two months", faq.Suggest},
		{"doctor tier, no clear winner, worse at night", "my lower back is killing me and its worse at night every night", faq.Suggest},
		{"emergency", "can't pee and my back is killing me", faq.NoMatch},
		{"emergency, asks about stretches", "i cant feel when i need to pee and my back hurts, what stretches are safe", faq.Confident},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ml := &missLog{}
			b := New(faq.Default(), Options{Misses: ml})
			r := b.Answer(context.Background(), Question{Text: tt.text})
			if r.Tier == triage.None {
				t.Fatalf("%q was not raised: the case no longer tests a raised message", tt.text)
			}
			if got := b.Index().Match(tt.text).Band; tt.band == faq.Suggest && got != tt.band {
				t.Fatalf("band %v, want %v: reword the case so it still tests that band", got, tt.band)
			}
			if ml.n != 0 {
				t.Errorf("a raised message (tier %v) was recorded as a miss", r.Tier)
			}
		})
	}
}

// FuzzAnswer: for any input, no panic, and the rendered reply ends with the disclaimer.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{"", "why does my back hurt when i lift my leg", "siatica", "can't pee",
		strings.Repeat("a", 50_000), "\x00\xff\xfe", "😣😣😣 back", "what's the weather", "n't", "'s 've", "can't n't"} {
		f.Add(s)
	}
	b := New(faq.Default(), Options{})
	f.Fuzz(func(t *testing.T, s string) {
		r := b.Answer(context.Background(), Question{Text: s})
		assertEndsWithDisclaimer(t, r)
		for _, c := range Chunks(r.Text(), 200) {
			if len(c) > 200 || !utf8.ValidString(c) {
				t.Fatalf("bad chunk %q", c)
			}
		}
	})
}

func BenchmarkAnswer(b *testing.B) {
	bt := New(faq.Default(), Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		bt.Answer(ctx, Question{Text: "my back hurts when i lift my leg, is it sciatica?"})
	}
}

func TestUrgentNoticeLeads(t *testing.T) {
	b := New(faq.Default(), Options{EmergencyNumber: "999"})
	tests := []struct {
		name     string
		question string
		tier     triage.Tier
	}{
		{"bladder, no FAQ match needed", "can't pee and my back is killing me", triage.Emergency},
		{"calm question", "is ice or heat better for a sore back", triage.None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(context.Background(), Question{Text: tt.question})
			if r.Tier != tt.tier {
				t.Fatalf("tier = %v, want %v", r.Tier, tt.tier)
			}
			secs := r.Sections()
			if tt.tier == triage.None {
				if r.Urgent != nil || secs[0].Kind == SectionUrgent {
					t.Errorf("calm question got an urgent notice: %+v", r.Urgent)
				}
				return
			}
			if secs[0].Kind != SectionUrgent || !strings.HasPrefix(secs[0].Text, "Call 999") {
				t.Errorf("first section = %+v, want the urgent notice naming 999", secs[0])
			}
			if r.Outcome() != "triaged" {
				t.Errorf("outcome = %q, want triaged", r.Outcome())
			}
			assertEndsWithDisclaimer(t, r)
		})
	}
}

// TestMayHelp: a message plainly about back pain that no entry clearly fits gets the closest
// topics under "These may help", never the bare fallback; an off-topic one still gets the fallback.
func TestMayHelp(t *testing.T) {
	b := newBot(t)
	tests := []struct {
		name     string
		question string
		mayHelp  bool
	}{
		{"vague first question", "my back hurts what do i do", true},
		{"idiom of pain", "my lower back is killing me", true},
		{"laptop backup", "how do i back up my laptop", false},
		{"weather", "what's the weather like tomorrow", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(context.Background(), Question{Text: tt.question, Platform: "test"})
			if r.MayHelp != tt.mayHelp {
				t.Fatalf("MayHelp = %v, want %v (match %v, fallback %q)", r.MayHelp, tt.mayHelp, r.Match, r.Fallback)
			}
			assertEndsWithDisclaimer(t, r)
			if !tt.mayHelp {
				return
			}
			if r.Match != nil || r.Fallback != "" {
				t.Errorf("got match %v and fallback %q, want neither", r.Match, r.Fallback)
			}
			if n := len(r.Suggestions); n < 2 || n > 3 {
				t.Errorf("got %d suggestions, want 2 or 3", n)
			}
			if !strings.Contains(r.Text(), "These may help:") || r.Outcome() != "suggested" {
				t.Errorf("outcome %q, text:\n%s", r.Outcome(), r.Text())
			}
		})
	}
}

// TestDoctorNoticeStillAnswers: a see-a-doctor notice leads the reply but does not take the
// answer away, even a close call's, since booking an appointment takes days; an emergency
// notice keeps only a confident answer, or shows the entry that explains its red flag.
func TestDoctorNoticeStillAnswers(t *testing.T) {
	b := newBot(t)
	tests := []struct {
		name     string
		question string
		tier     triage.Tier
		want     string // the entry answered: "close call" for the matcher's best, or an id, or ""
	}{
		{"weeks of pain, asks about posture", "my back has ached for two months, could it be my posture at work", triage.Doctor, "close call"},
		{"past cancer, asks about stretches", "had cancer years ago and now my back hurts, what stretches are safe", triage.Doctor, "close call"},
		{"bladder, asks about stretches: the entry that explains it", "i cant feel when i need to pee and my back hurts, what stretches are safe", triage.Emergency, "cauda-equina"},
		{"chest pain, asks about posture: no entry explains it", "chest pain and back pain, could it be my posture at work", triage.Emergency, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := b.Index().Match(tt.question)
			if m.Band != faq.CloseCall {
				t.Fatalf("the matcher puts this in band %v; the case needs a close call", m.Band)
			}
			r := b.Answer(context.Background(), Question{Text: tt.question})
			if r.Tier != tt.tier {
				t.Fatalf("tier = %v, want %v", r.Tier, tt.tier)
			}
			want := tt.want
			switch {
			case want == "close call":
				want = m.Best.ID
			case want == m.Best.ID:
				t.Fatalf("the matcher's close call is %q already; the case needs another", want)
			}
			if got := matchID(r); got != want {
				t.Errorf("answered %q, want %q (the matcher's close call is %q)", got, want, m.Best.ID)
			}
			if secs := r.Sections(); secs[0].Kind != SectionUrgent {
				t.Errorf("first section = %+v, want the notice", secs[0])
			}
			assertEndsWithDisclaimer(t, r)
		})
	}
}
