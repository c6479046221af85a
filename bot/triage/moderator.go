package triage

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/text"
)

// MaxCalmRaised is the share of the built-in calm corpus one moderator phrase may raise to its
// tier. Above it the phrase is too broad ("pain" would raise every message) and is refused.
const MaxCalmRaised = 0.01

// The built-in calm corpus is every calm message of the dev data sets: messages about ordinary
// back pain that must stay calm. Moderators' red-flag phrases are tried against it.
//
//go:embed testdata/dev/*.yaml
var devSets embed.FS

// calmCorpus returns the built-in calm messages, normalised as the bot reads them.
var calmCorpus = sync.OnceValue(func() []string {
	var out []string
	paths, _ := fs.Glob(devSets, "testdata/dev/*.yaml")
	for _, p := range paths {
		data, _ := devSets.ReadFile(p)
		var f struct {
			None    []string `yaml:"none"`
			Calm    []string `yaml:"calm"`
			Stories []struct {
				Text string `yaml:"text"`
				Tier string `yaml:"tier"`
			} `yaml:"stories"`
		}
		if yaml.Unmarshal(data, &f) != nil {
			panic("triage: embedded data set " + p + " does not parse")
		}
		out = append(out, f.None...)
		out = append(out, f.Calm...)
		for _, s := range f.Stories {
			if s.Tier == "calm" {
				out = append(out, s.Text)
			}
		}
	}
	for i := range out {
		out[i] = text.Normalize(out[i])
	}
	return out
})

// CheckRedFlags refuses moderators' red-flag phrases that are too broad: each phrase may raise at
// most MaxCalmRaised of the built-in calm corpus to its tier. Each problem names the phrase, how
// many calm messages it raises, and a few of them. A nil result means every phrase may be used.
func CheckRedFlags(rf faq.RedFlags) []string {
	var problems []string
	base := builtin()
	calm := calmCorpus()
	check := func(list []string, key string, tier Tier) {
		for _, p := range list {
			one := faq.RedFlags{}
			if tier == Emergency {
				one.Emergency = []string{p}
			} else {
				one.Doctor = []string{p}
			}
			d := New(one)
			var hits []string
			for _, m := range calm {
				if d.Check(m).Tier >= tier && base.Check(m).Tier < tier {
					hits = append(hits, m)
				}
			}
			if float64(len(hits)) > MaxCalmRaised*float64(len(calm)) {
				problems = append(problems, fmt.Sprintf("red_flags.%s %q is too broad: it would raise %d of %d ordinary back-pain messages (%.0f%%, the limit is %.0f%%) to %s, e.g. %s; use a more specific phrase",
					key, p, len(hits), len(calm), 100*float64(len(hits))/float64(len(calm)), 100*MaxCalmRaised, tier, quoteSome(hits, 3)))
			}
		}
	}
	check(rf.Emergency, "emergency", Emergency)
	check(rf.Doctor, "doctor", Doctor)
	return problems
}

// builtin is the detector with no moderator phrases.
var builtin = sync.OnceValue(func() *Detector { return New(faq.RedFlags{}) })

func quoteSome(msgs []string, n int) string {
	var q []string
	for i, m := range msgs {
		if i == n {
			q = append(q, fmt.Sprintf("and %d more", len(msgs)-n))
			break
		}
		if len(m) > 80 {
			m = m[:strings.LastIndexByte(m[:80], ' ')+1] + "..."
		}
		q = append(q, fmt.Sprintf("%q", m))
	}
	return strings.Join(q, ", ")
}
