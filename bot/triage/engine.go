package triage

import (
	_ "embed"
	"fmt"
	"math/bits"

	"gopkg.in/yaml.v3"
)

// The red-flag rules are data, in data/rules.yaml; this file is their interpreter. A rule names
// the concept a word must stand for (undenied), what must or must not be near it, and named
// checks; when every condition holds the rule's flag is raised. The most urgent flag raised wins.

//go:embed data/rules.yaml
var rulesFile []byte

// redFlag is one red flag the detector reports.
type redFlag struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	Tier Tier   `yaml:"-"`
	Why  string `yaml:"why"`
}

// rule is one rule of data/rules.yaml, compiled.
type rule struct {
	id      string
	flag    int  // index into flags
	number  bool // anchored on a number ("9 out of 10", "i'm 72") rather than a concept
	message bool // judged once on the whole message
	on      feat
	near    []window
	notNear []window
	notInCl feat
	any     feat // one of these must be undenied somewhere in the message
	word    map[string]bool
	checks  []check
	unless  []check
	fire    []string
	ok      []string
}

type window struct {
	f    feat
	w    int
	part bool // the sign must be told of the rule's body part (same_part)
}

// check is a named test on a word of the message (or the whole message) that the rules file
// cannot say with concepts and windows; each is documented in data/rules.yaml.
type check func(s *scratch, i int) bool

// perMessage makes a check of a test of the whole message, whose answer is the same at every
// word: it is worked out at most once a message (scratch.whole, cleared by judge), however many
// words of however many rules ask it.
func perMessage(f func(*scratch) bool) check {
	k := numWhole
	if numWhole++; numWhole > maxWhole {
		panic("triage: more than maxWhole whole-message checks")
	}
	return func(s *scratch, _ int) bool {
		if s.whole[k] == memoUnknown {
			s.whole[k] = answer(f(s))
		}
		return s.whole[k] == memoYes
	}
}

// numWhole counts the checks perMessage made; scratch.whole has room for maxWhole.
var numWhole int

const maxWhole = 16

