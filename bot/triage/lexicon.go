package triage

// The lexicon: which words and phrases stand for which concept, and what each red flag means.
//
// Entries are plain text, read by the same analyzer as messages, so plurals, tenses, synonyms and
// typos are handled once, there. A phrase may hold alternatives in braces, "{wet|wetting} myself",
// which expand into one phrase each ("{a|the}?" may also be left out); "=word" matches that exact
// word only, not its stem. Small words such as "my" or "the" are dropped from phrases, and up to
// three small words in a message may sit between the words of a phrase: "came off bike" matches
// "came off my bike".

// feat is a set of concepts a token stands for.
type feat uint64

const (
	fBladder        feat = 1 << iota // urine, peeing, the bladder
	fBowel                           // poo, stool, the bowels
	fIncont                          // leaking, wetting or soiling oneself
	fControlLoss                     // no control, cannot hold it (set by negation)
	fLose                            // lose, lost, loss
	fProblem                         // trouble, weird, different: something is wrong with a part
	fSaddle                          // groin, genitals, buttocks, inner thighs, "down there"
	fWipe                            // wiping, toilet paper
	fToilet                          // toilet, loo, bathroom
	fLinen                           // pants, underwear, bed: where an accident shows
	fNumb                            // numbness, tingling, no feeling
	fWeak                            // weakness
	fGait                            // jelly legs, cannot walk
	fLeg                             // leg, thigh, calf
	fFoot                            // foot, toes, ankle, knee
	fBoth                            // both, bilateral
	fSciatica                        // sciatica
	fPain                            // pain, ache, hurt
	fChest                           // chest
	fChestQual                       // tight, crushing, pressure: how chest pain feels
	fBand                            // a band or belt around the trunk
	fThoracic                        // shoulder blades, ribs
	fSex                             // erection, orgasm
	fSexWeak                         // sex in general: a red flag only with a problem
	fCES                             // cauda equina named
	fFall                            // a fall
	fMinorFall                       // a slip or trip: serious with weak bones
	fTrauma                          // crash, collision, heavy blow
	fAccident                        // "accident": a crash, or soiling oneself
	fFever                           // fever, shivers
	fImmune                          // chemotherapy, immunosuppressants, HIV
	fInject                          // injecting drugs
	fSteroid                         // long-term steroids
	fOsteo                           // osteoporosis
	fCancer                          // cancer
	fWeightLoss                      // losing weight
	fBenefit                         // help, good: weight loss as a plan, not a symptom
	fNight                           // at night
	fNightPain                       // woken by pain, cannot sleep for it
	fRest                            // at rest, lying down
	fNotEase                         // nothing helps, constant
	fWorse                           // worse (any use)
	fProgress                        // getting worse, spreading
	fNotImproving                    // no better, will not go away
	fSevere                          // severe, unbearable, cannot move
	fFirst                           // first time, really bad: read together with age
	fLump                            // lump, bump, change of shape
	fFootDrop                        // foot drop
	fMissed                          // did not make it (to the toilet)
	fHeavy                           // heavy legs: weakness, unless after exercise
	fGiveWay                         // giving way, buckling: the legs, unless the back is what gave way
	fNightWake                       // woken at night: night pain when the pain is what wakes
	fExtraEmergency                  // a moderator's emergency phrase
	fExtraDoctor                     // a moderator's doctor phrase
)

// symptomFeats are concepts a negator denies: "no numbness", "not losing control". Concepts
// outside this set are body parts and abilities, where a negator makes the red flag: "no control",
// "can't pee".
const symptomFeats = fIncont | fLose | fProblem | fNumb | fWeak | fGait | fSciatica | fPain |
	fChestQual | fSexWeak | fCES | fFall | fMinorFall | fTrauma | fAccident | fFever | fImmune |
	fInject | fSteroid | fOsteo | fCancer | fWeightLoss | fNight | fNightPain | fWorse | fProgress |
	fNotImproving | fSevere | fLump | fFootDrop | fExtraEmergency | fExtraDoctor | fNotEase |
	fHeavy | fGiveWay | fNightWake

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

