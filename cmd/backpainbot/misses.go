package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/backpainbot/backpainbot/config"
	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/misses"
)

const missesSynopsis = "faq misses [--config FILE] [--file PATH]"

// variantScore is the nearest entry's score from which a missed question is probably another
// way of asking that entry, rather than a topic the FAQ lacks.
const variantScore = 0.3

// maxExamples is how many other wordings of a group are printed.
const maxExamples = 3

// missesOff explains the misses log when it is off and nothing has been recorded.
const missesOff = `No unanswered questions have been recorded: the misses log is off.

When it is on, the bot keeps each question it could not answer with confidence, so you can
see what the FAQ is missing and add variants or new entries. It is off by default because
questions about back pain are health information: email addresses, phone numbers, mentions
and links are removed and no user, channel or server ids are kept, but the words of a
question can still say who asked it. To turn it on, add to the config file:

  misses:
    enabled: true
    file: misses.jsonl    # readable by the bot's user only
    retention_days: 30    # older questions are deleted

and tell your members that unanswered questions are kept for that many days.
`

// runFAQMisses groups the questions the bot could not answer (the opt-in misses log) and
// suggests, for each group, an entry to add it to as a variant or that it needs a new entry.
func runFAQMisses(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	flags := newFlags("faq misses", missesSynopsis, stderr)
	configPath := flags.String("config", "", "read settings from `FILE` (default $BACKPAINBOT_CONFIG): misses.file and faq_file")
	file := flags.String("file", "", "read the misses log at `PATH` (default: misses.file from the config)")
	if err := parseFlags(flags, args, stdout); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return usageError("faq misses: unexpected argument %q (see backpainbot faq misses --help)", flags.Arg(0))
	}
	path := *configPath
	if path == "" {
		path = strings.TrimSpace(getenv("BACKPAINBOT_CONFIG"))
	}
	cfg, err := config.Load(path, getenv)
	if err != nil {
		return printLines(stderr, "backpainbot: config: ", err)
	}

	logPath := *file
	if logPath == "" {
		logPath = cfg.Misses.File
	}
	entries, err := misses.Read(logPath)
	if errors.Is(err, fs.ErrNotExist) && *file == "" {
		if !cfg.Misses.Enabled {
			fmt.Fprint(stdout, missesOff)
			return nil
		}
		fmt.Fprintf(stdout, "%s: no unanswered questions recorded yet\n", logPath)
		return nil
	}
	if err != nil {
		return failure("faq misses: %v", err)
	}
	if len(entries) == 0 {
		fmt.Fprintf(stdout, "%s: no unanswered questions recorded\n", logPath)
		return nil
	}
	f, err := loadFAQ(cfg.FAQFile)
	if err != nil {
		return err
	}
	printMisses(stdout, logPath, f, entries, misses.Group(entries, faq.NewIndex(f)))
	return nil
}

// printMisses writes the groups for moderators, largest first.
func printMisses(w io.Writer, logPath string, f *faq.FAQ, entries []misses.Entry, groups []misses.Cluster) {
	first, last := entries[0].Time, entries[0].Time
	for _, e := range entries {
		if e.Time.Before(first) {
			first = e.Time
		}
		if e.Time.After(last) {
			last = e.Time
		}
	}
	fmt.Fprintf(w, "%d unanswered question(s) in %d group(s), asked %s to %s\n",
		len(entries), len(groups), first.Format("2006-01-02"), last.Format("2006-01-02"))
	fmt.Fprintf(w, "from %s, matched against FAQ %s\n", logPath, f.Label())
	for _, g := range groups {
		fmt.Fprintf(w, "\n%4d  %s\n", g.Count, g.Question)
		if n := len(g.Examples); n > 0 {
			var shown []string
			for _, q := range g.Examples[:min(n, maxExamples)] {
				shown = append(shown, fmt.Sprintf("%q", q))
			}
			more := ""
			if n > maxExamples {
				more = fmt.Sprintf(" (and %d more)", n-maxExamples)
			}
			fmt.Fprintf(w, "      also: %s%s\n", strings.Join(shown, ", "), more)
		}
		switch near := g.Nearest; {
		case near.ID == "":
			fmt.Fprintf(w, "      nearest: none; consider a new entry\n")
		case near.Score >= variantScore:
			fmt.Fprintf(w, "      nearest: %s (%.2f); add as a variant of %s\n", near.ID, near.Score, near.ID)
		default:
			fmt.Fprintf(w, "      nearest: %s (%.2f); consider a new entry\n", near.ID, near.Score)
		}
	}
}
