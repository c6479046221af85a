package triage

import (
	"strings"
	"testing"
)

// TestLowerExamples runs every example of rules.yaml `lower:`: each `fire:` message is an
// emergency by the rules and gets the doctor tier once lowered; each `ok:` near miss stays an
// emergency.
func TestLowerExamples(t *testing.T) {
	d := detector()
	for _, lw := range rules.lower {
		t.Run(lw.id, func(t *testing.T) {
			if len(lw.fire) == 0 || len(lw.ok) == 0 {
				t.Errorf("lowering %s needs fire: and ok: examples", lw.id)
			}
			for _, m := range lw.fire {
				if !emergencyByRules(d, m) {
					t.Errorf("fire: %q: no emergency rule fires, so nothing is lowered", m)
				}
				if got := d.Check(m); got.Tier != Doctor {
					t.Errorf("fire: %q: got %v (%s), want doctor", m, got.Tier, got.Category)
				}
			}
			for _, m := range lw.ok {
				if got := d.Check(m); got.Tier != Emergency {
					t.Errorf("ok: %q: got %v (%s), want emergency", m, got.Tier, got.Category)
				}
			}
		})
	}
}

// emergencyByRules reports that some emergency rule fires on m, before any lowering.
func emergencyByRules(d *Detector, m string) bool {
	for _, id := range d.fired(lower(m)) {
		for _, r := range rules.rules {
			if r.id == id && rules.flags[r.flag].Tier == Emergency {
				return true
			}
		}
	}
	return false
}

// A lowering must name a doctor flag and a known check.
func TestLowerFile(t *testing.T) {
	for _, bad := range []string{
		"flags: [{id: x, name: x, tier: emergency, why: y}]\\nlower: [{id: l, to: x, when: past-story, check: past-emergency, anchor: past-anchored, catches: c}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nlower: [{id: l, to: nope, when: past-story, check: past-emergency, anchor: past-anchored, catches: c}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nlower: [{id: l, to: x, when: past-story, check: nope, catches: c}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nlower: [{id: l, to: x, check: past-emergency, anchor: past-anchored, catches: c}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nlower: [{id: l, to: x, when: past-story, check: past-emergency, catches: c}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nlower: [{id: l, to: x, when: past-story, check: past-emergency, anchor: past-anchored}]",
	} {
		if _, err := parseRules([]byte(strings.ReplaceAll(bad, `\n`, "\n")), lex); err == nil {
			t.Errorf("parseRules(%q) accepted a broken lowering", bad)
		}
	}
}
