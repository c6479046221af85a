package faq

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/agnivade/levenshtein"
	"github.com/backpainbot/backpainbot/faq/text"
	"gopkg.in/yaml.v3"
)

// Evaluation sets live in two folders. testdata/dev holds what the matcher may be tuned on;
// testdata/test holds sealed sets, written blind to the FAQ, that tests only measure, printing
// aggregate figures and never a message.
const (
	devDir  = "testdata/dev"
	testDir = "testdata/test"
)

// evalSet is a set of short questions, each with the entry it should reach, and off-topic ones.
type evalSet struct {
	Questions []struct {
		ID string `yaml:"id"`
		Q  string `yaml:"q"`
	} `yaml:"questions"`
	OutOfDomain []string `yaml:"out_of_domain"`
}

// realSet is a set of messages copied from public pages, each labelled with the entry that
// answers it, "uncovered" (about back pain, but no entry fits) or "none" (not about back pain).
type realSet struct {
	Messages []realMessage `yaml:"messages"`
}

type realMessage struct {
	Text   string   `yaml:"text"`
	Source string   `yaml:"source"`
	Label  string   `yaml:"label"`
	Also   []string `yaml:"also"`
	Future string   `yaml:"future"`
	Cut    bool     `yaml:"cut"`      // the text is the start of a longer post
	Red    bool     `yaml:"red_flag"` // a red flag triage should raise
}

// labelFor is the message's label against f. A message labelled "uncovered" whose `future`
// topic f now has an entry for counts as that entry's; `future` is also a fair answer beside
// the label otherwise. So the labels written once, before an entry existed, stay as written.
func (m realMessage) labelFor(f *FAQ) string {
	if m.Future == "" || m.Label == labelNone {
		return m.Label
	}
	if _, ok := f.Entry(m.Future); !ok {
		return m.Label
	}
	if m.Label == labelUncovered {
		return m.Future
	}
	return m.Label
}

const (
	labelUncovered = "uncovered"
	labelNone      = "none"
)

// readSet decodes path into v strictly. It reports ok=false when the file does not exist yet.
func readSet(t testing.TB, path string, v any) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return true
}

func loadEval(t testing.TB, path string) evalSet {
	t.Helper()
	var set evalSet
	if !readSet(t, path, &set) {
		t.Fatalf("%s: missing", path)
	}
	return set
}

// plainWords is the normalisation used to compare questions: lower case, words only.
func plainWords(s string) string { return text.PlainWords(s) }

// nearCopy reports whether two normalised texts are within a small edit distance: 10% of the
// longer one, and at least 3 characters once it is 18 or longer (short texts, such as a keyword,
// must be nearer: "firm" is not a copy of "fire"). A histogram bound skips most pairs cheaply.
func nearCopy(a, b string) bool {
	n := max(len(a), len(b))
	limit := max(n/10, min(3, n/6))
	if max(len(a)-len(b), len(b)-len(a)) > limit || letterGap(a, b) > limit {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= limit
}

// letterGap is a lower bound on the edit distance of a and b from their byte counts.
func letterGap(a, b string) int {
	var h [256]int
	for i := 0; i < len(a); i++ {
		h[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		h[b[i]]--
	}
	plus, minus := 0, 0
	for _, n := range h {
		if n > 0 {
			plus += n
		} else {
			minus -= n
		}
	}
	return max(plus, minus)
}

// phrasings returns every FAQ phrasing (question, variant, keyword), normalised, with its entry.
func phrasings(f *FAQ) map[string]string {
	out := map[string]string{}
	for _, e := range f.Entries {
		for _, v := range append(append([]string{e.Question}, e.Variants...), e.Keywords...) {
			out[plainWords(v)] = e.ID
		}
	}
	return out
}

// nearCopies counts the texts that are near copies of one of refs. When verbose (only ever for
// dev sets) it logs each text with what it copies; otherwise it logs only the refs that were hit,
// our own phrasings, so they can be reworded without anyone reading a sealed message.
func nearCopies(t *testing.T, texts []string, refs map[string]string, verbose bool) int {
	n := 0
	for _, s := range texts {
		p := plainWords(s)
		for r, from := range refs {
			if !nearCopy(p, r) {
				continue
			}
			n++
			if verbose {
				t.Logf("near copy of %s: %q ~ %q", from, p, r)
			} else {
				t.Logf("a sealed message is a near copy of %s phrasing %q", from, r)
			}
			break
		}
	}
	return n
}

// texts lists every question and message of the sets.
func (s evalSet) texts() []string {
	out := append([]string(nil), s.OutOfDomain...)
	for _, q := range s.Questions {
		out = append(out, q.Q)
	}
	return out
}

func (s realSet) texts() []string {
	var out []string
	for _, m := range s.Messages {
		out = append(out, m.Text)
	}
	return out
}
