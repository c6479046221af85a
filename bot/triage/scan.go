package triage

import "strings"

// tokInfo is what the detector knows about one token of a message.
type tokInfo struct {
	feat   feat
	kind   kind
	ab     ability
	flags  uint8
	clause int32
	sent   int32
}

const (
	flNeg    uint8 = 1 << iota // denied by a negator or a reassurance
	flLocked                   // part of a red flag made by a negator: nothing may deny it
	flCont                     // inside a phrase, after its first token
	flDone                     // a negator already used up
	flSkip                     // a small word a phrase may step over
)

// read cuts text into sentences and clauses at punctuation and analyses each piece.
func (d *Detector) read(s *scratch, text string) {
	var sent int32
	start := 0
	for i := 0; i < len(text); i++ {
		if !cutByte[text[i]] {
			continue // most bytes: letters, digits, spaces
		}
		var cut byte // 0: none, 1: clause, 2: sentence
		skip := 0
		switch c := text[i]; c {
		case ',', ':', '(', ')', '[', ']', '{', '}':
			cut = 1
		case '.', '!', '?', ';', '\n', '\r':
			cut = 2
			if c == '.' && i+1 < len(text) && text[i+1] == '.' {
				cut, skip = ellipsisCut, dotRun(text[i:])-1 // "feel... nothing": a pause
			}
		case '-':
			if i > 0 && i+1 < len(text) && text[i-1] == ' ' && text[i+1] == ' ' {
				cut = 1
			}
		case 0xe2: // em dash, en dash, ellipsis
			if i+2 < len(text) && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x93, 0x94:
					cut, skip = 1, 2
				case 0xa6:
					cut, skip = ellipsisCut, 2
				}
			}
		}
		if (text[i] == '.' || text[i] == ',') && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			cut = 0 // 38.5, 1,000
		}
		if cut == 0 {
			i += skip
			continue
		}
		d.segment(s, text[start:i], sent, text[i] == '?')
		i += skip
		start = i + 1
		if cut == 2 {
			sent++
		}
	}
	d.segment(s, text[start:], sent, false)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ellipsisCut is how read cuts at an ellipsis ("...", "…"): in chat it is a pause inside a
// sentence ("things just feel... nothing", "my bum feels... numb"), so it cuts nothing (0); a
// clause cut (1) would keep "feel" and "nothing" apart.
const ellipsisCut = 0

// dotRun returns how many dots text starts with.
func dotRun(text string) int {
	n := 0
	for n < len(text) && text[n] == '.' {
		n++
	}
	return n
}

// cutByte marks the bytes at which read may cut a message: punctuation, line ends, dashes and the
// first byte of the typographic dashes and ellipsis.
var cutByte = func() (t [256]bool) {
	for _, c := range []byte(",:()[]{}.!?;\n\r-\xe2") {
		t[c] = true
	}
	return t
}()

// segment analyses one piece of text between punctuation; question says it ended with "?".
func (d *Detector) segment(s *scratch, seg string, sent int32, question bool) {
	from := len(s.toks)
	s.toks = d.analyze(seg, s.toks)
	if len(s.toks) == from {
		return
	}
	clause := s.newClause()
	first := true
	for i := from; i < len(s.toks); i++ {
		t := &s.toks[i]
		e := d.entry(t)
		s.idle = s.idle || d.idleAsk(t)
		if e.kind&kClauseBreak != 0 && i > from && !(t.Word == "apart" && s.word(i+1) != "from") {
			clause = s.newClause() // "fine apart from my back", not "falling apart"
			first = true
		}
		if first && !fillerStarts[t.Word] {
			if e.kind&kQuestion != 0 {
				s.clauses[clause].question = true
			}
			first = false
		}
		in := tokInfo{feat: e.feat, kind: e.kind, ab: e.ab, clause: clause, sent: sent}
		if t.Stop && e.kind&(kNeg|kNegAbility|kClauseBreak) == 0 && t.Word != "and" && t.Word != "or" {
			in.flags = flSkip
		}
		s.info = append(s.info, in)
	}
	if question {
		s.clauses[clause].question, s.clauses[clause].asked = true, true
	} else {
		s.droppedSubject(from)
	}
}

// droppedSubject takes back the question read from a clause's opening "can" when the writer has
// only dropped the "i" of a statement: the segment from token from ends without "?", the word
// after "can" is a verb of the writer, not a subject (set `subjects`), and a reassurance follows
// in the clause ("can pee fine", "could walk ok"). "can stress cause back pain" still asks.
func (s *scratch) droppedSubject(from int) {
	for i := from; i+1 < len(s.toks); i++ {
		c := s.info[i].clause
		if !s.clauses[c].question || !statementModals[s.toks[i].Word] || subjectWords[s.toks[i+1].Word] {
			continue
		}
		for k := i + 2; k < len(s.toks) && s.info[k].clause == c; k++ {
			if s.info[k].kind&kReassure != 0 {
				s.clauses[c].question = false
				break
			}
		}
	}
}

// analyze reads a segment with triage's own analyzer (the text is already lower-cased).
func (d *Detector) analyze(seg string, buf []Token) []Token {
	return d.an.analyzeLower(seg, buf)
}

func (s *scratch) newClause() int32 {
	s.clauses = append(s.clauses, clauseInfo{})
	return int32(len(s.clauses) - 1)
}

func (d *Detector) entry(t *Token) lexEntry {
	if t.slot > 0 {
		return d.slots[t.slot-1].entry
	}
	return d.lookup(t)
}

// idleAsk reports whether t is a word of idle asking (idle-asks, as written): by its slot for
// the words the analyzer reads in one lookup, so most words cost no second lookup.
func (d *Detector) idleAsk(t *Token) bool {
	if t.slot > 0 {
		return d.slots[t.slot-1].idle
	}
	return idleAsks[t.Word]
}

func (d *Detector) lookup(t *Token) lexEntry {
	if t.Term >= 0 && int(t.Term) < len(d.terms) {
		return d.terms[t.Term]
	}
	return d.words[t.Word]
}