var checks = map[string]check{
	"back-gave-way":        func(s *scratch, i int) bool { return s.backGaveWay(i) },
	"after-exercise":       func(s *scratch, i int) bool { return s.afterExercise(i) },
	"long-ago":             func(s *scratch, i int) bool { return s.longAgo(i) },
	"weeks-back":           func(s *scratch, i int) bool { return s.weeksBack(i) },
	"arm-or-face-near":     func(s *scratch, i int) bool { return s.armNear(i) },
	"arm-spread":           func(s *scratch, i int) bool { return s.armSpread(i) },
	"front-place":          func(s *scratch, i int) bool { return s.frontPlace(i) },
	"skin-told":            func(s *scratch, i int) bool { return s.wordInSentence(i, skinSigns) },
	"night-pattern":        func(s *scratch, i int) bool { return s.nightCue(i) },
	"always-of-other":      func(s *scratch, i int) bool { return s.alwaysOfOther(i) },
	"pain-wakes":           func(s *scratch, i int) bool { return s.painWakes(i) },
	"rest-word-before":     func(s *scratch, i int) bool { return s.before(i, 4, restWords) },
	"plural-limb-near":     func(s *scratch, i int) bool { return s.pluralLimbNear(i, 6) },
	"pain-score-8-plus":    func(s *scratch, i int) bool { return s.severeScore(i) },
	"weight-lost-number":   func(s *scratch, i int) bool { return s.weightLost(i) },
	"still-after-weeks":    perMessage((*scratch).stillAfterWeeks),
	"never-before":         perMessage((*scratch).neverBefore),
	"age-under-20-over-50": perMessage((*scratch).ageRisk),
	"lasts-3-weeks-plus":   perMessage((*scratch).longDuration),
	"duration-in-sentence": func(s *scratch, i int) bool { return s.durationInSentence(i) },
	"usual-pattern":        perMessage((*scratch).usualPattern),
	"onset-months-back":    perMessage((*scratch).onsetMonthsBack),
	"workout-sore":         func(s *scratch, i int) bool { return s.workoutSore(i) },
	"recovery-let-down":    func(s *scratch, _ int) bool { return s.recoveryLetDown() }, // one rule, on the message
	"strain-told":          perMessage((*scratch).strained),
	"ces-alone":            func(s *scratch, i int) bool { return s.cesAlone(i) },
	"compared-with-before": func(s *scratch, i int) bool { return s.comparedWithBefore(i) },
	"restraint-near":       func(s *scratch, i int) bool { return s.restraintNear(i) },
	"painkiller-constipation": func(s *scratch, i int) bool { // not when feeling is lost too
		return s.hasWord(medicationWords) && (s.hasWord(constipationWords) || s.wordNear(i, 5, spellWords)) &&
			!s.near(i, fNumb, 10)
	},
	"minor-before":       func(s *scratch, i int) bool { return s.before(i, 2, minorWords) },
	"figure-of-speech":   func(s *scratch, i int) bool { return s.before(i, 4, simileWords) || s.metaphor(i) },
	"spread-verb-before": func(s *scratch, i int) bool { return s.spreadInto(i) },
	"healed-since":       func(s *scratch, i int) bool { return s.healedSince(i) },
	"easing-after":       func(s *scratch, i int) bool { return s.easingAfter(i) },
	"almost":             func(s *scratch, i int) bool { return s.before(i, 2, almostWords) },
	"pain-collapse":      func(s *scratch, i int) bool { return s.painCollapse(i) },
	"pain-when":          func(s *scratch, i int) bool { return s.painWhen(i) },
	"laughing":           func(s *scratch, i int) bool { return s.wordNear(i, 12, laughWords) },
	"fright-idiom":       func(s *scratch, i int) bool { return s.before(i, 2, almostWords) && s.wordNear(i, 12, frightWords) },
	"surgery-catheter":   func(s *scratch, i int) bool { return s.surgeryCatheter(i) },
	"told-of-past":       func(s *scratch, i int) bool { return s.toldOfPast(i) },
	"past-episode-over":  func(s *scratch, i int) bool { return s.pastEpisodeOver(i) },
	"past-and-over":      func(s *scratch, i int) bool { return s.pastAndOver(i) },
	"past-emergency":     func(s *scratch, i int) bool { return s.pastEmergency(i) },
	"past-story":         perMessage((*scratch).pastStory),
	"past-anchored":      func(s *scratch, i int) bool { return s.pastAnchored(i) },
	"media-before":       func(s *scratch, i int) bool { return s.mediaBefore(i) },
	"organ-trouble":      func(s *scratch, i int) bool { return s.organTrouble(i) },
	"seat-numb":          func(s *scratch, i int) bool { return s.seatNumb(i) },
	"routine-pee":        func(s *scratch, i int) bool { return s.routinePee(i) },
	"childhood":          func(s *scratch, i int) bool { return s.childhood(i) },
	"vomit-near":         func(s *scratch, i int) bool { return s.vomitNear(i) },
	"pain-before":        func(s *scratch, i int) bool { return s.painBefore(i, 8) },
	"someone-else-fell":  func(s *scratch, i int) bool { return s.someoneElseFell(i) },
	"someone-elses":      func(s *scratch, i int) bool { return s.someoneElses(i) },
	"others-history":     func(s *scratch, i int) bool { return s.othersHistory(i) },
	"from-posture":       func(s *scratch, i int) bool { return s.fromPosture(i) },
	"part-pain":          func(s *scratch, i int) bool { return s.partPain(i) },
	"chest-workout":      func(s *scratch, i int) bool { return s.chestWorkout(i) },
	"unhurt":             func(s *scratch, i int) bool { return s.unhurt(i) },
	"one-limb-gave":      func(s *scratch, i int) bool { return s.oneLimbGave(i) },
	"good-limb":          func(s *scratch, i int) bool { return goodLimbs[s.word(i-1)] },
	"slip-story":         func(s *scratch, i int) bool { return slipImpacts[s.toks[i].Word] && s.slipStory() },
	"few-steps":          func(s *scratch, i int) bool { return s.fewSteps(i) },
	"cough-cause":        func(s *scratch, i int) bool { return s.coughCause(i) },
	"walk-limited":       func(s *scratch, i int) bool { return s.walkLimited(i) },
	"pain-did-it":        func(s *scratch, i int) bool { return s.painDidIt(i) },
	"supposed-cause":     func(s *scratch, i int) bool { return s.supposedCause(i) },
	"signs-of-other":     func(s *scratch, i int) bool { return s.signsOfOther(i) },
	"feel-word-near":     func(s *scratch, i int) bool { return s.feelWordNear(i) },
	"pain-after":         func(s *scratch, i int) bool { return s.painAfter(i, 8) },
	"limbs-after":        func(s *scratch, i int) bool { return s.after(i, 3, movedLimbs) },
	"other-side-too":     func(s *scratch, i int) bool { return s.otherSideToo(i) },
	"dizzy-told":         func(s *scratch, i int) bool { return s.dizzyTold(i) },
	"soft-blow":          func(s *scratch, i int) bool { return s.softBlow(i) },
	"small-striker":      func(s *scratch, i int) bool { return s.smallStriker(i) },
	"blow-idiom":         func(s *scratch, i int) bool { return s.blowIdiom(i) },
	"fear-denied":        func(s *scratch, i int) bool { return s.fearDenied(i) },
	"thing-leaks":        func(s *scratch, i int) bool { return s.wordNear(i, 4, leakyThings) },
	"star-sign":          func(s *scratch, i int) bool { return s.starSign(i) },
	"habitual":           func(s *scratch, i int) bool { return s.habitual(i) },
	"serious-fall":       func(s *scratch, i int) bool { return s.seriousFall(i) },
	"minor-fall-told":    func(s *scratch, i int) bool { return s.minorFallTold(i) },
	"standing-fall":      func(s *scratch, i int) bool { return s.standingFall(i) },
	"played-down":        func(s *scratch, i int) bool { return s.playedDown(i) },
	"negated-spell":      perMessage((*scratch).negatedSpell),
	"pain-explains":      func(s *scratch, i int) bool { return s.painExplains(i) },
	"known-nerve-cause": func(s *scratch, i int) bool {
		return s.wordInSentence(i, nerveConditions) && !s.wordInClause(i, novelWords)
	},
	"medication-near":    func(s *scratch, i int) bool { return s.wordNear(i, 4, medicationWords) },
	"advice-told":        func(s *scratch, i int) bool { return s.adviceTold(i) },
	"someone-else-named": func(s *scratch, i int) bool { return s.someoneElseNamed(i) },
	"sex-effort":         func(s *scratch, i int) bool { return s.wordNear(i, 4, sexEffort) },
	"purpose-after":      func(s *scratch, i int) bool { return s.nextWord(i) == "to" },
	"other-side-named":   func(s *scratch, i int) bool { return s.otherSideNamed(i) },
	"other-side-now":     func(s *scratch, i int) bool { return s.otherSideNow(i) },
	"after-workout":      func(s *scratch, i int) bool { return s.afterWorkout(i) },
	"strain-collapse":    func(s *scratch, i int) bool { return s.strainCollapse(i) },
	"strain-walk":        func(s *scratch, i int) bool { return s.strained() && !s.legSignsNear(i) },
	"sport-told":         func(s *scratch, i int) bool { return s.sportTold(i) },
	"pain-result":        func(s *scratch, i int) bool { return s.painResult(i) },
	"cleared-after":      func(s *scratch, i int) bool { return s.clearedAfter(i) },
	"checked-clear":      func(s *scratch, i int) bool { return s.checkedClear(i) },
	"minor-crash":        func(s *scratch, i int) bool { return s.minorCrash(i) },
	"strain-once":        func(s *scratch, i int) bool { return s.strainOnce(i) },
	"warning-idiom":      func(s *scratch, i int) bool { return s.warningIdiom(i) },
	"caught-self":        func(s *scratch, i int) bool { return s.caughtSelf(i) },
	"tired-told":         func(s *scratch, i int) bool { return s.wordNear(i, 4, fatigueWords) },
	"worn-out-sense":     func(s *scratch, i int) bool { return s.wornOutSense(i) },
	"little-one-told":    func(s *scratch, i int) bool { return s.before(i, 4, littleOnes) },
	"fiction-told":       func(s *scratch, i int) bool { return s.fictionTold(i) },
	"riding-told":        perMessage(func(s *scratch) bool { return s.hasWord(ridingWords) }),
	"toilet-before":      func(s *scratch, i int) bool { return s.toiletBefore(i) },
	"onset-weeks-back":   perMessage((*scratch).onsetWeeksBack),
	"trivia-told":        func(s *scratch, i int) bool { return s.wordInSentence(i, triviaWords) },
	"illness-told":       func(s *scratch, i int) bool { return s.illnessTold(i) },
	"gut-told":           func(s *scratch, i int) bool { return s.gutTold(i) },
	"ambulance-called":   perMessage((*scratch).ambulanceCalled),
	"leg-path":           func(s *scratch, i int) bool { return s.legPath(i) },
	"swoon-told":         func(s *scratch, i int) bool { return s.swoonTold(i) },
	"cold-explains":      func(s *scratch, i int) bool { return s.coldExplains(i) },
	"weight-on-leg":      func(s *scratch, i int) bool { return s.weightOnLeg(i) },
	"both-sides":         func(s *scratch, i int) bool { return s.bothSides(i) },
	"fall-told":          perMessage((*scratch).fallTold),
	"partial-before":     func(s *scratch, i int) bool { return s.before(i, 3, partialNeg) },
	"walk-cut-short":     func(s *scratch, i int) bool { return s.after(i, 6, walkShort) },
	"fine-after":         func(s *scratch, i int) bool { return s.fineAfter(i) },
	"onto-furniture":     func(s *scratch, i int) bool { return s.ontoFurniture(i) },
	"crack-in-back":      perMessage((*scratch).crackInBack),
	"back-went-drop":     func(s *scratch, i int) bool { return s.backWentBefore(i) && !s.seriousFall(i) },
	"back-tied":          func(s *scratch, i int) bool { return s.legPath(i) || s.strained() || s.backWent() },
	"spread-told":        func(s *scratch, i int) bool { return s.wordInSentence(i, spreadWords) },
	"stress-leak":        func(s *scratch, i int) bool { return s.stressLeak(i) },
	"partner-told":       func(s *scratch, i int) bool { return s.partnerTold(i) },
	"urgency-explained":  func(s *scratch, i int) bool { return s.urgencyExplained(i) },
}

