package triage

// Whose sign, and of which body part: a red-flag rule about a body part needs the sign near it
// to be told of that part ("my bum went numb"), not of another part in the same sentence ("my
// bum aches and my leg tingles"), and told of the writer, not of somebody else ("my sister has
// numbness in her legs, my back is just sore").

// part reports whether token k names a body part: a saddle word, a leg or foot word, or a word
// of the `parts` set (back, arm, neck...). "back of", "side of" name the part after them.
func (s *scratch) part(k int) bool {
	if s.info[k].flags&flCont != 0 {
		return false
	}
	if s.info[k].feat&(fSaddle|fLeg|fFoot) != 0 {
		return true
	}
	return partWords[s.toks[k].Word] && !(s.word(k+1) == "of" && partOf[s.toks[k].Word])
}

// owner returns the body part the sign at token n is told of, or -1 when its clause names none:
// the part after it joined by a preposition ("tingling down my leg", "numb in my bum") or
// straight after it ("numb bum", "weak left leg"); else a part just before it in its clause
// ("my bum went numb", "my leg tingles"). A part farther off, or after "from" ("numbness from my
// leg spread into my groin"), does not own it. A phrase that names a part and its sign ("bum
// asleep") owns itself.
func (s *scratch) owner(n int) int {
	if s.part(n) {
		return n
	}
	clause := s.info[n].clause
	prep, steps := false, 0
	for k := n + 1; k < len(s.toks) && s.info[k].clause == clause && steps < 6; k++ {
		if s.info[k].flags&flCont != 0 {
			continue
		}
		steps++
		if s.part(k) {
			if prep || steps == 1 || s.onlyModifiers(n, k) {
				return k
			}
			break
		}
		w := s.toks[k].Word
		if attachWords[w] || partOf[w] && s.word(k+1) == "of" || // "down the back of my thigh"
			problemAttach[w] && s.info[n].feat&fProblem != 0 { // "trouble with back pain"
			prep = true
			continue
		}
		if w == "and" || w == "or" || w == "but" || !s.toks[k].Stop && !modifierWords[w] {
			break
		}
	}
	for k, steps := n-1, 0; k >= 0 && s.info[k].clause == clause && steps < 3; k-- {
		if s.info[k].flags&flCont != 0 {
			continue
		}
		steps++
		if s.part(k) {
			return k
		}
	}
	return -1
}

// onlyModifiers reports whether only possessives and modifiers ("my left", "the inner") stand
// between tokens a and b.
func (s *scratch) onlyModifiers(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if w := s.toks[k].Word; s.info[k].flags&flCont == 0 && !modifierWords[w] && !possessives[w] {
			return false
		}
	}
	return true
}

// joined reports whether parts a and b are listed together ("my bum and legs", "legs and
// groin"): only small words, modifiers and at least one "and", "or" or "plus" stand between.
func (s *scratch) joined(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if s.info[a].clause != s.info[b].clause || b-a > 6 {
		return false
	}
	and := false
	for k := a + 1; k < b; k++ {
		w := s.toks[k].Word
		switch {
		case s.info[k].flags&flCont != 0:
		case w == "and" || w == "or" || w == "plus" || w == "nor":
			and = true
		case !possessives[w] && !modifierWords[w] && !s.part(k):
			return false
		}
	}
	return and
}

// samePart reports whether part o stands for the same kind of body part as the rule's word at
// token i: both saddle words, or both leg or foot words; or o is listed with i.
func (s *scratch) samePart(i, o int) bool {
	if o == i || s.joined(i, o) {
		return true
	}
	fi, fo := s.info[i].feat, s.info[o].feat
	if fi&fSaddle != 0 {
		return fo&fSaddle != 0
	}
	if fi&(fLeg|fFoot) != 0 {
		return fo&(fLeg|fFoot) != 0 && fo&fSaddle == 0
	}
	return false
}

// nearOwned is near for a sign that must be told of token i's body part: an undenied token with
// f within w content words of i in its sentence that is told of i's kind of part, or of no part.
func (s *scratch) nearOwned(i int, f feat, w int) bool {
	sent := s.info[i].sent
	lo, hi := s.reach(i, w)
	for k := lo; k <= hi; k++ {
		in := &s.info[k]
		if in.sent != sent || in.feat&f == 0 || in.flags&flNeg != 0 {
			continue
		}
		o := s.owner(k)
		if o < 0 || s.samePart(i, o) {
			return true
		}
	}
	return false
}

