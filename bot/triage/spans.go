package triage

// Where in the message a check looks: a token's sentence and clause as spans, and the look-ups
// of a word set in them (before a token, within a few words of it, anywhere in its sentence).

// wordInSentence reports one of words in token i's sentence.
func (s *scratch) wordInSentence(i int, words map[string]bool) bool {
	return s.anyWord(s.sentSpan(i, 0, 0), words)
}

// wordInClause reports one of words in token i's clause.
func (s *scratch) wordInClause(i int, words map[string]bool) bool {
	return s.anyWord(s.clauseSpan(i), words)
}

// span is a run of tokens, from lo up to but not including hi.
type span struct{ lo, hi int }

// sentSpan is the tokens of token i's sentence, of the before sentences before it and the after
// sentences after it.
func (s *scratch) sentSpan(i, before, after int) span {
	sent := s.info[i].sent
	sp := span{i, i + 1}
	for sp.lo > 0 && s.info[sp.lo-1].sent >= sent-int32(before) {
		sp.lo--
	}
	for sp.hi < len(s.toks) && s.info[sp.hi].sent <= sent+int32(after) {
		sp.hi++
	}
	return sp
}

// clauseSpan is the tokens of token i's clause.
func (s *scratch) clauseSpan(i int) span {
	clause := s.info[i].clause
	sp := span{i, i + 1}
	for sp.lo > 0 && s.info[sp.lo-1].clause == clause {
		sp.lo--
	}
	for sp.hi < len(s.toks) && s.info[sp.hi].clause == clause {
		sp.hi++
	}
	return sp
}

// anyWord reports one of words, as written, in sp.
func (s *scratch) anyWord(sp span, words map[string]bool) bool {
	return s.anyWordBut(sp, words, func(int) bool { return false })
}

// anyWordBut is anyWord, passing over each token k of the span for which but(k) holds.
func (s *scratch) anyWordBut(sp span, words map[string]bool, but func(k int) bool) bool {
	for k := sp.lo; k < sp.hi; k++ {
		if words[s.toks[k].Word] && !but(k) {
			return true
		}
	}
	return false
}

// negatorWithin3 reports a negator within 3 words before token k in its clause, whatever
// stands between: "not a stomach bug".
func (s *scratch) negatorWithin3(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && s.info[j].clause == s.info[k].clause; j-- {
		if s.info[j].kind&kNeg != 0 {
			return true
		}
	}
	return false
}

// sentBefore reports whether one of words comes within n words before token i in its sentence.
func (s *scratch) sentBefore(i, n int, words map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-n && s.info[k].sent == s.info[i].sent; k-- {
		if words[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// clauseBefore reports whether one of words comes within n words before token i in its clause.
func (s *scratch) clauseBefore(i, n int, words map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-n && s.info[k].clause == s.info[i].clause; k-- {
		if words[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// wordWithin reports a word of words within n words either side of token k, in its clause.
func (s *scratch) wordWithin(k, n int, words map[string]bool) bool {
	clause := s.info[k].clause
	for j := max(k-n, 0); j < len(s.toks) && j <= k+n; j++ {
		if j != k && s.info[j].clause == clause && words[s.toks[j].Word] {
			return true
		}
	}
	return false
}

// toiletBefore reports a toilet or bladder word, not denied, in the sentence just before token
// i's, with token i among the first six words of its own: the trying told first, then what came
// of it ("i sat on the loo for ages. nothing happened").
func (s *scratch) toiletBefore(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	if i-sp.lo > 5 || sp.lo == 0 {
		return false
	}
	prev := s.sentSpan(sp.lo-1, 0, 0)
	for k := prev.lo; k < prev.hi; k++ {
		if s.info[k].feat&(fToilet|fBladder) != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}
