package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// runCmd runs the program in-process and returns its output and exit code.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	code = 0
	if err != nil {
		var e *exitError
		if !errors.As(err, &e) {
			t.Fatalf("run returned %v, want an *exitError", err)
		}
		code = e.code
		errb.WriteString(e.msg)
	}
	return out.String(), errb.String(), code
}

func TestAsk(t *testing.T) {
	disclaimer := faq.Default().Disclaimer
	out, _, code := runCmd(t, "", "ask", "why does my back hurt when i lift my leg")
	if code != 0 || !strings.HasPrefix(out, "Why does my lower back hurt when I lift my leg?") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), disclaimer) {
		t.Errorf("answer does not end with the disclaimer:\n%s", out)
	}
}

func TestAskJSON(t *testing.T) {
	out, _, code := runCmd(t, "what is siatica\n\nwhat's the weather like\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d JSON lines, want 2 (blank lines skipped):\n%s", len(lines), out)
	}
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		for _, k := range []string{"question", "match", "suggestions", "triage", "reply", "disclaimer"} {
			if _, ok := m[k]; !ok {
				t.Errorf("JSON line lacks %q: %s", k, l)
			}
		}
		if !strings.HasSuffix(m["reply"].(string), m["disclaimer"].(string)) {
			t.Errorf("reply does not end with the disclaimer: %s", l)
		}
		got = append(got, m)
	}
	if m, ok := got[0]["match"].(map[string]any); !ok || m["id"] != "sciatica" || m["score"].(float64) <= 0 {
		t.Errorf("first match = %v, want sciatica with a score", got[0]["match"])
	}
	if got[1]["match"] != nil || got[1]["triage"] != "none" {
		t.Errorf("weather question: match %v triage %v, want null and none", got[1]["match"], got[1]["triage"])
	}
	if s, _ := got[1]["suggestions"].([]any); len(s) == 0 {
		t.Errorf("no-match answer should suggest topics, got %v", got[1]["suggestions"])
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, "Usage:"},
		{"unknown command", []string{"dance"}, 2, `unknown command "dance"`},
		{"bad flag", []string{"ask", "--jsno", "x"}, 2, "flag provided but not defined: -jsno"},
		{"missing faq file", []string{"ask", "--faq", filepath.Join(dir, "nope.yaml"), "x"}, 1, "no such file"},
		{"broken faq file", []string{"ask", "--faq", "testdata/broken.yaml", "x"}, 1, "(and 4 more; run `backpainbot faq lint testdata/broken.yaml`)"},
		{"help", []string{"--help"}, 0, ""},
		{"ask help", []string{"ask", "--help"}, 0, ""},
		{"faq help", []string{"faq", "lint", "--help"}, 0, ""},
		{"show unknown id", []string{"faq", "show", "nope"}, 1, `no entry with id "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.wantErr)
			}
			if tt.wantCode != 0 && strings.Count(strings.TrimSpace(stderr), "\n") > 0 && tt.name != "no command" {
				t.Errorf("error should be one line, got %q", stderr)
			}
		})
	}
}

func TestFAQCommands(t *testing.T) {
	out, _, code := runCmd(t, "", "faq", "list")
	if code != 0 || strings.Count(out, "\n") != len(faq.Default().Entries) || !strings.Contains(out, "leg-lift-pain") {
		t.Errorf("faq list: exit %d\n%s", code, out)
	}
	out, _, code = runCmd(t, "", "faq", "show", "sciatica", "--faq", "testdata/confusable.yaml")
	if code != 0 || !strings.HasPrefix(out, "What is sciatica?") || !strings.Contains(out, "Not a diagnosis.") {
		t.Errorf("faq show with a flag after the id: exit %d\n%s", code, out)
	}
	out, _, code = runCmd(t, "", "ask", "--", "--what", "is", "sciatica")
	if code != 0 || !strings.Contains(out, "What is sciatica?") {
		t.Errorf("ask after --: exit %d\n%s", code, out)
	}
	out, _, code = runCmd(t, "", "faq", "show", "sciatica")
	if code != 0 || !strings.HasPrefix(out, "What is sciatica?") || !strings.Contains(out, faq.Default().Disclaimer) {
		t.Errorf("faq show: exit %d\n%s", code, out)
	}
	path := filepath.Join(t.TempDir(), "faq.yaml")
	if _, _, code := runCmd(t, "", "faq", "init", path); code != 0 {
		t.Fatalf("faq init: exit %d", code)
	}
	if _, stderr, code := runCmd(t, "", "faq", "init", path); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second faq init: exit %d %q, want 1 and no overwrite", code, stderr)
	}
	out, _, code = runCmd(t, "", "faq", "lint", path)
	if code != 0 || !strings.Contains(out, "ok, 47 entries") {
		t.Errorf("lint of a fresh init: exit %d\n%s", code, out)
	}
}

// TestGolden pins the output moderators read. Run with -update after a deliberate change.
func TestGolden(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"lint-broken", []string{"faq", "lint", "testdata/broken.yaml"}, 1},
		{"lint-builtin", []string{"faq", "lint"}, 0},
		{"lint-warnings", []string{"faq", "lint", "testdata/warnings.yaml"}, 0},
		{"lint-mistakes", []string{"faq", "lint", "--faq", "testdata/mistakes.yaml"}, 1},
		{"lint-tab", []string{"faq", "lint", "testdata/tab.yaml", "--faq", "testdata/tab.yaml"}, 1},
		{"test-confusable", []string{"faq", "test", "testdata/confusable.yaml"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, code := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			checkGolden(t, tt.name, out)
		})
	}
}

// TestFAQTestBuiltin: the FAQ the bot ships passes its own `faq test`, as a new moderator runs it
// first: every question, variant and example reaches its entry (close calls are only warnings).
func TestFAQTestBuiltin(t *testing.T) {
	out, _, code := runCmd(t, "", "faq", "test")
	if code != 0 || !strings.Contains(out, "built-in: ok, all ") {
		t.Errorf("faq test on the built-in FAQ: exit %d, want 0\n%s", code, out)
	}
}

// checkGolden compares out with testdata/NAME.golden, or rewrites it under -update.
func checkGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/backpainbot -update)", err)
	}
	if out != string(want) {
		t.Errorf("output changed:\n--- got\n%s--- want\n%s", out, want)
	}
}

func TestDiscordInviteURL(t *testing.T) {
	out, _, code := runCmd(t, "", "discord", "invite-url", "--app-id", "123456789012345678")
	want := "https://discord.com/oauth2/authorize?client_id=123456789012345678&permissions=277025475584&scope=bot+applications.commands"
	if code != 0 || strings.TrimSpace(out) != want {
		t.Errorf("exit %d, output %q, want %q", code, out, want)
	}
	if _, _, code := runCmd(t, "", "discord", "invite-url"); code != 2 {
		t.Errorf("no app id: exit %d, want 2", code)
	}
}

func TestChat(t *testing.T) {
	out, _, code := runCmd(t, "what is siatica\nhelp\n\nquit\nnever read\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "What is sciatica?") {
		t.Errorf("chat did not answer the question:\n%s", out)
	}
	if !strings.Contains(out, "I answer common questions about lower back pain") {
		t.Errorf("chat did not show help:\n%s", out)
	}
	if strings.Count(out, faq.Default().Disclaimer) != 2 {
		t.Errorf("want the disclaimer after each of the 2 replies:\n%s", out)
	}
	if _, _, code := runCmd(t, "", "chat", "extra"); code != 2 {
		t.Errorf("chat with arguments: exit %d, want 2", code)
	}
}

// faq lint names each entry without sources as a warning and still passes the file.
func TestLintWarnsWithoutSources(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faq.yaml")
	data := strings.Replace(string(faq.DefaultYAML()), "    sources:\n      - title: NHS, Cauda equina syndrome\n        url: https://www.nhs.uk/conditions/cauda-equina-syndrome/\n      - title: Brain & Spine Foundation, Cauda equina syndrome\n        url: https://www.brainandspine.org.uk/health-information/cauda-equina-syndrome/\n", "", 1)
	if data == string(faq.DefaultYAML()) {
		t.Fatal("test setup: the cauda-equina sources were not found in the built-in FAQ")
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "", "faq", "lint", path)
	if code != 0 || !strings.Contains(out, `warning: entry "cauda-equina" has no `+"`sources:`") || strings.Count(out, "warning:") != 1 {
		t.Errorf("lint: exit %d, want 0 and one warning for cauda-equina:\n%s", code, out)
	}
}
