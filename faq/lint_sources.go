package faq

import "fmt"

// SourceWarnings lists the entries that name no source. A missing source does not stop the
// file loading (the answer may still be right), so it is a warning for moderators, not a
// problem that refuses the file; a malformed address is a problem (see checkURL).
func SourceWarnings(f *FAQ) []Problem {
	var out []Problem
	for _, e := range f.Entries {
		if len(e.Sources) > 0 {
			continue
		}
		out = append(out, Problem{File: f.Source, Line: e.Line, Col: 5, Msg: fmt.Sprintf(
			"warning: entry %q has no `sources:`; add the public pages (NHS, NICE, a national health service or professional body) its facts come from, so readers can check them", e.ID)})
	}
	return out
}
