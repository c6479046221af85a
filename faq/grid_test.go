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

func rates(in, ood []float64, th float64) (float64, float64) {
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
	return float64(a) / float64(len(in)), float64(r) / float64(len(ood))
}

func balanced(in, ood []float64) (th, m, a, r float64) {
	for t := 0.2; t < 0.7; t += 0.01 {
		fa, fr := rates(in, ood, t)
		if min(fa, fr) > m {
			m, th, a, r = min(fa, fr), t, fa, fr
		}
	}
	return
}

func TestGrid(t *testing.T) {
	if os.Getenv("GRID") == "" {
		t.Skip()
	}
	f := Default()
	set := loadEval(t, "testdata/eval.yaml")
	hold := loadEval(t, "testdata/holdout.yaml")
	var rows []string
	for _, u := range []float32{0.7, 1.0, 1.4} {
		for _, p := range []float32{0.3, 0.6} {
			for _, kc := range []float32{0.2, 0.4} {
				for _, ab := range []float64{0, 0.1} {
					for _, sh := range [][3]float64{{0.55, 0.3, 0.15}, {0.4, 0.45, 0.15}, {0.3, 0.6, 0.1}} {
						unknownShare, priorShare, keywordCentrality, anchorBonus = u, p, kc, ab
						phraseShare, centralShare, textShare = sh[0], sh[1], sh[2]
						ix := NewIndex(f)
						in, ood := evalPoints(ix, set)
						th, m, a, r := balanced(in, ood)
						hin, hood := evalPoints(ix, hold)
						ha, hr := rates(hin, hood, th)
						rows = append(rows, fmt.Sprintf("%.3f u=%.1f p=%.1f kc=%.1f ab=%.1f sh=%v th=%.2f acc=%.3f rej=%.3f | holdout acc=%.3f rej=%.3f", m, u, p, kc, ab, sh, th, a, r, ha, hr))
					}
				}
			}
		}
	}
	sort.Strings(rows)
	for _, r := range rows[len(rows)-15:] {
		t.Log(r)
	}
}