// concepts maps each concept to its words and phrases.
var concepts = []struct {
	f     feat
	words []string
}{
	{fBladder, []string{"bladder", "bladders", "urine", "urinate", "urinating", "urinated",
		"urination", "urinary", "catheter", "catheterised", "catheterized", "pee", "pees", "peed",
		"peeing", "wee", "wees", "weeing", "piss", "pissing", "wee wee", "number 1", "number one",
		"wee myself"}},
	{fBowel, []string{"bowel", "bowels", "poo", "poos", "pooed", "pooing", "poop", "poops",
		"pooped", "pooping", "poopy", "stool", "stools", "faeces", "feces", "faecal", "fecal",
		"number 2", "number two", "bowel movement", "bowel movements",
		"{shit|shat|messed|soiled|pooed|pooped} {myself|himself|herself|themselves|yourself}"}},
	{fIncont | fBowel, []string{"skid marks", "skidmarks", "follow through", "followed through"}},
	{fIncont, []string{"incontinence", "incontinent", "leak", "leaks", "leaking", "leaked",
		"leakage", "leaky", "dribble", "dribbles", "dribbling", "dribbled", "soil", "soiled",
		"soiling",
		"{wet|wetting|weeing|peed|peeing|pissed} {myself|himself|herself|themselves|yourself}",
		"{wet|wetting} the {bed|sheets|pants|trousers|underwear|knickers}",
		"{bed|sheets|pants|trousers|underwear|knickers} {was|were|is|are} wet",
		"{lose|lost|losing|loss of} control"}},
	{fLose, []string{"lose", "loses", "losing", "lost", "loss"}},
	{fProblem, []string{"problem", "problems", "issue", "issues", "trouble", "troubles", "weird",
		"weirdly", "strange", "strangely", "odd", "oddly", "different", "differently", "funny",
		"abnormal", "wrong", "difficulty", "difficulties", "difficult", "struggle", "struggling",
		"unusual", "someone {else|elses}", "not normal", "not right"}},
	{fSaddle, []string{"groin", "groins", "genitals", "genital", "genitalia", "privates",
		"private parts", "private area", "vagina", "vaginal", "vulva", "labia", "clitoris", "penis",
		"testicles", "testicle", "testes", "scrotum", "willy", "fanny", "vag", "dick", "anus",
		"anal", "rectum", "rectal", "perineum", "perineal", "crotch", "saddle", "bum", "bums",
		"butt", "butts", "buttock", "buttocks", "backside", "bottom", "bum cheeks", "butt cheeks",
		"inner thigh", "inner thighs", "down there", "back passage",
		"{inside|insides} of {my|the|her|his}? thighs", "{lady|man|private} {bits|parts}",
		"bits down there", "{waist|hips|belly button} down", "down below",
		"between {my|the|your|his|her} legs", "nether regions", "undercarriage"}},
	{fWipe, []string{"wipe", "wipes", "wiping", "wiped", "toilet paper", "toilet roll", "loo roll",
		"bog roll"}},
	{fToilet, []string{"toilet", "toilets", "loo", "bathroom", "lavatory", "restroom", "potty",
		"hold it in", "{need|needing|urge} to go"}},
	{fLinen, []string{"pants", "underwear", "knickers", "undies", "trousers", "boxers", "sheets",
		"bed"}},
	{fNumb, []string{"numb", "numbness", "numbed", "tingle", "tingles", "tingling", "tingly",
		"pins and needles", "pins needles", "paraesthesia", "paresthesia", "anaesthesia",
		"anesthesia", "=deadness", "dead feeling",
		"{feel|feels|felt|feeling|gone|went|going|goes} dead", "no feeling", "no sensation",
		"{lost|lose|losing|loss of} {feeling|sensation|sensations}", "reduced feeling",
		"reduced sensation", "less feeling", "less sensation", "altered sensation", "cotton wool"}},
	{fWeak, []string{"weak", "weakness", "weaker", "weakening", "weakened", "feeble", "floppy",
		"like lead", "lead weights", "dead weight"}},
	{fHeavy, []string{"heavy", "heaviness", "dead"}},
	{fSaddle | fNumb, []string{"{bum|bottom|butt|buttock|buttocks|groin|genitals|privates|crotch|penis|vagina} {is|feels|keeps|went|goes|going|gone|fell|falls|falling|always|has}? asleep"}},
	{fLeg | fNumb, []string{"{leg|legs|thigh|thighs|calf|calves} {is|feels|keeps|went|goes|going|gone|fell|falls|falling|always|has}? asleep"}},
	{fFoot | fNumb, []string{"{foot|feet|toes} {is|feels|keeps|went|goes|going|gone|fell|falls|falling|always|has}? asleep"}},
	{fGiveWay, []string{"{legs|leg|knees} {failing|failed|fail|fails}",
		"{legs|knees} {go|goes|went|gone|going} {from|out|under|on}",
		"{drop|drops|dropping|dropped|collapse|collapsed|sink|sank} to the {floor|ground}",
		"giving way", "give way", "gave way", "gives way", "give out", "gave out", "giving out",
		"gives out", "buckle", "buckles", "buckling", "buckled", "collapse", "collapsed",
		"collapsing", "went from under me", "go from under me", "going from under me",
		"from under me"}},
	{fGait, []string{"{jelly|wobbly} {legs|knees}", "{dragging|drag|drags} {both|my|his|her}? legs",
		"{legs|knees} {gone|turned|turn|turning|went|go|going} to jelly",
		"{legs|knees} {like|to}? {jelly|wobbly}", "{will|do|does} not do what i tell",
		"belong to someone else", "unsteady", "off balance",
		"{legs|leg|knees|knee} not {hold|support|carry|take} {me|him|her|my weight|his weight|her weight}",
		"{legs|leg|knees} not {working|work|cooperating|cooperate|responding|respond|right}"}},
	{fLeg, []string{"leg", "legs", "thigh", "thighs", "calf", "calves", "shin", "shins",
		"hamstring", "hamstrings"}},
	{fFoot, []string{"foot", "feet", "toe", "toes", "ankle", "ankles", "heel", "heels", "knee",
		"knees", "tiptoe", "tiptoes"}},
	{fBoth, []string{"both", "bilateral", "bilaterally", "both sides", "either side", "each side",
		"two legs"}},
	{fSciatica, []string{"sciatica", "sciatic"}},
	{fPain, []string{"pain", "pains", "painful", "ache", "aches", "aching", "achy", "hurt", "hurts",
		"hurting", "sore", "soreness", "agony", "throbbing", "throb", "stabbing", "sharp",
		"shooting"}},
	{fChest, []string{"chest", "breastbone", "sternum", "heart attack"}},
	{fChestQual, []string{"tight", "tightness", "pressure", "crushing", "crushed", "heavy",
		"heaviness", "squeezing", "squeeze", "squeezed", "heart attack", "tearing", "ripping"}},
	{fBand, []string{"band", "bands", "belt", "girdle"}},
	{fThoracic, []string{"shoulder blade", "shoulder blades", "shoulderblade", "shoulderblades",
		"thoracic", "around {ribs|rib cage|ribcage}"}},
	{fSex, []string{"erection", "erections", "erectile", "orgasm", "orgasms", "climax", "ejaculate",
		"ejaculation", "impotence", "impotent", "get it up"}},
	{fSexWeak, []string{"sex", "sexual", "sexually", "intercourse", "libido"}},
	{fCES, []string{"cauda", "equina", "ces", "cauda equina", "cauda equina syndrome",
		"saddle anaesthesia", "saddle anesthesia", "red flag", "red flags",
		"spinal cord compression", "cord compression",
		"{warning|danger|emergency|alarm} {signs|symptoms|sign}"}},
	{fFall, []string{"fall", "falls", "fell", "fallen", "falling", "tumble", "tumbled", "tumbling",
		"tumbles",
		"{slid|slipped|slip|slipping|tripped|bumped|bounced|went} down {stairs|steps|staircase}"}},
	{fMinorFall, []string{"slip", "slipped", "slipping", "slips", "trip", "tripped", "tripping",
		"trips", "stumbling", "stumble", "stumbles", "stumbled", "sat down hard",
		"landed {badly|awkwardly|heavily|wrong|funny}", "bumped {into|against}",
		"missed {a|the}? {step|stair|footing}", "landed hard",
		"landed on {my|her|his} {bum|bottom|backside|butt|tailbone|coccyx}",
		"lost {my|her|his} balance", "lost {my|her|his} footing"}},
	{fTrauma, []string{"crash", "crashed", "crashes", "collision", "collided", "whiplash",
		"rear ended", "rear end", "rta", "road traffic accident", "trauma", "run over", "ran over",
		"{hit|knocked|run|thrown|flung|kicked|trampled|bucked} {by|off|from|down|over} {a|the|my}? {car|cars|van|lorry|truck|bus|bike|bicycle|motorbike|motorcycle|scooter|moped|horse|cow|quad|skateboard|taxi|tram|train|cyclist}",
		"{t|tee} boned", "tboned", "{kicked|punched|hit|struck|whacked} {hard|badly}? {in|on|across} the {lower}? {back|spine}",
		"{came|come|coming|fell|thrown|flew|knocked} off {a|the|my}? {bike|bicycle|motorbike|motorcycle|scooter|moped|horse|quad|skateboard|ladder|roof|wall|scaffolding|trampoline}",
		"{hit|kicked|punched|struck|smacked|whacked|rammed|stamped|stabbed} {in|on|across} the {back|spine}",
		"landed on {my|her|his|the} {back|spine|neck}", "{heavy|hard} blow",
		"blow to {my|the} {back|spine}", "assaulted", "beaten up", "tackled",
		"{jumped|jump|jumping|leapt|fell} {off|from|out of} {a|the|my}? {wall|roof|ladder|balcony|window|bridge|cliff|tree|shed|height|scaffolding}",
		"car accident", "road accident", "motorbike accident", "bike accident",
		"motorcycle accident", "traffic accident",
		"{car|van|lorry|bus|truck|motorbike|motorcycle|bike|cyclist|taxi|tram|forklift|tractor|digger|scooter|vehicle} {hit|struck|knocked|ran over|run over|clipped|reversed into} {me|him|her|us}",
		"{car|van} {was|got}? {hit|shunted|rammed|written off|totalled}", "shunted",
		"{car|van|bike|quad|motorbike|lorry|truck|tractor} {flipped|rolled|overturned|crashed|spun|skidded}"}},
	{fAccident, []string{"accident", "accidents"}},
	{fFever, []string{"fever", "fevers", "feverish", "temperature", "temperatures", "temp", "temps",
		"chills", "shivery", "shivering", "shivers", "shiver", "shivered", "rigors", "rigours",
		"night sweats", "sweats", "hot and cold", "hot and shivery", "uti", "utis",
		"{bladder|urine|urinary|kidney} {infection|infections}", "pyelonephritis"}},
	{fImmune, []string{"chemo", "chemotherapy", "immunosuppressant", "immunosuppressants",
		"immunosuppressed", "immunosuppression", "immunocompromised", "immune suppressed",
		"immune suppression", "immune compromised",
		"{weak|weakened|low|poor|suppressed|compromised} immune system",
		"immune system is {weak|low|suppressed|compromised}", "transplant", "hiv", "methotrexate",
		"biologic", "biologics", "azathioprine", "ciclosporin", "cyclosporine", "tacrolimus",
		"mycophenolate", "adalimumab", "humira", "infliximab", "rituximab", "neutropenic",
		"dialysis"}},
	{fInject, []string{"{inject|injects|injecting|injected} {drugs|heroin|meth|cocaine|crack|speed|opioids}",
		"{iv|intravenous} {drug|drugs}", "heroin", "drug user", "needle drug"}},
	{fSteroid, []string{"steroid", "steroids", "prednisone", "prednisolone", "dexamethasone", "pred",
		"medrol", "methylprednisolone", "budesonide",
		"hydrocortisone", "corticosteroid", "corticosteroids", "cortisone"}},
	{fOsteo, []string{"osteoporosis", "osteoporotic", "osteopenia", "brittle bones", "thin bones",
		"weak bones", "low bone density", "bone thinning"}},
	{fCancer, []string{"cancer", "cancers", "cancerous", "tumour", "tumours", "tumor", "tumors",
		"lymphoma", "leukaemia", "leukemia", "myeloma", "melanoma", "sarcoma", "carcinoma",
		"malignant", "malignancy", "metastases", "metastasis", "metastatic", "secondaries",
		"oncologist", "oncology", "radiotherapy", "chemo", "chemotherapy", "mastectomy",
		"{bowel|bladder|prostate|kidney|colon|rectal|anal} {cancer|tumour|tumor}"}},
	{fWeightLoss, []string{"weight loss", "losing weight", "lost weight",
		"{lost|losing|dropped|dropping|shed} {a|about|around|nearly|almost|over}? {stone|stones|kilos|kilo|kg|kgs|pounds|lbs|weight}",
		"weight {dropping|falling|dropped}", "{clothes|trousers|jeans} {loose|looser|baggy}"}},
	{fBenefit, []string{"help", "helps", "helped", "helping", "improve", "improves", "better",
		"good", "benefit", "reduce", "reduces", "relieve", "relieves", "diet", "dieting",
		"overweight", "should", "plan", "goal", "want", "hoping", "how", "fix", "fixes", "cure",
		"solve", "lighter"}},
	{fNight, []string{"night", "nights", "nighttime", "night time", "at night", "in the night"}},
	{fNightWake, []string{"{wakes|wake|woke|waking|woken|waken} me", "woken up by",
		"keeps me {awake|up}", "{wakes|wake|woke|waking|woken} up {in|during|through} the night",
		"keeping me {awake|up}", "kept me {awake|up}",
		"{wake|wakes|waking|woke|woken} up at {1|2|3|4|5|1am|2am|3am|4am|5am}"}},
	{fNightPain, []string{"{wake|wakes|waking|woke|woken} up in pain", "woken by the pain",
		"night pain", "pain at night", "day and night", "night and day"}},
	{fRest, []string{"rest", "resting", "at rest", "lying down", "laying down", "lying still",
		"lie down", "lay down", "sitting still", "keeping still", "lying in bed", "no position"}},
	{fNotEase, []string{"constant", "constantly", "all the time", "nothing helps",
		"nothing touches", "nothing works", "nothing eases", "does not matter what position",
		"never eases", "never goes", "never stops", "non stop", "nonstop"}},
	{fWorse, []string{"worse", "worst"}},
	{fProgress, []string{"worsening", "worsened", "worsen", "worsens", "deteriorating",
		"=spreading", "progressing", "progressive",
		"{getting|got|growing|becoming|became|gone|going|grown} worse",
		"worse {every|each} {day|week|morning}", "worse and worse", "worse by the day",
		"worse than {before|ever|it was|last week|yesterday|last month}",
		"{much|way|far|even|now} worse"}},
	{fSevere, []string{"severe", "severely", "excruciating", "unbearable", "agonising", "agonizing",
		"crippling", "debilitating", "worst pain", "worst ache", "worst ever",
		"{worst|worse} {it|its|it has|it's} ever been", "screaming", "in tears"}},
	{fFirst, []string{"first time", "first ever", "bad", "really bad", "so bad", "very bad",
		"this bad", "quite bad", "pretty bad", "awful", "terrible", "agony", "new", "sudden",
		"suddenly", "worst"}},
	{fLump, []string{"lump", "lumps", "lumpy", "bump", "bumps", "swelling", "hump", "hunchback",
		"sticks out", "sticking out", "stick out", "deformity", "deformed", "growth", "cyst",
		"different shape", "changed shape", "change shape",
		"{more|getting|gotten|become|becoming} {hunched|curved|bent|crooked|stooped}", "{hunched|curved|crooked} than {it|i} used to",
		"shape {has|is}? {changed|changing|different}", "looks different",
		"looks a different shape", "posture {has|is}? {changed|changing}", "lost height",
		"losing height", "{getting|developing|got|grown|growing} a =hunch",
		"{spine|back} {is|looks|has|seems}? {=curving|crooked|lopsided|tilted}"}},
	{fFootDrop, []string{"foot drop", "drop foot", "dropped foot",
		"foot {slaps|slapping|slap|drags|dragging|flops|flopping}",
		"{dragging|drag|drags} {my|the|her|his}? foot",
		"{catching|catch|catches|scuffing|scuff|scuffs|stubbing} {my|the|her|his}? toes",
		"toes {catch|catching}",
		"{catching|catch|catches|scuffing|scuff|scuffs} {my|the|her|his}? foot"}},
}