// reach returns the first and last token within w content words of token i in its sentence.
func (s *scratch) reach(i, w int) (int, int) {
	sent := s.info[i].sent
	lo, hi := i, i
	for k, n := i-1, 0; k >= 0 && s.info[k].sent == sent; k-- {
		if s.info[k].flags&flCont == 0 && !s.toks[k].Stop {
			if n++; n > w {
				break
			}
		}
		lo = k
	}
	for k, n := i+1, 0; k < len(s.toks) && s.info[k].sent == sent; k++ {
		if s.info[k].flags&flCont == 0 && !s.toks[k].Stop {
			if n++; n > w {
				break
			}
		}
		hi = k
	}
	return lo, hi
}

// someoneElses reports a sign told of another person while the back pain is the writer's own:
// "my sister has numbness in her legs, my back is just sore", "my wife's legs go numb when she's
// pregnant, i have lower back ache", "my dog's back legs have gone". The nearest owner before the
// sign in its sentence decides whose sign it is ("her legs", "my dad has", "the cat's", but "my
// legs"); a person told as company ("with the missus") owns nothing; the writer's own back, and no "his
// back" or "her back", whose pain it is. A carer's story ("my dad can't pee and his back is
// agony") still counts, unless the writer sets their own back apart ("my own back is fine").
func (s *scratch) someoneElses(i int) bool {
	return s.otherBefore(i) && (s.ownBack() || s.selfContrast())
}

// othersHistory is someoneElses for a condition of history (cancer, steroids, osteoporosis): the
// writer's own back may also be told in a clause of its own beside another's ("my gran had cancer
// in her spine, but my back's only achy after the gym"), as no carer's worry is lost by it: the
// other's condition is theirs, not the writer's history.
func (s *scratch) othersHistory(i int) bool {
	return s.otherBefore(i) && (s.ownBack() || s.selfContrast() || s.ownBackApart(i))
}