// ruleSet is data/rules.yaml, compiled.
type ruleSet struct {
	flags []redFlag
	rules []rule
	lower []lowering     // lower.go
	byID  map[string]int // flag id -> index
	// doctorBits and modBits are the bits of the doctor flags and of the moderators' flags.
	doctorBits, modBits uint32
}

var rules = mustRules(rulesFile, lex)

func mustRules(data []byte, l *lexicon) *ruleSet {
	rs, err := parseRules(data, l)
	if err != nil {
		panic("triage: data/rules.yaml: " + err.Error())
	}
	return rs
}

type windowYAML struct {
	Any      []string `yaml:"any"`
	Within   int      `yaml:"within"`
	SamePart bool     `yaml:"same_part"`
}

// parseRules reads data/rules.yaml against lexicon l: the flags, then each rule, failing on
// the first name (flag, concept, word set, check) nothing defines.
func parseRules(data []byte, l *lexicon) (*ruleSet, error) {
	var f rulesYAML
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	rs, err := parseFlags(f.Flags)
	if err != nil {
		return nil, err
	}
	rr := ruleReader{l}
	for _, y := range f.Rules {
		r, err := rr.rule(y, rs)
		if err != nil {
			return nil, err
		}
		rs.rules = append(rs.rules, r)
	}
	return rs, rr.lowerings(f.Lower, rs)
}

