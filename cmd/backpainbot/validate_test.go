package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/watch"
)

const validFAQ = `version: 1
disclaimer: Not a diagnosis. See a doctor about your symptoms; in an emergency call your local emergency number.
fallback: Sorry, I don't know.
%s
entries:
  - id: sciatica
    question: What is sciatica?
    variants: [pain down my leg, sciatic nerve pain, shooting pain in my leg, siatica, nerve pain in the leg]
    answer: Sciatica is pain along the sciatic nerve, from the lower back down the leg.
    tips: [Keep moving.]
`

func writeFAQ(t *testing.T, extra, disclaimer string) string {
	t.Helper()
	y := strings.Replace(validFAQ, "%s", extra, 1)
	if disclaimer != "" {
		y = strings.Replace(y, "Not a diagnosis. See a doctor about your symptoms; in an emergency call your local emergency number.", disclaimer, 1)
	}
	path := filepath.Join(t.TempDir(), "faq.yaml")
	if err := os.WriteFile(path, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Lint, loading at start and live reload refuse a disclaimer without the seek-care advice and a
// red-flag phrase that would raise ordinary messages, each with a message naming what is wrong.
func TestCheckFAQ(t *testing.T) {
	tests := []struct {
		name, extra, disclaimer string
		want                    []string // in lint's output; none means the file is fine
	}{
		{"fine", "red_flags: {emergency: [saddle anaesthesia]}", "", nil},
		{"disclaimer hope this helps", "", "Hope this helps!", []string{"faq.yaml:2:1:", "not a diagnosis", "see a doctor", "emergency number"}},
		{"red flag pain", "red_flags: {emergency: [\"pain\"]}", "", []string{"faq.yaml:4:1:", `red_flags.emergency "pain" is too broad`, "e.g."}},
		{"red flag doctor back", "red_flags:\n  doctor: [my back]", "", []string{`red_flags.doctor "my back" is too broad`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFAQ(t, tt.extra, tt.disclaimer)
			out, stderr, code := runCmd(t, "", "faq", "lint", path)
			if len(tt.want) == 0 {
				if code != 0 {
					t.Fatalf("lint: exit %d, output:\n%s%s", code, out, stderr)
				}
				return
			}
			if code != 1 {
				t.Fatalf("lint: exit %d, want 1; output:\n%s", code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("lint output lacks %q:\n%s", w, out)
				}
			}
			if _, stderr, code := runCmd(t, "", "ask", "--faq", path, "what is sciatica"); code == 0 {
				t.Errorf("ask served a file lint refuses; stderr %q", stderr)
			}
			var applied bool
			w := watch.New(path, func(*faq.FAQ) { applied = true }, watch.Options{Check: checkFAQ})
			var inv *faq.InvalidError
			if err := w.Reload(); !errors.As(err, &inv) || applied {
				t.Errorf("reload: err %v, applied %v; want it refused", err, applied)
			}
		})
	}
}