// ownBackApart reports "my back" (or spine) told in a clause other than token i's, with no other
// owner between "my" and the back: "..., but my back's only achy".
func (s *scratch) ownBackApart(i int) bool {
	for k := range s.toks {
		switch s.toks[k].Word {
		case "back", "spine", "backache":
		default:
			continue
		}
		if s.info[k].clause == s.info[i].clause {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3 && s.info[j].clause == s.info[k].clause; j-- {
			if w := s.toks[j].Word; w == "my" {
				return true
			} else if othersBody[w] || person(w) {
				break
			}
		}
	}
	return false
}

// otherBefore reports that the nearest owner before token i in its sentence is another person or
// an animal (someoneElses).
func (s *scratch) otherBefore(i int) bool {
	sent := s.info[i].sent
	other := false
	for k := i - 1; k >= 0 && k >= i-10 && s.info[k].sent == sent; k-- {
		w := s.toks[k].Word
		if w == "my" || selfWords[w] {
			return false
		}
		if (person(w) || animals[w]) && s.before(k, 3, companyWords) {
			continue // "last night with the missus i couldn't feel a thing": company, not whose
		}
		if othersBody[w] || person(w) || animals[w] {
			other = !s.before(k, 2, simileWords) // "as if someone was squeezing my heart": nobody
			break
		}
	}
	return other
}

// person reports a word for another person (set `people`), or its possessive as the normaliser
// leaves it: "mums" in "my mum's osteoporosis", "dads" in "dad's cancer".
func person(w string) bool {
	return people[w] || len(w) > 3 && w[len(w)-1] == 's' && people[w[:len(w)-1]]
}

// ownBack reports that the message tells of the writer's own back ("my back", "my own mild back
// ache", "i have lower back pain", "i'm 40 with a sore back") and of no one else's ("his back", "her spine"): the nearest
// possessive within four words before "back" decides whose it is.
func (s *scratch) ownBack() bool {
	mine := false
	for k := range s.toks {
		switch s.toks[k].Word {
		case "back", "spine", "backache":
		default:
			continue
		}
	find:
		for j := k - 1; j >= 0 && j >= k-4 && s.info[j].sent == s.info[k].sent; j-- {
			switch w := s.toks[j].Word; {
			case othersBody[w], person(w):
				// "his back", and "my dad has back pain": the person owns the back
				return false
			case w == "my":
				mine = true
				break find
			case w == "have" || w == "got" || w == "get" || w == "ive" || w == "with" && s.selfBefore(j, 4):
				// "i have lower back pain", "i've got a stiff back", "i'm 40 with a sore back"
				mine = mine || j < k-1 || k+1 < len(s.toks) && s.info[k+1].feat&fPain != 0
				break find
			case !backModifiers[w] && s.info[j].feat == 0 && !s.toks[j].Stop:
				if j < k-2 {
					break find
				}
			}
		}
	}
	return mine
}

// selfBefore reports the writer ("i", "i'm") within n words before token k in its clause.
func (s *scratch) selfBefore(k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n && s.info[j].clause == s.info[k].clause; j-- {
		if w := s.toks[j].Word; w == "i" || w == "im" {
			return true
		}
	}
	return false
}

// fromPosture reports numbness that a long spell in one position explains, told in token i's
// sentence: "my bum went numb after sitting on the floor for hours", "on long bike rides", "my
// foot went numb sitting cross-legged". Numbness told with the toilet or wiping never is, nor is
// a position word that is itself what fails ("i can hardly walk or stand, three hours on").
func (s *scratch) fromPosture(i int) bool {
	sp := s.sentSpan(i, 0, 0)
	posture, spell, alone, short := false, false, false, false
	for k := sp.lo; k < sp.hi; k++ {
		w := s.toks[k].Word
		short = short || shortSpell[w]
		if s.info[k].flags&flLocked != 0 && (s.info[k].ab != abNone || postureAlone[w] || postureWords[w]) {
			continue // the lost ability itself: "i can barely stand", "i still can hardly walk or stand" is no stand held
		}
		if (postureAlone[w] || postureWords[w]) && (s.simileBefore(k, 6) || s.negatorBefore(k, 4) || s.usedToBefore(k, 6)) {
			continue // "numb, like after a long ride, but i haven't been on a bike"; "it used to be only when i sat"
		}
		switch {
		case postureAlone[w]:
			posture, spell, alone = true, true, true
		case postureWords[w]:
			posture = true
			// "a long drive", "after sitting on the floor", "from kneeling"
			spell = spell || s.word(k-1) == "long" || s.word(k-2) == "long" || k > 0 && (s.word(k-1) == "after" || s.word(k-1) == "from")
		case longSpell[w], allSpells[w] && s.word(k-1) == "all": // "for hours", "all day"
			spell = true
		}
	}
	// numbness of the saddle told on the toilet is never explained ("numb when i sit on the
	// loo") unless put down to the sitting ("numb bum from sitting on the loo"; seatNumb); feet
	// that tingle after a long sit there are
	if short && !alone {
		return false // "neither leg holds me up after standing a few mins": minutes explain nothing
	}
	return posture && spell && !(s.info[i].feat&fSaddle != 0 && s.near(i, fToilet|fWipe, 3) && !s.seatNumb(i))
}

// simileBefore reports a simile ("like", "as if", "as though") within n words before token k: a
// bare "if" supposes a position ("if i sit cross-legged"), it likens nothing.
func (s *scratch) simileBefore(k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n && s.info[j].clause == s.info[k].clause; j-- {
		if w := s.toks[j].Word; simileWords[w] && (w == "like" || s.word(j-1) == "as") && s.info[j].flags&flCont == 0 {
			return true // not a "like" inside a phrase: "my bum feels like it's not there after sitting"
		}
	}
	return false
}

// usedToBefore reports "used to" within n words before token k in its sentence: the posture is
// what once brought the sign on, not what explains it now ("all the time now, it used to be just
// when i sat for ages").
func (s *scratch) usedToBefore(k, n int) bool {
	for j := k - 1; j > 0 && j >= k-n && s.info[j].sent == s.info[k].sent; j-- {
		if s.toks[j].Word == "to" && s.toks[j-1].Word == "used" {
			return true
		}
	}
	return false
}

// negatorBefore reports a negator within n words before token k in its sentence.
func (s *scratch) negatorBefore(k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n && s.info[j].sent == s.info[k].sent; j-- {
		if s.info[j].kind&kNeg != 0 {
			return true
		}
	}
	return false
}

// otherSideToo reports numbness or weakness told of a leg on one side and then of the other:
// "my left leg went numb and now my right leg is going too", "left foot tingles, and today the
// right one as well". Token i is the first limb, with "left" or "right" just before it.
func (s *scratch) otherSideToo(i int) bool {
	other, at := "", -1
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch s.toks[k].Word {
		case "left":
			other, at = "right", k
		case "right":
			other, at = "left", k
		}
	}
	if other == "" || !s.signOfSide(at) {
		return false
	}
	for k := range s.toks {
		if s.toks[k].Word != other || k == i-1 || k == i-2 {
			continue
		}
		limb := false
		for j := k + 1; j < len(s.toks) && j <= k+2; j++ {
			limb = limb || s.info[j].feat&(fLeg|fFoot) != 0 || s.toks[j].Word == "one" || s.toks[j].Word == "side"
		}
		if !limb && possessives[s.word(k-1)] {
			// "now the right is going too": the limb is left unsaid
			for j := k + 1; j < len(s.toks) && j <= k+4 && s.info[j].clause == s.info[k].clause; j++ {
				limb = limb || s.toks[j].Word == "too" || s.toks[j].Word == "also" || s.toks[j].Word == "well" && s.word(j-1) == "as"
			}
		}
		if limb && s.signOfSide(k) {
			return true
		}
	}
	return false
}

