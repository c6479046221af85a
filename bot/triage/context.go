package triage

import "strings"

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
		case w == "harm" && (s.word(k-1) == "no" || s.word(k-2) == "no"):
			// "no harm done", "no real harm"
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

// oneLimbGave reports that what gave way (or would not hold) at token i is one knee, ankle, leg
// or foot, not both legs: "my knee buckled playing football", "my ankle gave way on the kerb",
// "my leg didn't want to support me". The limb is the word itself, its subject just before it,
// or what bears the weight just after it ("can't put any weight on my left leg"); a subject
// "it" stands for the limb last named in the sentence ("twisted my knee and it gave way").
func (s *scratch) oneLimbGave(i int) bool {
	clause := s.info[i].clause
	if k := s.onLimb(i); k >= 0 {
		return singleLimbs[s.toks[k].Word]
	}
	for k := i; k >= 0 && k >= i-4 && s.info[k].clause == clause; k-- {
		w := s.toks[k].Word
		switch {
		case pluralLimbs[w], w == "both", w == "back", w == "spine":
			return false
		case singleLimbs[w]:
			return true
		case w == "it" && k < i:
			return s.lastPartSingleLimb(k)
		case k < i && !limbAux[w] && !s.toks[k].Stop && s.info[k].flags&flCont == 0:
			return false
		}
	}
	return false
}

// lastPartSingleLimb reports that the body part named last before token k in its sentence is
// one limb ("knee", "ankle"), not the legs or the back.
func (s *scratch) lastPartSingleLimb(k int) bool {
	for j := k - 1; j >= 0 && s.info[j].sent == s.info[k].sent; j-- {
		if w := s.toks[j].Word; singleLimbs[w] || pluralLimbs[w] || w == "back" || w == "spine" {
			return singleLimbs[w]
		}
	}
	return false
}

// onLimb returns the limb named after "on" within a few words after token i, in its clause
// ("weight on my left leg", "stand on them"), or -1.
func (s *scratch) onLimb(i int) int {
	clause := s.info[i].clause
	for k := i + 1; k < len(s.toks) && k <= i+6 && s.info[k].clause == clause; k++ {
		if s.toks[k].Word != "on" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3 && s.info[j].clause == clause; j++ {
			if w := s.toks[j].Word; singleLimbs[w] || pluralLimbs[w] {
				return j
			}
		}
		return -1
	}
	return -1
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

// painDidIt reports a blow told of the pain, not of a thing: "it literally knocked me off my
// feet", "the spasm hit me". The subject just before the word is "it", "this" or a pain word;
// "it" after a vehicle in its sentence stands for the vehicle ("i didn't see the car coming and
// it knocked me off my bike"; set `vehicles`).
func (s *scratch) painDidIt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && s.info[k].clause == s.info[i].clause; k-- {
		w := s.toks[k].Word
		if (w == "it" || w == "this") && !s.anyWord(span{s.sentSpan(k, 0, 0).lo, k}, vehicleWords) ||
			s.info[k].feat&(fPain|fSciatica|fSevere) != 0 || collapseCause[w] {
			return true
		}
		if !limbAux[w] && w != "literally" && w != "really" {
			return false
		}
	}
	return false
}

