package main

import "testing"

// TestFAQFlagEverywhere: every command that reads an FAQ file takes it as --faq FILE, and lint
// and test take it as their argument too, with the same result.
func TestFAQFlagEverywhere(t *testing.T) {
	for cmd, file := range map[string]string{"lint": "testdata/mistakes.yaml", "test": "testdata/warnings.yaml"} {
		t.Run(cmd, func(t *testing.T) {
			byArg, _, argCode := runCmd(t, "", "faq", cmd, file)
			byFlag, stderr, flagCode := runCmd(t, "", "faq", cmd, "--faq", file)
			if flagCode != argCode || byFlag != byArg {
				t.Errorf("faq %s --faq F: exit %d %q (stderr %q)\nwant what faq %s F gives: exit %d %q", cmd, flagCode, byFlag, stderr, cmd, argCode, byArg)
			}
			if byArg == "" {
				t.Errorf("faq %s F printed nothing", cmd)
			}
			_, stderr, code := runCmd(t, "", "faq", cmd, "--faq", file, "testdata/broken.yaml")
			if code != 2 {
				t.Errorf("two different files: exit %d (stderr %q), want 2", code, stderr)
			}
		})
	}
	for _, args := range [][]string{{"faq", "show", "--faq", "testdata/warnings.yaml", "sciatica"}, {"faq", "list", "--faq", "testdata/warnings.yaml"}, {"ask", "--faq", "testdata/warnings.yaml", "what is sciatica"}} {
		if out, stderr, code := runCmd(t, "", args...); code != 0 || out == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and output", args, code, out, stderr)
		}
	}
}
