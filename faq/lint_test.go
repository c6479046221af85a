package faq

import (
	"strings"
	"testing"
)

// cleanFAQ follows every piece of advice in the file header, so Lint finds nothing in it.
const cleanFAQ = `version: 1
disclaimer: Not medical advice.
fallback: I don't know that one.
entries:
  - id: sciatica
    question: What is sciatica?
    variants: [pain down my leg, sciatic nerve pain, shooting leg pain, nerve pain in the buttock, siatica help]
    answer: >-
      Sciatica is pain that follows the sciatic nerve from the lower back through the buttock
      and down the back of the leg. It is often caused by an irritated nerve root and usually
      settles over a few weeks with gentle movement and time. See a doctor if it gets worse or
      you notice weakness or numbness that keeps spreading.
    tips: [Keep moving gently.]
    related: [physio, posture]
    sources: [{title: "NHS, Back pain", url: "https://www.nhs.uk/conditions/back-pain/"}]
  - id: physio
    question: Does physio help?
    variants: [is physical therapy worth it, should i see a physio, pt for back, physio exercises, does rehab work]
    answer: >-
      Physical therapy helps many people with lower back pain. A physiotherapist looks at how
      you move, explains what is going on and gives you exercises that build strength and
      confidence. Most people need only a few sessions and then carry on with the exercises
      at home for some weeks.
    tips: [Ask your doctor for a referral.]
    related: [sciatica, posture]
    sources: [{title: "NHS, Back pain", url: "https://www.nhs.uk/conditions/back-pain/"}]
  - id: posture
    question: Does posture matter?
    variants: [is slouching bad, sitting posture back, perfect posture, standing straight, desk posture]
    answer: >-
      There is no single correct posture. Backs like variety: changing position often matters
      more than holding any one position perfectly. If sitting makes your back ache, stand up
      and move every half hour, and set up your desk so the screen is at eye level and your
      feet rest flat on the floor.
    tips: [Change position often.]
    related: [sciatica, physio]
    sources: [{title: "NHS, Back pain", url: "https://www.nhs.uk/conditions/back-pain/"}]
`

func TestLintClean(t *testing.T) {
	f, probs := Lint("faq.yaml", []byte(cleanFAQ))
	if f == nil || len(probs) != 0 {
		t.Fatalf("Lint(clean) = %v, %v; want an FAQ and nothing to report", f, probs)
	}
}

