package faq

import (
	"path/filepath"
	"slices"
	"testing"
)

// The dev tests measure the matcher on the sets it may be tuned on and print the figures; with
// -misses they print every miss. They fail on broken data, not on figures: the product targets
// are enforced on the sealed sets (sealed_test.go), and TestFit reads these figures to choose
// weights.

// devTexts lists the texts of the dev sets, with the holdout sets too when holdout.
func devTexts(t *testing.T, holdout bool) []string {
	short, real := holdoutShortSets[:0:0], slices.Clone(devRealSets)
	for _, ds := range devShortSets {
		short = append(short, ds.name)
	}
	if holdout {
		short, real = append(short, holdoutShortSets...), append(real, holdoutRealSets...)
	}
	return setTexts(t, short, real)
}

// setTexts lists the texts of the named short-question and real-message sets.
func setTexts(t *testing.T, short, real []string) []string {
	var out []string
	for _, name := range short {
		if set, ok := readDevShort(t, name); ok {
			out = append(out, set.texts()...)
		}
	}
	for _, name := range real {
		var set realSet
		if readSet(t, filepath.Join(devDir, name), &set) {
			out = append(out, set.texts()...)
		}
	}
	return out
}

// TestDevNovelty: a dev question that is a near copy of an FAQ phrasing measures memory, not
// matching. Reword the FAQ phrasing. The holdout sets are checked too, naming only the FAQ
// phrasing hit, as for sealed sets, and against the dev sets (a post collected twice), naming
// only the dev message hit.
func TestDevNovelty(t *testing.T) {
	refs := phrasings(Default())
	if n := nearCopies(t, devTexts(t, false), refs, true); n > 0 {
		t.Errorf("%d dev questions are near copies of FAQ phrasings", n)
	}
	held := setTexts(t, holdoutShortSets, holdoutRealSets)
	if n := nearCopies(t, held, refs, false); n > 0 {
		t.Errorf("%d holdout messages are near copies of FAQ phrasings", n)
	}
	dev := map[string]string{}
	for _, s := range devTexts(t, false) {
		dev[plainWords(s)] = "a dev message's"
	}
	if n := nearCopies(t, held, dev, false); n > 0 {
		t.Errorf("%d holdout messages are near copies of dev messages: drop them from the holdout", n)
	}
}

// devShortSets are the dev sets of short questions and short stories, with the weight each
// has in TestFit's objective. The blind ones weigh most: eval.yaml has been tuned on for long
// and measures memory more than matching. holdout.yaml was written blind to the FAQ and its
// figures were looked at rarely; short2.yaml and stories2.yaml were written blind to the FAQ
// for the second round of matcher work; short3.yaml, for the third, was a holdout for that
// round and is spent: it is an ordinary dev set now. short4.yaml, the holdout of round 6, is
// spent too since round 7, short5.yaml, the holdout of round 7, since round 8, short6.yaml,
// the holdout of round 8, since round 9, and short7.yaml, the holdout of round 9, since round 10.
var devShortSets = []struct {
	name   string
	weight float64
	must   bool // must exist, and every label must name an entry
}{
	{"eval.yaml", 0.5, true},
	{"holdout.yaml", 1, true},
	{"short2.yaml", 1.5, false},
	{"stories2.yaml", 1.5, false},
	{"short3.yaml", 1.5, false},
	{"short4.yaml", 1.5, false},
	{"short5.yaml", 1.5, false},
	{"short6.yaml", 1.5, false},
	{"short7.yaml", 1.5, false},
	{"newtopics2.yaml", 1.5, false}, // written blind from the new-topic list in round 10, dev
	{"short8.yaml", 1.5, false},     // the round-10 holdout, spent since round 11
	{"short9.yaml", 1.5, false},     // the round-11 holdout, judged (93.9% -> 93.0%) and spent in round 11
	{"short10.yaml", 1.5, false},    // the second round-11 holdout, judged (93.7% -> 95.1%), spent in round 12
	{"short11.yaml", 1.5, false},    // the round-12 holdout, judged (88.8% -> 90.2%), spent in round 13
	{"newtopics3.yaml", 1.5, false}, // the round-12 new-topic holdout, judged (84.6% -> 86.5%), spent in round 13
	{"newtopics4.yaml", 1.5, false}, // written blind for the round-14 entry prescribed-treatment, dev
	{"newtopics5.yaml", 1.5, false}, // the round-15 holdout for prescribed-treatment, judged (65.2% -> 69.7%), spent in round 15
	{"newtopics6.yaml", 1.5, false}, // the second round-15 holdout for it, judged (70.6% -> 88.2%), spent late in round 15
	{"newtopics7.yaml", 1.5, false}, // the third round-15 holdout for it, judged (80.0% -> 86.2%), spent in round 16
	{"newtopics8.yaml", 1.5, false}, // the round-16 holdout for it, judged (77.9% -> 77.9%), spent at the end of round 16
	{"newtopics9.yaml", 1.5, false}, // the round-16 holdout for the 14 newer topics, judged (92.7% -> 92.7%), spent at the end of round 16
}

