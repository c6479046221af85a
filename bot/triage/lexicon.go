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
)

// lexEntry is what the lexicon says about one term or word.
type lexEntry struct {
	feat feat
	kind kind
	ab   ability
}

// category is one red flag the detector reports.
type category struct {
	name string
	tier Tier
	why  string
}

// Categories, most urgent first: when several match, the first wins.
const (
	catCES = iota
	catBladder
	catBowel
	catSaddle
	catSex
	catBothLegs
	catChest
	catFeverImmune
	catTrauma
	catExtraEmergency
	catFootDrop
	catLeg
	catFever
	catCancer
	catWeight
	catNight
	catLump
	catThoracic
	catRisk
	catAge
	catSevere
	catExtraDoctor
	numCategories
)

var categories = [numCategories]category{
	catCES: {"cauda equina", Emergency,
		"Numbness around the bottom or genitals, or new bladder or bowel trouble, with back pain can mean the nerves at the base of the spine are squeezed (cauda equina syndrome), which needs treatment within hours."},
	catBladder: {"bladder", Emergency,
		"New trouble passing, holding or feeling urine with back pain can mean the nerves at the base of the spine are squeezed, which needs treatment within hours."},
	catBowel: {"bowel", Emergency,
		"New loss of bowel control or feeling with back pain can mean the nerves at the base of the spine are squeezed, which needs treatment within hours."},
	catSaddle: {"saddle numbness", Emergency,
		"Numbness or tingling around the groin, genitals, bottom or inner thighs can mean the nerves at the base of the spine are squeezed, which needs treatment within hours."},
	catSex: {"sexual function", Emergency,
		"New loss of sexual function or feeling together with back pain can mean the nerves at the base of the spine are squeezed, which needs treatment within hours."},
	catBothLegs: {"both legs", Emergency,
		"Weakness, numbness or pain in both legs, or legs giving way, can mean the spinal nerves are squeezed, which needs checking urgently."},
	catChest: {"chest pain", Emergency,
		"Chest pain together with back pain can come from the heart or a major blood vessel, which needs checking straight away."},
	catFeverImmune: {"fever with weak immunity", Emergency,
		"A fever with back pain when your immune system is weakened, or if you inject drugs, can mean an infection in the spine, which needs treatment urgently."},
	catTrauma: {"trauma", Emergency,
		"A fall, crash or heavy blow (or even a small fall if your bones are weak) can break a bone in the spine, which needs checking now."},
	catExtraEmergency: {"moderator emergency", Emergency,
		"This can be a sign of a serious problem that needs urgent care."},
	catFootDrop: {"foot drop", Doctor,
		"Trouble lifting the front of your foot (foot drop) can mean a nerve is being pressed, which a doctor should check soon."},
	catLeg: {"leg numbness or weakness", Doctor,
		"Numbness, tingling or weakness in a leg that lasts or gets worse can mean a nerve is being pressed, which a doctor should check."},
	catFever: {"fever", Doctor,
		"A fever or shivers with back pain can mean an infection, which a doctor should check."},
	catCancer: {"cancer history", Doctor,
		"New back pain after a cancer should be checked by a doctor, who can rule out the cancer affecting the spine."},
	catWeight: {"weight loss", Doctor,
		"Back pain together with weight loss you can't explain should be checked by a doctor."},
	catNight: {"night or rest pain", Doctor,
		"Pain that wakes you at night or doesn't ease with rest can have causes other than strained muscles, which a doctor should check."},
	catLump: {"lump or deformity", Doctor,
		"A new lump or change in the shape of your back should be checked by a doctor."},
	catThoracic: {"thoracic pain", Doctor,
		"Pain between the shoulder blades or in a band around the chest can have causes other than the back muscles, which a doctor should check."},
	catRisk: {"steroids, osteoporosis or weak immunity", Doctor,
		"Long-term steroids, osteoporosis, a weakened immune system or injecting drugs make fractures and infections more likely, so a doctor should check new back pain."},
	catAge: {"age", Doctor,
		"A first bout of bad back pain under 20 or over 50 is worth a doctor's check."},
	catSevere: {"severe or worsening pain", Doctor,
		"Back pain that is severe, getting worse, or not improving after a few weeks should be checked by a doctor."},
	catExtraDoctor: {"moderator doctor", Doctor,
		"This is worth having a doctor check soon."},
}
