package triage

// The lexicon's types: concepts, abilities and word roles. The words themselves are data, in
// data/lexicon.yaml (see lexfile.go).

// feat is a set of concepts a token stands for; each concept of data/lexicon.yaml has one bit.
type feat uint64

// The concepts the scanner and the named checks read, bound by name to data/lexicon.yaml.
var (
	fBladder        = lex.feat("bladder")
	fBowel          = lex.feat("bowel")
	fIncont         = lex.feat("incontinence")
	fControlLoss    = lex.feat("control-loss")
	fLose           = lex.feat("lose")
	fProblem        = lex.feat("problem")
	fSaddle         = lex.feat("saddle")
	fWipe           = lex.feat("wipe")
	fToilet         = lex.feat("toilet")
	fLinen          = lex.feat("linen")
	fNumb           = lex.feat("numb")
	fWeak           = lex.feat("weak")
	fGait           = lex.feat("gait")
	fLeg            = lex.feat("leg")
	fFoot           = lex.feat("foot")
	fBoth           = lex.feat("both")
	fSciatica       = lex.feat("sciatica")
	fPain           = lex.feat("pain")
	fChest          = lex.feat("chest")
	fChestQual      = lex.feat("chest-quality")
	fBand           = lex.feat("band")
	fThoracic       = lex.feat("thoracic")
	fSex            = lex.feat("sex")
	fSexWeak        = lex.feat("sex-weak")
	fCES            = lex.feat("cauda-equina")
	fFall           = lex.feat("fall")
	fMinorFall      = lex.feat("minor-fall")
	fTrauma         = lex.feat("trauma")
	fDescent        = lex.feat("descent")
	fStruck         = lex.feat("struck")
	fAccident       = lex.feat("accident")
	fFever          = lex.feat("fever")
	fImmune         = lex.feat("immune")
	fInject         = lex.feat("inject")
	fSteroid        = lex.feat("steroid")
	fOsteo          = lex.feat("osteoporosis")
	fCancer         = lex.feat("cancer")
	fWeightLoss     = lex.feat("weight-loss")
	fBenefit        = lex.feat("benefit")
	fNight          = lex.feat("night")
	fNightPain      = lex.feat("night-pain")
	fRest           = lex.feat("rest")
	fNotEase        = lex.feat("not-easing")
	fWorse          = lex.feat("worse")
	fProgress       = lex.feat("progress")
	fNotImproving   = lex.feat("not-improving")
	fSevere         = lex.feat("severe")
	fFirst          = lex.feat("first")
	fLump           = lex.feat("lump")
	fFootDrop       = lex.feat("foot-drop")
	fMissed         = lex.feat("missed")
	fHeavy          = lex.feat("heavy")
	fGiveWay        = lex.feat("give-way")
	fNightWake      = lex.feat("night-wake")
	fHeight         = lex.feat("height")
	fLinger         = lex.feat("lingering")
	fRetention      = lex.feat("retention")
	fAgeWord        = lex.feat("age-word")
	fExtraEmergency = lex.feat("extra-emergency")
	fExtraDoctor    = lex.feat("extra-doctor")
)

// symptomFeats are the concepts a negator denies: "no numbness", "not losing control". Concepts
// outside this set are body parts and abilities, where a negator makes the red flag: "no control",
// "can't pee". They are the lexicon's deniable concepts.
var symptomFeats = lex.deniable

// ability is what a negator turns into a red flag: "can't pee", "no feeling", "won't go away".
type ability uint8

const (
	abNone    ability = iota
	abOrgan           // pee, poo: "can't pee", "haven't peed"
	abSex             // erection: "can't get an erection"
	abControl         // "no control", "can't hold it"
	abSense           // "can't feel", "no sensation", "didn't notice"
	abWalk            // "can't walk"
	abStand           // "can't stand"
	abMove            // "can't move"
	abImprove         // "no better", "won't go away"
	abRelief          // "nothing helps", "doesn't ease"
	abLift            // "can't lift my foot"
	abMakeIt          // "didn't make it"
)

// kind marks function words that steer negation and clauses.
type kind uint16

const (
	kNeg         kind = 1 << iota // no, not, never, without: denies the symptom after it
	kNegAbility                   // hardly, barely, unable: only ever makes an ability a red flag
	kReassure                     // fine, normal: denies the symptom before it
	kHedge                        // sure, know, think: "not sure" is a hedge, not a denial
	kClauseBreak                  // but, however: ends a clause
	kChainBreak                   // and, because: ends what a negator reaches
	kSoftBreak                    // just, only, still: ends what a negator reaches after it
	kQuestion                     // what, is, should: a clause starting so asks
	kIf                           // if, whether: what follows is hypothetical
	kAdvice                       // told, warned, watch, checked: may report advice (check advice-told)
	kExample                      // like, such, including: may list examples (genericExamples)
	kAnswer                       // said, have, none: may report an answer (saidNo)
)

// lexEntry is what the lexicon says about one term or word.
type lexEntry struct {
	feat feat
	kind kind
	ab   ability
}