// rulesYAML is the shape of data/rules.yaml.
type rulesYAML struct {
	Flags []flagYAML  `yaml:"flags"`
	Rules []ruleYAML  `yaml:"rules"`
	Lower []lowerYAML `yaml:"lower"`
}

type flagYAML struct {
	redFlag `yaml:",inline"`
	Tier    string `yaml:"tier"`
}

type ruleYAML struct {
	ID          string       `yaml:"id"`
	Flag        string       `yaml:"flag"`
	Catches     string       `yaml:"catches"`
	On          []string     `yaml:"on"`
	Near        []windowYAML `yaml:"near"`
	NotNear     []windowYAML `yaml:"not_near"`
	NotInClause []string     `yaml:"not_in_clause"`
	Anywhere    []string     `yaml:"anywhere"`
	Word        string       `yaml:"word"`
	Check       []string     `yaml:"check"`
	Unless      []string     `yaml:"unless"`
	Fire        []string     `yaml:"fire"`
	OK          []string     `yaml:"ok"`
}

// parseFlags reads the flags, each with its tier, name and why; at most 32, one bit each.
func parseFlags(flags []flagYAML) (*ruleSet, error) {
	rs := &ruleSet{byID: map[string]int{}}
	for _, fl := range flags {
		switch fl.Tier {
		case "emergency":
			fl.redFlag.Tier = Emergency
		case "doctor":
			fl.redFlag.Tier = Doctor
		default:
			return nil, fmt.Errorf("flag %s: tier %q, want emergency or doctor", fl.ID, fl.Tier)
		}
		if fl.Why == "" || fl.Name == "" {
			return nil, fmt.Errorf("flag %s: needs a name and a why", fl.ID)
		}
		rs.byID[fl.ID] = len(rs.flags)
		rs.flags = append(rs.flags, fl.redFlag)
	}
	if len(rs.flags) > 32 {
		return nil, fmt.Errorf("more than 32 flags")
	}
	return rs, nil
}

