package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissesGolden pins what moderators read from `faq misses`. Run with -update after a
// deliberate change.
func TestMissesGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		// The log and the FAQ both come from the config file.
		{"misses", []string{"faq", "misses", "--config", "testdata/misses-config.yaml"}},
		// No config: the log is off and misses.jsonl does not exist here.
		{"misses-off", []string{"faq", "misses"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCmd(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGolden(t, tt.name, out)
		})
	}
}

func TestMisses(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	enabled := writeMissesConfig(t, "misses:\n  enabled: true\n  file: "+filepath.Join(dir, "none.jsonl")+"\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"file flag with the built-in FAQ", []string{"faq", "misses", "--file", "testdata/misses.jsonl"}, 0, "11 unanswered question(s)", ""},
		{"file flag, missing", []string{"faq", "misses", "--file", filepath.Join(dir, "nope.jsonl")}, 1, "", "no such file"},
		{"enabled, nothing yet", []string{"faq", "misses", "--config", enabled}, 0, "no unanswered questions recorded yet", ""},
		{"empty log", []string{"faq", "misses", "--file", empty}, 0, "no unanswered questions recorded", ""},
		{"bad config", []string{"faq", "misses", "--config", filepath.Join(dir, "nope.yaml")}, 1, "", "config: read config"},
		{"extra argument", []string{"faq", "misses", "x"}, 2, "", `unexpected argument "x"`},
		{"help", []string{"faq", "misses", "--help"}, 0, "--file PATH", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q, want it to contain %q", out, tt.wantOut)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.wantErr)
			}
		})
	}
}

func writeMissesConfig(t *testing.T, yaml string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "backpainbot.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
