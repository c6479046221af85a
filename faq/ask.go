package faq

import (
	"slices"

	"github.com/backpainbot/backpainbot/faq/text"
)

// Kinds of asking (text/words/ask-kinds.txt): a question that asks for a time ("how long",
// "how many weeks"), whom to see ("what kind of doctor") or how to keep it from coming back
// ("again"), when to take a sport up again ("back to lifting", [resume]) or what to leave out
// ("stay away from", [avoid]), or that tells of the back suddenly going ("put my back out",
// [gone]), favours the entries whose phrasings ask so, by AskKindShare times the share of them
// that do.

// askKinds are the phrases of each kind, filed by first word, in the order of kindNames.
var kindNames, askKinds = loadAskKinds()

// askFirst files under the first word of every phrase of every kind the phrases of each kind that
// start with it: reading a word costs one lookup, not one a kind. A word that starts none has no
// kindAskKind and costs none.
var askFirst = func() map[string][]kindPhrases {
	m := map[string][]kindPhrases{}
	for k, ps := range askKinds {
		for w, p := range ps {
			m[w] = append(m[w], kindPhrases{kind: k, phrases: p})
		}
	}
	return m
}()

// kindPhrases are the phrases of a kind of asking that start with one word.
type kindPhrases struct {
	kind    int
	phrases [][]string
}

// askFillers are the words skipped inside a kind's phrase ("who do i even book"; [filler]).
var askFillers = text.WordSet("ask-kinds", "filler")

func loadAskKinds() ([]string, []map[string][][]string) {
	sections := text.PhraseSections("ask-kinds")
	var names []string
	for name := range sections {
		if name != "" && name != "filler" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	kinds := make([]map[string][][]string, len(names))
	for i, name := range names {
		kinds[i] = byFirstWord(sections[name])
	}
	return names, kinds
}

// asks returns a bit per kind of asking that toks use, fillers skipped.
func asks(toks []text.Token) uint32 {
	if kindsOf(toks)&kindAskFiller != 0 {
		var buf [64]text.Token // a sentence's worth on the stack: "just" is a filler and common
		kept := buf[:0]
		for _, t := range toks {
			if t.Tags&kindAskFiller == 0 {
				kept = append(kept, t)
			}
		}
		toks = kept
	}
	var m uint32
	for i := range toks {
		if toks[i].Tags&kindAskKind == 0 {
			continue
		}
		for _, kp := range askFirst[toks[i].Word] {
			if longestAt(kp.phrases, toks, i) > 0 {
				m |= 1 << kp.kind
			}
		}
	}
	return m
}

// kindShares returns, per kind of asking, the share of phrasings that ask that way.
func (ix *Index) kindShares(phrasings []string) []float32 {
	out := make([]float32, len(askKinds))
	var toks []text.Token
	for _, p := range phrasings {
		toks = tagKinds(ix.an.Analyze(p, toks[:0]))
		m := asks(toks)
		for k := range out {
			if m&(1<<k) != 0 {
				out[k] += 1 / float32(len(phrasings))
			}
		}
	}
	return out
}

// askKindBonus adds to each candidate the share of its entry's phrasings that ask as the
// message does, times AskKindShare. Like the contrast, it orders the entries and does not make
// the message a better match: "how long does a flu shot take to work" asks for a time but is
// no nearer back pain for it, so the scores then shift down until the best is where it was.
func (ix *Index) askKindBonus(sc *scratch) {
	m := ix.messageAsks(sc)
	if m == 0 || ix.p.AskKindShare == 0 {
		return
	}
	was, now := 0.0, 0.0
	for i, e := range sc.cands {
		was = max(was, sc.best[i])
		for k, s := range ix.entries[e].kinds {
			if m&(1<<k) != 0 {
				sc.best[i] += ix.p.AskKindShare * float64(s)
			}
		}
		now = max(now, sc.best[i])
	}
	for i := range sc.best {
		sc.best[i] = max(0, sc.best[i]-(now-was))
	}
}

// messageAsks returns the kinds of asking of a message: of the whole when it is one sentence,
// else of its sentences that ask ("my back flared up again. what should i do?" does not ask
// how to stop it coming back).
func (ix *Index) messageAsks(sc *scratch) uint32 {
	if len(sc.segs) == 0 {
		return asks(sc.toks)
	}
	var m uint32
	for _, sg := range sc.segs {
		if !sg.pair && sg.share == ix.p.AskShare {
			m |= asks(sc.toks[sg.from:sg.to])
		}
	}
	return m
}
