package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

// TestAskJSONUnderNotice: under an emergency notice `ask --json` shows the entry that explains
// the red flag, in the same shape as any other line: the same keys, and a match with the keys
// of every match.
func TestAskJSONUnderNotice(t *testing.T) {
	out, _, code := runCmd(t, "pins and needles between my legs and my back hurts\nwhat is siatica\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, m)
	}
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(lines))
	}
	urgent, calm := lines[0], lines[1]
	if !slices.Equal(keys(urgent), keys(calm)) || !slices.Equal(keys(urgent), []string{"disclaimer", "match", "question", "reply", "suggestions", "triage"}) {
		t.Errorf("keys %v and %v, want the six of askResult", keys(urgent), keys(calm))
	}
	m, ok := urgent["match"].(map[string]any)
	if !ok || m["id"] != "cauda-equina" || !slices.Equal(keys(m), keys(calm["match"].(map[string]any))) {
		t.Errorf("match = %v, want cauda-equina with the keys of any match", urgent["match"])
	}
	if urgent["triage"] != "emergency" || !strings.HasPrefix(urgent["reply"].(string), "!! URGENT: GET HELP NOW !!\nCall ") {
		t.Errorf("triage %v, reply %.60q: want the emergency notice first", urgent["triage"], urgent["reply"])
	}
	if s, ok := urgent["suggestions"].([]any); !ok || len(s) != 0 {
		t.Errorf("suggestions = %v, want an empty list", urgent["suggestions"])
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestLintRefusesUnknownRedFlag: `faq lint` names the line of a red flag triage does not know,
// and the bot refuses to load the file.
func TestLintRefusesUnknownRedFlag(t *testing.T) {
	data := strings.Replace(string(faq.DefaultYAML()), "explains: [fever]", "explains: [fevre]", 1)
	path := filepath.Join(t.TempDir(), "faq.yaml")
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(data[:strings.Index(data, "explains: [fevre]")], "\n")
	out, _, code := runCmd(t, "", "faq", "lint", path)
	want := fmt.Sprintf("%s:%d:16: entry \"kidney-or-back\" explains red flag \"fevre\", which triage does not know; did you mean \"fever\"?", path, line)
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("faq lint: exit %d, output:\n%s\nwant exit 1 and %q", code, out, want)
	}
	if _, errOut, code := runCmd(t, "", "ask", "--faq", path, "my back hurts"); code != 1 || !strings.Contains(errOut, `"fevre"`) {
		t.Errorf("ask with the file: exit %d, stderr %q; want it refused", code, errOut)
	}
}
