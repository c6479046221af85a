package faq

import "testing"

// crossValidate removes the k-th variant of every entry, k = 0, 1, ..., matches the removed
// variants against the rest, and returns how many land first on their own entry.
func crossValidate(f *FAQ) (right, total int) {
	for k := 0; ; k++ {
		g := *f
		g.Entries = make([]Entry, len(f.Entries))
		var qs []string
		var want []string
		for i, e := range f.Entries {
			g.Entries[i] = e
			if k < len(e.Variants) {
				qs = append(qs, e.Variants[k])
				want = append(want, e.ID)
				g.Entries[i].Variants = append(append([]string(nil), e.Variants[:k]...), e.Variants[k+1:]...)
			}
		}
		if len(qs) == 0 {
			return
		}
		ix := NewIndex(&g)
		for i, q := range qs {
			if ix.Match(q).Best.ID == want[i] {
				right++
			}
			total++
		}
	}
}

// TestCrossValidate measures how the matcher generalises on the FAQ's own phrasings: each
// variant is matched against an index built without it. The floor is what it holds today.
func TestCrossValidate(t *testing.T) {
	right, total := crossValidate(Default())
	rate := float64(right) / float64(total)
	t.Logf("cross-validated top-1: %.1f%% (%d/%d variants matched with themselves left out)", 100*rate, right, total)
	if rate < 0.88 {
		t.Errorf("cross-validated top-1 %.1f%%, want at least 88%%", 100*rate)
	}
}