// Holdout dev sets: written blind to the FAQ and measured only, never fitted (TestFit's
// objective leaves them out) nor read message by message while tuning (-misses skips them);
// they say whether a change generalises. A holdout is spent once a round of work has been
// judged on it: it then moves to the dev sets above, and a fresh one takes its place.
// real6.yaml, the holdout of round 9, is a fresh collection of real messages (121, 116 sites, none
// a dev or sealed set's) in the shape of real5.yaml, collected for round 9 by another session;
// none was a near copy of an FAQ, dev or sealed phrasing (TestDevNovelty, TestSealed*), so none
// was dropped.
// short7.yaml, the short-question holdout of round 9, was written blind to the FAQ from the
// topic list (230 questions, 50 off-topic) in the shape of short6.yaml (the round-8 holdout,
// spent); 11 questions and 9 off-topic lines that were near copies of an FAQ or dev phrasing
// (TestDevNovelty) were dropped when it was added.
// short8.yaml (faq) and blind8.yaml (triage) were the holdouts of round 10, spent since round 11, written blind in
// session 6 the same way (short8 from the topic list: 230 questions, 40 off-topic); 34 questions
// and 7 off-topic lines that were near copies of an FAQ, dev or sealed phrasing were dropped when
// it was added. real7.yaml, the real holdout of round 10, was collected in session 7 (130
// messages, 125 hosts, none a sealed set's, no page another set uses; one near copy of a dev
// message dropped).
// short9.yaml, the short-question holdout of round 11, was written blind in round 11 from the
// topic list (230 questions, 45 off-topic); 16 questions and 4 off-topic lines that were near
// copies of an FAQ, dev or sealed phrasing were dropped when it was added. First look, on the
// code before round 11: top-1 93.9%, off-topic rejected 90.2%. real8.yaml, the real holdout of
// round 11, was collected in round 11 (140 messages from 135 hosts, none a sealed set's, no page
// another set uses; one near copy of a dev message and two pages the triage sets use dropped):
// first look 48.5%, 66.3%, 6.2% bare "Sorry" and 64.0% off-topic rejected. short10.yaml, a
// second short-question holdout written blind at the end of round 11 (230 questions, 40
// off-topic; 24 questions and 5 off-topic lines dropped as near copies), was 93.7% right and
// 91.4% rejected on the code before round 11 and 95.1% and 97.1% on the code after it; it is dev
// from round 12. short11.yaml (all topics) and newtopics3.yaml (the 13 new topics), the holdouts of
// round 12, were written blind at the start of round 12 from the topic lists (233 questions and 40
// off-topic, 104 and 15; 9 + 8 and 0 + 1 near copies dropped) and measured before any round-12 change;
// they were judged at the end of round 12 (short11 88.8% -> 90.2% right, 96.9% rejected both
// times; newtopics3 84.6% -> 86.5%, 92.9%) and are dev from round 13. short12.yaml, the holdout
// of round 13, was written blind at the start of round 13 from the topic list (235 questions and
// 40 off-topic; 21 and 13 near copies dropped), and measured before any round-13 change.
// real10.yaml, the real holdout of round 14, was collected at the start of round 14 (110 messages,
// see its header) and first measured on the code of the end of round 13. real8 (held from round
// 11 to 14: first 48.5%, 66.3%, 6.2%, 64.0%; 50.5%, 71.4%, 6.1%, 78.3% at the end of round 14)
// and real10 (first 49.4%, 74.7%, 5.3%, 93.3%; 48.3%, 77.0%, 4.2%, 93.3% at the end of round 14)
// are spent: dev real sets from round 15. newtopics5.yaml, the round-15 holdout for issue 14, was
// written blind at the start of round 15 from a one-page note on prescribed-treatment and its
// neighbours (70 questions; 4 near copies dropped); first look, on the code of the end of round
// 14: top-1 65.2% (66 questions). real11.yaml, the real holdout of round 15, was collected at the
// start of round 15 (116 messages, see its header; 12 labels changed by two blind audits before the
// first look); first look, on the same code: top-1 59.3%, top-3 80.2%, bare "Sorry" 1.1%, off-topic
// rejected 72.0%. newtopics6.yaml, the second round-15 holdout for issue 14, was written blind mid
// round 15 from the same note as newtopics5 (70 questions; 2 near copies dropped); first look, on
// the code after the first round-15 pass on prescribed-treatment: top-1 70.6% (68 questions).
// real12.yaml, a second real holdout, was collected late in round 15, after the round's matcher
// passes (121 messages, see its header; 18 labels changed by two blind audits before the first
// look); first look, on the code of the end of those passes: top-1 42.7%, top-3 66.3%, bare
// "Sorry" 2.0%, off-topic rejected 82.6%. newtopics7.yaml, the third round-15 holdout for issue 14,
// was written blind late in round 15 from the same note (70 questions; 5 near copies dropped);
// first look, on the code after the second pass on prescribed-treatment: top-1 80.0% (65 questions).
// newtopics7, real11 and real12 were judged at the end of round 15 (newtopics7 86.2%; real11 60.5%,
// 81.4%, 1.1%, 72.0%; real12 as on first look) and are spent: dev sets from round 16.
// newtopics8.yaml (prescribed-treatment and its neighbours, from the same note as newtopics5-7) and
// newtopics9.yaml (the 14 newer topics, from the topic list), the holdouts of round 16 for issue 14,
// were written blind at the start of round 16 (70 and 112 + 18 questions; 2 and 3 near copies of dev
// questions dropped); first look, on the code of the end of round 15: top-1 77.9% (68 questions),
// and 92.7% (109) with 88.9% off-topic rejected. real13.yaml, the real holdout of round 16, was
// collected at the start of round 16 from hobby, trade, diary and non-US pages (116 messages after
// 4 whose pages the triage holdout uses were dropped; 14 labels changed by two blind audits before
// the first look); first look, on the same code: top-1 42.4%, top-3 60.9%, bare "Sorry" 2.1%,
// off-topic rejected 70.0%. The three were judged at the end of round 16 (newtopics8 and newtopics9
// as on first look; real13 42.4%, 62.0%, 2.1%, 70.0%) and then read to see why the round's work did
// not reach them: spent, dev sets from round 17. newtopics10.yaml, a late round-16 holdout for
// issue 14, was written blind from the same note as newtopics5-8 for the round's last pass (70
// questions; 1 near copy dropped); first look, on the code before that pass: top-1 79.7% (69).
var (
	holdoutShortSets = []string{"short12.yaml", "newtopics10.yaml"}
	holdoutRealSets  = []string{"real9.yaml"}
)

