package faq

import (
	"fmt"
	"os"
	"testing"
)

func TestZZToks(t *testing.T) {
	ix := NewIndex(Default())
	msg := os.Getenv("ZZMSG")
	if msg == "" {
		t.Skip()
	}
	sc := ix.scratch.Get().(*scratch)
	ix.read(sc, msg)
	for i, tk := range sc.toks {
		c := ix.classOf(tk, tk.Tags)
		if c != 0 || tk.Tags&(kindCare|kindTherapy|kindPosture|kindTrouble|kindOther|kindInjury) != 0 {
			fmt.Printf("%d %q stop=%v syn=%v class=%b care=%v post=%v other=%v\n", i, tk.Word, tk.Stop, tk.Synonym, c, tk.Tags&kindCare != 0, tk.Tags&kindPosture != 0, tk.Tags&kindOther != 0)
		}
	}
	m := ix.Match(msg)
	fmt.Println(m.Band, m.Best.ID, m.Best.Score)
}
