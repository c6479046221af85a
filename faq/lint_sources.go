package faq

// checkSources warns on an entry that names no source. A missing source does not stop the file
// loading (the answer may still be right), so it is advice for moderators; a malformed address
// is an error (see checkURL).
func checkSources(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		if len(e.Sources) > 0 || i >= len(d.entries) {
			continue
		}
		n := d.entries[i]["id"]
		if n == nil {
			continue
		}
		out = append(out, warnAt(n, "entry %q has no `sources:`; add the public pages (NHS, NICE, a national health service or professional body) its facts come from, so readers can check them", e.ID))
	}
	return out
}
