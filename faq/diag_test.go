package faq

import (
	"os"
	"sort"
	"testing"
)

func TestDiag(t *testing.T) {
	if os.Getenv("DIAG") == "" {
		t.Skip()
	}
	ix := NewIndex(Default())
	set := loadEval(t, os.Getenv("DIAG"))
	rank1 := 0
	var in, ood []float64
	for _, q := range set.Questions {
		m := ix.Match(q.Q)
		if m.Best.ID == q.ID {
			rank1++
			in = append(in, m.Best.Score)
		} else {
			t.Logf("rank miss: %q want %s got %s %.2f", q.Q, q.ID, m.Best.ID, m.Best.Score)
			in = append(in, -1)
		}
	}
	for _, q := range set.OutOfDomain {
		m := ix.Match(q)
		ood = append(ood, m.Best.Score)
	}
	sort.Float64s(in)
	sort.Float64s(ood)
	t.Logf("rank-1 %d/%d", rank1, len(set.Questions))
	for _, th := range []float64{0.44, 0.45, 0.46, 0.47, 0.48, 0.49} {
		a, r := 0, 0
		for _, s := range in {
			if s >= th {
				a++
			}
		}
		for _, s := range ood {
			if s < th {
				r++
			}
		}
		t.Logf("th %.2f: acc %.1f%% rej %.1f%%", th, 100*float64(a)/float64(len(in)), 100*float64(r)/float64(len(ood)))
	}
	t.Logf("ood top scores: %v", ood[len(ood)-8:])
}
