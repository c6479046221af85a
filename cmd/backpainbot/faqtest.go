package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/backpainbot/backpainbot/faq"
)

// runFAQTest runs every question, variant and `tests:` example through the real matcher. One
// that lands on another entry, gets no answer or only a list of topics is a failure (exit 1); one
// answered as a close call (the right entry, with a runner-up offered beside it) is a warning.
// Pairs of entries so alike that users will get the wrong one are listed after.
func runFAQTest(args []string, stdout, stderr io.Writer) error {
	path, err := faqFile("faq test", args, stdout, stderr)
	if err != nil {
		return err
	}
	f, err := loadFAQ(path)
	if err != nil {
		return err
	}
	r := faqTester{ix: faq.NewIndex(f), out: stdout, source: f.Source, confusable: map[[2]string]int{}}
	for _, e := range f.Entries {
		r.check("question", e.Question, e.ID, e.Line)
		for _, v := range e.Variants {
			r.check("variant", v, e.ID, e.Line)
		}
	}
	for _, t := range f.Tests {
		r.check("test", t.Question, t.Want, t.Line)
	}
	r.alike()
	return r.summary()
}

// faqTester gathers what runFAQTest finds.
type faqTester struct {
	ix              *faq.Index
	out             io.Writer
	source          string
	total, failures int
	warnings        int
	confusable      map[[2]string]int // pairs of entries and how many phrasings reached the other
}

// check runs one phrasing q that should reach entry want, and reports how it fell short.
func (r *faqTester) check(kind, q, want string, line int) {
	r.total++
	m := r.ix.Match(q)
	where := fmt.Sprintf("%s:%d", r.source, line)
	switch {
	case m.Best.ID != want:
		r.failures++
		fmt.Fprintf(r.out, "%s: %s %q reaches %s (%.2f), not %s\n", where, kind, q, orNone(m.Best.ID), m.Best.Score, want)
		if m.Best.ID != "" {
			r.confusable[pair(want, m.Best.ID)]++
		}
	case m.Band == faq.NoMatch && m.Best.Score >= faq.Possible:
		r.failures++
		fmt.Fprintf(r.out, "%s: %s %q gets no answer although %s scores %.2f (the bar is %.2f): it does not read as being about back pain (no back named, or another part of the body); name the back in it\n", where, kind, q, want, m.Best.Score, faq.Possible)
	case m.Band == faq.NoMatch:
		r.failures++
		fmt.Fprintf(r.out, "%s: %s %q gets no answer: %s is closest but scores only %.2f (the bar is %.2f); add a variant like it\n", where, kind, q, want, m.Best.Score, faq.Possible)
	case m.Band == faq.Suggest:
		r.failures++
		fmt.Fprintf(r.out, "%s: %s %q gets only a list of topics, %s first (%.2f; the bar is %.2f); add a variant like it\n", where, kind, q, want, m.Best.Score, faq.Possible)
	case m.Band == faq.CloseCall:
		r.warnings++
		alt := ""
		if len(m.Alternatives) > 0 {
			alt = m.Alternatives[0].ID
			r.confusable[pair(want, alt)]++
		}
		fmt.Fprintf(r.out, "%s: warning: %s %q is answered with %s, but as a close call (%.2f; %s offered beside it)\n", where, kind, q, want, m.Best.Score, orNone(alt))
	}
}

// alike lists the pairs of entries whose phrasings reached one another, most often first.
func (r *faqTester) alike() {
	pairs := make([][2]string, 0, len(r.confusable))
	for p := range r.confusable {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if r.confusable[pairs[i]] != r.confusable[pairs[j]] {
			return r.confusable[pairs[i]] > r.confusable[pairs[j]]
		}
		return pairs[i][0]+pairs[i][1] < pairs[j][0]+pairs[j][1]
	})
	for _, p := range pairs {
		fmt.Fprintf(r.out, "alike: %s and %s (%d phrasing(s) confused); make their variants more distinct\n", p[0], p[1], r.confusable[p])
	}
}

// summary prints the last line and says whether the run failed.
func (r *faqTester) summary() error {
	warned := ""
	if r.warnings > 0 {
		warned = fmt.Sprintf(" (%d answered only as close calls: warnings)", r.warnings)
	}
	if r.failures > 0 {
		fmt.Fprintf(r.out, "%d of %d checks failed%s\n", r.failures, r.total, warned)
		return silentFailure
	}
	fmt.Fprintf(r.out, "%s: ok, all %d questions, variants and tests reach their entry%s\n", r.source, r.total, warned)
	return nil
}

func pair(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func orNone(id string) string {
	if id == "" {
		return "nothing"
	}
	return id
}
