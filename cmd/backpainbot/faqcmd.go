package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/backpainbot/backpainbot/faq"
)

const faqUsage = `Usage: backpainbot faq COMMAND

Commands for the people who edit the FAQ file:
  lint [FILE]            check the file (default: the built-in FAQ); exit 1 on any problem
  test [FILE]            run the examples and every variant through the matcher; exit 1 on any failure
  show [--faq FILE] ID   print an entry exactly as users see it
  list [--faq FILE]      list entry ids and questions
  init FILE              write the built-in FAQ to FILE as a starting point
  misses [--config FILE] group the questions the bot could not answer (opt-in log)
`

func runFAQ(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, faqUsage)
		return &exitError{code: 2}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, faqUsage)
		return nil
	case "lint":
		return runFAQLint(rest, stdout, stderr)
	case "test":
		return runFAQTest(rest, stdout, stderr)
	case "show":
		return runFAQShow(rest, stdout, stderr)
	case "list":
		return runFAQList(rest, stdout, stderr)
	case "init":
		return runFAQInit(rest, stdout, stderr)
	case "misses":
		return runFAQMisses(ctx, rest, stdout, stderr, getenv)
	}
	return usageError("faq: unknown command %q; run backpainbot faq --help", cmd)
}

// oneFile parses flags that take no options and at most one FILE argument.
func oneFile(name, synopsis string, args []string, stdout, stderr io.Writer) (string, error) {
	fs := newFlags(name, synopsis, stderr)
	if err := parseFlags(fs, args, stdout); err != nil {
		return "", err
	}
	if fs.NArg() > 1 {
		return "", usageError("%s takes at most one FILE", name)
	}
	return fs.Arg(0), nil
}

func runFAQLint(args []string, stdout, stderr io.Writer) error {
	path, err := oneFile("faq lint", "faq lint [FILE]", args, stdout, stderr)
	if err != nil {
		return err
	}
	var f *faq.FAQ
	if path == "" {
		f, err = faq.Parse("built-in", faq.DefaultYAML())
	} else {
		f, err = faq.Load(path)
	}
	var inv *faq.InvalidError
	if errors.As(err, &inv) {
		for _, p := range inv.Problems {
			fmt.Fprintln(stdout, p)
		}
		fmt.Fprintf(stdout, "%d problem(s); the bot keeps serving the last good version until they are fixed\n", len(inv.Problems))
		return silentFailure
	}
	if err != nil {
		return failure("%v", err)
	}
	printWarnings(stdout, f)
	fmt.Fprintf(stdout, "%s: ok, %d entries, %d synonym groups, %d tests\n", f.Source, len(f.Entries), len(f.Synonyms), len(f.Tests))
	return nil
}

func runFAQShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("faq show", "faq show [--faq FILE] ID", stderr)
	faqFile := fs.String("faq", "", "FAQ file (default: the built-in FAQ)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("faq show takes one entry ID; see `backpainbot faq list`")
	}
	b, err := loadBot(*faqFile, "")
	if err != nil {
		return err
	}
	r, ok := b.Show(fs.Arg(0))
	if !ok {
		return failure("faq show: no entry with id %q; see `backpainbot faq list`", fs.Arg(0))
	}
	fmt.Fprintln(stdout, r.Text())
	return nil
}

func runFAQList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("faq list", "faq list [--faq FILE]", stderr)
	faqFile := fs.String("faq", "", "FAQ file (default: the built-in FAQ)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	f, err := loadFAQ(*faqFile)
	if err != nil {
		return err
	}
	width := 0
	for _, e := range f.Entries {
		width = max(width, len(e.ID))
	}
	for _, e := range f.Entries {
		fmt.Fprintf(stdout, "%-*s  %s\n", width, e.ID, e.Question)
	}
	return nil
}

func runFAQInit(args []string, stdout, stderr io.Writer) error {
	path, err := oneFile("faq init", "faq init FILE", args, stdout, stderr)
	if err != nil {
		return err
	}
	if path == "" {
		return usageError("faq init needs a FILE to write, e.g. `backpainbot faq init faq.yaml`")
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return failure("faq init: %s already exists; it was left as it is", path)
	}
	if err != nil {
		return failure("faq init: %v", err)
	}
	if _, err := fh.Write(faq.DefaultYAML()); err != nil {
		fh.Close()
		return failure("faq init: %v", err)
	}
	if err := fh.Close(); err != nil {
		return failure("faq init: %v", err)
	}
	fmt.Fprintf(stdout, "wrote the built-in FAQ to %s; edit it, then run `backpainbot faq lint %s`\n", path, path)
	return nil
}
