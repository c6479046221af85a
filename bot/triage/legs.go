package triage

// Checks on the legs and walking: a single joint or limb that gave, legs that went at the moment
// of a strain or after a workout, weight borne on one leg, a walk cut short, pain that runs down
// a leg, and what else explains weak or unsteady legs (dizziness, a crush, a long-standing habit).

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

// walkLimited reports that pain, distance or time limits the walking at token i: "i struggle to
// walk far because my back hurts", "hard to walk for long".
func (s *scratch) walkLimited(i int) bool { return s.after(i, 6, walkLimit) }

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

// weightOnLeg reports weight borne (not walking) on a leg at token i: "can't put any weight on
// my right leg", not "on my ankle".
func (s *scratch) weightOnLeg(i int) bool {
	if s.info[i].ab != abWalk || !bearsWeight(s.toks[i].Word) {
		return false
	}
	k := s.onLimb(i)
	return k >= 0 && s.info[k].feat&fLeg != 0
}

// strainOnce reports legs that went once, at the moment of a strain told in the message ("bent
// to pick up the shampoo. my legs just went from under me"): nothing in the sentence says it keeps
// happening and nothing in the sentence tells of numb, weak or heavy legs. Legs that keep going
// ("pulled my back and now my legs keep giving way") are a red flag.
func (s *scratch) strainOnce(i int) bool {
	if !s.strained() || s.legSignsNear(i) {
		return false
	}
	sp := s.sentSpan(i, 0, 0)
	for k := sp.lo; k < sp.hi; k++ {
		switch s.toks[k].Word {
		case "keep", "keeps", "kept", "keeping", "constantly", "again", "repeatedly", "times", "always",
			"now", "since", "still", "often", "every", "whenever":
			return false
		}
	}
	return true
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