// TestLintChecks has one case per check: the edit that trips it and the exact findings.
func TestLintChecks(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string
		loads    bool // warnings only: the file still loads
	}{
		{"same variant in two entries", "pt for back,", "shooting leg pain,", []string{
			`faq.yaml:18:69: error? "shooting leg pain" is also in entry "sciatica" (line 7); a question can lead to only one answer, so keep it in the entry it belongs to and delete it here`,
		}, false},
		{"variant same as another entry's question", "pt for back,", "what is sciatica,", []string{
			`faq.yaml:18:69: error? "what is sciatica" is also in entry "sciatica" (line 6); a question can lead to only one answer, so keep it in the entry it belongs to and delete it here`,
		}, false},
		{"related id repeated", "related: [physio, posture]", "related: [physio, posture, physio]", []string{
			`faq.yaml:14:32: error? related id "physio" is listed twice in entry "sciatica"; users would be offered the same topic twice, so remove the repeat`,
		}, false},
		{"empty tip", "tips: [Keep moving gently.]", "tips:\n      - Keep moving gently.\n      -", []string{
			`faq.yaml:15:8: error? empty tip: a "-" with no text after it, so users would see a blank tip; write the tip, or delete the line`,
		}, false},
		{"empty quoted tip", "tips: [Keep moving gently.]", `tips: [Keep moving gently., ""]`, []string{
			`faq.yaml:13:33: error? empty tip: a "-" with no text after it, so users would see a blank tip; write the tip, or delete the line`,
		}, false},
		{"empty variant", "pt for back,", `"",`, []string{
			`faq.yaml:18:15: error? entry "physio" has 4 variants; add 1 more ways people ask it (at least 5)`,
			`faq.yaml:18:69: error? empty item in variants: a "-" with no text after it; write the text, or delete the line`,
		}, false},
		{"short answer", "    answer: >-\n      Sciatica is pain that follows the sciatic nerve from the lower back through the buttock\n      and down the back of the leg. It is often caused by an irritated nerve root and usually\n      settles over a few weeks with gentle movement and time. See a doctor if it gets worse or\n      you notice weakness or numbness that keeps spreading.",
			"    answer: Sciatica is pain down the leg, from the back.", []string{
				`faq.yaml:8:13: warning: the answer of entry "sciatica" is 9 words; the file's guidance is 40 to 120, so say a little more`,
			}, true},
		{"long answer", "settles over a few weeks", "settles over a few weeks" + strings.Repeat(" and so on", 30), []string{
			`faq.yaml:8:13: warning: the answer of entry "sciatica" is 149 words; the file's guidance is 40 to 120, as a long answer is hard to read in a chat: shorten it, or split it into two entries`,
		}, true},
		{"dose in an answer", "with gentle movement and time.", "with gentle movement and 400mg of ibuprofen.", []string{
			`faq.yaml:8:13: warning: entry "sciatica" gives a dose ("400mg"); the file's guidance is never to give doses: write "follow the label, or ask a pharmacist" instead`,
		}, true},
		{"dose in a tip", "tips: [Keep moving gently.]", "tips: [Take 2.5 ml twice a day.]", []string{
			`faq.yaml:13:12: warning: entry "sciatica" gives a dose ("2.5 ml"); the file's guidance is never to give doses: write "follow the label, or ask a pharmacist" instead`,
		}, true},
		{"too few related", "related: [physio, posture]", "related: [physio]", []string{
			`faq.yaml:14:14: warning: entry "sciatica" lists 1 related id; the file's guidance is 2 to 4, so users always get a few useful next topics`,
		}, true},
		{"no related", "    related: [physio, posture]\n", "", []string{
			`faq.yaml:5:9: warning: entry "sciatica" lists 0 related ids; the file's guidance is 2 to 4, so users always get a few useful next topics`,
		}, true},
		{"too many related", "related: [sciatica, posture]", "related: [sciatica, posture, a, b, c]", []string{
			`faq.yaml:25:14: warning: entry "physio" lists 5 related ids; the file's guidance is 2 to 4, so the suggestions stay short`,
			`faq.yaml:25:34: error? related id "a" does not exist; use the id of another entry`,
		}, false}, // a, b, c do not exist: errors too, listed after
		{"variant repeated in its own entry", "siatica help]", "Pain down  my leg]", []string{
			`faq.yaml:7:100: warning: variant "Pain down  my leg" of entry "sciatica" repeats line 7; delete it or write another way people ask`,
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(cleanFAQ, tt.old) {
				t.Fatalf("test edit: %q not in cleanFAQ", tt.old)
			}
			f, probs := Lint("faq.yaml", []byte(strings.Replace(cleanFAQ, tt.old, tt.new, 1)))
			if loads := f != nil; loads != tt.loads {
				t.Errorf("loads = %v, want %v (findings %v)", loads, tt.loads, probs)
			}
			for i, w := range tt.want {
				w = strings.Replace(w, "error? ", "", 1)
				if i >= len(probs) {
					t.Fatalf("got %d findings, want at least %d: missing %s", len(probs), len(tt.want), w)
				}
				if got := probs[i].String(); got != w {
					t.Errorf("finding %d:\ngot  %s\nwant %s", i, got, w)
				}
			}
			if tt.loads && len(probs) != len(tt.want) {
				t.Errorf("got %d findings %v, want %d", len(probs), probs, len(tt.want))
			}
		})
	}
}