// phrasesAt lists the built-in phrases that may start at a token without a slot (whose phrases
// are filed in d.slots).
func (d *Detector) phrasesAt(t *Token) []phraseStart {
	if t.Term >= 0 && int(t.Term) < len(d.byTerm) {
		if d.exact[t.Term] {
			return append(append([]phraseStart{}, d.byTerm[t.Term]...), d.byWord[t.Word]...)
		}
		return d.byTerm[t.Term]
	}
	return d.byWord[t.Word]
}

// longestAt returns the longest built-in phrase matching at token i and where it ends, or -1.
func (d *Detector) longestAt(s *scratch, i int) (int, int) {
	t := &s.toks[i]
	if t.slot > 0 {
		f := &d.slots[t.slot-1].phr
		if len(f.any) == 0 && f.bits == 0 {
			return -1, 0
		}
		return f.longest(s, d, i, s.sigAfter(i))
	}
	list := d.phrasesAt(t)
	if len(list) == 0 {
		return -1, 0
	}
	f := phraseFile{any: list} // tried in list order, so order is never asked
	return f.longest(s, d, i, s.sigAfter(i))
}

// extrasAt lists the moderators' phrases that may start at a token.
func (d *Detector) extrasAt(t *Token) []int32 {
	if t.slot > 0 {
		return d.slots[t.slot-1].extras
	}
	if t.Term >= 0 {
		return d.exTerm[t.Term]
	}
	return d.exWord[t.Word]
}

// findPhrases marks built-in phrases (longest first, each word in at most one) and then adds
// moderators' phrases on top.
func (d *Detector) findPhrases(s *scratch) {
	n := len(s.toks)
	for i := 0; i < n; i++ {
		best, bestEnd := d.longestAt(s, i)
		if best < 0 {
			continue
		}
		p := &d.phr[best]
		in := &s.info[i]
		in.feat, in.ab, in.kind = p.entry.feat, p.entry.ab, p.entry.kind
		if p.cancel {
			in.feat, in.ab = 0, abNone
		}
		if p.locked {
			in.flags |= flLocked
		}
		for j := i + 1; j < bestEnd; j++ {
			c := &s.info[j]
			c.feat, c.ab, c.kind = 0, abNone, 0
			c.flags |= flCont
		}
		i = bestEnd - 1
	}
	if len(d.extras) == 0 {
		return
	}
	for i := 0; i < n; i++ {
		for _, pi := range d.extrasAt(&s.toks[i]) {
			p := &d.extras[pi]
			if _, ok := s.match(p, i); ok {
				s.info[i].feat |= p.entry.feat
			}
		}
	}
}

// sigAfter is the signature (tokBit) of the words a phrase's second word may be at: the four
// after token i in its clause.
func (s *scratch) sigAfter(i int) uint64 {
	var sig uint64
	clause := s.info[i].clause
	for j := i + 1; j < len(s.toks) && j <= i+4 && s.info[j].clause == clause; j++ {
		sig |= tokBit(s.toks[j].Term, s.toks[j].slot)
	}
	return sig
}

// match reports whether p matches at token i, and where the match ends. Up to three small words
// in the message ("my", "really", "a bit") may sit between the phrase's words.
func (s *scratch) match(p *phrase, i int) (int, bool) {
	if !p.items[0].matches(&s.toks[i]) {
		return 0, false
	}
	clause := s.info[i].clause
	j, skips := i+1, 0
	for k := 1; k < len(p.items); k++ {
		it := &p.items[k]
		for {
			if j >= len(s.toks) || s.info[j].clause != clause {
				return 0, false
			}
			if it.matches(&s.toks[j]) {
				j++
				break
			}
			if s.info[j].flags&flSkip == 0 || skips == 3 {
				return 0, false
			}
			j++
			skips++
		}
	}
	return j, true
}

// anchor reports whether token j means something the negation rules care about.
func (s *scratch) anchor(j int) bool {
	in := &s.info[j]
	return in.feat != 0 || in.ab != abNone || in.kind&kReassure != 0
}

// chain is the tokens one negator or reassurance reaches. The first core of them stand right next
// to each other ("losing bladder control") and decide what the negator means.
type chain struct {
	n, core int
	idx     [8]int32
}

func (c *chain) add(j int) bool {
	if c.n == len(c.idx) {
		return false
	}
	c.idx[c.n] = int32(j)
	c.n++
	return true
}

// negate applies negators and reassurances, each to the nearest symptom in its clause.
func (d *Detector) negate(s *scratch) {
	n := len(s.toks)
	for i := 0; i < n; i++ {
		in := &s.info[i]
		if in.flags&(flCont|flDone|flLocked) != 0 || in.kind&(kNeg|kNegAbility) == 0 {
			continue
		}
		in.flags |= flDone
		if s.notWithout(i) {
			continue // "couldn't bend without pain shooting down my leg": the pain is told
		}
		var c chain
		if !s.superlative(i) && s.forward(i, &c) && !s.unseenEvent(i, &c) {
			d.classify(s, i, &c)
		}
	}
	for i := 0; i < n; i++ {
		in := &s.info[i]
		if in.ab == abSense && in.flags&(flNeg|flLocked) == 0 && (s.word(i-1) == "can" || s.word(i-1) == "could") &&
			(s.supposed(i) || s.doubtBefore(i)) && s.near(i, fSaddle|fLeg|fFoot|fWipe|fToilet|fBladder|fBowel, 2) {
			// "not sure if I can feel my bum", "i don't think i can feel the toilet paper": a
			// doubt about sensation is a red flag
			in.feat |= fNumb
		}
		if in.flags&(flCont|flDone|flNeg|flLocked) != 0 || in.kind&kReassure == 0 {
			continue
		}
		if s.clauses[in.clause].question || s.supposed(i) || s.negatedBefore(i) || s.retracted(i) || s.word(i-1) == "than" ||
			s.word(i-2) == "than" && possessives[s.word(i-1)] {
			continue // "than usual", "than my usual" compares: "peeing more often than usual"
		}
		var c chain
		if !s.backward(i, &c) {
			s.forwardFrom(i, &c)
		}
		for k := 0; k < c.n; k++ {
			if t := &s.info[c.idx[k]]; t.flags&flLocked == 0 {
				t.flags |= flNeg
			}
		}
	}
	s.carryAbilities(d)
	s.carryDenials()
	s.answeredNo()
	s.saidNo(d)
	s.genericExamples()
	s.idleQuestions()
}