// supposedCause reports a crash or fall only wondered about as a cause: "not sure if this is
// due to an accident", "i wonder whether it was the fall". A hedge and "if" stand before it in
// its clause with no "after", "since" or "because" between: "not sure if i should go in after
// falling off the ladder" tells of a fall that happened, and "what if i fell down the stairs?"
// asks about one, which deserves the urgent advice.
func (s *scratch) supposedCause(i int) bool {
	clause := s.info[i].clause
	for k := i - 1; k >= 0 && k >= i-8 && s.info[k].clause == clause; k-- {
		if s.info[k].kind&kIf != 0 {
			return k > 0 && s.info[k-1].kind&kHedge != 0 || k > 1 && s.info[k-2].kind&kHedge != 0
		}
		switch s.toks[k].Word {
		case "after", "since", "because", "cos", "when", "from":
			return false
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

// smallStriker reports a blow dealt by a baby or toddler just before token i: "my toddler kicked
// me in the back", "the baby kicks my spine all night" (set `small-strikers`).
func (s *scratch) smallStriker(i int) bool {
	return s.before(i, 3, smallStrikers) && !s.writerActs(i) // not "with the kids in the car we crashed"
}

// dizzyTold reports dizziness or faintness in token i's sentence, which explains feeling
// unsteady: "unsteady when i get up too fast, i think it's my blood pressure". "Light" tells it
// only as "light headed" (sets `dizzy-first`, `dizzy-second`): "light work" explains nothing.
func (s *scratch) dizzyTold(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		if w := s.toks[k].Word; dizzyWords[w] || dizzyFirst[w] && dizzySecond[s.word(k+1)] {
			return true
		}
	}
	return false
}

// softBlow reports a small or soft thing that struck: "whacked in the back by a football". A
// soft word told as the game ("took a knee to the back in football") is the sport, not what hit.
func (s *scratch) softBlow(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && k <= i+7 && s.info[k].sent == sent; k++ {
		if softObjects[s.toks[k].Word] && !sportPreps[s.toks[k-1].Word] {
			return true
		}
	}
	return false
}

// habitual reports a sign told as long-standing in token i's clause ("my legs are often numb",
// "my feet usually tingle after a long walk") with nothing saying it is new or here now.
func (s *scratch) habitual(i int) bool {
	clause := s.info[i].clause
	often := false
	for k := max(i-8, 0); k < len(s.toks) && k <= i+8; k++ {
		if s.info[k].clause != clause {
			continue
		}
		w := s.toks[k].Word
		if nowWords[w] || s.info[k].feat&(fProgress|fFirst) != 0 {
			return false
		}
		often = often || habitualWords[w]
	}
	return often
}

// comparedWithBefore reports the sign at token i told against how it once was, later in its
// clause: "my legs don't work as well as they used to", "not moving like they did when i was
// younger" ("as" or "like", then a word of set `compare-then`). A slow change, not a failure.
func (s *scratch) comparedWithBefore(i int) bool {
	sp, like := s.clauseSpan(i), false
	for k := i + 1; k < sp.hi; k++ {
		w := s.toks[k].Word
		like = like || w == "as" || w == "like"
		if like && compareThen[w] {
			return true
		}
	}
	return false
}

// restraintNear reports a seatbelt or airbag within 8 words of token i in its sentence (sets
// `restraints`, `restraint-heads` then `restraint-tails`: "seat belt"): a fall told from inside
// a vehicle, "unbuckled my seat belt and dropped onto the ceiling".
func (s *scratch) restraintNear(i int) bool {
	sent := s.info[i].sent
	for k := max(i-8, 0); k < len(s.toks) && k <= i+8; k++ {
		if w := s.toks[k].Word; s.info[k].sent == sent && (restraintWords[w] || restraintTails[w] && restraintHeads[s.word(k-1)]) {
			return true
		}
	}
	return false
}

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

// seriousFall reports a fall at token i told as more than a tumble from standing: how hard ("a
// bad fall", "fell heavily"), from where (a height or place word in its sentence: stairs, a
// ladder, the loft), onto the back or head, more than once, by someone 65 or older, or with an
// outcome told anywhere in the message (an ambulance, a&e, an x-ray, a fracture, hit my head).
// A fall "from knee height" is not.
func (s *scratch) seriousFall(i int) bool {
	sent := s.info[i].sent
	if s.wordInSentence(i, lowFallWords) {
		return false
	}
	for k := max(i-2, 0); k < len(s.toks) && k <= i+3; k++ {
		if s.info[k].sent == sent && hardFallWords[s.toks[k].Word] {
			return true
		}
	}
	if s.hardLanding(i) || s.near(i, fHeight|fTrauma, 8) {
		return true
	}
	for k := i + 1; k < len(s.toks) && k <= i+16 && s.info[k].sent <= sent+1; k++ {
		w := s.toks[k].Word
		if landingParts[w] && possessives[s.word(k-1)] && (s.word(k-2) == "on" || s.word(k-2) == "onto") {
			return true // "fell onto my back", "i slipped. landed right on my tailbone"
		}
		if (w == "times" || w == "again") && s.info[k].sent == sent {
			return true // falls that come back
		}
	}
	return s.severeNear(i) || s.ageAtLeast(65) || s.toldOutcome() || s.wordInSentence(i, fallSports)
}

// hardLanding reports the landing after the fall at token i told as hard, in its clause: "fell
// over and hit hard", "toppled sideways and landed really badly", "went over and came down
// hard" (an impact word from set `slip-impacts`, or "down", then within 4 words a word of set
// `hard-fall`), unless denied ("hit the ground, not hard").
func (s *scratch) hardLanding(i int) bool {
	clause, impact := s.info[i].clause, -1
	for k := i + 1; k < len(s.toks) && k <= i+12 && s.info[k].clause == clause; k++ {
		w := s.toks[k].Word
		switch {
		case slipImpacts[w] || w == "down":
			impact = k
		case impact >= 0 && k-impact <= 4 && hardFallWords[w] && !s.negatorBefore(k, 2):
			return true
		}
	}
	return false
}

// toldOutcome reports an outcome of a serious fall told anywhere in the message (set
// `fall-outcomes`: an ambulance, an x-ray, a fracture), but not inside a phrase of a fall
// itself (the chair that "broke" under someone is no broken bone), nor denied ("nothing
// broken", "no fracture").
func (s *scratch) toldOutcome() bool {
	for k := range s.toks {
		if fallOutcomes[s.toks[k].Word] && s.info[k].flags&flCont == 0 {
			if p := s.word(k - 1); p == "nothing" || p == "no" || p == "not" || p == "nt" {
				continue // "nothing broken", "no fracture"
			}
			return true
		}
	}
	return false
}

// severeNear reports severe pain or being unable to move or get up told in token i's sentence or
// the next one: "fell in the car park and couldn't get up", "fell. the pain was excruciating".
func (s *scratch) severeNear(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && s.info[k].sent <= sent+1; k++ {
		if s.info[k].feat&fSevere != 0 && s.info[k].flags&flNeg == 0 {
			return true
		}
	}
	return false
}

// ageAtLeast reports an age of n or more told anywhere in the message ("i'm 72", "my nan is
// 84", "in her eighties").
func (s *scratch) ageAtLeast(n int) bool {
	for k := range s.toks {
		w := s.toks[k].Word
		if elderWords[w] {
			return true
		}
		if w != "" && isDigit(w[0]) {
			if age, ok := s.age(k); ok && age >= n {
				return true
			}
		}
	}
	return false
}

// minorFallTold reports a fall the story itself plays down, in its sentence or the next, and
// that nothing marks as serious (seriousFall): "slipped on the kitchen floor, nothing serious,
// back a bit sore", "took a tumble from knee height, pride hurt more than anything".
func (s *scratch) minorFallTold(i int) bool {
	return s.playedDown(i) && !s.seriousFall(i)
}

// playedDown reports words that play down what happened at token i, in its sentence or the
// next: a minimising word ("minor", "pride", "knee height"), a denied seriousness ("nothing
// serious", "wasn't bad") or "a bit" before a mild word ("a bit sore").
func (s *scratch) playedDown(i int) bool {
	sent := s.info[i].sent
	for k := i; k >= 0 && s.info[k].sent == sent; k-- {
		if fallMinimisers[s.toks[k].Word] {
			return true
		}
	}
	for k := i + 1; k < len(s.toks) && s.info[k].sent <= sent+1; k++ {
		w := s.toks[k].Word
		switch {
		case fallMinimisers[w]:
			return true
		case (w == "not" || w == "nothing" || w == "no") && (seriousWords[s.word(k+1)] || seriousWords[s.word(k+2)]):
			return true // "nothing serious", "wasn't bad", "not a big deal"
		case w == "bit" && mildWords[s.word(k+1)]:
			return true // "a bit sore"
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

// standingFall reports a fall at token i told as one from standing, which the story does not
// mark as serious (seriousFall): "fell over playing football", "fell down in the car park",
// "fell on my bum on the ice". A fall down the stairs or off a ladder is serious: the place
// word makes it so.
func (s *scratch) standingFall(i int) bool {
	next := s.word(i + 1)
	switch {
	case standingFallWords[next]:
	case (next == "on" || next == "onto") && possessives[s.word(i+2)] && seatParts[s.word(i+3)]:
	default:
		return false
	}
	return !s.seriousFall(i)
}

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

// painWhen reports a spasm or pain told as when the word at token i happened, after it in its
// sentence: "my legs went from under me when the pain hit", "fell in a heap as my back seized".
func (s *scratch) painWhen(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && s.info[k].sent == sent; k++ {
		if w := s.toks[k].Word; w != "when" && w != "as" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3 && s.info[j].sent == sent; j++ {
			if collapseCause[s.toks[j].Word] {
				return true
			}
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

// painCollapse reports a spasm or pain told as what dropped someone at token i, in its sentence:
// before it ("my back locked and i fell to the floor"), just after "in", "with" or "from" ("fell
// to the floor in agony", "collapsed with the pain"), or in a "when" after it (painWhen). Pain
// told after as what came of it ("had a bad fall and now back pain") is no such cause.
func (s *scratch) painCollapse(i int) bool {
	if s.sentBefore(i, 6, collapseCause) {
		return true
	}
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks) && k <= i+6 && s.info[k].sent == sent; k++ {
		if !collapseCause[s.toks[k].Word] {
			continue
		}
		for j := k - 1; j > i && j >= k-3; j-- {
			switch s.toks[j].Word {
			case "in", "with", "from":
				return true // "in agony", "with the pain", "from the spasm"
			}
		}
	}
	return s.painWhen(i)
}

// afterWorkout reports a workout told as just done in token i's clause: an exercise word with
// "after", "from", "during", "post" or "out of" within 4 words before it (set `workout-after`:
// "legs like jelly after leg day", "legs gave out after the hike", "jelly legs walking out of the
// gym"). A workout told only as where the back was hurt ("hurt my back at the gym and now my
// legs give way") is no such explanation.
func (s *scratch) afterWorkout(i int) bool {
	clause := s.info[i].clause
	for k := max(i-12, 0); k < len(s.toks) && k <= i+12; k++ {
		if s.info[k].clause != clause || !exerciseWords[s.toks[k].Word] {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if workoutAfter[s.toks[j].Word] {
				return true
			}
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

// strainCollapse reports a collapse told with a strain in the message ("i bent down and my back
// went, i collapsed on the floor"), unless the legs are told of near it or it keeps happening:
// "pulled my back at the gym and now my legs keep collapsing under me".
func (s *scratch) strainCollapse(i int) bool {
	if !s.strained() || s.near(i, fLeg|fFoot|fGiveWay, 4) {
		return false
	}
	clause := s.info[i].clause
	for k := max(i-6, 0); k < len(s.toks) && k <= i+6; k++ {
		if s.info[k].clause != clause {
			continue
		}
		switch s.toks[k].Word {
		case "keep", "keeps", "kept", "keeping", "constantly", "again", "repeatedly", "times", "always":
			return false
		}
	}
	return true
}

// sportTold reports a sport or training word in token i's sentence or the one before it: "long
// runs leave my back tight and my legs feel heavy on the hills".
func (s *scratch) sportTold(i int) bool {
	return s.anyWordBut(s.sentSpan(i, 1, 0), sportWords, s.runsInto)
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

// blowIdiom reports a blow told as taken ("took a hard knock") in a story that tells of no sport
// in its sentence or the one before: "my savings took a big hit" is an idiom, "took a hit at
// rugby" a collision.
func (s *scratch) blowIdiom(i int) bool {
	if !blowVerbs[s.toks[i].Word] {
		return false
	}
	sp := s.sentSpan(i, 1, 0)
	return !s.anyWordBut(sp, sportWords, s.runsInto) && !s.anyWord(sp, contactSports)
}

// painResult reports the word at token i told as what came of pain: "so" with a pain or severe
// word just after it, within 8 words before, and no "and" or "because" between: "the pain was so
// bad my legs gave way", "so intense my legs turned to jelly".
func (s *scratch) painResult(i int) bool {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && k >= i-8 && s.info[k].sent == sent; k-- {
		if s.info[k].kind&kChainBreak != 0 && s.toks[k].Word != "so" {
			return false
		}
		if s.toks[k].Word != "so" {
			continue
		}
		for j := k + 1; j < i && j <= k+2; j++ {
			if s.info[j].feat&(fPain|fSevere|fFirst) != 0 || intenseWords[s.toks[j].Word] {
				return true
			}
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

// bothSides reports "both sides", "either side" or "each side" in token i's sentence: a sign
// told of the two sides of the body ("tingling from my hips to my toes on both sides").
func (s *scratch) bothSides(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo + 1; k < sp.hi; k++ {
		if w := s.toks[k].Word; w == "sides" || w == "side" {
			if p := s.toks[k-1].Word; p == "both" || p == "either" || p == "each" {
				return true
			}
		}
	}
	return false
}

// fallTold reports a fall, crash or blow told in the message as one: not dropping to the floor
// from a spasm or a back that gave way, not nearly falling, not long ago, a supposed cause or
// someone else's fall. It is what makes walking that fails after it a matter of trauma.
func (s *scratch) fallTold() bool {
	for k := range s.toks {
		in := &s.info[k]
		if in.flags&(flNeg|flCont) != 0 || in.feat&(fFall|fMinorFall|fTrauma|fDescent|fStruck) == 0 {
			continue
		}
		if s.painCollapse(k) || s.backGaveWay(k) || s.before(k, 2, almostWords) || s.longAgo(k) ||
			s.supposedCause(k) || s.someoneElseFell(k) || s.caughtSelf(k) {
			continue
		}
		return true
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

// ontoFurniture reports a crash at token i that lands on a sofa or bed, even across a pause
// ("i crashed hard... onto the sofa"): flopping down, not a crash (set `furniture`).
func (s *scratch) ontoFurniture(i int) bool {
	if w := s.toks[i].Word; w != "crashed" && w != "crash" && w != "crashing" {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		switch s.toks[k].Word {
		case "onto", "into", "on", "in":
			for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
				if furniture[s.toks[j].Word] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// crackInBack reports a crack, snap or crunch felt or heard in the back or spine, told in a
// sentence that names the back (set `crack-words`): "i sneezed and felt something crack in my
// back", "heard a crunch in my spine". With weak bones that can be a fracture.
func (s *scratch) crackInBack() bool {
	for k := range s.toks {
		if !crackWords[s.toks[k].Word] || s.info[k].flags&flNeg != 0 {
			continue
		}
		sp := s.sentSpan(k, 0, 0)
		for j := sp.lo; j < sp.hi; j++ {
			if w := s.toks[j].Word; w == "back" || w == "spine" || w == "vertebra" || w == "vertebrae" {
				return true
			}
		}
	}
	return false
}

// backWent reports a back told as going at a moment: "my back went", "my back locked up", "my
// back gave out" (set `back-events` within 2 words after "back").
func (s *scratch) backWent() bool {
	for k := range s.toks {
		if w := s.toks[k].Word; w == "back" || w == "disc" || w == "disk" {
			if backEvents[s.word(k+1)] || backEvents[s.word(k+2)] {
				return true
			}
		}
	}
	return false
}

// backWentBefore reports a back that went at a moment (set `back-events`) told before token i
// in its sentence: "my back went while i was gardening and i fell onto the lawn" is a drop when
// the back went, not a fall that hurt it.
func (s *scratch) backWentBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-14 && s.info[k].sent == s.info[i].sent; k-- {
		if s.toks[k].Word == "back" && (backEvents[s.word(k+1)] || backEvents[s.word(k+2)]) {
			return true
		}
	}
	return false
}

// weightOnLeg reports weight borne (not walking) on a leg at token i: "can't put any weight on
// my right leg", not "on my ankle".
func (s *scratch) weightOnLeg(i int) bool {
	if s.info[i].ab != abWalk || !bearsWeight(s.toks[i].Word) {
		return false
	}
	k := s.onLimb(i)
	return k >= 0 && s.info[k].feat&fLeg != 0
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

// minorCrash reports a crash that its sentence tells as slight by what it did to the car:
// "barely a scratch on the car", "a fender bender", "a little bump in the car park", "no
// damage". A low speed alone is not slight: riders come off at low speed.
func (s *scratch) minorCrash(i int) bool {
	sent := s.info[i].sent
	for k := range s.toks {
		if s.info[k].sent != sent {
			continue
		}
		w, prev := s.toks[k].Word, s.word(k-1)
		switch {
		case crashMinimisers[w]:
			return true
		case w == "bump" && minorWords[prev]:
			return true
		case w == "damage" && (prev == "no" || prev == "little" || prev == "minimal"):
			return true
		}
	}
	return false
}

// strainOnce reports legs that went once, at the moment of a strain told in the message ("bent
// to pick up the shampoo. my legs just went from under me"): nothing in the sentence says it keeps
// happening and nothing in the sentence tells of numb, weak or heavy legs. Legs that keep going
// ("pulled my back and now my legs keep giving way") are a red flag.
func (s *scratch) strainOnce(i int) bool {
	if !s.strained() || s.legSignsNear(i) {
		return false
	}
	sent := s.info[i].sent
	for k := range s.toks {
		if s.info[k].sent != sent {
			continue
		}
		switch s.toks[k].Word {
		case "keep", "keeps", "kept", "keeping", "constantly", "again", "repeatedly", "times", "always",
			"now", "since", "still", "often", "every", "whenever":
			return false
		}
	}
	return true
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

// caughtSelf reports a fall that token i's sentence tells was stopped: "tripped on the stairs
// and caught myself on the banister", "grabbed the rail".
func (s *scratch) caughtSelf(i int) bool {
	sent := s.info[i].sent
	for k := range s.toks {
		if s.info[k].sent != sent {
			continue
		}
		switch w, next := s.toks[k].Word, s.word(k+1); {
		case w == "caught" && (next == "myself" || next == "himself" || next == "herself"):
			return true
		case (w == "grabbed" || w == "grabbing") && grabbable[s.word(k+2)] || (w == "grabbed" || w == "grabbing") && grabbable[s.word(k+1)]:
			return true // "grabbed the banister"
		}
	}
	return false
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
// right ("all sorted", "sorted now", "fixed now"; set `settled`, with "all" before it or "now"
// after it), in a statement that nothing denies, wishes for ("need it all sorted"; set
// `settle-wishes`) or follows with "still".
func (s *scratch) settledTold(from int) bool {
	for k := from; k < len(s.toks); k++ {
		if !settledWords[s.toks[k].Word] || s.word(k-1) != "all" && s.word(k+1) != "now" {
			continue
		}
		if s.clauses[s.info[k].clause].question || s.negatorBefore(k, 3) || s.before(k, 4, settleWishes) || s.before(k, 4, hopedWords) {
			continue
		}
		return !s.stillAfter(k)
	}
	return false
}

// easingAfter reports that after token i the message tells the pain as easing or gone, in a
// statement: "could barely walk this morning, already loosening up", "today i'm feeling better"
// (set `easing`), "now it's just achy" (set `easing-now`, then "just"), "fine now", "normal
// again" (set `recovery`, then "now" or "again"), "all sorted" (settledTold); not denied ("no better"), hoped for ("hoping it gets better"; set `hoped`) or
// asked about, and with nothing in the message saying it is getting worse or not improving.
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
		if s.negatorBefore(k, 3) || s.before(k, 4, hopedWords) || s.before(k, 2, insteadWords) {
			continue
		}
		return true
	}
	return false
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
	sent := s.info[i].sent
	partner := false
	for k := range s.toks {
		if s.info[k].sent != sent {
			continue
		}
		w := s.toks[k].Word
		if s.info[k].clause == s.info[i].clause && (partWords[w] || s.info[k].feat&(fLeg|fFoot|fSaddle) != 0) {
			return false
		}
		partner = partner || partnerWords[w]
	}
	return partner
}

// slipStory reports a message that tells a slip or trip from standing (a minor-fall word, not
// denied) and no height but the ground, a step or the porch it ended on (set `slip-places`),
// no height, vehicle or animal named in any words (set `slip-blockers`), no outcome of a serious fall (toldOutcome), no age of 65 or more and no weak bones: "slipped
// on the icy step and landed on the concrete". Its landing is the slip's, which slip-serious
// judges (a doctor's matter), not a fall from somewhere.
func (s *scratch) slipStory() bool {
	slip := false
	for k := range s.toks {
		f := s.info[k].feat
		switch {
		case f&(fOsteo|fSteroid) != 0, slipBlockers[s.toks[k].Word]:
			return false
		case f&fHeight != 0 && !slipPlaces[s.toks[k].Word]:
			return false
		case f&fMinorFall != 0 && s.info[k].flags&flNeg == 0:
			slip = true
		}
	}
	return slip && !s.toldOutcome() && !s.ageAtLeast(65)
}

// ambulanceCalled reports an ambulance or paramedics told as called for or come (set
// `ambulance`, with a word of set `ambulance-verbs` within 4 words in its clause, or "had to
// call" before it): "they called the ambulance", "the paramedics arrived", "waited for the
// ambulance". Not denied ("didn't call an ambulance"), nearly ("almost rang for an ambulance"),
// long ago, healed since, or only weighed ("thought about asking them to call one": no past verb).
func (s *scratch) ambulanceCalled() bool {
	for k := range s.toks {
		if w := s.toks[k].Word; !ambulanceShapes.may(w) || !ambulanceWords[w] ||
			s.negatedBefore(k) || s.before(k, 4, almostWords) ||
			s.longAgo(k) || s.healedSince(k) {
			continue
		}
		if (s.wordWithin(k, 4, ambulanceVerbs) || s.hadToCall(k)) && !s.forOther(k) {
			return true
		}
	}
	return false
}

// forOther reports someone else told as whom the ambulance at token k was for, within 6 words
// after it in its sentence: "for my dad", "with my mum", "took her nan in", "carrying my dad".
func (s *scratch) forOther(k int) bool {
	for j := k + 2; j < len(s.toks) && j <= k+6 && s.info[j].sent == s.info[k].sent; j++ {
		if !person(s.toks[j].Word) && !animals[s.toks[j].Word] {
			continue
		}
		switch s.word(j - 2) {
		case "for", "with", "to", "took", "take", "taking", "fetch", "collected", "get", "carrying", "carried":
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

// hadToCall reports "had to call" (or ring, phone) within 4 words before token k.
func (s *scratch) hadToCall(k int) bool {
	for j := k - 1; j >= 2 && j >= k-3; j-- {
		switch s.toks[j].Word {
		case "call", "ring", "phone":
			return s.toks[j-1].Word == "to" && (s.toks[j-2].Word == "had" || s.toks[j-2].Word == "have")
		}
	}
	return false
}

// legPath reports pain told as travelling along the leg at token i: a direction word (set
// `directions`: "down", "into") within 6 words before it in its clause ("right down the back of
// my left leg").
func (s *scratch) legPath(i int) bool {
	return s.clauseBefore(i, 6, directionWords)
}

// swoonTold reports a cause of weak knees that is no sign from the back in token i's sentence
// (set `swoon-causes`): a crush, a speech, a crowd pressing in ("my legs went to jelly when my
// crush said hi", "legs gave way in the crush at the gig").
func (s *scratch) swoonTold(i int) bool {
	return s.anyWord(s.sentSpan(i, 0, 0), swoonCauses)
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

// fictionTold reports a fall or break told of a story's figure: a game character or avatar in
// token i's sentence (set `fiction`), or the message turning to real life after it ("irl", "in
// real life"): "took a fall in the game, my character broke his spine. irl my back aches".
func (s *scratch) fictionTold(i int) bool {
	if s.wordInSentence(i, fictionWords) {
		return true
	}
	for k := i + 1; k < len(s.toks); k++ {
		if w := s.toks[k].Word; w == "irl" || w == "real" && s.word(k+1) == "life" && s.word(k-1) == "in" {
			return true
		}
	}
	return false
}
