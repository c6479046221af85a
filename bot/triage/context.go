package triage

import "strings"

// Checks on what the story says around a red-flag word: a cough explains a tight chest, a bug
// explains a soiling, the sign is advice given or a fear denied, the worry was cleared, the
// injury healed or the pain is easing. Falls and blows are in falls.go, the legs in legs.go, and
// the spans and word look-ups every check uses in spans.go.

// coughCause reports a chest sign that a cold or cough explains in token i's sentence: "my chest
// is tight from a cold", "chest hurts from coughing".
func (s *scratch) coughCause(i int) bool {
	sent, sp := s.info[i].sent, s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		if !coughWords[s.toks[k].Word] {
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

// workoutSore reports a chest told sore or stiff from a workout in its clause (sets
// `muscle-sore`, `sore-workouts`, `workout-since`): "chest and back are sore from doing lots of
// push ups yesterday". Soreness after lifting is the muscles'; tightness, pressure or pain during
// exertion stays a chest sign.
func (s *scratch) workoutSore(i int) bool {
	sp := s.clauseSpan(i)
	if !s.anyWord(sp, muscleSore) {
		return false
	}
	for k := sp.lo; k < sp.hi; k++ {
		if !soreWorkouts[s.toks[k].Word] {
			continue
		}
		for j := k - 1; j >= sp.lo && j >= k-4; j-- {
			if workoutSince[s.toks[j].Word] {
				return true
			}
		}
	}
	return false
}

// signsOfOther reports "warning signs" named of something other than the back: "the first
// warning signs of a migraine".
func (s *scratch) signsOfOther(i int) bool {
	if s.info[i].flags&flCont != 0 || !warningStarts[s.toks[i].Word] {
		return false
	}
	k := i + 1
	for k < len(s.toks) && s.info[k].flags&flCont != 0 {
		k++
	}
	if s.word(k) != "of" && s.word(k) != "for" {
		return false
	}
	for k++; k < len(s.toks) && possessives[s.toks[k].Word]; k++ {
	}
	return k < len(s.toks) && !backTopics[s.toks[k].Word] && s.info[k].feat&(fPain|fSciatica|fSaddle|fBladder|fBowel|fNumb|fWeak) == 0
}

// feelWordNear reports a word of sensation ("feel", "feels", "sensation") within four words of
// token i in its clause: "my legs feel weird", not "the problem of my feet".
func (s *scratch) feelWordNear(i int) bool {
	clause := s.info[i].clause
	for k := max(i-4, 0); k < len(s.toks) && k <= i+4; k++ {
		if s.info[k].clause == clause && s.info[k].ab == abSense {
			return true
		}
	}
	return false
}

// painAfter reports a pain or severe word within n words after token j in its sentence: "i
// couldn't stand up i was in so much pain".
func (s *scratch) painAfter(j, n int) bool {
	sent := s.info[j].sent
	for k := j + 1; k < len(s.toks) && k <= j+n && s.info[k].sent == sent; k++ {
		if s.info[k].feat&(fPain|fSevere) != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}

// stressLeak reports leaking told with what squeezes the bladder (a sneeze, a cough, a laugh, a
// jump) and as long-standing or since a birth: "i leak a tiny bit when i sneeze, always have
// since having my kids". Leaking told otherwise stays a red flag: "my back is agony and i leak a
// little when i cough".
func (s *scratch) stressLeak(i int) bool {
	if !s.wordNear(i, 6, stressTriggers) || s.wordInSentence(i, novelWords) {
		return false // "never happened before this back pain"
	}
	return s.wordInSentence(i, habitualWords) || s.wordInSentence(i, birthWords) || s.wordInSentence(i, yearsWords)
}

// urgencyExplained reports needing the toilet in a hurry with an everyday cause in its sentence:
// "desperate for the loo after the long drive", "rushing to the loo after three coffees".
func (s *scratch) urgencyExplained(i int) bool { return s.wordInSentence(i, urgencyCauses) }

// negatedSpell reports a toilet word with a negator before it in its clause and a spell of
// time after it: "haven't been to the loo since last night", "not been able to go to the toilet
// all day". The negator reaches the toilet word, so the message as a whole is read. With a
// painkiller told (set `medication`) it is constipation, a side effect.
func (s *scratch) negatedSpell() bool {
	if s.told&fToilet == 0 {
		return false
	}
	for i := range s.toks {
		if s.info[i].feat&fToilet == 0 || !s.after(i, 5, toiletSpell) {
			continue
		}
		clause := s.info[i].clause
		for k := i - 1; k >= 0 && k >= i-8 && s.info[k].clause == clause; k-- {
			if s.info[k].kind&(kNeg|kNegAbility) != 0 {
				return !s.hasWord(medicationWords)
			}
		}
	}
	return false
}

// painExplains reports pain given as the cause of what token i tells, within 8 words after it
// in its sentence: "could barely make it to the bathroom because my back hurt so much", "due to
// the pain".
func (s *scratch) painExplains(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && k <= i+8 && s.info[k].sent == sent; k++ {
		if !causeWords[s.toks[k].Word] || s.info[k].flags&flCont != 0 {
			continue // "went from under me" is no cause
		}
		for j := k + 1; j < len(s.toks) && j <= k+5 && s.info[j].clause == s.info[k].clause; j++ {
			if s.info[j].kind&kChainBreak != 0 {
				break // "from under me and my back hurts"
			}
			if s.info[j].feat&(fPain|fSevere) != 0 {
				return true
			}
		}
	}
	return false
}

// adviceTold reports a sign told as advice the writer was given or read rather than as the
// writer's own, in a statement: "the doctor told me to come back if i got numbness in my groin",
// "the gp said go to a&e if i lose control of my bladder", "they warned me about saddle
// numbness", "watch out for bladder changes", "an mri to rule out cauda equina", "if you ever
// have numbness in your groin go to hospital, that's what they told me". A question about a sign
// is never advice ("what if i can't pee?"), nor is a "yes" answering one.
func (s *scratch) adviceTold(i int) bool {
	if s.clauses[s.info[i].clause].question || s.cameTrue(i) {
		return false
	}
	sent := s.info[i].sent
	cond := false // "if", "whether", "should" between the frame and the sign, in its clause
	for k := i - 1; k >= 0 && k >= i-16 && s.info[k].sent == sent; k-- {
		if s.info[k].kind&(kAdvice|kIf|kChainBreak|kQuestion) == 0 && s.toks[k].Word != "should" &&
			s.toks[k].Word != "out" && s.toks[k].Word != "for" {
			continue // no word of advice, condition or reason
		}
		w := s.toks[k].Word
		switch {
		case s.clauses[s.info[k].clause].question:
			return false
		case reasonWords[w] && !cond:
			return false // "says i should see someone because my legs keep giving way": a fact
		case adviceIf[w] && s.info[k].clause == s.info[i].clause &&
			!(k > 1 && s.info[k-1].kind&kHedge != 0 && s.info[k-2].kind&kNeg != 0):
			// not "said come back if it gets worse, and now i can't control my bladder"
			cond = true // not the doubt of "he can't tell if he's peeing", "not sure whether"
		case adviceLooks[w], w == "out" && lookoutVerbs[s.word(k-1)], w == "for" && checkVerbs[s.word(k-1)]:
			return true // "warned me about", "watch out for", "rule out", "checked for"
		case adviceFrames[w] && cond:
			return true // "told me to come back if", "i read that you should"
		case adviceFrames[w] && s.gravityTold(s.reportStart(k), i):
			return true // "i read that back pain plus can't pee is serious", "she told me back pain plus fever is dangerous"
		case cond && (w == "asks" || w == "ask" && routineAsks[s.word(k-1)]):
			return true // "they always ask if i've had any bladder problems": a routine question
		}
	}
	if !s.supposed(i) {
		return false
	}
	for k := i + 1; k < len(s.toks) && s.info[k].sent == sent; k++ {
		if w := s.toks[k].Word; w == "yes" || s.word(k-1) == "i" && s.info[k].kind&kAnswer != 0 {
			return false // answered: "... and i said no" (saidNo reads the answer)
		} else if s.info[k].kind&kAdvice != 0 && (adviceFrames[w] || adviceLooks[w]) {
			return true // "if you ever have numbness ..., that's what they told me"
		}
	}
	return false
}

// cameTrue reports that after the sign at token i, in its sentence or the next, the writer says
// it has come: "told to go to a&e if i got numbness down there, and now i have", "now it's
// happened" (set `came-true`), unless denied ("now i have none").
func (s *scratch) cameTrue(i int) bool {
	last := s.info[i].sent + 1
	for k := i + 1; k < len(s.toks) && s.info[k].sent <= last; k++ {
		if s.toks[k].Word != "now" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
			if cameWords[s.toks[j].Word] && (selfWords[s.word(j-1)] || s.word(j-1) == "it" || s.word(j-2) == "it") {
				return j+1 >= len(s.toks) || s.info[j+1].kind&kNeg == 0
			}
		}
	}
	return false
}

// reportStart returns the token after which the report framed at token k begins: "that" in
// "i read that ...", "told me (that) ...", or -1 when the frame reports nothing ("i said").
func (s *scratch) reportStart(k int) int {
	j := k + 1
	if w := s.word(j); w == "me" || w == "us" || w == "him" || w == "her" || w == "them" {
		if s.word(j+1) != "that" {
			return j // "told me back pain plus fever is dangerous"
		}
		j++
	}
	if s.word(j) == "that" {
		return j
	}
	return -1
}

// gravityTold reports a word of gravity after the sign at token i in its sentence (set
// `gravity`), with no word of the writer's own from token k on: "(i read that) back pain plus
// can't pee is serious".
func (s *scratch) gravityTold(k, i int) bool {
	if k < 0 {
		return false
	}
	sent := s.info[k].sent
	for j := k + 1; j < len(s.toks) && s.info[j].sent == sent; j++ {
		switch w := s.toks[j].Word; {
		case selfWords[w] || w == "my":
			return false
		case gravityWords[w] && j > i:
			return true
		}
	}
	return false
}

// vomitNear reports being sick within 8 words of token i in its sentence: "run to the bathroom
// before i puke", "threw up so hard i wet myself".
func (s *scratch) vomitNear(i int) bool {
	if s.wordNear(i, 8, vomitWords) {
		return true
	}
	sent := s.info[i].sent
	for k := max(i-8, 0); k < len(s.toks) && k <= i+8; k++ {
		if w := s.toks[k].Word; s.info[k].sent == sent && (w == "threw" || w == "throwing") && s.word(k+1) == "up" {
			return true
		}
	}
	return false
}

// gutTold reports a stomach upset in token i's sentence or the one before (set `gut-upset`):
// "a stomach bug and a couple of accidents" tells of the bug, not a crash or lost control; not
// an upset denied ("not a stomach bug").
func (s *scratch) gutTold(i int) bool {
	return s.anyWordBut(s.sentSpan(i, 1, 0), gutUpset, s.negatorWithin3)
}

// starSign reports the zodiac in token i's sentence (set `zodiac`, or "star sign"): "i'm a
// cancer, typical for my star sign" names no illness.
func (s *scratch) starSign(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		if w := s.toks[k].Word; zodiacWords[w] || w == "star" && (s.word(k+1) == "sign" || s.word(k+1) == "signs") {
			return true
		}
	}
	return false
}

// clearedAfter reports that the message, after token i, tells the worry was cleared: "convinced
// myself i had cauda equina ... the mri was clear", "they ruled it out", "what a relief".
func (s *scratch) clearedAfter(i int) bool {
	for k := i + 1; k < len(s.toks); k++ {
		w := s.toks[k].Word
		if allClear[w] || w == "out" && (s.word(k-1) == "ruled" || s.word(k-1) == "rule") {
			return true
		}
		if benignFindings[w] && !s.clauses[s.info[k].clause].question && (s.before(k, 8, adviceFrames) || s.sentBefore(k, 8, checkVerbs)) {
			return true // "the gp checked everything and said it was a simple muscle strain", "she examined me, all fine, it's muscular"
		}
	}
	return false
}

// fineAfter reports a word of recovery after token i ("fine today", "back to normal now"; set
// `recovery`) with no negator just before it: what was lost came back.
func (s *scratch) fineAfter(i int) bool {
	for k := i + 1; k < len(s.toks); k++ {
		if recoveryWords[s.toks[k].Word] && !s.negatedBefore(k) && !s.clauses[s.info[k].clause].question {
			return true
		}
	}
	return false
}

// illnessTold reports a cold, flu or bug told in token i's sentence or the one before, which
// explains aches all over ("achy legs and back, i think it's flu"), unless told as what it is
// not like ("as if i had the flu").
func (s *scratch) illnessTold(i int) bool {
	return s.anyWordBut(s.sentSpan(i, 1, 0), illnessWords, s.asIf)
}

// asIf reports "as if" or "as though" within 5 words before token k in its clause.
func (s *scratch) asIf(k int) bool {
	for j := k - 1; j > 0 && j >= k-5 && s.info[j].clause == s.info[k].clause; j-- {
		if w := s.toks[j].Word; (w == "if" || w == "though") && s.toks[j-1].Word == "as" {
			return true
		}
	}
	return false
}

// metaphor reports the crash or blow at token i said of a thing that is no body: "work is a car
// crash this week", "the whole day's been a total train wreck". Before it stand only words that
// colour it (set `metaphor-fillers`: "a", "total", "car"), then "is", "was" or "been", whose
// subject is a word of the set `metaphor-subjects` (work, day, life, exam...).
func (s *scratch) metaphor(i int) bool {
	k := i - 1
	for k >= 0 && i-k <= 5 && metaphorFillers[s.toks[k].Word] {
		k--
	}
	if k < 1 || i-k > 5 || !copulas[s.toks[k].Word] {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if metaphorSubjects[s.toks[j].Word] {
			return true
		}
	}
	return false
}

// warningIdiom reports "warning signs" or "red flags" at token i said in a message that asks
// nothing and names no cauda equina: "i ignored the warning signs and kept lifting". Asked
// about ("what are the warning signs?") they deserve the urgent-care information.
func (s *scratch) warningIdiom(i int) bool {
	switch s.word(i + 1) {
	case "signs", "sign", "symptoms", "flags", "flag":
	default:
		return false // "emergency surgery" is no idiom
	}
	if !warningStarts[s.toks[i].Word] {
		return false
	}
	for c := range s.clauses {
		if s.clauses[c].question {
			return false
		}
	}
	for k := range s.toks {
		if s.info[k].feat&fCES != 0 && !warningStarts[s.toks[k].Word] {
			return false // "cauda equina", "ces" named too
		}
	}
	return true
}

// healedSince reports an injury at token i that the rest of the message says has healed: "i
// fell and broke a vertebra. the fracture has grown together and my back is fine again", "being
// young i recovered quickly". A healing only hoped or denied ("i thought i'd recovered", "not
// healed yet"), of the shock only ("recovered from the initial shock"; set `healed-not`), or
// followed by a sign still there ("i still have back problems"), is none.
func (s *scratch) healedSince(i int) bool {
	if s.settledTold(i + 1) {
		return true // "a crash in 2015, all sorted"
	}
	for k := i + 1; k < len(s.toks); k++ {
		w := s.toks[k].Word
		if w == "since" && s.info[k-1].flags&flNeg != 0 && s.info[k-1].feat&fProblem != 0 {
			return !s.stillAfter(k) // "no problems since"
		}
		if !healedWords[w] && !(w == "fine" && s.word(k+1) == "again") && !(feelWell[w] && feelVerbs[s.word(k-1)]) {
			continue
		}
		if s.info[k].flags&flNeg != 0 || s.negatorBefore(k, 3) || s.before(k, 4, hopedWords) ||
			s.after(k, 4, healedNotWords) {
			continue
		}
		return !s.stillAfter(k)
	}
	return false
}

// fearDenied reports the condition at token i named as a fear ("was scared it was cauda equina",
// "googled it and panicked"; set `fear-told`, in its sentence) that the message goes on to put
// to rest: after it the writer denies one of its signs ("but i can pee fine", "no numbness down
// there"), and no sign of it (numbness, weakness, leaking, lost control) stands undenied anywhere
// in the message; a bladder or saddle word told with trouble raises its own rule.
func (s *scratch) fearDenied(i int) bool {
	if !s.anyWord(s.sentSpan(i, 0, 0), fearWords) {
		return false
	}
	signs := fNumb | fIncont | fControlLoss | fWeak | fMissed // deniable: a body part alone is no sign
	denied := false
	for k := range s.toks {
		in := &s.info[k]
		if in.feat&(signs|fBladder|fBowel|fSaddle) == 0 || in.flags&flCont != 0 {
			continue
		}
		if in.flags&flLocked != 0 || in.flags&flNeg == 0 && in.feat&signs != 0 {
			return false // "can't pee" is a sign, not a denial
		}
		denied = denied || k > i && in.flags&flNeg != 0
	}
	return denied
}

// settledTold reports a word of the message from token from on that tells a trouble as put
// right ("all sorted", "sorted now", "fixed now", "sorted with surgery"; set `settled`, with "all"
// before it, "now" after it or a treatment (fixedBy)), in a statement that nothing denies, wishes
// for ("need it all sorted"; set `settle-wishes`) or follows with "still".
func (s *scratch) settledTold(from int) bool {
	for k := from; k < len(s.toks); k++ {
		if !settledWords[s.toks[k].Word] || s.word(k-1) != "all" && s.word(k+1) != "now" && !s.fixedBy(k) {
			continue
		}
		if s.clauses[s.info[k].clause].question || s.negatorBefore(k, 3) || s.before(k, 4, settleWishes) || s.before(k, 4, hopedWords) {
			continue
		}
		return !s.stillAfter(k)
	}
	return false
}

// fixedBy reports a trouble told as put right by a treatment at token k: "sorted with surgery",
// "fixed by the physio", "cleared after the injection" (a word of set `fixed-by` after "with",
// "by" or "after" within three words).
func (s *scratch) fixedBy(k int) bool {
	switch s.word(k + 1) {
	case "with", "by", "after":
		return s.after(k+1, 3, fixedByWords)
	}
	return false
}

// easingAfter reports that after token i the message tells the pain as easing or gone, in a
// statement: "could barely walk this morning, already loosening up", "today i'm feeling better"
// (set `easing`), "now it's just achy" (set `easing-now`, then "just"), "fine now", "normal
// again" (set `recovery`, then "now" or "again"), "all sorted" (settledTold); not denied ("no better"), hoped for ("hoping it gets better"; set `hoped`) or
// asked about, nor only a lull that its sentence tells ended (lullOnly), and with nothing in the message saying it is getting worse or not improving.
func (s *scratch) easingAfter(i int) bool {
	for k := range s.toks {
		if s.info[k].feat&(fProgress|fNotImproving) != 0 && s.info[k].flags&flNeg == 0 {
			return false
		}
	}
	if s.settledTold(i + 1) {
		return true // "agony for an afternoon, all sorted now"
	}
	for k := i + 1; k < len(s.toks); k++ {
		if easingNow[s.toks[k].Word] && s.after(k, 3, justWords) && !s.clauses[s.info[k].clause].question {
			return true // "could barely walk for an hour. now it's just achy"
		}
		if w := s.word(k + 1); recoveryWords[s.toks[k].Word] && (w == "now" || w == "again") &&
			!s.negatorBefore(k, 3) && !s.before(k, 4, hopedWords) && !s.clauses[s.info[k].clause].question {
			return true // "it was awful, but it's fine now", "back to normal again"
		}
		if !easingWords[s.toks[k].Word] || s.info[k].flags&flNeg != 0 || s.clauses[s.info[k].clause].question {
			continue
		}
		if s.negatorBefore(k, 3) || s.before(k, 4, hopedWords) || s.before(k, 2, insteadWords) || s.lullOnly(k) {
			continue
		}
		return true
	}
	return false
}

// lullOnly reports an easing at token k that its sentence takes back after it: "the agony
// subsided long enough for me to call out before the pain returned" (set `pain-returns`).
func (s *scratch) lullOnly(k int) bool {
	return s.anyWord(span{k + 1, s.sentSpan(k, 0, 0).hi}, painReturns)
}

// cesAlone reports a "ces" at token i that names nothing of the body: no word before it makes it
// the condition had or feared (set `ces-having`: "could i have ces"), and the message tells no
// pain or sign and names no part of the body or the condition (set `ces-body`): "heading to CES in
// vegas" is a trade show.
func (s *scratch) cesAlone(i int) bool {
	if s.toks[i].Word != "ces" || i > 0 && cesHaving[s.toks[i-1].Word] {
		return false
	}
	for k := range s.toks {
		if k != i && (s.info[k].feat&(fPain|fSciatica|fSaddle|fBladder|fBowel|fNumb|fWeak|fLeg|fFoot) != 0 || cesBody[s.toks[k].Word]) {
			return false
		}
	}
	return true
}

// stillAfter reports a "still" with a sign or pain within 4 words after it, after token k: "she
// is fully recovered. however, i still have back problems".
func (s *scratch) stillAfter(k int) bool {
	for j := k + 1; j < len(s.toks); j++ {
		if s.toks[j].Word != "still" {
			continue
		}
		for n := j + 1; n < len(s.toks) && n <= j+4; n++ {
			if s.info[n].feat != 0 {
				return true
			}
		}
	}
	return false
}

// partnerTold reports numbness at token i told with a partner in its sentence and of no part of
// the body in its clause ("me and my gf tried last night and i had basically zero sensation"): feeling lost
// in intimacy told without a word for sex (set `partners`).
func (s *scratch) partnerTold(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	partner := false
	for k := sp.lo; k < sp.hi; k++ {
		w := s.toks[k].Word
		if s.info[k].clause == s.info[i].clause && (partWords[w] || s.info[k].feat&(fLeg|fFoot|fSaddle) != 0) {
			return false
		}
		partner = partner || partnerWords[w]
	}
	return partner
}

// coldExplains reports "couldn't get warm" (its phrase starts at token i with "could", "can",
// "cannot" or "unable") told with a cold place or a broken heater in its sentence (set
// `cold-places`): "the heating broke and we couldn't get warm" tells of the house, not chills.
func (s *scratch) coldExplains(i int) bool {
	switch w := s.toks[i].Word; {
	case w == "could", w == "can", w == "cannot", w == "unable", strings.HasPrefix(w, "shiver"):
		return s.anyWord(s.sentSpan(i, 0, 0), coldPlaces)
	}
	return false
}

// wornOutSense reports a bowel word that also means tired (set `worn-out`) told as a state: right
// after a degree or state word (set `state-before`), "absolutely pooped", "feeling pooped", and
// not before a word of oneself or the pants ("so pooped myself" stays).
func (s *scratch) wornOutSense(i int) bool {
	if !wornOutWords[s.toks[i].Word] || !stateBefore[s.word(i-1)] {
		return false
	}
	next := s.word(i + 1)
	return !selfWords[next] && next != "my" && s.info[i].feat&fIncont == 0
}