// notWithout reports a "without" at k after a denied verb in its clause ("can't sit without
// pain", "hardly walk without a stab of pain", "never bend without it catching"): the two
// denials make a claim, so what follows "without" is told, not denied. The verb negators are
// set `verb-negators` and the ability negators ("unable", "barely").
func (s *scratch) notWithout(k int) bool {
	if s.toks[k].Word != "without" {
		return false
	}
	clause := s.info[k].clause
	for j := k - 1; j >= 0 && j >= k-8 && s.info[j].clause == clause; j-- {
		if verbNegators[s.toks[j].Word] || s.info[j].kind&kNegAbility != 0 {
			return true
		}
	}
	return false
}

// carryAbilities carries a denied walking, standing, moving or lifting across "or" to the next
// walking, standing or moving in its clause: "i couldn't stand up straight or bear any weight",
// "can't sit or stand", "could not lift my head or move my arms" (the negator itself reaches
// only the first).
func (s *scratch) carryAbilities(d *Detector) {
	for j := 1; j < len(s.toks); j++ {
		in := &s.info[j]
		if in.flags&(flCont|flNeg|flLocked) != 0 || !bodyAbility(in.ab) || s.toks[j-1].Word != "or" {
			continue
		}
		for k := j - 2; k >= 0 && k >= j-6 && s.info[k].clause == in.clause; k-- {
			if o := &s.info[k]; o.flags&flLocked != 0 && (bodyAbility(o.ab) || o.ab == abLift) {
				c := chain{n: 1, core: 1}
				c.idx[0] = int32(j)
				in.flags |= flLocked
				d.derive(s, &c, 1<<in.ab, false)
				break
			}
		}
	}
}

// bodyAbility reports walking, standing or moving.
func bodyAbility(a ability) bool { return a == abWalk || a == abStand || a == abMove }

// retracted reports a reassurance at token i told as what one thought, then taken back in the
// same sentence: "i thought my bladder was fine, but then i realised i hadn't been all day".
func (s *scratch) retracted(i int) bool {
	clause, sent := s.info[i].clause, s.info[i].sent
	thought := false
	for k := i - 1; k > 0 && s.info[k].clause == clause; k-- {
		if w := s.toks[k].Word; (w == "thought" || w == "assumed") && s.word(k-1) == "i" {
			thought = true
		}
	}
	if !thought {
		return false
	}
	for k := i + 1; k < len(s.toks) && s.info[k].sent == sent; k++ {
		if s.info[k].clause != clause && s.info[k].kind&kClauseBreak != 0 {
			return true // a "but" takes it back
		}
	}
	return false
}

// idleQuestions denies the signs of a question that asks about nobody in particular, in a message
// that says the asking is idle or for fiction (set `idle-asks`): "what's the deal with saddle
// numbness? just nosey", "what if someone can't pee, is that serious? it's for a novel". A
// question with a word of the writer's own ("just curious, why are my legs numb?") stays.
func (s *scratch) idleQuestions() {
	if !s.idle { // read with the words (segment)
		return
	}
	for k := range s.toks {
		if s.info[k].feat != 0 && s.clauses[s.info[k].clause].question && !s.ownSentence(s.info[k].sent) {
			s.info[k].flags |= flNeg // even "can't pee": nobody's
		}
	}
}

// ownSentence reports a word of the writer's own ("i", "my", "me") in sentence sent, other than
// the writer as a reader ("i keep reading about red flags, what is saddle numbness?").
func (s *scratch) ownSentence(sent int32) bool {
	for k := range s.toks {
		if s.info[k].sent != sent || !selfWords[s.toks[k].Word] && s.toks[k].Word != "my" {
			continue
		}
		if !mediaWords[s.word(k+1)] && !mediaWords[s.word(k+2)] {
			return true
		}
	}
	return false
}

// genericExamples denies the signs of a sentence that lists examples in general, with no word
// of the writer's own and asking nothing: "the red flags are things like saddle numbness and
// bladder changes", "warning signs include numbness in the groin". "My symptoms include a numb
// bum" is the writer's own, and stays.
func (s *scratch) genericExamples() {
	for k := range s.toks {
		if s.info[k].kind&kExample == 0 {
			continue
		}
		switch w := s.toks[k].Word; w {
		case "like":
			if !listHeads[s.word(k-1)] {
				continue // "feels like", "like a knife"
			}
		case "such":
			if s.word(k+1) != "as" {
				continue
			}
		}
		s.denyGeneric(s.info[k].sent)
	}
}

// denyGeneric denies the signs of sentence sent unless it has a word of the writer's own or a
// question.
func (s *scratch) denyGeneric(sent int32) {
	first := -1
	for k := range s.toks {
		if s.info[k].sent != sent {
			continue
		}
		if first < 0 {
			first = k
		}
		if selfWords[s.toks[k].Word] || s.toks[k].Word == "my" || s.clauses[s.info[k].clause].question {
			return
		}
	}
	for k := first; k >= 0 && k < len(s.toks) && s.info[k].sent == sent; k++ {
		if s.info[k].feat != 0 && s.info[k].flags&flLocked == 0 {
			s.info[k].flags |= flNeg
		}
	}
}