// readDevShort reads dev set name. A set that need not be complete (must false) may be missing,
// and its questions labelled with an id the FAQ does not have yet (a topic still being
// written) are left out.
func readDevShort(t testing.TB, name string) (evalSet, bool) {
	var set evalSet
	for _, ds := range devShortSets {
		if ds.name == name && ds.must {
			return loadEval(t, filepath.Join(devDir, name)), true
		}
	}
	if !readSet(t, filepath.Join(devDir, name), &set) {
		return set, false
	}
	f := Default()
	qs := set.Questions[:0]
	for _, q := range set.Questions {
		if _, ok := f.Entry(q.ID); ok {
			qs = append(qs, q)
		}
	}
	set.Questions = qs
	return set, true
}

func TestDevShort(t *testing.T) {
	ix := NewIndex(Default())
	var names []string
	for _, ds := range devShortSets {
		names = append(names, ds.name)
	}
	for _, name := range append(names, holdoutShortSets...) {
		t.Run(name, func(t *testing.T) {
			set, ok := readDevShort(t, name)
			if !ok {
				t.Skipf("%s not in this checkout", name)
			}
			holdout := slices.Contains(holdoutShortSets, name)
			s := measureShort(t, ix, set, *showMisses && !holdout)
			s.log(t, name)
		})
	}
}

