package triage

// Checks on falls, blows and crashes: how serious the story makes a fall (a height, a hard
// landing, an outcome, a few steps or a slip from standing), whether a blow was soft or an idiom,
// whether pain or a back that went is what dropped someone, and whether an ambulance came.

// unhurt reports that the sentence of the fall at token i says the writer came to no harm after
// it: "i fell over on the ice but i'm fine", "slipped on the stairs, didn't hurt myself", unless
// something is excepted ("i'm fine apart from my back").
func (s *scratch) unhurt(i int) bool {
	return s.fineAt(i, i+1, 14) || s.upFineLater(i)
}

// upFineLater reports a later sentence of the story telling the writer got up after the fall at
// token i and was fine: "after a few minutes on my back i got up and a few minutes later found i
// was fine", unless something is excepted after it ("i got up and felt fine, but the next day").
func (s *scratch) upFineLater(i int) bool {
	sent := s.info[i].sent
	for k := i + 1; k < len(s.toks); k++ {
		if s.info[k].sent == sent || s.toks[k].Word != "up" || !upVerbs[s.word(k-1)] {
			continue
		}
		if s.fineAt(k, k+1, 12) {
			return true
		}
	}
	return false
}

// fineAt reports a word telling the writer unhurt (see unhurt) within n words after token from in
// the sentence of token i, with nothing excepted just after it.
func (s *scratch) fineAt(i, from, n int) bool {
	sent := s.info[i].sent
	for k := from; k < len(s.toks) && k <= i+n && s.info[k].sent == sent; k++ {
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

// painDidIt reports a blow told of the pain, not of a thing: "it literally knocked me off my
// feet", "the spasm hit me"; or of an illness ("the flu knocked me flat", illnessDidIt). The subject just before the word is "it", "this" or a pain word;
// "it" after a vehicle in its sentence stands for the vehicle ("i didn't see the car coming and
// it knocked me off my bike"; set `vehicles`).
func (s *scratch) painDidIt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && s.info[k].clause == s.info[i].clause; k-- {
		w := s.toks[k].Word
		if (w == "it" || w == "this") && !s.anyWord(span{s.sentSpan(k, 0, 0).lo, k}, vehicleWords) ||
			s.info[k].feat&(fPain|fSciatica|fSevere) != 0 || collapseCause[w] || illnessWords[w] {
			return true
		}
		if !limbAux[w] && w != "literally" && w != "really" {
			return s.illnessDidIt(i)
		}
	}
	return s.illnessDidIt(i)
}

// illnessDidIt reports a blow told of an illness after "by" in its clause: "knocked off my feet
// by the flu", "floored by a bug" (set `illness`).
func (s *scratch) illnessDidIt(i int) bool {
	sp := s.clauseSpan(i)
	for k := i + 1; k+1 < sp.hi && k <= i+5; k++ {
		if s.toks[k].Word == "by" && s.after(k, 2, illnessWords) {
			return true
		}
	}
	return false
}

// supposedCause reports a crash or fall only wondered about as a cause: "not sure if this is
// due to an accident", "i wonder whether it was the fall". A hedge and "if" stand before it in
// its clause with no "after", "since" or "because" between: "not sure if i should go in after
// falling off the ladder" tells of a fall that happened, and "what if i fell down the stairs?"
// asks about one, which deserves the urgent advice, unless the message says the asking is idle
// ("hypothetically", "just curious"; set `idle-asks`): "hypothetically, if i fell off a ladder,
// what would the signs be?" supposes a fall that did not happen.
func (s *scratch) supposedCause(i int) bool {
	clause := s.info[i].clause
	for k := i - 1; k >= 0 && k >= i-8 && s.info[k].clause == clause; k-- {
		if s.info[k].kind&kIf != 0 {
			return s.idle || k > 0 && s.info[k-1].kind&kHedge != 0 || k > 1 && s.info[k-2].kind&kHedge != 0
		}
		switch s.toks[k].Word {
		case "after", "since", "because", "cos", "when", "from":
			return false
		}
	}
	return false
}

// smallStriker reports a blow dealt by a baby or toddler just before token i: "my toddler kicked
// me in the back", "the baby kicks my spine all night" (set `small-strikers`).
func (s *scratch) smallStriker(i int) bool {
	if wholeDescentVerbs[s.toks[i].Word] {
		return false // the child fell: "my kid fell off the trampoline" is a fall, no blow dealt
	}
	return s.before(i, 3, smallStrikers) && !s.writerActs(i) // not "with the kids in the car we crashed"
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

// minorCrash reports a crash that its sentence tells as slight by what it did to the car:
// "barely a scratch on the car", "a fender bender", "a little bump in the car park", "no
// damage". A low speed alone is not slight: riders come off at low speed.
func (s *scratch) minorCrash(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
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

// caughtSelf reports a fall that token i's sentence tells was stopped: "tripped on the stairs
// and caught myself on the banister", "grabbed the rail".
func (s *scratch) caughtSelf(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		switch w, next := s.toks[k].Word, s.word(k+1); {
		case w == "caught" && (next == "myself" || next == "himself" || next == "herself"):
			return true
		case (w == "grabbed" || w == "grabbing") && grabbable[s.word(k+2)] || (w == "grabbed" || w == "grabbing") && grabbable[s.word(k+1)]:
			return true // "grabbed the banister"
		}
	}
	return false
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

// fewSteps reports a fall at token i whose sentence tells it went down only a few steps: a count
// of three or fewer (set `few-step-counts`: "two", "a few", "a couple of") within 3 words before
// a step word (set `step-words`), not "each one of the stairs", and nothing in the sentence that
// tells a longer fall (set `many-steps`: a flight, the whole staircase, several; or a fall down
// the stairs, "fell down the stairs, the last two on my back"); not with weak bones, an age of 65
// or more, or an outcome of a serious fall (toldOutcome). "Slipped on the step and slid down two
// more on my bum" is a slip (slip-serious), not a fall from a height.
func (s *scratch) fewSteps(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	if s.anyWord(sp, manySteps) || s.told&(fOsteo|fSteroid) != 0 || s.toldOutcome() || s.ageAtLeast(65) {
		return false
	}
	for k := sp.lo; k < sp.hi; k++ {
		if stepWords[s.toks[k].Word] && s.wholeDescent(k) {
			return false
		}
	}
	for k := sp.lo; k < sp.hi; k++ {
		if !stepWords[s.toks[k].Word] {
			continue
		}
		for j := k - 1; j >= sp.lo && j >= k-3; j-- {
			if fewStepCounts[s.toks[j].Word] && s.word(j-1) != "each" && s.word(j-1) != "every" {
				return true
			}
		}
	}
	return false
}

// wholeDescent reports the step word at token k told as a whole descent, with no count: a fall
// verb (set `whole-descent-verbs`), "down", then "the" or "my" (set `possessives`): "fell down
// the stairs", "bounced down the steps"; not "started down my steps".
func (s *scratch) wholeDescent(k int) bool {
	return possessives[s.word(k-1)] && s.word(k-2) == "down" && wholeDescentVerbs[s.word(k-3)]
}

// ambulanceCalled reports an ambulance or paramedics told as called for or come (set
// `ambulance`, with a word of set `ambulance-verbs` within 4 words in its clause, or "had to
// call" before it): "they called the ambulance", "the paramedics arrived", "waited for the
// ambulance". Not denied ("didn't call an ambulance"), nearly ("almost rang for an ambulance"),
// long ago, healed since, only weighed ("thought about asking them to call one": no past verb), or
// for someone else (forOther, otherFellIn).
func (s *scratch) ambulanceCalled() bool {
	for k := range s.toks {
		if w := s.toks[k].Word; !ambulanceShapes.may(w) || !ambulanceWords[w] ||
			s.negatedBefore(k) || s.before(k, 4, almostWords) ||
			s.longAgo(k) || s.healedSince(k) {
			continue
		}
		if (s.wordWithin(k, 4, ambulanceVerbs) || s.hadToCall(k)) && !s.forOther(k) && !s.otherFellIn(k) {
			return true
		}
	}
	return false
}

// otherFellIn reports a fall, crash or blow told of someone else (someoneElseFell) in token k's
// sentence: the ambulance came for them ("a lad at work fell off the scaffolding, the ambulance
// came, my own back is just the usual niggle").
func (s *scratch) otherFellIn(k int) bool {
	sp := s.sentSpan(k, 0, 0)
	for j := sp.lo; j < sp.hi; j++ {
		in := &s.info[j]
		if in.flags&flNeg == 0 && in.feat&(fFall|fTrauma|fDescent|fStruck|fAccident) != 0 && s.someoneElseFell(j) {
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

// checkedClear reports that after token i the story tells the crash or fall checked and found
// clear or slight: a finding (set `scan-findings`), not denied or asked, with a clinician or a
// scan within 10 words before it in its sentence (set `scan-checkers`; "x-rayed" reads as "x",
// "rayed"): "x-rays revealed only a soft tissue injury", "ct scan clear", "the consultant said it
// was a stable fracture". A feeling ("what a relief") or a lay verdict ("he says it's just
// bruised") is no check.
func (s *scratch) checkedClear(i int) bool {
	for k := i + 1; k < len(s.toks); k++ {
		if scanFindings[s.toks[k].Word] && !s.negatedBefore(k) && !s.clauses[s.info[k].clause].question &&
			s.sentBefore(k, 10, scanCheckers) {
			return true
		}
	}
	return false
}
