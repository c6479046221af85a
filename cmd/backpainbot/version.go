package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// versionText describes this build from the information the Go toolchain stamps into every
// binary: the module version ("(devel)" for a build from a checkout), the source revision when
// it was built from a git checkout, and the Go version.
func versionText() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "backpainbot (no build information)"
	}
	return formatVersion(bi)
}

func formatVersion(bi *debug.BuildInfo) string {
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	parts := []string{"backpainbot", version}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if settings["vcs.modified"] == "true" {
			rev += "+modified"
		}
		if t := settings["vcs.time"]; t != "" {
			rev += " " + t
		}
		parts = append(parts, "revision "+rev)
	}
	parts = append(parts, bi.GoVersion)
	if os, arch := settings["GOOS"], settings["GOARCH"]; os != "" && arch != "" {
		parts = append(parts, fmt.Sprintf("%s/%s", os, arch))
	}
	return strings.Join(parts, " ")
}