// devRealSets are the dev sets of real messages: the dev half of the first collection, a
// second batch from other sites, a third (real3.yaml), the holdout of round 3, a fourth
// (real4.yaml, 189 messages from 158 sites), the holdout of round 4, and a fifth (real5.yaml),
// the holdout of rounds 5 to 8, all now spent. When real5 was spent its "should i stay in bed
// with back pain", a near copy of a sealed short question, was dropped (TestSealedShort).
// lookalike.yaml holds real look-alike off-topic messages collected in round 10, dev (all
// labelled none: knee, neck, shoulder, hip-joint, foot pain, headaches, gym talk, "back" in
// other senses).
var devRealSets = []string{"real.yaml", "real2.yaml", "real3.yaml", "real4.yaml", "real5.yaml", "real6.yaml", "real7.yaml", "lookalike.yaml", "real8.yaml", "real10.yaml", "real11.yaml", "real12.yaml", "real13.yaml"}

func TestDevReal(t *testing.T) {
	ix := NewIndex(Default())
	for _, name := range append(slices.Clone(devRealSets), holdoutRealSets...) {
		t.Run(name, func(t *testing.T) {
			var set realSet
			path := filepath.Join(devDir, name)
			if !readSet(t, path, &set) {
				t.Skipf("%s not in this checkout yet", path)
			}
			holdout := slices.Contains(holdoutRealSets, name)
			s := measureReal(t, ix, set, *showMisses && !holdout)
			s.log(t, "real messages, "+name)
		})
	}
}

// TestDevLabels: every dev label names an entry, and every entry has a dev question.
func TestDevLabels(t *testing.T) {
	f := Default()
	seen := map[string]bool{}
	for _, name := range []string{"eval.yaml", "holdout.yaml"} {
		for _, q := range loadEval(t, filepath.Join(devDir, name)).Questions {
			if _, ok := f.Entry(q.ID); !ok {
				t.Errorf("%s: %q wants unknown id %q", name, q.Q, q.ID)
			}
			seen[q.ID] = true
		}
	}
	for _, e := range f.Entries {
		if !seen[e.ID] {
			t.Errorf("no dev question for entry %s", e.ID)
		}
	}
}

// TestDevRealLabels: every label of a real-message set, dev or holdout, is an entry's id,
// "none" or "uncovered", and every `also` an entry's id. A holdout's problems are reported by
// position and label only, never by text.
func TestDevRealLabels(t *testing.T) {
	f := Default()
	for _, name := range append(slices.Clone(devRealSets), holdoutRealSets...) {
		var set realSet
		if !readSet(t, filepath.Join(devDir, name), &set) {
			continue
		}
		for i, m := range set.Messages {
			if _, ok := f.Entry(m.Label); !ok && m.Label != labelNone && m.Label != labelUncovered {
				t.Errorf("%s: message %d has label %q, not an entry, %s or %s", name, i+1, m.Label, labelNone, labelUncovered)
			}
			for _, id := range m.Also {
				if _, ok := f.Entry(id); !ok {
					t.Errorf("%s: message %d has also %q, not an entry", name, i+1, id)
				}
			}
		}
	}
}

// triageStories is the dev half of the real back-pain stories triage is tuned on
// (bot/triage/testdata/dev): every one is about back pain, so none should get a bare "Sorry".
const triageStories = "../bot/triage/testdata/dev/real.yaml"

type storySet struct {
	Stories []struct {
		Text   string `yaml:"text"`
		Source string `yaml:"source"`
		Tier   string `yaml:"tier"`
		Why    string `yaml:"why"`
		Cut    bool   `yaml:"cut"`
	} `yaml:"stories"`
}

// bareRate is the share of stories that ix answers with nothing but the fallback.
func bareRate(ix *Index, set storySet) float64 {
	bare := 0
	for _, s := range set.Stories {
		if ix.Match(s.Text).Band == NoMatch {
			bare++
		}
	}
	return ratio(bare, len(set.Stories))
}

func TestDevStories(t *testing.T) {
	var set storySet
	if !readSet(t, triageStories, &set) {
		t.Skipf("%s not in this checkout", triageStories)
	}
	t.Logf("real back-pain stories (triage dev half): bare Sorry %.1f%% of %d", 100*bareRate(NewIndex(Default()), set), len(set.Stories))
}
