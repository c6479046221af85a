package main

import (
	"os"
	"strings"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
)

// checkFAQ runs the checks an FAQ file must pass beyond its own schema, the ones that keep the
// bot safe whatever moderators edit: the disclaimer keeps the seek-care advice, and red-flag
// phrases are not so broad that they raise ordinary messages, and every red flag an entry
// `explains:` is one triage can raise. `faq lint`, loading at start and
// every live reload use it, so a file lint refuses is never served. The error is an
// *faq.InvalidError.
func checkFAQ(f *faq.FAQ) error {
	if p := safetyProblems(f); len(p) > 0 {
		return &faq.InvalidError{Problems: p}
	}
	return nil
}

// safetyProblems lists what checkFAQ refuses, as lint problems.
func safetyProblems(f *faq.FAQ) []faq.Problem {
	var inv faq.InvalidError
	lines := sourceLines(f.Source)
	if msg := faq.DisclaimerProblem(f.Disclaimer); msg != "" {
		inv.Problems = append(inv.Problems, faq.Problem{File: f.Source, Line: lineOf(lines, "disclaimer:"), Col: 1, Msg: msg})
	}
	for _, msg := range triage.CheckRedFlags(f.RedFlags) {
		phrase := msg[strings.IndexByte(msg, '"'):]
		phrase = phrase[:strings.IndexByte(phrase[1:], '"')+2]
		inv.Problems = append(inv.Problems, faq.Problem{File: f.Source, Line: lineOf(lines, strings.Trim(phrase, `"`)), Col: 1, Msg: msg})
	}
	return append(inv.Problems, bot.ExplainsProblems(f)...)
}

// sourceLines returns the lines of the file at path, or nil (the built-in FAQ has no file).
func sourceLines(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(string(data), "\n")
}

// lineOf returns the number of the first line holding s after the red_flags or disclaimer key, or 1.
func lineOf(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 1
}
