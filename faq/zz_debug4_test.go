package faq

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestZZElse(t *testing.T) {
	ix := NewIndex(Default())
	for _, name := range devRealSets {
		var set realSet
		readSet(t, filepath.Join(devDir, name), &set)
		for _, msg := range set.Messages {
			m := ix.Match(msg.Text)
			sc := ix.scratch.Get().(*scratch)
			ix.read(sc, msg.Text)
			d := ix.signs(sc.toks)
			d.elsewhere = ix.painElsewhere(sc.toks, sc.ends)
			if d.elsewhere && d.spine {
				fmt.Printf("%v %s %.2f %s %s\n  %.200q\n", msg.labelFor(ix.faq), name, m.Best.Score, m.Best.ID, m.Band, msg.Text)
			}
		}
	}
}
