package bot

import (
	"github.com/backpainbot/backpainbot/bot/triage"
	"github.com/backpainbot/backpainbot/faq"
)

// The FAQ says which entry explains which red flag (an entry's `explains:`, see faq/explains.go);
// this file wires that to triage. Under an emergency notice the linked entry is the answer, so
// the reader learns why the notice is there; under a see-a-doctor notice the question asked is
// still answered and the linked entry leads the suggestions. The link only chooses an entry: the
// notice comes from triage alone, whatever the FAQ says.

// ExplainsProblems reports every red flag an entry of f explains that triage cannot raise. The
// program's FAQ check (`faq lint`, loading and every reload) refuses a file with any.
func ExplainsProblems(f *faq.FAQ) []faq.Problem {
	var ids []string
	for _, fl := range triage.Flags() {
		ids = append(ids, fl.ID)
	}
	return f.UnknownExplains(ids)
}

// explainers maps each red-flag id to the entry of f that explains it; when two entries claim
// one (a file no check has passed), the first wins.
func explainers(f *faq.FAQ) map[string]string {
	out := map[string]string{}
	for _, e := range f.Entries {
		for _, id := range e.Explains {
			if _, ok := out[id]; !ok {
				out[id] = e.ID
			}
		}
	}
	return out
}

// explainer returns the entry that explains verdict's red flag, as a candidate with the score
// the matcher gave it for this message (0 when it was not among the matcher's candidates), or
// false when no entry explains it.
func (st *state) explainer(v triage.Result, m faq.Match) (faq.Candidate, bool) {
	if v.Tier == triage.None {
		return faq.Candidate{}, false
	}
	id, ok := st.explains[v.Flag]
	if !ok {
		return faq.Candidate{}, false
	}
	if m.Best.ID == id {
		return m.Best, true
	}
	for _, c := range m.Alternatives {
		if c.ID == id {
			return c, true
		}
	}
	e, _ := st.faq.Entry(id)
	return faq.Candidate{ID: e.ID, Question: e.Question}, true
}

// leadWith returns ts with t first, dropping any other copy of it.
func leadWith(ts []Topic, t Topic) []Topic {
	out := []Topic{t}
	for _, x := range ts {
		if x.ID != t.ID {
			out = append(out, x)
		}
	}
	return out
}