// signOfSide reports numbness or weakness in the clause of the side word at token k that is told
// of the limb just after it ("the right one is numb too"), or of no part and after it.
func (s *scratch) signOfSide(k int) bool {
	clause := s.info[k].clause
	for j := k + 1; j < len(s.toks) && s.info[j].clause == clause; j++ {
		if s.info[j].feat&(fNumb|fWeak) == 0 || s.info[j].flags&flNeg != 0 {
			continue
		}
		if o := s.owner(j); o < 0 || o > k && o <= k+2 {
			return true
		}
	}
	// "and now my right leg is going too": the sign before it goes on unsaid
	for j := k + 1; j < len(s.toks) && s.info[j].clause == clause; j++ {
		if s.info[j].feat != 0 && s.info[j].feat&(fLeg|fFoot) == 0 {
			return false
		}
		if w := s.toks[j].Word; w == "too" || w == "also" || w == "same" || w == "well" && s.word(j-1) == "as" {
			return true
		}
	}
	return false
}

// someoneElseNamed reports the name of a condition at token i told of another person in its
// clause, in a message that asks nothing: "my brother had surgery for cauda equina, so i'm
// nervous". A question ("my husband has cauda equina symptoms, what should we do?") asks for
// someone in care, and a carer's story asks for care, unless the writer sets their own
// complaint apart (selfContrast: "me, i just have a stiff back. stretches?").
func (s *scratch) someoneElseNamed(i int) bool {
	for c := range s.clauses {
		if s.clauses[c].question && !s.selfContrast() {
			return false
		}
	}
	clause := s.info[i].clause
	for k := i - 1; k >= 0 && k >= i-10 && s.info[k].clause == clause; k-- {
		w := s.toks[k].Word
		if w == "my" || selfWords[w] {
			return false
		}
		if othersBody[w] || person(w) || animals[w] {
			return true
		}
	}
	return false
}

// otherSideNamed reports both sides told after token i, the first in its sentence within 20
// words, the second in that sentence or the next, with "too", "also" or "as well" after it:
// "sciatica on the left and now on the right too", "sciatica for years, mostly the left side. this
// week it's started on the right too". A side that names another part ("my right hip", "the
// right shoulder") is not the other leg.
func (s *scratch) otherSideNamed(i int) bool { return s.otherSide(i) >= 0 }

// otherSideNow reports the other side (otherSideNamed) told with a word of now in its clause
// ("now", "this week", "started", set `now`): the sign has spread, however long the first side
// has hurt ("sciatica for years on the left; this week it's started on the right too").
func (s *scratch) otherSideNow(i int) bool {
	k := s.otherSide(i)
	if k < 0 {
		return false
	}
	for j := max(k-8, 0); j < len(s.toks) && j <= k+6; j++ {
		if s.info[j].clause == s.info[k].clause && (nowWords[s.toks[j].Word] || s.toks[j].Word == "week" && s.word(j-1) == "this") {
			return true
		}
	}
	return false
}

// otherSide returns the token of the second side otherSideNamed finds, or -1.
func (s *scratch) otherSide(i int) int {
	sent := s.info[i].sent
	first := ""
	for k := i + 1; k < len(s.toks) && k <= i+30 && s.info[k].sent <= sent+1; k++ {
		w := s.toks[k].Word
		if w != "left" && w != "right" || first == "" && (k > i+20 || s.info[k].sent != sent) {
			continue
		}
		if first == "" {
			first = w
			continue
		}
		if n := s.word(k + 1); w == first || partWords[n] && n != "side" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+6 && s.info[j].sent == s.info[k].sent; j++ {
			if v := s.toks[j].Word; v == "too" || v == "also" || v == "well" && s.word(j-1) == "as" {
				return k
			}
		}
		return -1
	}
	return -1
}