// ruleReader turns the names a rule uses (concepts, word sets, checks) into what the
// interpreter runs, saying which rule names an unknown one.
type ruleReader struct{ l *lexicon }

// rule reads one rule of flag set rs.
func (rr ruleReader) rule(y ruleYAML, rs *ruleSet) (rule, error) {
	fi, ok := rs.byID[y.Flag]
	if !ok {
		return rule{}, fmt.Errorf("rule %s: unknown flag %q", y.ID, y.Flag)
	}
	if y.Catches == "" {
		return rule{}, fmt.Errorf("rule %s: needs catches: in plain words", y.ID)
	}
	r := rule{id: y.ID, flag: fi, fire: y.Fire, ok: y.OK}
	var on []string
	for _, n := range y.On {
		switch n {
		case "number":
			r.number = true
		case "message":
			r.message = true
		default:
			on = append(on, n)
		}
	}
	var err error
	if r.on, err = rr.concepts(y.ID, on); err != nil {
		return rule{}, err
	}
	if r.on == 0 && !r.number && !r.message {
		return rule{}, fmt.Errorf("rule %s: on: names no concept", y.ID)
	}
	if err := rr.context(y, &r); err != nil {
		return rule{}, err
	}
	return r, nil
}

// context reads what a rule needs around its word, beside it or anywhere: windows, concepts,
// a word set and checks.
func (rr ruleReader) context(y ruleYAML, r *rule) error {
	var err error
	if r.near, err = rr.windows(y.ID, y.Near); err != nil {
		return err
	}
	if r.notNear, err = rr.windows(y.ID, y.NotNear); err != nil {
		return err
	}
	if r.notInCl, err = rr.concepts(y.ID, y.NotInClause); err != nil {
		return err
	}
	if r.any, err = rr.concepts(y.ID, y.Anywhere); err != nil {
		return err
	}
	if y.Word != "" {
		var ok bool
		if r.word, ok = rr.l.sets[y.Word]; !ok {
			return fmt.Errorf("rule %s: unknown word set %q", y.ID, y.Word)
		}
	}
	if r.checks, err = rr.named(y.ID, y.Check); err != nil {
		return err
	}
	r.unless, err = rr.named(y.ID, y.Unless)
	return err
}

