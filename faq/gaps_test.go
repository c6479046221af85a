package faq

import (
	"fmt"
	"testing"
)

// openGaps are the product targets the matcher does not meet yet on the sealed sets, each with
// the open issue that tracks it. A listed target that is missed is reported as an open gap (the
// test log says so and by how much) instead of failing, so the rest of the suite guards every
// other change; a listed target that is met fails, so the entry is struck the day its gap closes.
// The floors themselves never move, and a target not listed here fails as usual. The README's
// matcher section prints the same figures.
var openGaps = map[string]string{
	"new-topics2.yaml top-1": "issue 14", // the round-14 entry prescribed-treatment and its neighbours
}

// holdTarget checks one product target: met says whether the figure reaches it, and the
// message says what was measured against what was wanted.
func holdTarget(t *testing.T, key string, met bool, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	issue, open := openGaps[key]
	switch {
	case met && open:
		t.Errorf("%s: %s, so the target is met: remove %q from openGaps and the README's gap note", key, msg, key)
	case !met && open:
		t.Logf("OPEN GAP (%s) %s: %s", issue, key, msg)
	case !met:
		t.Errorf("%s: %s", key, msg)
	}
}
