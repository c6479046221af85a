package triage

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/text"
)

var genExamples = flag.String("lexicon.gen", "", "write proposed examples for unneeded lexicon entries to this file")

var templates = map[string][]string{
	"saddle":        {"my %s feels numb", "numbness in my %s", "my %s is numb", "%s numb", "numb %s"},
	"wipe":          {"it feels numb when i %s", "%s feels weird and numb"},
	"toilet":        {"cant feel anything on the %s", "numb when i sit on the %s", "cant hold it on the way to the %s"},
	"linen":         {"had an accident in my %s", "lost control and wet my %s"},
	"numb":          {"%s in my left leg", "my foot has %s", "%s down my right side"},
	"weak":          {"my left leg feels %s", "my legs feel %s"},
	"heavy":         {"my right leg feels %s", "my legs feel %s"},
	"leg":           {"my %s feels weak", "my %s is numb", "both %s numb"},
	"foot":          {"my %s feels weak", "my %s is numb", "both %s numb"},
	"both":          {"numbness in %s legs", "sciatica %s", "weakness in %s of my legs"},
	"sciatica":      {"%s on both sides", "%s in both legs"},
	"chest":         {"pain in my %s and back", "my %s hurts"},
	"chest-quality": {"my chest feels %s", "%s in my chest"},
	"band":          {"pain like a %s around my chest"},
	"thoracic":      {"pain %s", "pain between my %s", "pain in my %s"},
	"sex-weak":      {"%s feels numb", "numb during %s"},
	"minor-fall":    {"i have osteoporosis and i %s", "i have osteoporosis and %s"},
	"rest":          {"the pain is worse when %s", "it hurts even when %s"},
	"not-easing":    {"the pain is %s", "pain %s"},
	"night":         {"the pain is worse at %s", "pain every %s"},
	"night-wake":    {"the back pain %s", "back pain %s"},
	"night-pain":    {"%s", "i have %s"},
	"first":         {"im 72 and this pain is %s", "im 72 and it is %s", "im 16 and the pain is %s"},
	"lose":          {"%s control of my bladder", "%s feeling in my groin"},
	"problem":       {"my groin feels %s", "%s with my bladder"},
	"worse":         {"the pain is %s when lying down", "%s at night"},
	"height":        {"slid off the %s", "came off the %s", "landed on the %s"},
	"descent":       {"%s the roof", "%s the ladder"},
	"pain":          {"%s in my chest", "%s in my chest and back"},
	"benefit":       {"losing weight would %s my back", "losing weight to %s my back"},
	"toilet+x":      {},
}

var generic = []string{"%s and my back hurts", "i have %s and my back hurts", "my back hurts, %s", "%s"}

// plain turns a lexicon entry into words a person would type: the first alternative of each
// brace, optional parts left out, "=" dropped.
func plain(w string) string {
	var b strings.Builder
	for len(w) > 0 {
		i := strings.IndexByte(w, '{')
		if i < 0 {
			b.WriteString(w)
			break
		}
		b.WriteString(w[:i])
		j := strings.IndexByte(w, '}')
		alts := strings.Split(w[i+1:j], "|")
		w = w[j+1:]
		if strings.HasPrefix(w, "?") {
			w = w[1:]
			continue
		}
		b.WriteString(alts[0])
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "=", "")), " ")
}

func TestGenerateExamples(t *testing.T) {
	if *genExamples == "" {
		t.Skip("run with -args -lexicon.gen FILE")
	}
	msgs := ablationMessages(t)
	full := New(faq.RedFlags{})
	verdicts := func(d *Detector) []Result {
		out := make([]Result, len(msgs))
		for i, m := range msgs {
			out[i] = d.Check(m)
		}
		return out
	}
	var out strings.Builder
	type item struct {
		gi   int // -1 for a cancel
		keys []int
	}
	var unfound []item
	var examples []string
	for gi, g := range lex.entries {
		names := lex.conceptNames(g.f)
		byStem := map[string][]int{}
		var order []string
		for wi, w := range g.words {
			key := w
			if !strings.ContainsAny(w, " {=") {
				key = text.Stem(w)
			}
			if _, ok := byStem[key]; !ok {
				order = append(order, key)
			}
			byStem[key] = append(byStem[key], wi)
		}
		for _, key := range order {
			l := *lex
			l.entries = slices.Clone(lex.entries)
			var kept []string
			for wi, w := range g.words {
				if !slices.Contains(byStem[key], wi) {
					kept = append(kept, w)
				}
			}
			l.entries[gi].words = kept
			without := newDetector(&l, faq.RedFlags{})
			if !slices.Equal(verdicts(without), verdicts(full)) {
				continue
			}
			word := plain(g.words[byStem[key][0]])
			var tpls []string
			for _, n := range names {
				tpls = append(tpls, templates[n]...)
			}
			tpls = append(tpls, generic...)
			found := ""
			for _, tp := range tpls {
				m := fmt.Sprintf(tp, word)
				nm := text.Normalize(m)
				if full.Check(nm).Tier != None && without.Check(nm) != full.Check(nm) {
					found = m
					break
				}
			}
			if found == "" {
				unfound = append(unfound, item{gi, byStem[key]})
				continue
			}
			examples = append(examples, text.Normalize(found))
			fmt.Fprintf(&out, "%d\t+\t%s\n", gi, found)
		}
	}
	for ci, c := range lex.cancels {
		l := *lex
		l.cancels = slices.Delete(slices.Clone(lex.cancels), ci, ci+1)
		without := newDetector(&l, faq.RedFlags{})
		m := plain(c) + " and my back hurts"
		nm := text.Normalize(m)
		if full.Check(nm).Tier == None && without.Check(nm).Tier != None {
			examples = append(examples, nm)
			fmt.Fprintf(&out, "c\t+\t%s\n", m)
		} else if slices.Equal(verdicts(without), verdicts(full)) {
			unfound = append(unfound, item{-1, []int{ci}})
		}
	}
	// Drop, one at a time, each entry that no message or example needs.
	msgs = append(msgs, examples...)
	want := verdicts(full)
	cur := *lex
	cur.entries = slices.Clone(lex.entries)
	for i := range cur.entries {
		cur.entries[i].words = slices.Clone(lex.entries[i].words)
	}
	cur.cancels = slices.Clone(lex.cancels)
	dropW := map[int]map[string]bool{}
	dropC := map[string]bool{}
	for _, it := range unfound {
		l := cur
		l.entries = slices.Clone(cur.entries)
		var gone []string
		if it.gi >= 0 {
			g := lex.entries[it.gi]
			for _, k := range it.keys {
				gone = append(gone, g.words[k])
			}
			l.entries[it.gi].words = slices.DeleteFunc(slices.Clone(cur.entries[it.gi].words), func(w string) bool { return slices.Contains(gone, w) })
		} else {
			gone = []string{lex.cancels[it.keys[0]]}
			l.cancels = slices.DeleteFunc(slices.Clone(cur.cancels), func(c string) bool { return c == gone[0] })
		}
		if !slices.Equal(verdicts(newDetector(&l, faq.RedFlags{})), want) {
			continue
		}
		cur = l
		for _, w := range gone {
			if it.gi >= 0 {
				if dropW[it.gi] == nil {
					dropW[it.gi] = map[string]bool{}
				}
				dropW[it.gi][w] = true
				fmt.Fprintf(&out, "%d\tdrop\t%s\n", it.gi, w)
			} else {
				dropC[w] = true
				fmt.Fprintf(&out, "c\tdrop\t%s\n", w)
			}
		}
	}
	os.WriteFile(*genExamples, []byte(out.String()), 0o644)
}