// cancels are innocent uses of red-flag words; a match takes the concept off its words.
var cancels = []string{
	"{fell|fall|falls|falling|fallen} {asleep|apart|behind|pregnant}",
	"{fell|fall|falls|falling|fallen} {off|out|of} the wagon", "{fell|fall|falling} in love",
	"{fell|fall|falls|falling} out with", "{fell|fall|falling} back asleep", "{last|next} fall",
	"{slipped|slip|slipping} {a|my}? {disc|disk|discs|disks}", "trip to", "road trip", "day trip",
	"wee {bit|while|one|little|bairn|ones|hours}", "pissed off", "pissing me off", "pissing down",
	"pissing it down",
	"chest {day|press|presses|workout|workouts|exercise|exercises|fly|flies|flys|muscle|muscles|infection|stretch|stretches|xray}",
	"bench press", "{last|one|other|good|late|saturday|sunday|monday|tuesday|wednesday|thursday|friday} night",
	"night {out|shift|shifts|before|owl}", "nights out",
	"{room|outside|water|weather|air|oven|bath} temperature", "temperature {outside|drop|drops|change|changes}",
	"temp {job|work|agency|contract}", "numb the pain", "numbs the pain", "=numbing",
	"{steroid|steroids|cortisone} {injection|injections|shot|shots|jab|jabs}", "epidural steroid",
	"out of shape", "muscle mass", "=bumped", "=bumping", "speed bump",
	"resistance band", "seat belt", "weight belt", "back belt", "support belt", "belt and braces",
	"dead {lift|lifts|lifting|bug|bugs|hang|hangs|weight|set|sets|tired|sure|easy|good}",
	"new {job|mattress|chair|bed|shoes|desk|pillow|car|house|baby|physio|gp|doctor|office|exercise|routine}",
	"heavy {lifting|lift|lifts|box|boxes|bag|bags|weight|weights|things|stuff|load|loads|work|shopping|furniture|objects|backpack|rucksack}",
	"{lift|lifting|carry|carrying|move|moving} heavy",
	"bottom of {my|the} {back|spine}", "bottom {step|stair|stairs|shelf|drawer|bunk}",
	"{phone|glass|cup|mug|book|pen|keys|remote|bottle|plate|spoon|fork|sock|towel|coin|earring|something|stuff|things|hair|leaves|snow|rain|price|prices|temperature} {fell|falls|fall|fallen|falling}",
	"{computer|laptop|phone|app|pc|system|website|server|game|stock|market|tablet|screen} {crashed|crash|crashes|crashing}",
	"crashed {on|out|in} {the}? {sofa|couch|bed|settee|floor}?", "crash {course|diet|mat|pad|helmet}",
	"by accident", "=the {temperature|temp|temperatures}",
	"{lose|losing|lost|drop|dropping|dropped} {weight|kilos|kg|pounds|lbs|stone} on purpose",
	"{trying|try|tried|want|wanting|planning} to lose {weight|some weight|a few pounds|kilos}",
	"{on|doing|started} a diet", "diet and {exercise|walking}",
	"{knee|knees|leg|legs|thigh|thighs} {up}? {to|towards|into|onto|against} chest",
}

