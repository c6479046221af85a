package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

// maxLine bounds one line read from standard input; the rest of a longer line is skipped.
const maxLine = 1 << 20

// askResult is one line of `ask --json`. Other teams build on this shape: keep it.
type askResult struct {
	Question    string      `json:"question"`
	Match       *bot.Topic  `json:"match"`
	Suggestions []bot.Topic `json:"suggestions"`
	Triage      string      `json:"triage"`
	Reply       string      `json:"reply"`
	Disclaimer  string      `json:"disclaimer"`
}

// askHint is what `ask` with no question says on a terminal, where it would otherwise wait
// silently for lines.
const askHint = `Type your question after "ask", for example:
  backpainbot ask "my lower back hurts when I bend over"
or type questions here, one per line, and press Ctrl-D when done (Ctrl-C to stop).
For a conversation with history and topics, try: backpainbot chat
`

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ask", "ask [--faq FILE] [--json] [--emergency-number N] [QUESTION ...]", stderr)
	faqFile := fs.String("faq", "", "FAQ file to answer from (default: the built-in FAQ)")
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	number := fs.String("emergency-number", "", "emergency number to name in urgent notices, e.g. 911, 999, 112")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	b, err := loadBot(*faqFile, *number)
	if err != nil {
		return err
	}
	answer := func(q string) error {
		r := b.Answer(ctx, bot.Question{Text: q, Platform: "cli"})
		if !*asJSON {
			_, err := fmt.Fprintln(stdout, r.Text())
			return err
		}
		res := askResult{
			Question:    bot.Clean(q),
			Match:       r.Match,
			Suggestions: r.Suggestions,
			Triage:      r.Tier.String(),
			Reply:       r.Text(),
			Disclaimer:  r.Disclaimer,
		}
		if res.Suggestions == nil {
			res.Suggestions = []bot.Topic{}
		}
		return json.NewEncoder(stdout).Encode(res)
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	if termFD(stdin) >= 0 {
		fmt.Fprint(stderr, askHint)
	}
	first := true
	return eachLine(stdin, func(line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		if !first && !*asJSON {
			fmt.Fprintln(stdout)
		}
		first = false
		return answer(line)
	})
}

// eachLine calls fn with each line of r, of any length: a line longer than maxLine is cut there.
func eachLine(r io.Reader, fn func(string) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := readLine(br)
		if len(line) > 0 || err == nil {
			if ferr := fn(line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
	}
}

func readLine(br *bufio.Reader) (string, error) {
	var sb strings.Builder
	for {
		chunk, isPrefix, err := br.ReadLine()
		if sb.Len() < maxLine {
			sb.Write(chunk[:min(len(chunk), maxLine-sb.Len())])
		}
		if err != nil {
			return sb.String(), err
		}
		if !isPrefix {
			return sb.String(), nil
		}
	}
}

// loadFAQ reads path, or returns the built-in FAQ when path is empty. A bad file is a one-line
// error; `faq lint` lists every problem.
func loadFAQ(path string) (*faq.FAQ, error) {
	if path == "" {
		return faq.Default(), nil
	}
	f, err := faq.Load(path)
	if err == nil {
		err = checkFAQ(f)
	}
	var inv *faq.InvalidError
	if errors.As(err, &inv) {
		more := ""
		if n := len(inv.Problems); n > 1 {
			more = fmt.Sprintf(" (and %d more; run `backpainbot faq lint %s`)", n-1, path)
		}
		return nil, failure("%s%s", inv.Problems[0], more)
	}
	if err != nil {
		return nil, failure("%v", err)
	}
	return f, nil
}

func loadBot(path, number string) (*bot.Bot, error) {
	f, err := loadFAQ(path)
	if err != nil {
		return nil, err
	}
	return bot.New(f, bot.Options{EmergencyNumber: number}), nil
}
