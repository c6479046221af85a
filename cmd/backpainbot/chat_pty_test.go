package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"

	"github.com/backpainbot/backpainbot/faq"
)

// These tests run the real program in a pseudo-terminal, as a person at a keyboard would: the
// test binary re-runs itself as backpainbot when BACKPAINBOT_RUN_MAIN is set.

func TestMain(m *testing.M) {
	if os.Getenv("BACKPAINBOT_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// ptyProc is the program running in a pseudo-terminal, with everything it has written so far.
type ptyProc struct {
	t    *testing.T
	tty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	read chan struct{} // closed when the terminal reports the program gone
}

func startPTY(t *testing.T, cols int, env []string, args ...string) *ptyProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(filteredEnv("NO_COLOR", "TERM"), append([]string{"BACKPAINBOT_RUN_MAIN=1", "TERM=xterm-256color"}, env...)...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: uint16(cols)})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	p := &ptyProc{t: t, tty: tty, cmd: cmd, read: make(chan struct{})}
	go func() {
		defer close(p.read)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	})
	return p
}

func filteredEnv(drop ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		keep := true
		for _, d := range drop {
			if strings.HasPrefix(kv, d+"=") {
				keep = false
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}

func (p *ptyProc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func (p *ptyProc) send(keys string) {
	p.t.Helper()
	if _, err := p.tty.Write([]byte(keys)); err != nil {
		p.t.Fatalf("type %q: %v", keys, err)
	}
}

// waitCount waits until s appears n times in the output.
func (p *ptyProc) waitCount(s string, n int) {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for strings.Count(p.output(), s) < n {
		if time.Now().After(deadline) {
			p.t.Fatalf("waited for %q ×%d; output so far:\n%q", s, n, p.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *ptyProc) waitFor(s string) { p.t.Helper(); p.waitCount(s, 1) }

// waitExit waits for the program to end and returns its exit code.
func (p *ptyProc) waitExit() int {
	p.t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatalf("wait: %v", err)
		}
		return 0
	case <-time.After(10 * time.Second):
		p.t.Fatalf("the program did not exit; output:\n%q", p.output())
		return -1
	}
}

var sgrRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)
var escRE = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

const sciaticaAnswer = "Sciatica is pain caused by irritation"

func TestChatTerminalHistory(t *testing.T) {
	p := startPTY(t, 100, nil, "chat")
	p.waitFor("> ")
	p.send("what is sciatica\r")
	p.waitFor(sciaticaAnswer)
	p.send("\x1b[A") // up arrow: the last question comes back
	p.waitCount("what is sciatica", 2)
	p.send("\r")
	p.waitCount(sciaticaAnswer, 2)
	if out := p.output(); strings.Contains(out, "^[[A") {
		t.Errorf("the up arrow was printed as ^[[A:\n%q", out)
	}
	// Line editing: type, go left, fix a letter in the middle.
	p.send("what is siatica")
	p.send("\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D") // left ×5, to before "atica"
	p.send("c\r")
	p.waitCount(sciaticaAnswer, 3)
	p.send("\x04")
	if code := p.waitExit(); code != 0 {
		t.Errorf("Ctrl-D: exit %d, want 0", code)
	}
}

func TestChatTerminalQuits(t *testing.T) {
	tests := []struct {
		name, keys string
	}{
		{"Ctrl-C at the prompt", "\x03"},
		{"Ctrl-C in the middle of a line", "what is sci\x03"},
		{"Ctrl-D", "\x04"},
		{"quit", "quit\r"},
		{"exit", "exit\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPTY(t, 80, nil, "chat")
			p.waitFor("> ")
			p.send(tt.keys)
			if code := p.waitExit(); code != 0 {
				t.Errorf("exit %d, want 0", code)
			}
			if strings.Contains(p.output(), sciaticaAnswer) {
				t.Errorf("answered a question it was told to drop")
			}
		})
	}
}

func TestChatTerminalWraps(t *testing.T) {
	const cols = 40
	p := startPTY(t, cols, []string{"NO_COLOR=1"}, "chat")
	p.waitFor("> ")
	p.send("what is sciatica\r")
	p.waitFor(faq.Default().Disclaimer[len(faq.Default().Disclaimer)-20:])
	p.send("\x04")
	p.waitExit()
	text := escRE.ReplaceAllString(p.output(), "")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for _, l := range lines {
		l = strings.TrimRight(l, "\r")
		// A word longer than the width (a source's web address) is left whole so that it stays
		// one link; it then has a line to itself.
		if n := utf8.RuneCountInString(l); n > cols && strings.Contains(strings.TrimSpace(l), " ") {
			t.Errorf("line is %d characters, wider than the %d-column terminal: %q", n, cols, l)
		}
	}
	e, _ := faq.Default().Entry("sciatica")
	for _, w := range strings.Fields(e.Answer) {
		if !strings.Contains(text, w) {
			t.Errorf("word %q of the answer is not whole in the output (split at the edge?)", w)
		}
	}
}

func TestChatTerminalColour(t *testing.T) {
	tests := []struct {
		name      string
		env       []string
		wantColor bool
	}{
		{"terminal", nil, true},
		{"NO_COLOR set", []string{"NO_COLOR=1"}, false},
		{"dumb terminal", []string{"TERM=dumb"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPTY(t, 120, tt.env, "chat")
			p.waitFor("> ")
			p.send("my back hurts and i suddenly can't control my bladder and my groin is numb\r")
			p.waitFor("GET HELP NOW")
			p.send("what is sciatica\r")
			p.waitFor(sciaticaAnswer)
			p.send("\x04")
			p.waitExit()
			out := p.output()
			hasUrgent := strings.Contains(out, styleUrgent+"!! URGENT: GET HELP NOW !!")
			hasHeading := strings.Contains(out, styleHeading+"What is sciatica?")
			if hasUrgent != tt.wantColor || hasHeading != tt.wantColor {
				t.Errorf("coloured urgent banner %v, heading %v; want %v", hasUrgent, hasHeading, tt.wantColor)
			}
			if !tt.wantColor && sgrRE.MatchString(out) {
				t.Errorf("colour codes with colour off: %q", sgrRE.FindString(out))
			}
		})
	}
}

func TestChatTerminalClearAndTopics(t *testing.T) {
	p := startPTY(t, 120, []string{"NO_COLOR=1"}, "chat")
	p.waitFor("> ")
	p.send("clear\r")
	p.waitFor("\x1b[2J")
	p.send("help\r")
	p.waitFor("4. What is sciatica?")
	p.send("4\r")
	p.waitFor(sciaticaAnswer)
	p.send("\x04")
	p.waitExit()
	if out := p.output(); strings.Contains(out, faq.Default().Fallback[:20]) || strings.Contains(out, "chronic") && !strings.Contains(out, "33. What can help long-term (chronic) back pain?") {
		t.Errorf("clear or a topic number was answered as a question:\n%q", out)
	}
}

func TestAskOnATerminalSaysHowToAsk(t *testing.T) {
	p := startPTY(t, 100, nil, "ask")
	p.waitFor(`Type your question after "ask"`)
	p.send("what is sciatica\r")
	p.waitFor(sciaticaAnswer)
	p.send("\x04")
	if code := p.waitExit(); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
}
