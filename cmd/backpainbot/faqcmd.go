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
  lint [[--faq] FILE]    check the file (default: the built-in FAQ); exit 1 on errors, not on warnings
  test [[--faq] FILE]    run the examples and every variant through the matcher; exit 1 on any failure
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

// faqFile parses the flags of a command that reads one FAQ file, named either by --faq FILE or
// as its one argument (the built-in FAQ when neither is given).
func faqFile(name string, args []string, stdout, stderr io.Writer) (string, error) {
	fs := newFlags(name, name+" [--faq FILE | FILE]", stderr)
	flagFile := fs.String("faq", "", "FAQ file (default: the built-in FAQ)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return "", err
	}
	switch {
	case fs.NArg() > 1:
		return "", usageError("%s takes at most one FILE", name)
	case fs.NArg() == 1 && *flagFile != "" && fs.Arg(0) != *flagFile:
		return "", usageError("%s: give the FAQ file once, either as --faq FILE or as FILE", name)
	case fs.NArg() == 1:
		return fs.Arg(0), nil
	}
	return *flagFile, nil
}

func runFAQLint(args []string, stdout, stderr io.Writer) error {
	path, err := faqFile("faq lint", args, stdout, stderr)
	if err != nil {
		return err
	}
	name, data := "built-in", faq.DefaultYAML()
	if path != "" {
		name = path
		if data, err = readFAQFile(path); err != nil {
			return err
		}
	}
	f, problems := faq.Lint(name, data)
	if f != nil {
		problems = append(problems, safetyProblems(f)...) // disclaimer and red flags
	}
	errs, warns := 0, 0
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
		if p.Severity == faq.Warning {
			warns++
		} else {
			errs++
		}
	}
	if errs > 0 {
		fmt.Fprintf(stdout, "%d problem(s), %d warning(s); the bot keeps serving the last good version until the problems are fixed\n", errs, warns)
		return silentFailure
	}
	if warns > 0 {
		fmt.Fprintf(stdout, "%s: ok with %d warning(s), %d entries, %d synonym groups, %d tests; the file loads, but see the advice in its header\n", f.Source, warns, len(f.Entries), len(f.Synonyms), len(f.Tests))
		return nil
	}
	fmt.Fprintf(stdout, "%s: ok, %d entries, %d synonym groups, %d tests\n", f.Source, len(f.Entries), len(f.Synonyms), len(f.Tests))
	return nil
}

// readFAQFile reads an FAQ file for lint, refusing one too large to be an FAQ.
func readFAQFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, failure("faq lint: %v", err)
	}
	if fi.Size() > faq.MaxFileSize {
		return nil, failure("faq lint: %s is %d bytes; the limit is %d", path, fi.Size(), faq.MaxFileSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, failure("faq lint: %v", err)
	}
	return data, nil
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