// saidNo applies a reported "no": "the doctor asked if I had any bladder or bowel problems and I
// said no" denies what was asked about, before "said no" in its sentence; so does "i have none"
// closing a clause ("checked for saddle numbness and bladder problems and i have none").
func (s *scratch) saidNo(d *Detector) {
	for i := 1; i < len(s.toks); i++ {
		if s.info[i].kind&kAnswer == 0 {
			continue // no word that may report an answer
		}
		switch s.toks[i].Word {
		case "none", "neither":
			if p := s.word(i - 1); (p == "have" || p == "had" || p == "got" || p == "ive") &&
				(i+1 == len(s.toks) || s.info[i+1].clause != s.info[i].clause || eitherWords[s.word(i+1)] || s.word(i+1) == "of") {
				s.denyBefore(i - 1)
				if s.word(i+1) == "of" {
					s.denyNamed(i - 1) // "went through the red flags and i have none of them"
				}
			}
			continue
		case "said", "say", "says", "answered", "replied":
			if i+1 == len(s.toks) {
				continue
			}
		case "have", "had", "get", "got":
			// "asked about numbness in my groin and bladder problems, I don't have either"
			if s.word(i-1) == "not" && s.info[i-1].sent == s.info[i].sent && eitherWords[s.word(i+1)] {
				s.denyBefore(i - 1)
			}
			// "the doctor asked if i'd had trouble peeing and i haven't, so ..."
			if s.word(i-1) == "i" && s.word(i+1) == "not" && s.info[i+1].sent == s.info[i].sent &&
				(i+2 == len(s.toks) || s.info[i+2].clause != s.info[i+1].clause) && s.askedBefore(i) {
				s.denyBefore(i - 1)
			}
			continue
		default:
			continue
		}
		if w := s.toks[i+1].Word; (w == "yes" || w == "yep") && s.info[i+1].sent == s.info[i].sent {
			s.abilitiesKept(i) // "asked if i could feel them touching my legs and i said yes"
			continue
		}
		if w := s.toks[i+1].Word; w != "no" && w != "nope" || s.info[i+1].sent != s.info[i].sent {
			continue
		}
		if i+2 < len(s.toks) && s.info[i+2].clause == s.info[i+1].clause && !s.bareAfter(i+1) {
			continue // "said no numbness but ...": the negator reads the words after it
		}
		s.answerAbilities(d, i)
		s.denyBefore(i)
		if s.bareAfter(i+1) && i+2 < len(s.toks) && s.info[i+2].clause == s.info[i+1].clause {
			s.denyNamed(i) // "asked me the red flag questions and i said no to all of them"
		}
	}
}

// answerAbilities reads a "no" said at token i to a question of ability asked before it in its
// sentence as the ability lost: "the nurse asked if i could feel my bum and i said no" is "i
// can't feel my bum", a red flag, never a denial.
func (s *scratch) answerAbilities(d *Detector, i int) {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && s.info[k].sent == sent; k-- {
		in := &s.info[k]
		organ := in.feat&(fBladder|fBowel) != 0 // "asked if i could pee and i said no"
		if (in.ab == abNone || in.ab == abRelief || in.ab == abImprove) && !organ || in.flags&(flLocked|flCont) != 0 || !s.askedAbility(k) {
			continue
		}
		if !organ {
			c := chain{n: 1, core: 1}
			c.idx[0] = int32(k)
			d.derive(s, &c, 1<<in.ab, false)
		}
		for j := k; j < i && s.info[j].clause == in.clause; j++ {
			s.info[j].flags |= flLocked // what was asked about stands: "... feel my bum"
		}
	}
}

// abilitiesKept denies the sensations asked about before token i in its sentence that a "yes"
// answers: one can feel them ("asked if i could feel her touching my legs and i said yes").
func (s *scratch) abilitiesKept(i int) {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && s.info[k].sent == sent; k-- {
		if in := &s.info[k]; in.ab == abSense && in.flags&flLocked == 0 && s.askedAbility(k) {
			in.flags |= flNeg
		}
	}
}

// bareAfter reports that the rest of token k's clause is made only of the words of a bare "no"
// answer (set `answer-no`): "no to all of them", "no, thank god".
func (s *scratch) bareAfter(k int) bool {
	for j := k + 1; j < len(s.toks) && s.info[j].clause == s.info[k].clause; j++ {
		if !answerNo[s.toks[j].Word] {
			return false
		}
	}
	return true
}

// askedBefore reports a question put to the writer earlier in token i's sentence: "asked if",
// "asked whether", "asked about" (the `advice` role's "ask" words then "if", "whether", "about").
func (s *scratch) askedBefore(i int) bool {
	for k := i - 1; k > 0 && s.info[k].sent == s.info[i].sent; k-- {
		if w := s.toks[k].Word; (w == "if" || w == "whether" || w == "about") && strings.HasPrefix(s.word(k-1), "ask") {
			return true
		}
	}
	return false
}

// denyNamed denies the warning signs named before token i in its sentence ("red flags",
// "cauda equina symptoms"), which denyBefore leaves: "i have none of them" answers for them.
func (s *scratch) denyNamed(i int) {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && s.info[k].sent == sent; k-- {
		if s.info[k].feat&fCES != 0 {
			s.info[k].flags |= flNeg
		}
	}
}

// denyBefore denies the deniable words before token i in its sentence, but not the name of the
// condition (cauda equina).
func (s *scratch) denyBefore(i int) {
	sent := s.info[i].sent
	for k := i - 1; k >= 0 && s.info[k].sent == sent; k-- {
		if s.anchor(k) && s.info[k].flags&flLocked == 0 && s.info[k].feat&fCES == 0 {
			s.info[k].flags |= flNeg
		}
	}
}

// answeredNo applies a bare "no" answering a question before it: "had a fall? no. numbness? no."
// denies the fall and the numbness; so does a bare reassurance ("waterworks? fine."). The answer
// needs a negator or a reassurance ("thanks" alone answers nothing) and reaches only the clauses
// that ask. Only deniable symptoms are denied, so "can you pee? no" stays a red flag.
func (s *scratch) answeredNo() {
	for i := 0; i < len(s.toks); {
		j := s.sentSpan(i, 0, 0).hi
		if i > 0 && s.clauses[s.info[i-1].clause].question && s.bareAnswer(i, j) {
			s.denyAsked(i - 1)
		}
		i = j
	}
}

