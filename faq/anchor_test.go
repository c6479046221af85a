package faq

import (
	"os"
	"testing"
)

func TestAnchors(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	ix := NewIndex(Default())
	n := len(ix.entries)
	df := map[int32]int{}
	for _, e := range ix.entries {
		for _, t := range e.bag.terms {
			df[t]++
		}
	}
	for term, d := range df {
		if d*4 >= n {
			t.Logf("%s %d", ix.an.Stem(term), d)
		}
	}
}
