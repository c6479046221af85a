package triage

import (
	"fmt"
	"math/bits"
)

// Lowerings (rules.yaml `lower:`) are context rules judged after the rules: on a message whose
// most urgent flag is an emergency, a lowering whose `when:` holds of the message, whose `check:`
// holds at every word where an emergency rule fires, and whose `anchor:` holds at one such word
// of each emergency flag raised, gives the emergency up for the most urgent doctor flag raised,
// or for its own `to:` flag. Moderators' emergency phrases are never lowered: they only add.

// lowering is one entry of rules.yaml `lower:`, compiled.
type lowering struct {
	id       string
	to       int   // index into flags: a doctor flag
	when     check // judged once on the whole message, before any word
	check    check // judged at every word where an emergency rule fires
	anchor   check // must hold at one word of each emergency flag raised
	fire, ok []string
}

type lowerYAML struct {
	ID      string   `yaml:"id"`
	To      string   `yaml:"to"`
	When    string   `yaml:"when"`
	Check   string   `yaml:"check"`
	Anchor  string   `yaml:"anchor"`
	Catches string   `yaml:"catches"`
	Fire    []string `yaml:"fire"`
	OK      []string `yaml:"ok"`
}

// lowerings reads rules.yaml `lower:` into rs.
func (rr ruleReader) lowerings(ys []lowerYAML, rs *ruleSet) error {
	for _, y := range ys {
		to, ok := rs.byID[y.To]
		if !ok || rs.flags[to].Tier != Doctor {
			return fmt.Errorf("lowering %s: to: %q is no doctor flag", y.ID, y.To)
		}
		c, ok := checks[y.Check]
		w, okWhen := checks[y.When]
		a, okAnchor := checks[y.Anchor]
		if !ok || !okWhen || !okAnchor || y.Catches == "" {
			return fmt.Errorf("lowering %s: needs a known when:, check: and anchor: and catches: in plain words", y.ID)
		}
		rs.lower = append(rs.lower, lowering{id: y.ID, to: to, when: w, check: c, anchor: a, fire: y.Fire, ok: y.OK})
	}
	rs.doctorBits = rs.tierBits(Doctor)
	for _, id := range []string{"moderator-emergency", "moderator-doctor"} {
		if i, ok := rs.byID[id]; ok {
			rs.modBits |= 1 << i
		}
	}
	return nil
}

// lowered returns flag c, or the flag a lowering gives an emergency c up for.
func (rs *ruleSet) lowered(s *scratch, c int) int {
	if c < 0 || rs.flags[c].Tier != Emergency || s.raised&rs.modBits != 0 {
		return c
	}
	for _, lw := range rs.lower {
		if lw.when(s, 0) && rs.everyEmergency(s, &lw) {
			if doc := s.raised & rs.doctorBits &^ rs.modBits; doc != 0 {
				return bits.TrailingZeros32(doc)
			}
			return lw.to
		}
	}
	return c
}

// everyEmergency reports that lw's check holds at every word where a raised emergency rule
// holds, and its anchor at one such word of each emergency flag.
func (rs *ruleSet) everyEmergency(s *scratch, lw *lowering) bool {
	var raised, anchored uint32
	for ri := range rs.rules {
		r := &rs.rules[ri]
		if rs.flags[r.flag].Tier != Emergency || s.raised&(1<<r.flag) == 0 {
			continue
		}
		raised |= 1 << r.flag
		at := s.hot
		switch {
		case r.message:
			at = []int32{0}
		case r.number:
			at = s.nums
		}
		for _, i := range at {
			if !(r.message || r.number || s.info[i].feat&r.on != 0) || !r.holds(s, int(i)) {
				continue
			}
			if !lw.check(s, int(i)) {
				return false
			}
			if anchored&(1<<r.flag) == 0 && lw.anchor(s, int(i)) {
				anchored |= 1 << r.flag
			}
		}
	}
	return raised&^anchored == 0
}

// tierBits returns one bit per flag of tier t.
func (rs *ruleSet) tierBits(t Tier) uint32 {
	var b uint32
	for i := range rs.flags {
		if rs.flags[i].Tier == t {
			b |= 1 << i
		}
	}
	return b
}
