package faq

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestZZPaths(t *testing.T) {
	ix := NewIndex(Default())
	for _, name := range devRealSets {
		var set realSet
		readSet(t, filepath.Join(devDir, name), &set)
		for _, msg := range set.Messages {
			lab := msg.labelFor(ix.faq)
			m := ix.Match(msg.Text)
			if m.Band == NoMatch {
				continue
			}
			sc := ix.scratch.Get().(*scratch)
			ix.read(sc, msg.Text)
			d := ix.signs(sc.toks)
			if d.back || d.spine {
				continue
			}
			fmt.Printf("%v %s %.2f %s sym%v pain%v care%v ther%v post%v exer%v bc%v\n  %.100q\n", lab == labelNone, name, m.Best.Score, m.Best.ID, d.symptom, d.pain, d.care, d.therapy, d.posture, d.exertion, d.backCare, msg.Text)
		}
	}
}
