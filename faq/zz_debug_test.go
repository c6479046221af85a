package faq

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestZZSigns(t *testing.T) {
	ix := NewIndex(Default())
	for _, name := range devRealSets {
		var set realSet
		readSet(t, filepath.Join(devDir, name), &set)
		for _, msg := range set.Messages {
			if msg.labelFor(ix.faq) != labelNone {
				continue
			}
			m := ix.Match(msg.Text)
			if m.Band == NoMatch {
				continue
			}
			sc := ix.scratch.Get().(*scratch)
			ix.read(sc, msg.Text)
			d := ix.signs(sc.toks)
			d.elsewhere = ix.painElsewhere(sc.toks, sc.ends)
			d.several = sc.sents >= 2
			fmt.Printf("%s %.2f %s %+v\n  %.90q\n", name, m.Best.Score, m.Best.ID, d, msg.Text)
		}
	}
}