// Function words and their roles. Words here may be stopwords: they are matched as written.
var kinds = []struct {
	k     kind
	words []string
}{
	{kNeg, []string{"no", "not", "never", "nor", "without", "none", "nothing", "neither", "zero",
		"nope", "lack", "absence"}},
	{kNegAbility, []string{"unable", "hardly", "barely", "scarcely", "inability",
		"{stopped|stop|stops|stopping} being able", "lost the ability", "losing the ability"}},
	{kReassure, []string{"fine", "normal", "normally", "ok", "okay", "alright", "strong", "usual",
		"unaffected", "perfect", "perfectly", "regular", "regularly"}},
	{kHedge, []string{"sure", "know", "certain", "think", "tell", "remember", "recall", "believe",
		"realise", "realize", "mind", "worry", "worried", "seem", "seems", "positive", "convinced",
		"kidding", "joking", "wonder"}},
	{kClauseBreak, []string{"but", "however", "although", "though", "except", "whereas",
		"otherwise", "apart"}},
	{kChainBreak, []string{"and", "because", "cause", "cos", "coz", "since", "so", "then", "when",
		"while", "until", "after", "before", "which", "that", "who", "as", "plus", "if", "whether"}},
	{kSoftBreak, []string{"just", "only", "still", "also", "now", "except", "apart"}},
	{kQuestion, []string{"what", "whats", "how", "hows", "why", "when", "where", "which", "who",
		"is", "are", "am", "do", "does", "did", "can", "could", "should", "would", "will", "shall",
		"may", "might", "must", "any", "anyone", "wondering", "worried", "worry", "concerned",
		"scared", "afraid", "signs", "symptoms"}},
	{kIf, []string{"if", "whether", "suppose", "imagine", "case", "incase", "say"}},
}

