package triage

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var decoyDict = flag.String("decoys.dict", "", "word list to read for decoys (see data/decoys.txt)")

// TestFindDecoys remakes the decoy list: it prints every word of -decoys.dict that typo correction
// would read as a lexicon word if there were no decoys. It runs only when given a word list:
//
//	go test ./bot/triage -run TestFindDecoys -v -args -decoys.dict /usr/share/dict/british-english
func TestFindDecoys(t *testing.T) {
	if *decoyDict == "" {
		t.Skip("no -decoys.dict word list")
	}
	saved := decoys
	decoys = ""
	defer func() { decoys = saved }()
	d := detector()
	data, err := os.ReadFile(*decoyDict)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range strings.Fields(string(data)) {
		if len(w) < 4 || strings.ToLower(w) != w || strings.ContainsAny(w, "'-.") {
			continue
		}
		if toks := d.an.Analyze(w, nil); len(toks) == 1 && toks[0].Fuzzy {
			out = append(out, w+"->"+d.an.Stem(toks[0].Term))
		}
	}
	t.Logf("%d words:\n%s", len(out), strings.Join(out, " "))
}

// The decoys keep common words from being read as misspelt red-flag words.
func TestDecoys(t *testing.T) {
	d := detector()
	for _, w := range strings.Fields(decoys) {
		for _, tok := range d.an.Analyze(w, nil) {
			if tok.Fuzzy {
				t.Errorf("decoy %q is read as a typo of %q", w, d.an.Stem(tok.Term))
			}
		}
	}
	for _, typo := range []string{"bowl", "bowls", "groan"} {
		if strings.Contains(" "+decoys+" ", " "+typo+" ") {
			t.Errorf("%q is a decoy; people type it for a red-flag word", typo)
		}
	}
}
