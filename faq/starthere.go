package faq

import "gopkg.in/yaml.v3"

// Start-here topics: the entries a moderator picks for a person who says only that their back
// hurts ("my back hurts what do i do"). The matcher offers them when a message is about back pain
// but names nothing that points at one entry (match.go, vague).

// maxStartHere is how many start-here topics the file may list: a reply shows at most three.
const maxStartHere = 3

// startHere parses the top-level `start_here:` list of entry ids. The entries must be parsed
// already, so an unknown id can be reported with the nearest existing one.
func (p *parser) startHere(f *FAQ, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, n.Column, "start_here should be a list of 1 to %d entry ids, like `[threw-back-out, when-to-see-doctor]`", maxStartHere)
		return
	}
	if len(n.Content) == 0 || len(n.Content) > maxStartHere {
		p.add(n.Line, n.Column, "start_here lists %d ids; list 1 to %d", len(n.Content), maxStartHere)
	}
	ids := make([]string, 0, len(f.Entries))
	for _, e := range f.Entries {
		ids = append(ids, e.ID)
	}
	for _, c := range n.Content {
		id := p.str(c, "a start_here id", true)
		switch {
		case id == "":
		case contains(f.StartHere, id):
			p.add(c.Line, c.Column, "start_here lists %q twice; keep one", id)
		case !hasID(f, id):
			if s := closest(id, ids); s != "" {
				p.add(c.Line, c.Column, "start_here id %q does not exist; did you mean %q?", id, s)
			} else {
				p.add(c.Line, c.Column, "start_here id %q does not exist; use the id of an entry", id)
			}
		default:
			f.StartHere = append(f.StartHere, id)
		}
	}
}

func hasID(f *FAQ, id string) bool {
	_, ok := f.byID[id]
	return ok
}
