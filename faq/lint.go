package faq

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Lint's rules beyond the schema are small checks, each a function that looks at the parsed
// file and returns what it finds. To add a rule, write a check and append it to checks.

// A check is one lint rule. It returns its findings with Severity, Line, Col and Msg set;
// Lint fills in the file name. A check must not change the FAQ.
type check func(d *doc) []Problem

// checks run in this order on every file that parses as YAML, after the schema.
var checks = []check{
	checkEmptyItems,
	checkVariantsAcrossEntries,
	checkVariantsWithinEntry,
	checkRelatedRepeats,
	checkRelatedCount,
	checkAnswerLength,
	checkDoses,
	checkSources,
}

// The advice in the FAQ file's header that the warnings follow.
const (
	MinAnswerWords = 40
	MaxAnswerWords = 120
	MinRelated     = 2
	MaxRelated     = 4
)

// doc is what a check sees: the FAQ as parsed so far and the YAML it came from, for positions.
type doc struct {
	faq  *FAQ
	root *yaml.Node
	// entries holds, for each of faq.Entries in order, its fields' value nodes by key.
	entries []map[string]*yaml.Node
}

// errorAt and warnAt make a finding at node n.
func errorAt(n *yaml.Node, format string, args ...any) Problem {
	return Problem{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...), Severity: Error}
}

func warnAt(n *yaml.Node, format string, args ...any) Problem {
	p := errorAt(n, format, args...)
	p.Severity = Warning
	return p
}

// items returns the item nodes of the list under key in an entry's fields, or nil.
func items(fields map[string]*yaml.Node, key string) []*yaml.Node {
	n := fields[key]
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// sameText folds case, spacing and closing punctuation, so "Is it bad?" and "is it  bad" match.
func sameText(s string) string {
	return strings.TrimRight(strings.Join(strings.Fields(strings.ToLower(s)), " "), "?!. ")
}

// checkEmptyItems reports list items with no text: a "-" alone on its line, or "" in a list.
func checkEmptyItems(d *doc) []Problem {
	var out []Problem
	var walk func(n *yaml.Node, where string)
	walk = func(n *yaml.Node, where string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if isBlank(c) {
					out = append(out, errorAt(c, "empty item in %s: a %q with no text after it; write the text, or delete the line", where, "-"))
					continue
				}
				walk(c, where)
			}
		}
	}
	walk(d.root, "the file")
	for i := range out {
		if strings.HasPrefix(out[i].Msg, "empty item in tips") {
			out[i].Msg = "empty tip: a \"-\" with no text after it, so users would see a blank tip; write the tip, or delete the line"
		}
	}
	return out
}

// checkVariantsAcrossEntries reports a variant (or question) that is also in another entry: a
// question can lead to only one answer, so the matcher would pick one of them at random.
func checkVariantsAcrossEntries(d *doc) []Problem {
	type seen struct {
		entry string
		line  int
	}
	first := map[string]seen{}
	var out []Problem
	for i, e := range d.faq.Entries {
		nodes := append([]*yaml.Node{d.entries[i]["question"]}, items(d.entries[i], "variants")...)
		mine := map[string]bool{}
		for _, n := range nodes {
			if n == nil || n.Kind != yaml.ScalarNode || isBlank(n) {
				continue
			}
			key := sameText(n.Value)
			if mine[key] {
				continue // checkVariantsWithinEntry
			}
			mine[key] = true
			if s, ok := first[key]; ok && s.entry != e.ID {
				out = append(out, errorAt(n, "%q is also in entry %q (line %d); a question can lead to only one answer, so keep it in the entry it belongs to and delete it here",
					strings.TrimSpace(n.Value), s.entry, s.line))
				continue
			}
			first[key] = seen{e.ID, n.Line}
		}
	}
	return out
}

// checkVariantsWithinEntry warns about a variant repeated in its own entry, or the same as the
// entry's question: harmless, but it counts towards the variants the entry needs.
func checkVariantsWithinEntry(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		firstLine := map[string]int{sameText(e.Question): 0}
		if q := d.entries[i]["question"]; q != nil {
			firstLine[sameText(e.Question)] = q.Line
		}
		for _, n := range items(d.entries[i], "variants") {
			if n.Kind != yaml.ScalarNode || isBlank(n) {
				continue
			}
			key := sameText(n.Value)
			if line, dup := firstLine[key]; dup {
				out = append(out, warnAt(n, "variant %q of entry %q repeats line %d; delete it or write another way people ask", strings.TrimSpace(n.Value), e.ID, line))
				continue
			}
			firstLine[key] = n.Line
		}
	}
	return out
}

// checkRelatedRepeats reports an id listed twice in one entry's related, which would suggest
// the same topic twice.
func checkRelatedRepeats(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		seen := map[string]bool{}
		for _, n := range items(d.entries[i], "related") {
			id := strings.TrimSpace(n.Value)
			if n.Kind != yaml.ScalarNode || id == "" {
				continue
			}
			if seen[id] {
				out = append(out, errorAt(n, "related id %q is listed twice in entry %q; users would be offered the same topic twice, so remove the repeat", id, e.ID))
			}
			seen[id] = true
		}
	}
	return out
}

// checkRelatedCount warns when an entry suggests fewer than MinRelated or more than MaxRelated
// other entries.
func checkRelatedCount(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		n := len(e.Related)
		if n >= MinRelated && n <= MaxRelated {
			continue
		}
		at := d.entries[i]["related"]
		if at == nil {
			at = d.entries[i]["id"]
		}
		if at == nil {
			continue
		}
		why := "so users always get a few useful next topics"
		if n > MaxRelated {
			why = "so the suggestions stay short"
		}
		out = append(out, warnAt(at, "entry %q lists %d related %s; the file's guidance is %d to %d, %s", e.ID, n, plural(n, "id", "ids"), MinRelated, MaxRelated, why))
	}
	return out
}

// checkAnswerLength warns about answers shorter than MinAnswerWords or longer than MaxAnswerWords.
func checkAnswerLength(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		at := d.entries[i]["answer"]
		if at == nil || e.Answer == "" {
			continue
		}
		switch n := len(strings.Fields(e.Answer)); {
		case n < MinAnswerWords:
			out = append(out, warnAt(at, "the answer of entry %q is %d %s; the file's guidance is %d to %d, so say a little more", e.ID, n, plural(n, "word", "words"), MinAnswerWords, MaxAnswerWords))
		case n > MaxAnswerWords:
			out = append(out, warnAt(at, "the answer of entry %q is %d words; the file's guidance is %d to %d, as a long answer is hard to read in a chat: shorten it, or split it into two entries", e.ID, n, MinAnswerWords, MaxAnswerWords))
		}
	}
	return out
}

// doseRE finds a medicine dose: a number with a unit, such as "400mg", "2.5 ml" or "1 g".
var doseRE = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|milligrams?|micrograms?|grams?|millilit(?:re|er)s?)\b`)

// checkDoses warns about doses in answers and tips: the file's guidance is never to give them.
func checkDoses(d *doc) []Problem {
	var out []Problem
	for i, e := range d.faq.Entries {
		texts := append([]*yaml.Node{d.entries[i]["answer"]}, items(d.entries[i], "tips")...)
		for _, n := range texts {
			if n == nil || n.Kind != yaml.ScalarNode {
				continue
			}
			if dose := doseRE.FindString(n.Value); dose != "" {
				out = append(out, warnAt(n, "entry %q gives a dose (%q); the file's guidance is never to give doses: write \"follow the label, or ask a pharmacist\" instead", e.ID, dose))
			}
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