// bareAnswer reports that tokens from up to to are only answer words (set `answer-no`) and
// reassurances, with a negator, a reassurance or "nah" among them.
func (s *scratch) bareAnswer(from, to int) bool {
	answers := false
	for j := from; j < to; j++ {
		reassure := s.info[j].kind&kReassure != 0
		if !answerNo[s.toks[j].Word] && !reassure {
			return false
		}
		answers = answers || reassure || s.info[j].kind&kNeg != 0 || s.toks[j].Word == "nah"
	}
	return answers
}

// denyAsked denies the deniable symptoms asked about in token k's sentence, which a bare answer
// follows.
func (s *scratch) denyAsked(k int) {
	prev := s.info[k].sent
	for ; k >= 0 && s.info[k].sent == prev; k-- {
		in := &s.info[k]
		if !s.clauses[in.clause].question {
			continue // told before the question: "wet myself, any advice? thanks"
		}
		organ := in.feat&(fBladder|fBowel) != 0 && !s.askedAbility(k) // "any change in bladder habit? no"
		if (in.feat&symptomFeats != 0 || organ) && in.flags&flLocked == 0 {
			in.flags |= flNeg
		}
	}
}

// askedAbility reports "can", "could" or "able" in token k's clause: "can you pee? no" answers
// that one cannot, a red flag.
func (s *scratch) askedAbility(k int) bool {
	clause := s.info[k].clause
	for j := k; j >= 0 && s.info[j].clause == clause; j-- {
		if w := s.toks[j].Word; w == "can" || w == "could" || w == "able" {
			return true
		}
	}
	return false
}

// pastInability reports "could not" or "was unable to" before token j: an inability told of
// the past.
func (s *scratch) pastInability(j int) bool {
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		switch s.toks[k].Word {
		case "could", "was", "were":
			return true
		}
	}
	return false
}

// legSigns reports something about the legs in the message, or "suddenly" or "properly" in
// token j's sentence: then not walking is about the legs, not the pain.
func (s *scratch) legSigns(j int) bool {
	for k := range s.toks {
		if in := &s.info[k]; in.flags&flNeg == 0 && in.feat&(fLeg|fFoot|fNumb|fWeak|fGiveWay|fGait) != 0 && k != j &&
			!(s.word(k-1) == "and" && s.word(k-2) == "hands") { // "crawled on my hands and knees"
			return true
		}
		if s.info[k].sent == s.info[j].sent {
			switch s.toks[k].Word {
			case "suddenly", "sudden", "properly", "legs":
				return true
			}
		}
	}
	return false
}

// legSignsNear reports a sign of failing legs in token j's sentence (numb, weak, giving way,
// jelly legs) or "suddenly" or "properly": after a strain, "now i suddenly can't walk properly"
// is about the legs, not the pain.
func (s *scratch) legSignsNear(j int) bool {
	sent := s.info[j].sent
	for k := range s.toks {
		if s.info[k].sent != sent || k == j {
			continue
		}
		if in := &s.info[k]; in.flags&flNeg == 0 && in.feat&(fNumb|fWeak|fGiveWay|fGait|fHeavy) != 0 {
			return true
		}
		switch s.toks[k].Word {
		case "suddenly", "sudden", "properly":
			return true
		}
	}
	return false
}

// strained reports a strain or workout told in the message ("pulled something at the gym",
// "tweaked it deadlifting"), which explains "could barely walk" as pain, not failing legs.
func (s *scratch) strained() bool {
	for i := range s.toks {
		if strainWords[s.toks[i].Word] {
			return true
		}
	}
	return false
}

// carryDenials denies the symptoms of a clause made only of them and "too" or "either" when the
// clause before it denied something: "no numbness, tingling either".
func (s *scratch) carryDenials() {
	prevDenied := false // the clause before has a denied word
	for i := 0; i < len(s.toks); {
		clause := s.info[i].clause
		j, anchors, also, other, denied := i, 0, false, false, false
		for ; j < len(s.toks) && s.info[j].clause == clause; j++ {
			denied = denied || s.info[j].flags&flNeg != 0
			if !prevDenied || other {
				continue // nothing to carry: only find the clause's end
			}
			switch w := s.toks[j].Word; {
			case s.info[j].flags&flCont != 0:
			case s.anchor(j):
				anchors++
			case w == "too" || w == "either":
				also = true
			case !alsoWords[w]:
				other = true
			}
		}
		if prevDenied && !other && anchors > 0 {
			if also {
				for k := i; k < j; k++ {
					if s.anchor(k) && s.info[k].flags&flLocked == 0 {
						s.info[k].flags |= flNeg
					}
				}
				denied = true
			} else if end := s.deniedList(i); end > i {
				j, denied = end, true
			}
		}
		prevDenied = denied
		i = j
	}
}

// deniedList denies a list of symptoms, one per clause, that goes on a denial and closes with
// "or": "I didn't have leg pain, numbness, tingling, bladder, or bowel problems". Only a list
// closed by "or" (or "nor") is read so: "no fever, bladder problems" stays a red flag. It returns
// the end of the list, or start when there is none.
func (s *scratch) deniedList(start int) int {
	i := start
	for i < len(s.toks) {
		clause := s.info[i].clause
		j, anchors, closed, other := i, 0, false, false
		for ; j < len(s.toks) && s.info[j].clause == clause; j++ {
			switch w := s.toks[j].Word; {
			case s.info[j].flags&flCont != 0:
			case s.anchor(j):
				anchors++
			case w == "or" || w == "nor":
				closed = true
			case !alsoWords[w]:
				other = true
			}
		}
		if other || anchors == 0 || s.info[i].sent != s.info[start].sent {
			return start
		}
		if closed {
			for k := start; k < j; k++ {
				if s.anchor(k) && s.info[k].flags&flLocked == 0 {
					s.info[k].flags |= flNeg
				}
			}
			return j
		}
		i = j
	}
	return start
}

// deniedIn reports whether clause, ending at token end, has a denied token.
func (s *scratch) deniedIn(clause int32, end int) bool {
	for k := end; k >= 0 && s.info[k].clause == clause; k-- {
		if s.info[k].flags&flNeg != 0 {
			return true
		}
	}
	return false
}

