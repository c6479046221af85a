package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/backpainbot/backpainbot/faq"
)

// runFAQTest runs every variant and every `tests:` example through the real matcher. It reports
// each that lands on another entry or only as a close call, and pairs of entries so alike that
// users will get the wrong one. Exit 1 on any failure.
func runFAQTest(args []string, stdout, stderr io.Writer) error {
	path, err := faqFile("faq test", args, stdout, stderr)
	if err != nil {
		return err
	}
	f, err := loadFAQ(path)
	if err != nil {
		return err
	}
	ix := faq.NewIndex(f)
	failures := 0
	confusable := map[[2]string]int{}
	check := func(kind, q, want string, line int) {
		m := ix.Match(q)
		where := fmt.Sprintf("%s:%d", f.Source, line)
		switch {
		case m.Best.ID != want:
			failures++
			fmt.Fprintf(stdout, "%s: %s %q reaches %s (%.2f), not %s\n", where, kind, q, orNone(m.Best.ID), m.Best.Score, want)
			if m.Best.ID != "" {
				confusable[pair(want, m.Best.ID)]++
			}
		case m.Band == faq.NoMatch && m.Best.Score >= faq.Possible:
			failures++
			fmt.Fprintf(stdout, "%s: %s %q gets no answer although %s scores %.2f (the bar is %.2f): it does not read as being about back pain (no back named, or another part of the body); name the back in it\n", where, kind, q, want, m.Best.Score, faq.Possible)
		case m.Band == faq.NoMatch:
			failures++
			fmt.Fprintf(stdout, "%s: %s %q gets no answer: %s is closest but scores only %.2f (the bar is %.2f); add a variant like it\n", where, kind, q, want, m.Best.Score, faq.Possible)
		case m.Band != faq.Confident:
			failures++
			alt := ""
			if len(m.Alternatives) > 0 {
				alt = m.Alternatives[0].ID
				confusable[pair(want, alt)]++
			}
			fmt.Fprintf(stdout, "%s: %s %q reaches %s only as a %s (%.2f; runner-up %s)\n", where, kind, q, want, m.Band, m.Best.Score, orNone(alt))
		}
	}
	for _, e := range f.Entries {
		check("question", e.Question, e.ID, e.Line)
		for _, v := range e.Variants {
			check("variant", v, e.ID, e.Line)
		}
	}
	for _, t := range f.Tests {
		check("test", t.Question, t.Want, t.Line)
	}
	pairs := make([][2]string, 0, len(confusable))
	for p := range confusable {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if confusable[pairs[i]] != confusable[pairs[j]] {
			return confusable[pairs[i]] > confusable[pairs[j]]
		}
		return pairs[i][0]+pairs[i][1] < pairs[j][0]+pairs[j][1]
	})
	for _, p := range pairs {
		fmt.Fprintf(stdout, "alike: %s and %s (%d phrasing(s) confused); make their variants more distinct\n", p[0], p[1], confusable[p])
	}
	total := len(f.Tests)
	for _, e := range f.Entries {
		total += 1 + len(e.Variants)
	}
	if failures > 0 {
		fmt.Fprintf(stdout, "%d of %d checks failed\n", failures, total)
		return silentFailure
	}
	fmt.Fprintf(stdout, "%s: ok, all %d questions, variants and tests reach their entry\n", f.Source, total)
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
