package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// exitError carries an exit status: 2 for usage errors, 1 for failures. msg, when set, is printed
// on standard error by main.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageError(format string, args ...any) error {
	return &exitError{code: 2, msg: "backpainbot: " + fmt.Sprintf(format, args...)}
}

func failure(format string, args ...any) error {
	return &exitError{code: 1, msg: "backpainbot: " + fmt.Sprintf(format, args...)}
}

// silentFailure exits 1 after the command has already printed what went wrong.
var silentFailure = &exitError{code: 1}

const usage = `backpainbot answers common questions about lower back pain.

Usage:
  backpainbot ask [--faq FILE] [--json] [QUESTION ...]   answer a question (or each line of stdin)
  backpainbot chat [--faq FILE]                          try questions at an interactive prompt
  backpainbot serve [--config FILE] [--log-format text|json]  run the Slack and Discord adapters
  backpainbot health [--addr HOST:PORT] [--config FILE]  exit 0 if a running serve is healthy
  backpainbot faq lint [[--faq] FILE]                    check an FAQ file; exit 1 on errors, not warnings
  backpainbot faq test [[--faq] FILE]                    run the FAQ's examples through the matcher
  backpainbot faq show [--faq FILE] ID                   print an entry as users see it
  backpainbot faq list [--faq FILE]                      list entry ids and questions
  backpainbot faq init FILE                              write the built-in FAQ to FILE
  backpainbot faq misses [--config FILE]                 group unanswered questions (opt-in log)
  backpainbot --version                                  print the version, source revision and Go version
  backpainbot discord invite-url [--config FILE] [--app-id ID]  print the link that adds the bot to a server

Run "backpainbot COMMAND --help" for a command's flags.
`

// run is the whole program, testable in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	err := dispatch(ctx, args, stdin, stdout, stderr, getenv)
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &exitError{code: 2}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, versionText())
		return nil
	case "ask":
		return runAsk(ctx, rest, stdin, stdout, stderr)
	case "chat":
		return runChat(ctx, rest, stdin, stdout, stderr, getenv)
	case "serve":
		return runServe(ctx, rest, stdout, stderr, getenv)
	case "health":
		return runHealth(ctx, rest, stdout, stderr, getenv)
	case "faq":
		return runFAQ(ctx, rest, stdout, stderr, getenv)
	case "discord":
		return runDiscord(ctx, rest, stdout, stderr, getenv)
	}
	return usageError("unknown command %q; run backpainbot --help", cmd)
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: backpainbot %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after arguments ("faq show sciatica --faq f.yaml");
// "--" ends the flags. --help prints the usage on stdout and returns errHelp, which run turns
// into a clean exit; a bad flag is a one-line usage error (exit 2).
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return errHelp
		}
		if err != nil {
			return usageError("%s: %v (see backpainbot %s --help)", fs.Name(), err, fs.Name())
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" || len(rest) == 0 {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

var errHelp = errors.New("help requested")
