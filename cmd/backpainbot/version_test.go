package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"checkout build with git", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "4a46cce0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-02T04:00:00Z"}, {Key: "vcs.modified", Value: "true"},
			{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"}}},
			"backpainbot (devel) revision 4a46cce01234+modified 2026-12-02T04:00:00Z go1.26.8 linux/amd64"},
		{"go install module@version", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"backpainbot v1.2.0 go1.26.8"},
		{"no vcs, no version", debug.BuildInfo{GoVersion: "go1.26.8"}, "backpainbot (devel) go1.26.8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatVersion(&tt.bi); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestVersionFlag(t *testing.T) {
	for _, arg := range []string{"--version", "-version", "version"} {
		out, _, code := runCmd(t, "", arg)
		if code != 0 || !strings.HasPrefix(out, "backpainbot ") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("%s: exit %d, %q; want 0 and a line naming backpainbot and %s", arg, code, out, runtime.Version())
		}
	}
}
