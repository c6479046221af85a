package triage

// decoys are dictionary words spelled within a typo of a lexicon word but meaning something else
// ("leaving" is not "leaking", "posing" is not "pooing", "failing" is not "falling"). They are in
// the analyzer's vocabulary only so that typo correction leaves them alone; they stand for no
// concept. "bowl(s)" and "groan(s)" are left out on purpose: people type them for "bowel" and
// "groin".
//
// The list was made by reading every word of a British English word list (Debian's wbritish
// package) through the detector without decoys and keeping those that came out as a corrected
// lexicon word, then adding a few chat spellings that are in no dictionary ("childs", "spinae").
// Remake it after growing the lexicon: TestFindDecoys prints the words, with
//
//	go test ./bot/triage -run TestFindDecoys -v -args -decoys.dict /usr/share/dict/british-english
var decoys = `
abetter abetters abler abound abridge abridged abridges accidental accidentals aces acing acmes
acres acting adware afoul agility aground alerted alight alights alive allaying allays allying
altar amble analgesia angle angles anklet anklets antic anvil apostate apposition appositive
arches arching arcing arena argon aright arising arraying arresting ascertain asexual asexually
ashes ashing assuage asteroid asteroids attach avail awaken awakened awakening award awoke
backslid backslide backslider backslides badder bade badge badges bailing baits bakes baldly
balds balking balks balky balling balmy baloney bandy banes bangs banks banns bans bards barks
barley barn barney barns baron barrel barring basely basin basks batch batches batching batten
batter battle bauds bawdy beach beaching beads beady beaks beamed beans bearing beater beating
becalm becalmed becks beech beeping befallen befalling beholding belay belaying belch belittle
bell belle bells bends benumbed benumbing berate besting betted betting bettor bicyclist bidding
biker bilge billy binds biologist bisexual bites bitingly bitter black blacks blame blames bland
blander blandest blare blares blaze blazes blench blousing blown bodes boggy boiling boles bonds
boner boners boney bonging bongs bonus boons booting borers bores borne bouncer bounded bouts
bowed bower bowers boxen brackets bracts brads bragging brags brain braising brakes branches
brand brands braves breaches breasting bride brides bridle bristle brittler brittlest broaches
brook brooked brushed brushing bucked bucket buckets bucking buckler bucklers bucks budge
budging buggy bugle bugling bulgy bulking bulling bully bumbled bumbles bumbling bumper bumpkin
bumpy bunch bunched bunging bungs bunts burgs burning burped burping burps busts buts butter
cabal cables cache caches cachets caching cackled cadge cadre cagey cairn calif calling camel
cameo cancel cancels canker cankerous cankers canter canters caprices carbs carcinomata cards
caret carnal carolled caroming carps carts carve carves carving cash cashed cashes cashews
cashing caste catcher catchers catchiest catchy catered caudal caves cease ceasing cedar
certainty chain chained chaining chance chanced chancery chances chancier chancing changeling
chanted chanting char charge charged charges charging charm charring chars chart chary chase
cheat cheating checks cheeky cheeps cheers cheese cheesy chefs chem chess chews childs chillers
chillest chilli chillies chilly chinning chino chipped chirp choir chomping chopping chord
chroming chronicle cinched clack clanged clanging clapped clapping clash clashed clashes
clashing clean cleaned clearer cleat cleaved cleavers cleaves clerk clerked clipper clitorises
cloches clomping clone clopped clopping closing clothiers cloves clown coach coaches coaching
coarse coding coiling coking colluded collusion colony combing comer comet commuted commuter
compares competed compressor concerted conch constraint consultant contact contacts contestant
contractor contradict contrast convicted cooing cooked coon coons cooping coping cored coring
corking corning corpse corset cough counted counteract country courser courts cowards cowing
crabs crags crammed crams crank crapped craps crass craves craving craws crays creak creaming
creased creases creasing creeks crest cresting crick croak croaked crock crocked crookeder croon
crooned cropped cropping crotchet crouch crowing cruised cruising crusted crusting crutch
cuffing curbing curer curie curling curry currying curse cursed curses cursing curtain cypresses
czars dagger dancer dancers dander dangle danker darning deadliness deafness dealing dearness
debarring debasing decompress decompressed decompression dedication deduced deduces deeding
delaying denting departmental deportment deposition depresses detractor dialyses dibble dibbled
dibbles dibbling dices dicky digesting dikes dipping directing dirks disco discos discus diss
dissing diverting divesting dopes dotingly douched douches drabs drams draws drays dread dregs
dresses dribbler dribblers driblet driblets dripped dripping drippings drips droop drooped
drooping droops dropper dropsy dross drubs drums duckling dumbness dumping dungs dwelling
earning easel easels eating eaves edged editing eery eighths ejection ejections elapsing elating
election elections eloping elves embraces emery empresses encasing encounter encumber endanger
endue endued enfeeble enrolled enticed enticing entrapped enveloping equine erase erased erases
erasing estrange estranged estranges etcher ether excerpt excerpts exchange exchanged exchanges
exchanging exempt exorcise exorcises exposition expounds expresses extractor fabled faces facets
facial facile fags fairly fairs fallow fallowed fallowing false faltered fancy fangs farces
farrowing faxes fearing feasting feather feebler feeblest feebly feeding feeds feeler fees
fellow felting fence fences feral fetal fewer fezes fiefs fifes fighter filed files filing
filings filled fillers filling fills filmed filming films finer finny fires firms firs firth
fissures fist fists fitting fiver fives fixer fixers flail flailed flailing flails flaking
flapped flapping flaps flash flask flats flaws flaying flays fleas fleeing flees fleet flesh
flier fliers fliest flightier fling flipper flippy flirt flits floes flogs flood flora floss
flossing flour flows flues flunk foaled foaling foals focal foiled foiling foils foist folding
followup fooling fops foresting formally foxes frags frail freeing freer frees fries frost froze
fulling fulls fumbled fumbles fumbling fungi funky gainful galas galling gamer gamey gases gasps
gassy gavel gearing genera genial gerund gibes gibing gifting girded girder given givens gladder
glads glassy gloss glossing glowing goings goner gonging goody gores gown gowning gowns grain
grains grass grave greasing gribble gribbles grieving grin grind grinds grins griping gripped
gripping groping grounder growl growling hags hailed hailing hairy haled haling hallways haloed
haloing halted haltered halting halved halving hamstrung hands hangers hanks hardily hardy hared
harrowing harrying hart harts hasting hatches hatching hating hatting hauled hauling haunch
haunted headed heading heady healer heaped heaping heaps hear heard hearing hears hearth hearty
heath heather heave heaved heaving heeding heeds hefting heighten helms helper helpmeet herald
heralded heralding herein heroic heron herons herring hertz hexes hings hissing hoard hoarse
hoeing holed holing hollowed homing honing hooding hooping hooting hopping horde hording horns
horsey horsy hose hosed hoses hosing howling howls howsoever humbled humbles humbling humours
hunting hunts hurling hurls hurtling hutch huts hyping idempotent imbalance immunise immure
imperfect imperfectly imposition imposture impounds impresses improvise improvised improvises
improvising inane inaner incise incoming inconstant increase indifferent indifferently inert
infectious infer inflection inflections informal informally injector injectors inlaying insect
insects insights instability inter intravenouses irregular irregularly jailing jambs jarring
jell jello jells jesting jetting jingles jingling join joins joist jolly jounced joying jumbled
jumbles jumbling jumper jumpy keeling keels keening keens kicker kickers killdeer killdeers
killed kills kilns kilter kilts kinked kiosk kissing kneed kneel kneels knights knocker knockers
labial lacing lacrosse laddie laded lades lading ladled lads lakes laming lamps lanced lancers
lander lanky lapping larded larder lards larked larking larks lases lasing latches latching
later latex lathe latte lauded lauds layering lazing lazying leaching leader leafed leafing
leafs leafy leaned leaning leans leap leaped leaping leaps learned leas lease leased leases
leash leashing leasing least leather leaven leavens leeks lefts legions lept letting levees
levels levers levies liability lighted lighten lightness lilting lilts limps linearly lingo
linting lints listing lists litter littler littlest loader loafs loaned loans loathes loaves
lobes locks lodes lofting lofts loges logos loner looms loons looping loops loosen looter
looting loots lopes loping lopping lords loser losers louse louses lover loxes lunched lupus
lymphomata mailing marching mares marker marring marrying mars marsh marts masks massage master
masts matches matching matte mattes mediation meditation melanomata melds mends meshed
metastasise metastasised metastasises millers mined mingles mingling misled misspend misted
misuse misused moaning mooed mooing mooning mooring mooting mopped moth moths motion motoring
mount mourning mouth mover movie mowed mowing mumbled mumbles mumbling munched murks musicale
musicales mussed mutter naiad nailing narrowly nearby neater neatly needless neigh neighs nervy
nesting netter netting nettled nettling neuter nigh nighties nighty nipping nonce normalcy
noshing notched notching noting novice nubs objectors observer oncoming onwards opposition
oppresses organism organisms organs outline outsize pacts pager pailful pails paint paints pairs
palate paler palled palling pamper panes pangs pans pansy panty papery parching pares parks
parring parrying pars parse party passed passing paste pasts pasture patches patching pate pates
paths pats patsy patty pauper pawns payer peaking peaks pealing peals pears pease peeking peeks
peeling peelings peels peeping peeps peering peers peeving pends penes peons peritoneum pertain
pesos pests petering petting petty phoney phony photoing piece pieces pieing pilled pines pings
pinhead pinks pint pinto pints piper pipping pitched pitting place plain plains plait plane
plank plant plants platen playing pleas pleasing pleat plopping plops plugs plums plush poaching
pointy poised poising poked poking poled poling polled ponds pone pones pooching poohed poohing
poohs pooled pooling pools popes popped popping poppy pops pored pores poring ports posed posing
positron postdate pouched pouches pounced praising prate preening prefect premisses preps pres
presets pressurise preys pricey priciest prick prickles pricks pricy pride prides pried pries
priest primacy primarily primate primates prime primes prince princes princess print prise
prised prises prising privatest privatise privatises prize prizes processes professes prone
proofing propped propping props proscription prostrate prostrated prostrates puller pullet
pulley pulped pulsed pumping punts pureeing purled putty pyres ragging raiding raids railing
rails railways rainy raisin raisins ranch ranching rankles rapping rashers rashest rasping
ravishing react reaction reactions reactor realism realist reamed rearm reassure recasting
recital recitals recourse recovery recta redeveloping reeling reformed regains regulator
reheating reissues relaying relied relies religions relive relived relives remotest remove
remover removing rental renting renumber represses resenting reset resetting resettle resettled
resettling resorting resound resounding restating restoring restrained resulting retail retch
retouched retouches returned returning reusing revered reverend reverted reworking rewritten
ridding rifting righter rimmed ringside rinse rinsing rippled rippling rise risen riser rises
rising risking roach roaching roamed roiled roiling roller roomy rooting roubles routing
routinise rowelled ruination rumbled rumbles rumbling rumours rushing rusting sacked sacred
sadden sadder sades sailed sailing salve sampled sand sanding sands sandy sapping saps sarcomata
sarong satay sates saying sayings scabbed scabbing scaled scant scarfed scarred scarring
scathing schticks scoff scoffing scoffs scone scones scooted scooting score scored scrammed
scramming scratches scratching scrolled scruff scruffs scuffles scuffling scurf sealing seared
searing sects seduced seduces seed seeding seeds seedy seeping seeps self selling serer serve
served serves settable setter settler settlers severest sewed shade shaft shafting shafts shake
shale shalt shame shank shard share shared shark shave shaver shavers sheaf shear sheathing
sheers shell shelling sherbets sherd shes shied shies shifty shims shine shiner shiners shines
shiny shipped shipping ships shirt shirting shirts shock shoed shone shooing shoon shoos shooter
shore shores short shorting shorts shout shouted shouting shouts shove shoves shows shred shrift
shrive shrives shtick shticks shtik shtiks shunned shuns shuts sibling sick sicking sicks sidle
sidled sidles sidling sift sifting sifts sighs signal silted silting silver silvered silvering
silvers silvery sine sinew singe singles singling sings sins sinus sipped sipping sips sires
sises sitar sitars sites siting situating sixes sizes skied skies skins skipped skipping skips
slabbed slabbing slabs slacked slags slaking slams slash slats slave slaying slayings slays
sleets slick slicking slicks slide slides slighter slims slink slipper slits slitting sliver
slivered slivering slivers sloes slopped slopping slops sloshing slots smacker smelling smiled
smiling smiting smock smocked smoulder snacked snapping snaps snared snickers snide snipped
snipping snips snore snots snowy snubbing snuff snuffing snuffs soaps soared sodden sole soled
soles solid soling soloed soloing solver soon soothing sootier sopped sopping sops sorer sorts
sots soups sourness spam spams spank spans spared spars spas spats spaying spays sped speedy
spelling spend spewed spice spied spiel spies spike spin spinae spinet spins spiny spiral spire
spite spiting spitting splaying spline splitting spoil spoiled spoiling spoof spoofing spook
spooking spool spooling spools spoor spooring spore spots sprained spree spreed spreeing spunk
spurn squeezer squeezers stability stabled stablest stabling stack stacked stacking stacks
staging staid stain stained staining stains staking staling stampede stampeded stampedes
standbys stank stapled star stare stared stares staring stark stars start starts stating staving
stead steads steadying steamed steed steep steeps stems stews stickers stickies stickpin
stickups sticky sties stilted stingily stinging stink stinking stinks stir stirs stocky stoic
stoics stoke stokes stole stoles stomp stomped stomping stomps stoner stoners stoney stoniest
stony stoop stooped stooping stoops stopper stoppered stoppering storage store stores stork
stove stoves stows straddle straggle straggling strainer straitened strand stranded stranding
strands stranger strangers strangest strangle strangled strangler strangles strapped stray
straying streaming strep stretcher stretchers stretchiest stretchy striking string stringed
striped striping stripped stripping stroking strolled stronger strop stropped stropping strops
strung stubble stuck stuffing stuffs stumbler stumblers stumped stunted styes styling subbing
suckled suckles suckling suiting sundae sundries sundry supine surer surge swabbed swabbing
swaddle swaddled swaddles swamped swank swanking swapping swaps swaths swats swaying swears
sweater sweaters sweaty sweeping sweets swerve swift swifts swigs swilling swine swiping
swivelling swoon swopped swopping swops swore tabbing table tabled tables tacked tackler tailed
tailing taint taken taker talent talking tamps tangle tangles tangling tapped tared tares taring
taros tarps tarring tarrying tars tarts tastes teaching teaks teals teaming teams teary teas
tease teases teasing teats teems tempi tempo tempos tempt tempts tenses terns terse testates
tester testers testiest testis theses thine thinking third three throe throne throng throw
throwing throws thumbed thumbing ticking tickled tickling tided tied tiers tighter tiled tilled
tillers timer tinkle tinkles tinkling tinning tinted tipis tipped tipping tippled tippling tips
tipsy tiptop tiptops tissues tithed titled toiled toiler toilers toiletry toilette toiling tokes
tomes tones tooting topography topping toppings toppled toppling torch torched torches totes
touchiest touchy tough toured touring towed tower track tracked trail traipsing trait traitor
tramp tramped trans trapper trashed trashes trashing traumata tread treas treed trend tresses
trestles triangle triangles trick tricking tries trims trios tripe tripled tripling tripos
trolled troupers trowel truce trued trunk tsars tuck tucks tumbler tumblers tuned tuning turfed
turfing turner tutor tutors twain tweaking tweeting twinge twinged twinges twinging twinning
tzars unafraid unaltered unbeatable unbeaten unbecoming unbuckle unbuckled unbuckles unbuckling
unbutton uncertain unchanged unchanging unclothes uncompressed unconcerned uncontrolled
unconvinced undoes unfailing unfeeling unites unmissed unnoticed unrolled unsaddle unsettle
unsettled unsettling unstable unsteadily unstopped unstopping unties untouched unusable
unwritten upcoming upholding uplifting upmarket upraising upstairs upstanding upturned upturning
usability usable usher valance vertebra vertebrae vertebras vesicle vesting vetting viability
vouched vouches wacker wacks wader wades wading wadis wafer wager wages waggon waging waifs
wailed wailing wails wait waiter waits waled wales waling walker walkways wander wanes waning
wanked wanking wanks wanting warding wares warping warring waste waster watcher watches watching
watery waver waves waving waxen waxes waxing weakling weals wealthier weaning wearer wearing
weaver weed weeded weeding weeds weeping weepings weeps weest weigh weighs weighty weir weirdo
weirs welling welting whacker whaled whaling wheat wheel wheeling wheezing whelped whelping
whereat whetting whipping whips whist whither whoever whooping whopping whore widow widows wield
wight wights wildly wiled wiles wiling wills wily wimpling wimps winch winched wined wines
wining winnow wiper wipers wired wires wiring wises wisps wist witch witting wives wizes woks
women wooly wording words wordy wore worming worms wormy worrier worth wounder woven wrapt wreak
wreaking wreathe wrest wresting wrestling wright wring wrist wrung yachting yelping yipping
zipping`
