package triage

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/text"
)

var ablate = flag.Bool("lexicon.ablate", false, "list lexicon words no example or dev message needs (slow)")

// TestLexiconNeeds lists every word and phrase of data/lexicon.yaml whose removal changes no
// verdict on the rule examples and the dev data sets: such an entry should be dropped or given
// an example. It takes a few minutes, so it runs only when asked:
//
//	go test ./bot/triage -run TestLexiconNeeds -v -args -lexicon.ablate
func TestLexiconNeeds(t *testing.T) {
	if !*ablate {
		t.Skip("run with -args -lexicon.ablate")
	}
	msgs := ablationMessages(t)
	verdicts := func(d *Detector) []Result {
		out := make([]Result, len(msgs))
		for i, m := range msgs {
			out[i] = d.Check(m)
		}
		return out
	}
	want := verdicts(New(faq.RedFlags{}))
	var unneeded []string
	try := func(what string, l *lexicon) {
		if slices.Equal(verdicts(newDetector(l, faq.RedFlags{})), want) {
			unneeded = append(unneeded, what)
		}
	}
	for gi, g := range lex.entries {
		// Words with one stem are one item: the stemmer reads them alike, and typo correction
		// needs their spellings together.
		byStem := map[string][]int{}
		var order []string
		for wi, w := range g.words {
			key := w
			if !strings.ContainsAny(w, " {=") {
				key = text.Stem(w)
			}
			if _, ok := byStem[key]; !ok {
				order = append(order, key)
			}
			byStem[key] = append(byStem[key], wi)
		}
		for _, key := range order {
			l := *lex
			l.entries = slices.Clone(lex.entries)
			var kept []string
			var gone []string
			for wi, w := range g.words {
				if slices.Contains(byStem[key], wi) {
					gone = append(gone, w)
				} else {
					kept = append(kept, w)
				}
			}
			l.entries[gi].words = kept
			try(strings.Join(lex.conceptNames(g.f), "+")+": "+strings.Join(gone, ", "), &l)
		}
	}
	for ci, c := range lex.cancels {
		l := *lex
		l.cancels = slices.Delete(slices.Clone(lex.cancels), ci, ci+1)
		try("cancel: "+c, &l)
	}
	t.Logf("%d unneeded entries:\n%s", len(unneeded), strings.Join(unneeded, "\n"))
}

// TestLexiconExamples runs the examples of data/lexicon.yaml: each entry's examples must raise
// a flag, and each cancel example must stay calm.
func TestLexiconExamples(t *testing.T) {
	d := detector()
	for _, m := range lex.examples {
		if r := d.Check(text.Normalize(m)); r.Tier == None {
			t.Errorf("lexicon example %q raises nothing", m)
		}
	}
	for _, m := range lex.calmEx {
		if r := d.Check(text.Normalize(m)); r.Tier != None {
			t.Errorf("cancel example %q raises %s (%s), want calm", m, r.Tier, r.Category)
		}
	}
	if len(lex.examples) < 300 || len(lex.calmEx) < 20 {
		t.Errorf("%d entry examples and %d cancel examples; the lexicon lost its examples", len(lex.examples), len(lex.calmEx))
	}
}

// ablationMessages are the rule examples and the dev sets' messages, normalised.
func ablationMessages(t *testing.T) []string {
	var msgs []string
	for _, r := range rules.rules {
		msgs = append(msgs, r.fire...)
		msgs = append(msgs, r.ok...)
	}
	msgs = append(msgs, lex.examples...)
	msgs = append(msgs, lex.calmEx...)
	paths, _ := filepath.Glob("testdata/dev/*.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		l, err := loadStories(data)
		if err != nil || len(l.emergency)+len(l.doctor)+len(l.calm) == 0 {
			l, _ = loadTiers(data)
		}
		msgs = append(append(append(msgs, l.emergency...), l.doctor...), l.calm...)
	}
	for i := range msgs {
		msgs[i] = text.Normalize(msgs[i])
	}
	return msgs
}
