package triage

import (
	"fmt"
	"testing"
)

// openGaps are the product targets triage does not meet yet, each with the open issue that
// tracks it. A listed target that is missed is reported as an open gap (the log says by how
// much) instead of failing, so the rest of the suite still guards every change; a listed target
// that is met fails, so the entry is struck the day its gap closes. The floors never move, and a
// target not listed here fails as usual. The README's triage table prints the same figures.
var openGaps = map[string]string{
	"dev/real8 emergency":   "issue 10", // round-11 real holdout, spent into dev in round 13
	"dev/real13 calm":       "issue 10",
	"dev/para15 emergency":  "issue 10", // round-15 variations written knowing the rules (tgen)
	"dev/real14 emergency":  "issue 10",
	"dev/real15 emergency":  "issue 10",
	"dev/real15 doctor":     "issue 10",
	"dev/blind18 emergency": "issue 10", // round-16 holdouts, judged, then read: dev from round 17
	"dev/blind18 calm":      "issue 10",
	"dev/real16 emergency":  "issue 10",
	"dev/real16 doctor":     "issue 10",
	"dev/real16 calm":       "issue 10",
	"dev/blind19 emergency": "issue 10", // late round-16 blind holdout: measured, not tuned on
	"dev/blind19 calm":      "issue 10",
	"test/real emergency":   "issue 10",
	"test/real doctor":      "issue 10",
	"test/real calm":        "issue 10",
	"test/sealed emergency": "issue 10",
}

// holdTarget checks one product target: met says whether the figure reaches it.
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