// concepts returns the bits of the named concepts.
func (rr ruleReader) concepts(id string, names []string) (feat, error) {
	var fs feat
	for _, n := range names {
		b, ok := rr.l.bits[n]
		if !ok {
			return 0, fmt.Errorf("rule %s: unknown concept %q", id, n)
		}
		fs |= b
	}
	return fs, nil
}

// windows reads "near" and "not near" windows: any of some concepts within N words.
func (rr ruleReader) windows(id string, ws []windowYAML) ([]window, error) {
	var out []window
	for _, w := range ws {
		fs, err := rr.concepts(id, w.Any)
		if err != nil {
			return nil, err
		}
		if w.Within < 1 {
			return nil, fmt.Errorf("rule %s: a window needs within: N words", id)
		}
		out = append(out, window{fs, w.Within, w.SamePart})
	}
	return out, nil
}

// named returns the checks of the given names (checks in rules.go).
func (rr ruleReader) named(id string, names []string) ([]check, error) {
	var out []check
	for _, n := range names {
		c, ok := checks[n]
		if !ok {
			return nil, fmt.Errorf("rule %s: unknown check %q", id, n)
		}
		out = append(out, c)
	}
	return out, nil
}

// judge runs every rule over the annotated message and returns the index of the most urgent
// flag raised, or -1. fired, when not nil, receives the index of each rule that fired.
func (rs *ruleSet) judge(s *scratch, fired func(int)) int {
	var all feat // undenied concepts anywhere in the message
	s.clearMemos()
	for i := range s.info {
		s.told |= s.info[i].feat
		if s.info[i].flags&flNeg == 0 && s.info[i].feat != 0 {
			all |= s.info[i].feat
			s.hot = append(s.hot, int32(i))
		}
		if w := s.toks[i].Word; w != "" && isDigit(w[0]) {
			s.nums = append(s.nums, int32(i))
		}
	}
	var found uint32
	for ri := range rs.rules {
		r := &rs.rules[ri]
		if found&(1<<r.flag) != 0 && fired == nil || r.any != 0 && r.any&all == 0 ||
			r.on != 0 && r.on&all == 0 && !r.number && !r.message {
			continue // no word of the message stands for the rule's concepts
		}
		if rs.fires(s, r) {
			found |= 1 << r.flag
			if fired != nil {
				fired(ri)
			}
		}
	}
	s.raised = found
	if found == 0 {
		return -1
	}
	return bits.TrailingZeros32(found)
}

// clearMemos empties judge's lists of tokens and forgets what its checks worked out on the last
// message.
func (s *scratch) clearMemos() {
	s.hot, s.nums, s.durations, s.durWords = s.hot[:0], s.nums[:0], s.durations[:0], s.durWords[:0]
	s.durScanned, s.whole, s.told = false, [maxWhole]memo{}, 0
}

// fires reports whether rule r holds anywhere in the message.
func (rs *ruleSet) fires(s *scratch, r *rule) bool {
	if r.message {
		return r.holds(s, 0)
	}
	if r.number {
		for _, i := range s.nums {
			if r.holds(s, int(i)) {
				return true
			}
		}
		return false
	}
	for _, i := range s.hot { // the undenied words that stand for a concept
		if s.info[i].feat&r.on != 0 && r.holds(s, int(i)) {
			return true
		}
	}
	return false
}

// holds checks r's conditions around token i.
func (r *rule) holds(s *scratch, i int) bool {
	if r.word != nil && !r.word[s.toks[i].Word] {
		return false
	}
	for _, w := range r.near {
		if w.part && !s.nearOwned(i, w.f, w.w) || !w.part && !s.near(i, w.f, w.w) {
			return false
		}
	}
	for _, w := range r.notNear {
		if s.near(i, w.f, w.w) {
			return false
		}
	}
	if r.notInCl != 0 && s.clauseHas(i, r.notInCl) {
		return false
	}
	for _, c := range r.checks {
		if !c(s, i) {
			return false
		}
	}
	for _, c := range r.unless {
		if c(s, i) {
			return false
		}
	}
	return true
}
