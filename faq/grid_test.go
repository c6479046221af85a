package faq

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func evalPoints(ix *Index, set evalSet) (in, ood []float64) {
	for _, q := range set.Questions {
		m := ix.Match(q.Q)
		if m.Best.ID == q.ID {
			in = append(in, m.Best.Score)
		} else {
			in = append(in, -1)
		}
	}
	for _, q := range set.OutOfDomain {
		ood = append(ood, ix.Match(q).Best.Score)
	}
	return
}

func balanced(in, ood []float64) (float64, float64, float64, float64) {
	bestTh, bestMin, ba, br := 0.0, 0.0, 0.0, 0.0
	for th := 0.2; th < 0.7; th += 0.01 {
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
		fa, fr := float64(a)/float64(len(in)), float64(r)/float64(len(ood))
		if min(fa, fr) > bestMin {
			bestMin, bestTh, ba, br = min(fa, fr), th, fa, fr
		}
	}
	return bestTh, bestMin, ba, br
}

func TestGrid(t *testing.T) {
	if os.Getenv("GRID") == "" {
		t.Skip()
	}
	f := Default()
	set := loadEval(t, "testdata/eval.yaml")
	var rows []string
	for _, u := range []float32{0.5, 0.7, 1.0} {
		for _, p := range []float32{0.1, 0.3, 0.5} {
			for _, sh := range [][3]float64{{0.55, 0.3, 0.15}, {0.4, 0.4, 0.2}, {0.7, 0.2, 0.1}, {0.4, 0.5, 0.1}, {0.5, 0.3, 0.2}} {
				unknownShare, priorShare = u, p
				phraseShare, centralShare, textShare = sh[0], sh[1], sh[2]
				ix := NewIndex(f)
				in, ood := evalPoints(ix, set)
				th, m, a, r := balanced(in, ood)
				rows = append(rows, fmt.Sprintf("%.3f u=%.1f p=%.1f sh=%v th=%.2f acc=%.3f rej=%.3f", m, u, p, sh, th, a, r))
			}
		}
	}
	sort.Strings(rows)
	for _, r := range rows[len(rows)-12:] {
		t.Log(r)
	}
}