// forward collects what the negator at k reaches: the first meaningful word within a few words
// after it, and the words joined to that one ("no numbness or weakness in my legs"). It returns
// false for a hedge ("not sure", "don't think").
func (s *scratch) forward(k int, c *chain) bool {
	clause := s.info[k].clause
	n := len(s.toks)
	switch s.word(k + 1) {
	case "all", "every", "everyone", "everybody":
		return false // "not all sufferers": a quantifier, not a denial
	}
	j, stops, contents := k+1, 0, 0
	for ; j < n && s.info[j].clause == clause; j++ {
		in := &s.info[j]
		if in.flags&flCont != 0 {
			continue
		}
		if in.kind&kHedge != 0 || s.candour(k, j) {
			return false
		}
		if s.anchor(j) {
			break
		}
		if j == k+1 && s.demonstrative(j) {
			continue // "isn't that cauda thing": "that" points, it starts no new clause
		}
		if in.kind&(kNeg|kNegAbility|kChainBreak|kSoftBreak|kClauseBreak) != 0 {
			return false
		}
		if s.toks[j].Stop {
			if stops++; stops > 4 {
				return false
			}
		} else if contents++; contents > 1 {
			return false
		}
	}
	if j >= n || s.info[j].clause != clause {
		return false
	}
	c.add(j)
	c.core = 1
	gap, spread := 0, false
	for j++; j < n && s.info[j].clause == clause; j++ {
		in := &s.info[j]
		if in.flags&flCont != 0 {
			continue
		}
		if in.kind&(kNeg|kNegAbility|kChainBreak|kSoftBreak|kClauseBreak) != 0 || in.flags&flLocked != 0 {
			break
		}
		if s.anchor(j) {
			if !c.add(j) {
				break
			}
			if !spread && c.core == c.n-1 {
				c.core++
			}
			gap, spread = 0, false
			continue
		}
		if !s.toks[j].Stop {
			break
		}
		if w := s.toks[j].Word; w != "or" && w != "nor" {
			spread = true // "or" keeps the core together: "no bladder or bowel problems"
		}
		if gap++; gap > 4 {
			break
		}
	}
	return true
}

// backward collects what the reassurance at k covers: the nearest meaningful word before it in
// its clause, and those coordinated with it.
func (s *scratch) backward(k int, c *chain) bool {
	clause := s.info[k].clause
	j, stops, contents := k-1, 0, 0
	for ; j >= 0 && s.info[j].clause == clause; j-- {
		in := &s.info[j]
		if in.flags&flCont != 0 {
			continue
		}
		if s.anchor(j) && in.kind&kReassure == 0 {
			break
		}
		if in.kind&(kNeg|kNegAbility|kChainBreak|kClauseBreak) != 0 {
			return false
		}
		if s.toks[j].Stop {
			if stops++; stops > 4 {
				return false
			}
		} else if contents++; contents > 2 {
			return false
		}
	}
	if j < 0 || s.info[j].clause != clause {
		return false
	}
	c.add(j)
	gap := 0
	for j--; j >= 0 && s.info[j].clause == clause; j-- {
		in := &s.info[j]
		if in.flags&flCont != 0 {
			continue
		}
		if s.anchor(j) && in.flags&flLocked == 0 && in.kind&(kNeg|kNegAbility) == 0 {
			if !c.add(j) {
				break
			}
			gap = 0
			continue
		}
		if !coordinators[s.toks[j].Word] {
			break
		}
		if gap++; gap > 3 {
			break
		}
	}
	return true
}

// forwardFrom covers the nearest meaningful word after a reassurance: "fine when I wipe".
func (s *scratch) forwardFrom(k int, c *chain) {
	clause := s.info[k].clause
	n := len(s.toks)
	stops := 0
	for j := k + 1; j < n && s.info[j].clause == clause; j++ {
		in := &s.info[j]
		if in.flags&flCont != 0 {
			continue
		}
		if s.anchor(j) {
			c.add(j)
			return
		}
		w := s.toks[j].Word
		if in.kind&(kNeg|kNegAbility|kClauseBreak) != 0 || w == "and" || w == "or" || !s.toks[j].Stop {
			return
		}
		if stops++; stops > 3 {
			return
		}
	}
}

// supposed reports whether token k follows "if" or "whether" in its clause.
func (s *scratch) supposed(k int) bool {
	clause := s.info[k].clause
	for j := k - 1; j >= 0 && s.info[j].clause == clause; j-- {
		if s.info[j].kind&kIf != 0 {
			return true
		}
	}
	return false
}

// candour reports a word of candour at j said of the negator at k ("not gonna lie", "no lie",
// "not to lie", "not gonna fib"; set `candour`): it vouches for what follows and denies nothing.
// Only "gonna", "going" or "to" may stand between, and "can't lie down" is a posture (set
// `lie-postures` after it).
func (s *scratch) candour(k, j int) bool {
	if !candourWords[s.toks[j].Word] || liePostures[s.word(j+1)] && s.info[j+1].clause == s.info[j].clause {
		return false
	}
	for m := k + 1; m < j; m++ {
		if w := s.toks[m].Word; w != "gonna" && w != "going" && w != "to" && w != "gon" && w != "na" {
			return false
		}
	}
	return true
}

