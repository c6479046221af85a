package triage

// Checks on what the story says around a red-flag word: the writer came to no harm, a single
// joint gave way, a cough explains a tight chest, pain limits the walking.

// unhurt reports that the sentence of the fall at token i says the writer came to no harm after
// it: "i fell over on the ice but i'm fine", "slipped on the stairs, didn't hurt myself", unless
// something is excepted ("i'm fine apart from my back").
func (s *scratch) unhurt(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && k <= i+14 && s.info[k].sent == sent; k++ {
		w := s.toks[k].Word
		in := &s.info[k]
		switch {
		case unhurtWords[w]:
		case in.kind&kReassure != 0 && (selfWords[s.word(k-1)] || selfWords[s.word(k-2)]):
			// "i'm fine", "i was ok"
		case in.feat&fPain != 0 && in.flags&flNeg != 0 && selfWords[s.word(k+1)]:
			// "didn't hurt myself"
		default:
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+4 && s.info[j].sent == sent; j++ {
			if exceptWords[s.toks[j].Word] {
				return false
			}
		}
		return true
	}
	return false
}

// oneLimbGave reports that what gave way at token i is one knee, ankle, leg or foot, not both
// legs: "my knee buckled playing football", "my ankle gave way on the kerb".
func (s *scratch) oneLimbGave(i int) bool {
	clause := s.info[i].clause
	for k := i; k >= 0 && k >= i-4 && s.info[k].clause == clause; k-- {
		w := s.toks[k].Word
		switch {
		case pluralLimbs[w], w == "both", w == "back", w == "spine":
			return false
		case singleLimbs[w]:
			return true
		}
	}
	return false
}

// coughCause reports a chest sign that a cold or cough explains in token i's sentence: "my chest
// is tight from a cold", "chest hurts from coughing".
func (s *scratch) coughCause(i int) bool {
	sent := s.info[i].sent
	for k := range s.toks {
		if s.info[k].sent != sent || !coughWords[s.toks[k].Word] {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3 && s.info[j].sent == sent; j-- {
			if causeWords[s.toks[j].Word] {
				return true
			}
		}
	}
	return false
}

// walkLimited reports that pain, distance or time limits the walking at token i: "i struggle to
// walk far because my back hurts", "hard to walk for long".
func (s *scratch) walkLimited(i int) bool { return s.after(i, 6, walkLimit) }
