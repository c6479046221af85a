package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/backpainbot/backpainbot/bot"
)

// The chat command. On a terminal it reads lines with golang.org/x/term's line editor (arrow
// keys, history, Ctrl-C and Ctrl-D to quit), wraps replies to the window width and colours the
// urgent banner and headings (not when NO_COLOR is set). From a pipe it reads plain lines, with
// no colour and no wrap, so scripts and tests see plain text.

const chatWelcome = `Ask me about lower back pain. Type "help" for examples and topics, "quit" or Ctrl-D to leave.`

func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("chat", "chat [--faq FILE] [--emergency-number N]", stderr)
	faqFile := fs.String("faq", "", "FAQ file to answer from (default: the built-in FAQ)")
	number := fs.String("emergency-number", "", "emergency number to name in urgent notices")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("chat takes no arguments; type questions at the prompt")
	}
	b, err := loadBot(*faqFile, *number)
	if err != nil {
		return err
	}
	screen, err := openChatIO(stdin, stdout, getenv)
	if err != nil {
		return failure("chat: %v", err)
	}
	defer screen.close()
	c := &chat{bot: b, io: screen}
	c.topics = numberedTopics(c.help())
	c.io.say(chatWelcome)
	for {
		line, err := screen.readLine(ctx)
		if errors.Is(err, io.EOF) || ctx.Err() != nil {
			c.io.print("")
			return nil
		}
		if err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
		if quit := c.handle(ctx, line); quit {
			return nil
		}
	}
}

// chat is one session: the bot, the screen, and the topics the last reply numbered.
type chat struct {
	bot    *bot.Bot
	io     *chatIO
	topics []bot.Topic
}

// handle acts on one line: a command, a topic number or a question. It reports whether to quit.
func (c *chat) handle(ctx context.Context, line string) (quit bool) {
	q := strings.TrimSpace(line)
	switch strings.ToLower(strings.Trim(q, " .!")) {
	case "":
		return false
	case "quit", "exit", "bye", "q", ":q":
		return true
	case "help", "topics", "?", "h", "menu":
		c.reply(c.help())
		return false
	case "clear", "cls":
		c.io.clear()
		return false
	}
	if n, err := strconv.Atoi(q); err == nil {
		if n < 1 || n > len(c.topics) {
			c.io.say(fmt.Sprintf("There is no topic %d here; type \"help\" to see the numbered topics.", n))
			return false
		}
		if r, ok := c.bot.Show(c.topics[n-1].ID); ok {
			c.reply(r)
			return false
		}
	}
	c.reply(c.bot.Answer(ctx, bot.Question{Text: q, Platform: "cli"}))
	return false
}

// reply shows r and remembers the topics it numbered, for the next pick by number.
func (c *chat) reply(r bot.Reply) {
	c.io.print(renderTerm(r, c.io.style()))
	if ts := numberedTopics(r); len(ts) > 0 {
		c.topics = ts
	}
}

// help is the bot's topic list with real example questions in front of it, taken from the FAQ's
// own variants so they always work.
func (c *chat) help() bot.Reply {
	r := c.bot.Help()
	var b strings.Builder
	b.WriteString("I answer common questions about lower back pain. Ask in your own words, for example:")
	for _, ex := range c.bot.Examples(3) {
		b.WriteString("\n  " + ex)
	}
	b.WriteString("\nOr type the number of a topic below. Commands: help, clear, quit (or Ctrl-D). The up and down arrows bring back earlier questions.")
	r.Intro = b.String()
	return r
}

// chatIO is the chat's screen and keyboard: a terminal with a line editor, or plain streams.
type chatIO struct {
	out      io.Writer
	lines    func() (string, error)
	outTerm  int // fd of stdout when it is a terminal, else -1
	color    bool
	restore  func()
	terminal *term.Terminal
}

// openChatIO sets up the line editor when both stdin and stdout are terminals. Colour is on
// when stdout is a terminal and NO_COLOR is unset or empty.
func openChatIO(stdin io.Reader, stdout io.Writer, getenv func(string) string) (*chatIO, error) {
	c := &chatIO{out: stdout, outTerm: termFD(stdout), restore: func() {}}
	c.color = c.outTerm >= 0 && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
	inTerm := termFD(stdin)
	if inTerm < 0 || c.outTerm < 0 {
		br := bufio.NewReaderSize(stdin, 64<<10)
		c.lines = func() (string, error) {
			fmt.Fprint(stdout, "\n> ")
			return readLine(br)
		}
		return c, nil
	}
	old, err := term.MakeRaw(inTerm)
	if err != nil {
		return nil, fmt.Errorf("set up the terminal: %w", err)
	}
	c.restore = func() { term.Restore(inTerm, old) }
	prompt := "> "
	if c.color {
		prompt = styleHeading + "> " + styleReset
	}
	c.terminal = term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{stdin, stdout}, prompt)
	c.out = c.terminal // Terminal.Write turns "\n" into "\r\n" in raw mode and redraws the prompt
	c.lines = func() (string, error) {
		c.style() // follow a resized window
		fmt.Fprint(c.out, "\n")
		return c.terminal.ReadLine()
	}
	return c, nil
}

// termFD returns the file descriptor of f when it is a terminal, or -1.
func termFD(f any) int {
	if file, ok := f.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
		return int(file.Fd())
	}
	return -1
}

// readLine returns the next line, or io.EOF when the input ends, Ctrl-D or Ctrl-C is pressed,
// or ctx is done (a signal).
func (c *chatIO) readLine(ctx context.Context) (string, error) {
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		l, err := c.lines()
		ch <- result{l, err}
	}()
	select {
	case <-ctx.Done():
		return "", io.EOF
	case r := <-ch:
		if r.err != nil && r.line != "" && errors.Is(r.err, io.EOF) {
			return r.line, nil // a last line with no newline
		}
		return r.line, r.err
	}
}

// style is how replies are drawn now: wrapped to the window's current width on a terminal.
func (c *chatIO) style() termStyle {
	st := termStyle{Color: c.color, Numbered: true}
	if c.outTerm >= 0 {
		if w, h, err := term.GetSize(c.outTerm); err == nil && w > 0 {
			st.Width = w - 1
			if c.terminal != nil {
				c.terminal.SetSize(w, h)
			}
		}
	}
	return st
}

func (c *chatIO) print(s string) { fmt.Fprintln(c.out, s) }

// say prints a line of the chat's own, wrapped like the replies.
func (c *chatIO) say(s string) { c.print(c.style().wrap(s, "")) }

// clear clears a terminal screen; on a pipe it does nothing.
func (c *chatIO) clear() {
	if c.outTerm >= 0 {
		fmt.Fprint(c.out, "\x1b[H\x1b[2J")
	}
}

func (c *chatIO) close() { c.restore() }