// doubtBefore reports a denied hedge within 5 words before token k in its clause: "i don't
// think i can feel it", "not sure i could feel".
func (s *scratch) doubtBefore(k int) bool {
	clause := s.info[k].clause
	for j := k - 1; j > 0 && j >= k-5 && s.info[j].clause == clause; j-- {
		if s.info[j].kind&kHedge != 0 && s.info[j-1].kind&kNeg != 0 {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a negator stands just before token k: "not normal".
func (s *scratch) negatedBefore(k int) bool {
	clause := s.info[k].clause
	for j, seen := k-1, 0; j >= 0 && s.info[j].clause == clause && seen < 3; j-- {
		if s.info[j].kind&kNeg != 0 {
			return true
		}
		if !s.toks[j].Stop {
			return false
		}
		seen++
	}
	return false
}

// classify decides what the negator at k does to the chain it reaches, judging by the chain's core.
// A denied symptom is no red flag ("no numbness or weakness in my legs"); a denied ability is one
// ("can't pee", "no control", "can't walk"); a denied reassurance is a problem ("not normal").
func (d *Detector) classify(s *scratch, k int, c *chain) {
	if s.praised(k) {
		s.deny(c)
		return
	}
	var f feat
	var abs uint32
	reassure := false
	for i := 0; i < c.core; i++ {
		in := &s.info[c.idx[i]]
		f |= in.feat
		if in.ab != abNone {
			abs |= 1 << in.ab
		}
		if in.feat&(fBladder|fBowel) != 0 {
			abs |= 1 << abOrgan
		}
		if in.feat&fSex != 0 {
			abs |= 1 << abSex
		}
		if in.kind&kReassure != 0 {
			reassure = true
		}
	}
	deny := s.info[k].kind&kNeg != 0
	if deny && abs&(1<<abOrgan) != 0 && s.chainHas(c, fProblem) {
		s.deny(c) // "not peeing any differently": a change denied, not an act that fails
		return
	}
	if h := c.idx[0]; s.info[h].feat&fToilet != 0 && s.toks[h].Word == "urge" {
		s.info[h].feat |= fNumb // "not getting the urge to go": the feeling of a full bladder lost
		c.n = c.core
		s.lock(c)
		return
	}
	if s.info[c.idx[0]].ab == abRelief && doneWords[s.toks[c.idx[0]].Word] && s.selfBefore(k, 3) {
		return // "i didn't do anything", "i haven't been doing much": the writer's doing, not relief
	}
	if head := s.info[c.idx[0]].ab; head == abRelief || head == abImprove {
		// What cannot stop or ease goes on: "can't stop leaking", "nothing helps the pain",
		// "no improvement in the numbness".
		c.n = c.core
		s.lock(c)
		d.derive(s, c, 1<<head, false)
		return
	}
	switch {
	case reassure && deny:
		s.info[c.idx[0]].feat |= fProblem
		c.n = c.core
		s.lock(c)
	case f&symptomFeats != 0:
		if deny {
			s.deny(c)
		}
	case abs != 0:
		c.n = c.core
		s.lock(c)
		d.derive(s, c, abs, partialNeg[s.toks[k].Word])
	default:
		if deny {
			s.deny(c)
		}
	}
}

// chainHas reports whether a token of c past its core stands for f.
func (s *scratch) chainHas(c *chain, f feat) bool {
	for i := c.core; i < c.n; i++ {
		if s.info[c.idx[i]].feat&f != 0 {
			return true
		}
	}
	return false
}

func (s *scratch) lock(c *chain) {
	for i := 0; i < c.n; i++ {
		s.info[c.idx[i]].flags |= flLocked
	}
}

func (s *scratch) deny(c *chain) {
	for i := 0; i < c.n; i++ {
		s.info[c.idx[i]].flags |= flNeg
	}
}

// derive turns a denied ability into the red flag it makes.
func (d *Detector) derive(s *scratch, c *chain, abs uint32, partial bool) {
	has := func(a ability) bool { return abs&(1<<a) != 0 }
	if has(abImprove) {
		s.info[c.idx[0]].feat |= fNotImproving
		return
	}
	if has(abRelief) {
		s.info[c.idx[0]].feat |= fNotEase
		return
	}
	for i := 0; i < c.n; i++ {
		j := int(c.idx[i])
		in := &s.info[j]
		if s.before(j, 4, dutyWords) {
			continue // "not supposed to walk on it", "not allowed to stand": a rule, not an ability lost
		}
		switch in.ab {
		case abSense:
			if !feelNot[s.nextWord(j)] {
				in.feat |= fNumb
			}
		case abControl:
			in.feat |= fControlLoss
		case abWalk:
			switch {
			case s.after(j, 5, tiptoes):
				in.feat |= fFootDrop
			case s.before(j, 4, suddenWords) && !s.after(j, 3, walkLimit):
				in.feat |= fGait // "i suddenly can't walk properly": the red flag, whatever else hurts
			case bearsWeight(s.toks[j].Word) && !partial && !s.painBefore(j, 8) && !s.painAfter(j, 8) && !s.after(j, 8, walkLimit):
				// "i couldn't weight bear": no weight borne at all, even after a strain, unless
				// barely, or the pain is told as what stops it
				in.feat |= fGait
			case s.after(j, 8, walkLimit) || s.strained() && !s.legSignsNear(j) ||
				(s.pastInability(j) && !bearsWeight(s.toks[j].Word) || partial || s.painBefore(j, 8) || s.painAfter(j, 8) || s.wordNear(j, 10, activityWords)) && !s.legSigns(j):
				// "could barely walk" after a strain, "my back is so bad i can barely walk", or
				// "I couldn't walk for two days" told of the past, or "can't walk, can't sit, can't
				// sleep", with nothing about the legs: pain limits walking. Weight the legs could
				// not bear at all ("i couldn't weight bear") is no walk cut short, past or not.
				in.feat |= fSevere
			default:
				in.feat |= fGait
			}
		case abStand:
			next := s.nextWord(j)
			switch {
			case s.after(j, 5, tiptoes):
				in.feat |= fFootDrop
			case s.after(j, 3, upright):
			case s.after(j, 5, walkLimit) || next == "anymore" || (partial || s.painAfter(j, 8) || s.painBefore(j, 8)) && !s.legSigns(j):
				// "can hardly stand up", "couldn't stand up i was in so much pain", "i was in so
				// much pain i couldn't stand", "until i couldn't stand anymore": pain, unless the
				// legs are told of
				in.feat |= fSevere
			case next == "it" || next == "this" || next == "that" || next == "being" || next == "sitting" ||
				next == "people" || next == "him" || next == "her" || next == "them" || next == "the":
			case s.strained():
				in.feat |= fSevere // "couldn't stand" after a strain or injury: pain
			default:
				in.feat |= fGait
			}
		case abMove:
			if s.toks[j].Word == "get" && s.after(j, 5, tiptoes) && !s.after(j, 8, walkLimit) {
				// "i can't get up on my tiptoes": the calf or foot is weak, not "... without pain"
				in.feat |= fFootDrop
			} else {
				in.feat |= fSevere
			}
		case abLift:
			switch next := s.nextWord(j); {
			case s.after(j, 8, walkLimit):
			case next == "with" || next == "using" || next == "from":
				// "not lifting with my legs": how one lifts, not a weak limb
			case s.near(j, fFoot, 3) || s.after(j, 5, tiptoes) || s.after(j, 4, frontWords):
				in.feat |= fFootDrop // "my right foot doesn't lift properly"
			case next == "properly" || next == "correctly":
				// "not lifting properly": how one lifts
			case s.sentenceHas(j, fFoot):
				in.feat |= fFootDrop
			case s.near(j, fLeg, 3):
				in.feat |= fWeak // "can't lift my legs"
			}
		case abMakeIt:
			in.feat |= fMissed
		case abSex:
			in.feat |= fSex
		}
	}
}

// bearsWeight reports a word of bearing weight, not of walking: "weight bear", "put any weight".
func bearsWeight(w string) bool {
	switch w {
	case "walk", "walks", "walking", "walked":
		return false
	}
	return true
}

// nextWord returns the word after token j in its clause, past the rest of j's phrase.
func (s *scratch) nextWord(j int) string {
	if k := s.nextIndex(j); k >= 0 {
		return s.toks[k].Word
	}
	return ""
}

// nextIndex returns the index of the word after token j in its clause, or -1.
func (s *scratch) nextIndex(j int) int {
	clause := s.info[j].clause
	for k := j + 1; k < len(s.toks) && s.info[k].clause == clause; k++ {
		if s.info[k].flags&flCont == 0 {
			return k
		}
	}
	return -1
}

// praised reports praise told with the negator at k: "never felt better", "never been better"
// say the back is good, not that it will not improve ("it never got better" still counts).
func (s *scratch) praised(k int) bool {
	if !praiseNegators[s.toks[k].Word] {
		return false
	}
	v := s.nextIndex(k)
	if v < 0 || !praiseVerbs[s.toks[v].Word] {
		return false
	}
	w := s.nextIndex(v)
	return w >= 0 && praiseWords[s.toks[w].Word]
}

// unseenEvent reports a negator at k that denies seeing or hearing an event, not the event: "i
// never saw the van that hit me", "didn't hear the car coming" (set `perception-verbs` between
// the negator and a crash, blow or fall). "Didn't see any swelling" still denies, and so does
// "didn't see him fall": the event is someone else's (set `seen-others`).
func (s *scratch) unseenEvent(k int, c *chain) bool {
	j := int(c.idx[0])
	if s.info[j].feat&(fTrauma|fStruck|fFall|fDescent|fAccident) == 0 {
		return false
	}
	seen := false
	for m := k + 1; m < j; m++ {
		w := s.toks[m].Word
		if seen && seenOthers[w] {
			return false
		}
		seen = seen || perceptionVerbs[w]
	}
	return seen
}

// superlative reports a negator at k that tells the worst, not nothing: "never been hit so hard",
// "never had such pain", "never felt anything like it", "never that hard" (sets `praise-negators`,
// `superlative-degrees`, `superlative-pointers`). "Never had so much as a tingle" denies.
func (s *scratch) superlative(k int) bool {
	if !praiseNegators[s.toks[k].Word] {
		return false
	}
	sp := s.clauseSpan(k)
	for j := k + 1; j < sp.hi; j++ {
		next, then := s.word(j+1), s.word(j+2)
		switch s.toks[j].Word {
		case "so":
			if superDegrees[next] && then != "as" {
				return true
			}
		case "such":
			if next != "as" && then != "as" {
				return true
			}
		case "like":
			if superPointers[next] {
				return true
			}
		case "this", "that":
			if superDegrees[next] {
				return true // "never been hit that hard", "never hurt this much"
			}
		}
	}
	return false
}

// after reports whether one of words comes within n words after token j in its clause.
func (s *scratch) after(j, n int, words map[string]bool) bool {
	clause := s.info[j].clause
	for k := j + 1; k < len(s.toks) && k <= j+n && s.info[k].clause == clause; k++ {
		if words[s.toks[k].Word] {
			return true
		}
	}
	return false
}

// sentenceHas reports whether an undenied token with f stands in token j's sentence, within 20
// words of it.
func (s *scratch) sentenceHas(j int, f feat) bool { return s.near(j, f, 20) }

// near reports whether an undenied token with a concept in f stands within w content words of
// token j in the same sentence (j itself counts). Distance counts content words only, so small
// words do not push apart "pain in the middle of my chest".
func (s *scratch) near(j int, f feat, w int) bool {
	if s.info[j].feat&f != 0 && s.info[j].flags&flNeg == 0 {
		return true
	}
	sent := s.info[j].sent
	for dir := -1; dir <= 1; dir += 2 {
		for k, n := j+dir, 0; k >= 0 && k < len(s.toks) && s.info[k].sent == sent; k += dir {
			in := &s.info[k]
			if in.flags&flCont == 0 && !s.toks[k].Stop {
				if n++; n > w {
					break
				}
			}
			if in.feat&f != 0 && in.flags&flNeg == 0 {
				return true
			}
		}
	}
	return false
}

// demonstrative reports "that" or "this" at token j pointing at the word after it ("isn't that
// cauda thing", "not this sciatica again"), not opening a clause ("not that i know of").
func (s *scratch) demonstrative(j int) bool {
	if w := s.toks[j].Word; w != "that" && w != "this" {
		return false
	}
	switch s.word(j + 1) {
	case "", "i", "im", "ive", "it", "its", "he", "she", "we", "they", "you", "my", "is", "was":
		return false
	}
	return true
}
