package triage

import (
	_ "embed"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed data/lexicon.yaml
var lexiconFile []byte

// lexicon is data/lexicon.yaml, compiled.
type lexicon struct {
	names    []string        // concept names, by bit
	bits     map[string]feat // concept name -> bit
	deniable feat
	entries  []conceptWords
	cancels  []string
	roles    []roleWords
	abs      []abilityWords
	sets     map[string]map[string]bool
	examples []string // messages the entries' words are there for; each must raise a flag
	calmEx   []string // messages that stay calm only because of a cancel
}

type conceptWords struct {
	f     feat
	words []string
}

type roleWords struct {
	k     kind
	words []string
}

type abilityWords struct {
	ab    ability
	words []string
}

// roleNames and abilityNames bind the file's names to what the scanner does with them.
var roleNames = map[string]kind{
	"negator": kNeg, "ability-negator": kNegAbility, "reassurance": kReassure, "hedge": kHedge,
	"clause-break": kClauseBreak, "chain-break": kChainBreak, "soft-break": kSoftBreak,
	"question": kQuestion, "hypothetical": kIf, "advice": kAdvice,
	"example": kExample, "answer": kAnswer,
}

var abilityNames = map[string]ability{
	"control": abControl, "sense": abSense, "walk": abWalk, "stand": abStand, "move": abMove,
	"improve": abImprove, "relief": abRelief, "lift": abLift, "sex": abSex, "make-it": abMakeIt,
}

var lex = mustLexicon(lexiconFile)

func mustLexicon(data []byte) *lexicon {
	l, err := parseLexicon(data)
	if err != nil {
		panic("triage: data/lexicon.yaml: " + err.Error())
	}
	return l
}

// lexiconYAML is the shape of data/lexicon.yaml as read, before compiling.
type lexiconYAML struct {
	Concepts yaml.Node `yaml:"concepts"`
	Entries  []struct {
		Is       []string `yaml:"is"`
		Words    []string `yaml:"words"`
		Examples []string `yaml:"examples"`
	} `yaml:"entries"`
	Cancels   []string            `yaml:"cancels"`
	CancelEx  []string            `yaml:"cancel_examples"`
	Roles     yaml.Node           `yaml:"roles"`
	Abilities yaml.Node           `yaml:"abilities"`
	Sets      map[string][]string `yaml:"sets"`
}

// parseLexicon reads data and compiles it: concepts first, since entries name them, then
// entries, roles, abilities and word sets.
func parseLexicon(data []byte) (*lexicon, error) {
	var f lexiconYAML
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	l := &lexicon{bits: map[string]feat{}, sets: map[string]map[string]bool{}, cancels: f.Cancels, calmEx: f.CancelEx}
	if err := l.readConcepts(f.Concepts); err != nil {
		return nil, err
	}
	if err := l.readEntries(&f); err != nil {
		return nil, err
	}
	if err := l.readRoles(f.Roles); err != nil {
		return nil, err
	}
	if err := l.readAbilities(f.Abilities); err != nil {
		return nil, err
	}
	l.readSets(f.Sets)
	return l, nil
}

// readConcepts gives each concept in the concepts mapping the next bit, in file order, and
// notes which are deniable; there are at most 64.
func (l *lexicon) readConcepts(concepts yaml.Node) error {
	for i := 0; i+1 < len(concepts.Content); i += 2 {
		name := concepts.Content[i].Value
		var c struct {
			About    string `yaml:"about"`
			Deniable bool   `yaml:"deniable"`
		}
		if err := concepts.Content[i+1].Decode(&c); err != nil {
			return fmt.Errorf("concept %s: %w", name, err)
		}
		if len(l.names) == 64 {
			return fmt.Errorf("more than 64 concepts")
		}
		bit := feat(1) << len(l.names)
		l.names = append(l.names, name)
		l.bits[name] = bit
		if c.Deniable {
			l.deniable |= bit
		}
	}
	return nil
}

// readEntries binds each entry's words to the concepts it names (which must be known) and
// collects its examples.
func (l *lexicon) readEntries(f *lexiconYAML) error {
	for i, e := range f.Entries {
		var fs feat
		for _, n := range e.Is {
			b, ok := l.bits[n]
			if !ok {
				return fmt.Errorf("entry %d: unknown concept %q", i+1, n)
			}
			fs |= b
		}
		l.entries = append(l.entries, conceptWords{fs, e.Words})
		l.examples = append(l.examples, e.Examples...)
	}
	return nil
}

// readRoles reads the roles mapping, role name -> words, in file order; each name must be in
// roleNames.
func (l *lexicon) readRoles(roles yaml.Node) error {
	for i := 0; i+1 < len(roles.Content); i += 2 {
		name := roles.Content[i].Value
		k, ok := roleNames[name]
		if !ok {
			return fmt.Errorf("unknown role %q", name)
		}
		var ws []string
		if err := roles.Content[i+1].Decode(&ws); err != nil {
			return err
		}
		l.roles = append(l.roles, roleWords{k, ws})
	}
	return nil
}

// readAbilities reads the abilities mapping, ability name -> words, in file order; each name
// must be in abilityNames.
func (l *lexicon) readAbilities(abilities yaml.Node) error {
	for i := 0; i+1 < len(abilities.Content); i += 2 {
		name := abilities.Content[i].Value
		a, ok := abilityNames[name]
		if !ok {
			return fmt.Errorf("unknown ability %q", name)
		}
		var ws []string
		if err := abilities.Content[i+1].Decode(&ws); err != nil {
			return err
		}
		l.abs = append(l.abs, abilityWords{a, ws})
	}
	return nil
}

// readSets stores each named word set, its words lowercased.
func (l *lexicon) readSets(sets map[string][]string) {
	for name, ws := range sets {
		m := map[string]bool{}
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		l.sets[name] = m
	}
}

// feat returns the bit of a concept the Go code reads by name; a missing one is a bug.
func (l *lexicon) feat(name string) feat {
	b, ok := l.bits[name]
	if !ok {
		panic("triage: data/lexicon.yaml has no concept " + name)
	}
	return b
}

// conceptNames returns the names of the concepts in f.
func (l *lexicon) conceptNames(f feat) []string {
	var out []string
	for i, n := range l.names {
		if f&(feat(1)<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// set returns a named word set; a missing one is a bug.
func (l *lexicon) set(name string) map[string]bool {
	s, ok := l.sets[name]
	if !ok {
		panic("triage: data/lexicon.yaml has no word set " + name)
	}
	return s
}

// The word sets the named checks read.
var (
	pluralLimbs       = lex.set("plural-limbs")
	nightWords        = lex.set("night-pattern")
	agePrev           = lex.set("age-before")
	othersSubjects    = lex.set("others-subjects")
	people            = lex.set("people")
	sexLetters        = lex.set("sex-letters")
	allSpells         = lex.set("all-spells")
	animals           = lex.set("animals")
	companyWords      = lex.set("company")
	units             = lex.set("units")
	restWords         = lex.set("rest-before")
	exerciseWords     = lex.set("exercise")
	dateDays          = lex.set("date-days")
	movedLimbs        = lex.set("moved-limbs")
	armWords          = lex.set("arm")
	otherWakers       = lex.set("other-wakers")
	weightUnits       = lex.set("weight-units")
	partialNeg        = lex.set("partial-negators")
	numberWords       = lex.set("number-words")
	sinceWhen         = lex.set("since-when")
	strainWords       = lex.set("strain")
	constipationWords = lex.set("constipation")
	medicationWords   = lex.set("medication")
	minorWords        = lex.set("minor")
	simileWords       = lex.set("simile")
	spreadVerbs       = lex.set("spread-verbs")
	healedWords       = lex.set("healed")
	healedNotWords    = lex.set("healed-not")
	verbNegators      = lex.set("verb-negators")
	stillGoing        = lex.set("still-going")
	upperLimbs        = lex.set("upper-limbs")
	limbSides         = lex.set("limb-sides")
	skinSigns         = lex.set("skin-signs")
	backWords         = lex.set("back-words")
	passingSpans      = lex.set("passing-spans")
	passingVerbs      = lex.set("passing-verbs")
	spanEnded         = lex.set("span-ended")
	frontPlaces       = lex.set("front-places")
	feelVerbs         = lex.set("feel-verbs")
	feelWell          = lex.set("feel-well")
	settledWords      = lex.set("settled")
	fearWords         = lex.set("fear-told")
	leakyThings       = lex.set("leaky-things")
	zodiacWords       = lex.set("zodiac")
	metaphorFillers   = lex.set("metaphor-fillers")
	metaphorSubjects  = lex.set("metaphor-subjects")
	copulas           = lex.set("copulas")
	settleWishes      = lex.set("settle-wishes")
	onsetWords        = lex.set("onset")
	benignFindings    = lex.set("benign-findings")
	smallStrikers     = lex.set("small-strikers")
	routineAsks       = lex.set("routine-asks")
	hopedWords        = lex.set("hoped")
	almostWords       = lex.set("almost")
	collapseCause     = lex.set("collapse-cause")
	laughWords        = lex.set("laugh")
	helpWords         = lex.set("help-words")
	fillerStarts      = lex.set("filler-starts")
	statementModals   = lex.set("statement-modals")
	subjectWords      = lex.set("subjects")
	eitherWords       = lex.set("either-words")
	answerNo          = lex.set("answer-no")
	alsoWords         = lex.set("also-words")
	coordinators      = lex.set("coordinators")
	feelNot           = lex.set("feel-not")
	walkLimit         = lex.set("walk-limit")
	upright           = lex.set("upright")
	tiptoes           = lex.set("tiptoes")
	frontWords        = lex.set("front-words")
	praiseNegators    = lex.set("praise-negators")
	praiseVerbs       = lex.set("praise-verbs")
	praiseWords       = lex.set("praise")
	superDegrees      = lex.set("superlative-degrees")
	superPointers     = lex.set("superlative-pointers")
	vomitWords        = lex.set("vomit")
	peeEffort         = lex.set("pee-effort")
	peeActs           = lex.set("pee-acts")
	organDeniers      = lex.set("organ-deniers")
	organJoins        = lex.set("organ-joins")
	organChanges      = lex.set("organ-changes")
	organPreps        = lex.set("organ-preps")
	seatCauses        = lex.set("seat-causes")
	seatSits          = lex.set("seat-sits")
	seatGives         = lex.set("seat-gives")
	surgeryWords      = lex.set("surgery")
	birthWords        = lex.set("birth")
	nowWords          = lex.set("now")
	activityWords     = lex.set("activities")
	freqWords         = lex.set("frequency")
	mediaWords        = lex.set("media")
	idleAsks          = lex.set("idle-asks")
	selfWords         = lex.set("self")
	othersBody        = lex.set("others-body")
	partWords         = lex.set("parts")
	problemAttach     = lex.set("problem-attach")
	partnerWords      = lex.set("partners")
	partOf            = lex.set("part-of")
	attachWords       = lex.set("attach")
	modifierWords     = lex.set("modifiers")
	possessives       = lex.set("possessives")
	backModifiers     = lex.set("back-modifiers")
	postureWords      = lex.set("posture")
	postureAlone      = lex.set("posture-alone")
	longSpell         = lex.set("long-spell")
	unhurtWords       = lex.set("unhurt")
	exceptWords       = lex.set("except")
	singleLimbs       = lex.set("single-limbs")
	goodLimbs         = lex.set("good-limbs")
	coughWords        = lex.set("cough")
	causeWords        = lex.set("cause")
	schoolYears       = lex.set("school-years")
	monthWords        = lex.set("months")
	limbAux           = lex.set("limb-aux")
	candourWords      = lex.set("candour")
	dutyWords         = lex.set("duty")
	chestWorkouts     = lex.set("chest-workouts")
	workoutCauses     = lex.set("workout-causes")
	decadeWords       = lex.set("decades")
	frightWords       = lex.set("fright")
	liePostures       = lex.set("lie-postures")
	backTopics        = lex.set("back-topics")
	cesHaving         = lex.set("ces-having")
	cesBody           = lex.set("ces-body")
	warningStarts     = lex.set("warning-starts")
	dizzyWords        = lex.set("dizzy")
	dizzyFirst        = lex.set("dizzy-first")
	dizzySecond       = lex.set("dizzy-second")
	softObjects       = lex.set("soft-objects")
	sportPreps        = lex.set("sport-preps")
	habitualWords     = lex.set("habitual")
	compareThen       = lex.set("compare-then")
	restraintWords    = lex.set("restraints")
	vehicleWords      = lex.set("vehicles")
	perceptionVerbs   = lex.set("perception-verbs")
	seenOthers        = lex.set("seen-others")
	restraintHeads    = lex.set("restraint-heads")
	restraintTails    = lex.set("restraint-tails")
	lowFallWords      = lex.set("low-fall")
	hardFallWords     = lex.set("hard-fall")
	slipPlaces        = lex.set("slip-places")
	slipImpacts       = lex.set("slip-impacts")
	slipBlockers      = lex.set("slip-blockers")
	stepWords         = lex.set("step-words")
	fewStepCounts     = lex.set("few-step-counts")
	manySteps         = lex.set("many-steps")
	wholeDescentVerbs = lex.set("whole-descent-verbs")
	landingParts      = lex.set("landing-parts")
	elderWords        = lex.set("elder")
	fallOutcomes      = lex.set("fall-outcomes")
	fallSports        = lex.set("fall-sports")
	fallMinimisers    = lex.set("fall-minimisers")
	seriousWords      = lex.set("serious")
	mildWords         = lex.set("mild")
	stressTriggers    = lex.set("stress-triggers")
	spellWords        = lex.set("spell")
	novelWords        = lex.set("novel")
	yearsWords        = lex.set("years")
	urgencyCauses     = lex.set("urgency-causes")
	standingFallWords = lex.set("standing-fall")
	seatParts         = lex.set("seat-parts")
	pastSeasons       = lex.set("past-seasons")
	spreadWords       = lex.set("spread")
	toiletSpell       = lex.set("toilet-spell")
	nerveConditions   = lex.set("nerve-conditions")
	resolvedWords     = lex.set("resolved")
	fatigueWords      = lex.set("fatigue")
	wornOutWords      = lex.set("worn-out")
	littleOnes        = lex.set("little-ones")
	fictionWords      = lex.set("fiction")
	triviaWords       = lex.set("trivia")
	goneWords         = lex.set("gone-words")
	goneBefore        = lex.set("gone-before")
	stateBefore       = lex.set("state-before")
	adviceFrames      = lex.set("advice-frames")
	gravityWords      = lex.set("gravity")
	rateWords         = lex.set("rates")
	pregnantWords     = lex.set("pregnant")
	tookWords         = lex.set("took")
	usualWords        = lex.set("usual")
	usualKind         = lex.set("usual-kind")
	suddenWords       = lex.set("sudden")
	cameWords         = lex.set("came-true")
	weightPlans       = lex.set("weight-plans")
	easingWords       = lex.set("easing")
	insteadWords      = lex.set("instead")
	easingNow         = lex.set("easing-now")
	justWords         = lex.set("easing-just")
	shortSpell        = lex.set("short-spell")
	sinceIWas         = lex.set("since-i-was")
	lookBack          = lex.set("look-back")
	adviceIf          = lex.set("advice-if")
	adviceLooks       = lex.set("advice-looks")
	lookoutVerbs      = lex.set("lookout-verbs")
	checkVerbs        = lex.set("check-verbs")
	directionWords    = lex.set("directions")
	illnessWords      = lex.set("illness")
	backEvents        = lex.set("back-events")
	crackWords        = lex.set("crack-words")
	doneWords         = lex.set("doing-words")
	furniture         = lex.set("furniture")
	walkShort         = lex.set("walk-short")
	reasonWords       = lex.set("reasons")
	sexEffort         = lex.set("sex-effort")
	recoveryWords     = lex.set("recovery")
	painAnaphors      = lex.set("pain-anaphors")
	painReturns       = lex.set("pain-returns")
	expectedRecovery  = lex.set("expected-recovery")
	recoveryShapes    = shapesOf(expectedRecovery) // a cheap test before the map, read on every word
	expectModals      = lex.set("expect-modals")
	muscleSore        = lex.set("muscle-sore")
	soreWorkouts      = lex.set("sore-workouts")
	workoutSince      = lex.set("workout-since")
	fixedByWords      = lex.set("fixed-by")
	upVerbs           = lex.set("up-verbs")
	sportWords        = lex.set("sport-told")
	blowVerbs         = lex.set("blow-verbs")
	contactSports     = lex.set("contact-sport")
	intenseWords      = lex.set("intense")
	listHeads         = lex.set("list-heads")
	allClear          = lex.set("all-clear")
	scanFindings      = lex.set("scan-findings")
	scanCheckers      = lex.set("scan-checkers")
	crashMinimisers   = lex.set("crash-minimisers")
	heardSounds       = lex.set("heard-sounds")
	ridingWords       = lex.set("riding")
	grabbable         = lex.set("grabbable")
	backParts         = lex.set("back-parts")
	workoutAfter      = lex.set("workout-after")
	gutUpset          = lex.set("gut-upset")
	ambulanceWords    = lex.set("ambulance")
	ambulanceVerbs    = lex.set("ambulance-verbs")
	ambulanceShapes   = shapesOf(ambulanceWords) // a cheap test before the map, read on every word
	swoonCauses       = lex.set("swoon-causes")
	coldPlaces        = lex.set("cold-places")
)

// wordShapes tells, for each first byte, the lengths of a set's words that start with it (bit n
// for length n, bit 63 for 63 or more): a test cheaper than the set's map, which most words fail.
type wordShapes [256]uint64

// shapesOf returns the shapes of the words of set.
func shapesOf(set map[string]bool) (t wordShapes) {
	for w := range set {
		if w != "" {
			t[w[0]] |= 1 << min(len(w), 63)
		}
	}
	return t
}

// may reports whether w may be a word of the set: false means it is not.
func (t *wordShapes) may(w string) bool {
	return w != "" && t[w[0]]&(1<<min(len(w), 63)) != 0
}