// abilities are words a negator turns into a red flag.
var abilities = []struct {
	ab    ability
	words []string
}{
	{abControl, []string{"control", "controlling", "controlled", "hold", "holding", "hold it",
		"hold it in"}},
	{abSense, []string{"feel", "feels", "felt", "feeling", "sensation", "sensations", "notice",
		"noticed", "noticing", "aware", "urge", "urges"}},
	{abWalk, []string{"walk", "walks", "walking", "walked"}},
	{abStand, []string{"stand", "stands", "standing", "stood", "stand up"}},
	{abMove, []string{"move", "moving", "moved", "get out of bed", "get up", "turn over",
		"roll over"}},
	{abImprove, []string{"better", "improve", "improving", "improved", "improvement",
		"improvements", "away", "shift", "shifting", "settle", "settling", "settled", "heal",
		"healing", "healed", "recover", "recovering", "recovered", "easing up", "clear up",
		"cleared up", "gone"}},
	{abRelief, []string{"help", "helps", "helping", "helped", "ease", "eases", "easing", "eased",
		"touch", "touches", "touched", "work", "works", "working", "stop", "stops", "stopping",
		"relief", "relieve", "relieves"}},
	{abLift, []string{"lift", "lifting", "raise", "raising", "flex", "point", "pull up"}},
	{abSex, []string{"get hard", "stay hard", "keep it up", "get an erection", "get it up"}},
	{abMakeIt, []string{"make it", "made it", "get there", "got there", "reach the toilet"}},
}

// pluralLimbs are limb words that say both sides at once: "my legs are numb".
var pluralLimbs = map[string]bool{
	"legs": true, "feet": true, "thighs": true, "calves": true, "shins": true, "hamstrings": true,
	"knees": true, "ankles": true,
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
