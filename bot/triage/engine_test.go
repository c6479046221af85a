package triage

import (
	"slices"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/text"
)

// fired returns the ids of the rules that fire on text.
func (d *Detector) fired(text string) []string {
	s := new(scratch)
	d.read(s, lower(text))
	d.findPhrases(s)
	d.negate(s)
	var ids []string
	rules.judge(s, func(ri int) { ids = append(ids, rules.rules[ri].id) })
	return ids
}

// TestRuleExamples runs every example of data/rules.yaml: each `fire:` message must make its
// rule fire, and each `ok:` near miss must not.
func TestRuleExamples(t *testing.T) {
	d := detector()
	for _, r := range rules.rules {
		t.Run(r.id, func(t *testing.T) {
			if len(r.fire) == 0 && !strings.HasPrefix(r.id, "moderator-") {
				t.Errorf("rule %s has no fire: example", r.id)
			}
			for _, m := range r.fire {
				if got := d.fired(text.Normalize(m)); !slices.Contains(got, r.id) {
					t.Errorf("fire: %q: rule did not fire (fired: %v)", m, got)
				}
			}
			for _, m := range r.ok {
				if got := d.fired(text.Normalize(m)); slices.Contains(got, r.id) {
					t.Errorf("ok: %q: rule fired", m)
				}
			}
		})
	}
}

// Moderators' rules fire on their phrases.
func TestModeratorRules(t *testing.T) {
	d := New(faq.RedFlags{Emergency: []string{"saddle anaesthesia"}, Doctor: []string{"night sweats"}})
	for _, tt := range []struct{ text, rule string }{
		{"i think i have saddle anaesthesia", "moderator-emergency"},
		{"drenching night sweats lately", "moderator-doctor"},
	} {
		if got := d.fired(tt.text); !slices.Contains(got, tt.rule) {
			t.Errorf("%q: fired %v, want %s", tt.text, got, tt.rule)
		}
	}
}

// Every flag has a rule, and every rule's flag has a tier and a why.
func TestRuleFile(t *testing.T) {
	used := map[int]bool{}
	for _, r := range rules.rules {
		used[r.flag] = true
	}
	for _, lw := range rules.lower {
		used[lw.to] = true // a lowering's flag: what an emergency told as over becomes
	}
	for i, f := range rules.flags {
		if !used[i] {
			t.Errorf("flag %s has no rule", f.ID)
		}
		if f.Tier == None || f.Why == "" || strings.Contains(f.Why, "\n") {
			t.Errorf("flag %s is incomplete: %+v", f.ID, f)
		}
	}
	for _, bad := range []string{
		"flags: [{id: x, name: x, tier: calm, why: y}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nrules: [{id: r, flag: nope, catches: c, on: [numb]}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nrules: [{id: r, flag: x, catches: c, on: [numbb]}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nrules: [{id: r, flag: x, catches: c, on: [numb], check: [nope]}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nrules: [{id: r, flag: x, on: [numb]}]",
		"flags: [{id: x, name: x, tier: doctor, why: y}]\\nrules: [{id: r, flag: x, catches: c, on: [numb], near: [{any: [weak]}]}]",
	} {
		if _, err := parseRules([]byte(strings.ReplaceAll(bad, `\n`, "\n")), lex); err == nil {
			t.Errorf("parseRules(%q) accepted a broken rule file", bad)
		}
	}
}
