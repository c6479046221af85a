package faq

import (
	"fmt"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"
)

// Source is a public page an entry's facts come from, so readers can check them.
type Source struct {
	Title string
	URL   string
}

// sources reads an entry's `sources:` list: each item has a title and an absolute https address.
func (p *parser) sources(n *yaml.Node, what string) []Source {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, n.Column, "%s sources should be a list of `- title: ...` and `url: ...` pairs, not %s", what, kindName(n))
		return nil
	}
	var out []Source
	for _, c := range n.Content {
		m := p.fields(c, "each source of "+what, "title", "url")
		if c.Kind != yaml.MappingNode {
			continue
		}
		s := Source{Title: p.required(m, c, "title", "a source of "+what), URL: p.required(m, c, "url", "a source of "+what)}
		if s.URL != "" {
			if msg := checkURL(s.URL); msg != "" {
				v := m["url"]
				p.add(v.Line, v.Column, "source address %q in %s %s", s.URL, what, msg)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// checkURL says what is wrong with a source address, or "" when it is well formed: an absolute
// https address with a host and no spaces.
func checkURL(raw string) string {
	if strings.ContainsAny(raw, " \t\n") {
		return "has a space in it; copy the address from the browser's address bar"
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Sprintf("is not a web address (%v)", err)
	case u.Scheme != "https":
		return "should start with https://"
	case u.Host == "" || !strings.Contains(u.Host, "."):
		return "has no site name after https://"
	}
	return ""
}
