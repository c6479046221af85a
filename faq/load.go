package faq

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
	"gopkg.in/yaml.v3"
)

// MinVariants is how many variants every entry needs.
const MinVariants = 5

// MaxTips is how many tips an entry may have.
const MaxTips = 3

// MaxFileSize bounds the FAQ file Parse accepts, so a runaway file cannot exhaust memory.
const MaxFileSize = 32 << 20

// Severity says whether a Problem stops a file from loading.
type Severity int

const (
	// Error problems make the file invalid: the bot refuses it and keeps the last good one.
	Error Severity = iota
	// Warning problems break the advice in the file's header; the file still loads.
	Warning
)

// Problem is one thing wrong with an FAQ file, with where it is and how to fix it.
type Problem struct {
	File     string
	Line     int
	Col      int
	Msg      string
	Severity Severity
}

// String formats p as "file:line:col: message", with "warning: " before a warning's message.
func (p Problem) String() string {
	kind := ""
	if p.Severity == Warning {
		kind = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", p.File, p.Line, p.Col, kind, p.Msg)
}

// InvalidError lists every problem found in an FAQ file. Callers branch on it with errors.As.
// Problems holds the errors; Warnings what the file also does against its header's advice.
type InvalidError struct {
	Problems []Problem
	Warnings []Problem
}

func (e *InvalidError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Load reads and parses the FAQ file at path.
func Load(path string) (*FAQ, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load faq: %w", err)
	}
	if fi.Size() > MaxFileSize {
		return nil, &InvalidError{Problems: []Problem{{File: path, Line: 1, Col: 1, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", fi.Size(), MaxFileSize)}}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load faq: %w", err)
	}
	return Parse(path, data)
}

// Parse parses and validates an FAQ file's bytes. name is used in messages. On failure the error
// is an *InvalidError listing every problem. A file with only warnings loads, and its FAQ lists
// them in Warnings.
func Parse(name string, data []byte) (*FAQ, error) {
	f, problems := Lint(name, data)
	var errs, warns []Problem
	for _, p := range problems {
		if p.Severity == Warning {
			warns = append(warns, p)
		} else {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		return nil, &InvalidError{Problems: errs, Warnings: warns}
	}
	f.Warnings = warns
	return f, nil
}

// Lint parses an FAQ file's bytes and returns everything wrong with it, errors and warnings,
// in file order. The FAQ is nil when there is any error.
func Lint(name string, data []byte) (*FAQ, []Problem) {
	p := &parser{file: name}
	if len(data) > MaxFileSize {
		p.add(1, 1, "file is %d bytes; the limit is %d", len(data), MaxFileSize)
		return nil, p.sorted()
	}
	if probs := encodingProblems(data); len(probs) > 0 {
		return nil, p.with(probs).sorted()
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, p.with([]Problem{syntaxProblem(data, err)}).sorted()
	}
	if len(root.Content) == 0 {
		p.add(1, 1, "file is empty; start from `backpainbot faq init`")
		return nil, p.sorted()
	}
	f := &FAQ{Source: name, Digest: digest(data), byID: map[string]int{}}
	d := &doc{faq: f, root: root.Content[0]}
	p.doc = d
	p.parseFile(f, d.root)
	for _, c := range checks {
		p.with(c(d))
	}
	for _, pr := range p.problems {
		if pr.Severity == Error {
			return nil, p.sorted()
		}
	}
	return f, p.sorted()
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

type parser struct {
	file     string
	problems []Problem
	doc      *doc
}

func (p *parser) add(line, col int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// with adds problems found elsewhere (a check, the syntax explainer), naming the file.
func (p *parser) with(probs []Problem) *parser {
	for _, pr := range probs {
		pr.File = p.file
		p.problems = append(p.problems, pr)
	}
	return p
}

func (p *parser) sorted() []Problem {
	sort.SliceStable(p.problems, func(i, j int) bool {
		a, b := p.problems[i], p.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return p.problems
}

// fields checks that n is a mapping with only the allowed keys, reporting unknown and repeated
// keys, and returns the value node for each key present.
func (p *parser) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, n.Column, "%s should be a set of `key: value` lines, not %s", what, kindName(n))
		return out
	}
	keyLine := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if !contains(allowed, name) {
			if s := closest(name, allowed); s != "" {
				p.add(k.Line, k.Column, "unknown key %q in %s; did you mean %q?", name, what, s)
			} else {
				p.add(k.Line, k.Column, "unknown key %q in %s; allowed keys: %s", name, what, strings.Join(allowed, ", "))
			}
			continue
		}
		if first, dup := keyLine[name]; dup {
			p.add(k.Line, k.Column, "key %q appears twice in %s (first on line %d); keep one", name, what, first)
			continue
		}
		keyLine[name] = k.Line
		out[name] = v
	}
	return out
}

func (p *parser) str(n *yaml.Node, what string, required bool) string {
	if n == nil {
		return ""
	}
	if colonText, ok := unquotedColon(n); ok {
		p.add(n.Line, n.Column, "%s contains a colon followed by a space (\": \"), which YAML reads as a new `key: value`; "+
			"put the whole text in double quotes, like: %s", what, quoted(colonText))
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		if n.Tag == "!!null" && !required {
			return ""
		}
		p.add(n.Line, n.Column, "%s should be text, not %s", what, kindName(n))
		return ""
	}
	v := strings.TrimSpace(n.Value)
	if v == "" && required {
		p.add(n.Line, n.Column, "%s is empty; write the text after the colon", what)
	}
	return v
}

func (p *parser) strs(n *yaml.Node, what string) []string {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, n.Column, "%s should be a list (lines starting with `- `, or [a, b]), not %s", what, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if isBlank(c) {
			continue // checkEmptyItems reports it
		}
		if s := p.str(c, "an item of "+what, true); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) parseFile(f *FAQ, root *yaml.Node) {
	top := p.fields(root, "the file", "version", "disclaimer", "fallback", "synonyms", "red_flags", "start_here", "entries", "tests")
	if v, ok := top["version"]; !ok {
		p.add(root.Line, root.Column, "missing `version: %d` at the top of the file", SchemaVersion)
	} else if n, err := strconv.Atoi(v.Value); err != nil || n != SchemaVersion {
		p.add(v.Line, v.Column, "version is %q; this bot reads version %d", v.Value, SchemaVersion)
	} else {
		f.Version = n
	}
	if v, ok := top["disclaimer"]; ok {
		f.Disclaimer = p.str(v, "disclaimer", true)
	} else {
		p.add(root.Line, root.Column, "missing `disclaimer:`; every reply ends with it, so it is required")
	}
	if v, ok := top["fallback"]; ok {
		f.Fallback = p.str(v, "fallback", true)
	} else {
		p.add(root.Line, root.Column, "missing `fallback:`; it is what the bot says when it has no answer")
	}
	if v, ok := top["synonyms"]; ok {
		p.synonyms(f, v)
	}
	if v, ok := top["red_flags"]; ok {
		rf := p.fields(v, "red_flags", "emergency", "doctor")
		f.RedFlags.Emergency = p.strs(rf["emergency"], "red_flags.emergency")
		f.RedFlags.Doctor = p.strs(rf["doctor"], "red_flags.doctor")
	}
	entries, ok := top["entries"]
	if !ok || entries.Kind != yaml.SequenceNode || len(entries.Content) == 0 {
		n := root
		if ok {
			n = entries
		}
		p.add(n.Line, n.Column, "`entries:` must be a list with at least one entry")
	} else {
		p.entries(f, entries)
	}
	if v, ok := top["start_here"]; ok {
		p.startHere(f, v)
	}
	if v, ok := top["tests"]; ok {
		p.tests(f, v)
	}
}

func (p *parser) synonyms(f *FAQ, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, n.Column, "synonyms should be a list of groups like `- [physio, physical therapy]`")
		return
	}
	for _, g := range n.Content {
		words := p.strs(g, "a synonym group")
		if g.Kind == yaml.SequenceNode && len(words) < 2 {
			p.add(g.Line, g.Column, "a synonym group needs at least two words or phrases")
			continue
		}
		if len(words) >= 2 {
			f.Synonyms = append(f.Synonyms, words)
		}
	}
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type relRef struct {
	id   string
	node *yaml.Node
	from string
}

// entries parses the entries list into f, in file order, then checks that every related id
// names another entry that exists.
func (p *parser) entries(f *FAQ, list *yaml.Node) {
	var refs []relRef
	for _, n := range list.Content {
		refs = p.entry(f, n, refs)
	}
	p.checkRelated(f, refs)
	p.checkExplains(f)
}

// entry parses the entry at n, adds it to f (and its fields to the doc, for the checks), and
// returns refs with the entry's related ids appended. A node that is no mapping is reported and
// skipped.
func (p *parser) entry(f *FAQ, n *yaml.Node, refs []relRef) []relRef {
	what := fmt.Sprintf("the entry on line %d", n.Line)
	if id := mappingValue(n, "id"); id != "" {
		what = fmt.Sprintf("entry %q", id)
	}
	m := p.fields(n, what, "id", "question", "variants", "keywords", "answer", "tips", "related", "sources", "explains")
	if n.Kind != yaml.MappingNode {
		return refs
	}
	e := Entry{Line: n.Line}
	e.ID = p.entryID(f, m, n, what)
	e.Question = p.required(m, n, "question", what)
	e.Answer = p.required(m, n, "answer", what)
	e.Variants = p.variants(m, n, what)
	e.Keywords = p.strs(m["keywords"], what+" keywords")
	e.Sources = p.sources(m["sources"], what)
	e.Tips = p.tips(m, n, what)
	e.Related, refs = p.related(m, e.ID, what, refs)
	e.Explains, e.explainsAt = p.explains(m, what)
	if e.ID != "" {
		if _, dup := f.byID[e.ID]; !dup {
			f.byID[e.ID] = len(f.Entries)
		}
	}
	f.Entries = append(f.Entries, e)
	p.doc.entries = append(p.doc.entries, m)
	return refs
}

// entryID returns the entry's id, reporting one that is missing, not kebab-case, or already
// used by an earlier entry of f.
func (p *parser) entryID(f *FAQ, m map[string]*yaml.Node, n *yaml.Node, what string) string {
	v, ok := m["id"]
	if !ok {
		p.add(n.Line, n.Column, "%s has no `id:`; add a short kebab-case id such as `muscle-strain`", what)
		return ""
	}
	id := p.str(v, "id", true)
	if id != "" && !idRE.MatchString(id) {
		p.add(v.Line, v.Column, "id %q should be lower-case words joined by dashes, like %q", id, kebab(id))
	}
	if first, dup := f.byID[id]; dup && id != "" {
		p.add(v.Line, v.Column, "id %q is used twice (also on line %d); ids must be unique", id, f.Entries[first].Line)
	}
	return id
}

// variants returns the entry's variants, reporting when they are missing or fewer than
// MinVariants.
func (p *parser) variants(m map[string]*yaml.Node, n *yaml.Node, what string) []string {
	v, ok := m["variants"]
	if !ok {
		p.add(n.Line, n.Column, "%s has no `variants:`; list at least %d other ways people ask it", what, MinVariants)
		return nil
	}
	vs := p.strs(v, what+" variants")
	if len(vs) < MinVariants {
		p.add(v.Line, v.Column, "%s has %d variants; add %d more ways people ask it (at least %d)", what, len(vs), MinVariants-len(vs), MinVariants)
	}
	return vs
}

// tips returns the entry's tips, reporting when they are missing or not 1 to MaxTips (blank
// items count).
func (p *parser) tips(m map[string]*yaml.Node, n *yaml.Node, what string) []string {
	v, ok := m["tips"]
	if !ok {
		p.add(n.Line, n.Column, "%s has no `tips:`; give 1 to %d short tips", what, MaxTips)
		return nil
	}
	tips := p.strs(v, what+" tips")
	if count := itemCount(v, len(tips)); count == 0 || count > MaxTips {
		p.add(v.Line, v.Column, "%s has %d tips; give 1 to %d short tips", what, count, MaxTips)
	}
	return tips
}

// related returns the ids the entry from lists as related, and refs with each of them appended
// so checkRelated can check them once every entry is known. A related that is no list is
// reported as such.
func (p *parser) related(m map[string]*yaml.Node, from, what string, refs []relRef) ([]string, []relRef) {
	var ids []string
	if v, ok := m["related"]; ok && v.Kind == yaml.SequenceNode {
		for _, c := range v.Content {
			if id := p.str(c, what+" related id", true); id != "" {
				ids = append(ids, id)
				refs = append(refs, relRef{id, c, from})
			}
		}
	} else if ok {
		p.strs(v, what+" related")
	}
	return ids, refs
}

// checkRelated reports related ids that name their own entry or no entry of f, suggesting the
// closest existing id.
func (p *parser) checkRelated(f *FAQ, refs []relRef) {
	ids := make([]string, 0, len(f.byID))
	for id := range f.byID {
		ids = append(ids, id)
	}
	for _, r := range refs {
		if r.id == r.from {
			p.add(r.node.Line, r.node.Column, "entry %q lists itself in related; remove it", r.from)
			continue
		}
		if _, ok := f.byID[r.id]; !ok {
			if s := closest(r.id, ids); s != "" {
				p.add(r.node.Line, r.node.Column, "related id %q does not exist; did you mean %q?", r.id, s)
			} else {
				p.add(r.node.Line, r.node.Column, "related id %q does not exist; use the id of another entry", r.id)
			}
		}
	}
}

func (p *parser) required(m map[string]*yaml.Node, entry *yaml.Node, key, what string) string {
	v, ok := m[key]
	if !ok {
		p.add(entry.Line, entry.Column, "%s has no `%s:`; add it", what, key)
		return ""
	}
	return p.str(v, what+" "+key, true)
}

func (p *parser) tests(f *FAQ, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, n.Column, "tests should be a list of `- question: ...` / `want: id` pairs")
		return
	}
	for _, c := range n.Content {
		m := p.fields(c, fmt.Sprintf("the test on line %d", c.Line), "question", "want")
		if c.Kind != yaml.MappingNode {
			continue
		}
		t := Test{Line: c.Line}
		t.Question = p.required(m, c, "question", "test")
		t.Want = p.required(m, c, "want", "test")
		if t.Want != "" {
			if _, ok := f.byID[t.Want]; !ok {
				p.add(m["want"].Line, m["want"].Column, "test wants id %q, which does not exist", t.Want)
			}
		}
		f.Tests = append(f.Tests, t)
	}
}

// itemCount is how many items list n has, blank ones included, or parsed when n is no list.
func itemCount(n *yaml.Node, parsed int) int {
	if n.Kind == yaml.SequenceNode {
		return len(n.Content)
	}
	return parsed
}

// isBlank reports whether n is an empty list item: a "-" with nothing after it, or "".
func isBlank(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || strings.TrimSpace(n.Value) == "")
}

// unquotedColon reports whether n is text with ": " in it that YAML read as a one-key mapping,
// such as the variant `- my back: it hurts`, and returns the text as written.
func unquotedColon(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return "", false
	}
	k, v := n.Content[0], n.Content[1]
	if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || k.Style != 0 || k.Line != v.Line {
		return "", false
	}
	return k.Value + ": " + v.Value, true
}

// mappingValue returns the scalar value of key in mapping n, or "".
func mappingValue(n *yaml.Node, key string) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return strings.TrimSpace(n.Content[i+1].Value)
		}
	}
	return ""
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest returns the candidate within a small edit distance of s, for "did you mean" hints.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(s, c); d < bestD || (d == bestD && c < best && best != "") {
			best, bestD = c, d
		}
	}
	if bestD > len(s)/2 {
		return ""
	}
	return best
}

func kebab(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
