package faq

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// An entry's optional `explains:` lists the red flags it explains, by their ids in the triage
// rules (bot/triage/data/rules.yaml): under a triage notice for one of them the bot shows that
// entry, so the reader learns why the notice is there. The link only chooses an entry; the notice
// itself is triage's and no FAQ edit can remove or soften it.
//
// This package does not know the triage flags (triage builds on faq, not the other way round):
// parsing checks the ids' form and that no flag is claimed twice, and the program checks them
// against the flags triage knows with UnknownExplains.

// pos is where an item of the file stands, for messages.
type pos struct{ line, col int }

// explains returns the red-flag ids the entry lists under `explains:` and where each stands,
// reporting an id that is not kebab-case or is listed twice in the entry.
func (p *parser) explains(m map[string]*yaml.Node, what string) ([]string, []pos) {
	v, ok := m["explains"]
	if !ok {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		p.strs(v, what+" explains")
		return nil, nil
	}
	var ids []string
	var at []pos
	for _, c := range v.Content {
		id := p.str(c, "an item of "+what+" explains", true)
		switch {
		case id == "":
		case !idRE.MatchString(id):
			p.add(c.Line, c.Column, "red flag %q in %s explains should be a red-flag id, lower-case words joined by dashes, like %q", id, what, kebab(id))
		case slices.Contains(ids, id):
			p.add(c.Line, c.Column, "red flag %q is listed twice in %s explains; remove the repeat", id, what)
		default:
			ids = append(ids, id)
			at = append(at, pos{c.Line, c.Column})
		}
	}
	return ids, at
}

// checkExplains reports a red flag that two entries of f claim to explain: the bot could show
// only one of them under its notice.
func (p *parser) checkExplains(f *FAQ) {
	first := map[string]int{} // flag id -> index of the entry that claims it first
	for i, e := range f.Entries {
		for k, id := range e.Explains {
			j, dup := first[id]
			if !dup {
				first[id] = i
				continue
			}
			at := e.explainsAt[k]
			p.add(at.line, at.col, "red flag %q is already explained by entry %q (line %d); a flag can be explained by one entry only, so remove it from one of them", id, f.Entries[j].ID, f.Entries[j].Line)
		}
	}
}

// UnknownExplains reports every id in an entry's `explains:` that is not among known, the ids of
// the red flags triage can raise, naming the closest known id or else all of them. File is
// f.Source.
func (f *FAQ) UnknownExplains(known []string) []Problem {
	var out []Problem
	for _, e := range f.Entries {
		for k, id := range e.Explains {
			if slices.Contains(known, id) {
				continue
			}
			hint := "use one of: " + strings.Join(known, ", ")
			if s := closest(id, known); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			at := e.explainsAt[k]
			out = append(out, Problem{File: f.Source, Line: at.line, Col: at.col,
				Msg: fmt.Sprintf("entry %q explains red flag %q, which triage does not know; %s", e.ID, id, hint)})
		}
	}
	return out
}