// selfContrast reports a writer who sets their own complaint apart from someone else's: "me, i
// just have", "as for me", "asking for me", "my own back", "mine is just stiff" ("mine" opening
// its clause).
func (s *scratch) selfContrast() bool {
	for k := range s.toks {
		switch s.toks[k].Word {
		case "mine", "mines":
			if s.opensClause(k) {
				return true // "..., mine just hurts from sitting"
			}
		case "me":
			if n := s.word(k + 1); n == "i" || n == "myself" {
				return true // "me, i just have"
			}
			if p := s.word(k - 2); s.word(k-1) == "for" && (p == "as" || p == "asking" || p == "just") {
				return true // "as for me", "just asking for me"
			}
			if n := s.word(k + 1); s.word(k-1) == "for" && s.opensClause(k-1) && (n == "tho" || n == "though" || n == "personally") {
				return true // "for me tho, just a stiff back"
			}
			if s.word(k-1) == "for" && s.word(k-2) == "not" && s.opensClause(k-2) && s.word(k+1) == "just" && s.word(k+2) != "for" {
				return true // "..., not for me, just wondering"; not "not for me, for him"
			}
		case "own":
			if s.word(k-1) == "my" {
				return true
			}
		}
	}
	return false
}

// frontPlace reports a chest phrase told as one's front ("across my front") that is a place or
// thing in front instead: "over my front garden", "across my front step" (set `front-places`
// right after the phrase).
func (s *scratch) frontPlace(i int) bool {
	end := i
	for end+1 < len(s.toks) && s.info[end+1].flags&flCont != 0 {
		end++
	}
	return s.toks[end].Word == "front" && frontPlaces[s.word(end+1)]
}

// spreadInto reports a spread verb then a direction ("into", "down", "to", "across") within 4 words
// before token i in its clause: "the pain has spread into my legs", not "spread my legs".
func (s *scratch) spreadInto(i int) bool {
	clause := s.info[i].clause
	way := s.toks[i].Word == "across" || s.toks[i].Word == "over" // the part's phrase holds the way: "across my front"
	for k := i - 1; k >= 0 && k >= i-4 && s.info[k].clause == clause; k-- {
		switch w := s.toks[k].Word; {
		case w == "into" || w == "down" || w == "to" || w == "through" || w == "across" || w == "over":
			way = true
		case spreadVerbs[w]:
			return way
		}
	}
	return false
}

// armSpread reports back pain at token i told as travelling into an arm, in i's clause within 16
// words after it: "back pain that shoots down my left arm", "goes up into my shoulder and down
// my arm" (a spread verb, then "into", "down", "to" or "through", then an arm word of set
// `upper-limbs`, with only words of set `limb-sides` between), in a clause that names the back
// (set `back-words`) or near the shoulder blades.
func (s *scratch) armSpread(i int) bool {
	clause := s.info[i].clause
	for k := i + 1; k < len(s.toks) && k <= i+16 && s.info[k].clause == clause; k++ {
		// the way first, by plain comparisons: this runs at every pain word
		if w := s.toks[k].Word; w != "into" && w != "down" && w != "to" && w != "through" || !s.spreadVerbIn(i+1, k) {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+4 && s.info[j].clause == clause; j++ {
			if w := s.toks[j].Word; upperLimbs[w] {
				return s.anyWord(s.clauseSpan(i), backWords) || s.near(i, fThoracic, 12)
			} else if !limbSides[w] {
				break // "went to put my arm in my coat": the way led to a deed, not the arm
			}
		}
	}
	return false
}

// spreadVerbIn reports a word of set `spread-verbs` among tokens lo to hi-1.
func (s *scratch) spreadVerbIn(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if spreadVerbs[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// opensClause reports that token k is the first word of its clause, past words that may open a
// clause before its real first word ("but", "and", "so"; set `filler-starts`).
func (s *scratch) opensClause(k int) bool {
	for j := k - 1; j >= 0 && s.info[j].clause == s.info[k].clause; j-- {
		if !fillerStarts[s.toks[j].Word] {
			return false
		}
	}
	return true
}

// partPain reports a saddle word told as where a pain is, with no numbness near: "problems with
// groin pain on long rides", "weird bum ache after the run". The trouble is the pain (a doctor's
// or the FAQ's matter), not numbness; "numb bum and bum pain" still has its numbness.
func (s *scratch) partPain(i int) bool {
	j := i + 1
	for j < len(s.toks) && s.info[j].flags&flCont != 0 {
		j++
	}
	return j < len(s.toks) && s.info[j].sent == s.info[i].sent && s.info[j].feat&fPain != 0 &&
		s.info[j].flags&flNeg == 0 && !s.near(i, fNumb, 5)
}
