package faq

import (
	"slices"
	"testing"

	"github.com/backpainbot/backpainbot/faq/text"
)

// TestWordListsUsed: every list in faq/text/words is read by the program, and every section of
// the senses of "back" names words; a list nobody reads is knowledge that silently does nothing.
func TestWordListsUsed(t *testing.T) {
	NewIndex(Default()) // what the matcher loads lazily, loaded
	for name, used := range text.WordListNames() {
		if !used {
			t.Errorf("word list %s.txt is never read", name)
		}
	}
	for name, set := range map[string]map[string]bool{
		"before": backPlaces, "state": bodyBefore, "owner": backOwners, "object": backObjects,
		"particle": backParticles, "returning": returnVerbs, "after": bodyAfter,
		"subject": backSubjects, "be": backBeVerbs, "part-of": backPartOf, "time": backTimes,
	} {
		if len(set) == 0 {
			t.Errorf("back-senses [%s] is empty", name)
		}
	}
}

// TestSensesOfBack: the word lists tell the body part from other senses of "back".
func TestSensesOfBack(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		body bool
	}{
		{"my back hurts", true},
		{"pain from my lower back to my knee", true},
		{"how do i back up my laptop", false},
		{"my back garden is overgrown", false},
		{"how to get my ex back", false},
		{"back to school shopping", false},
		{"back in 2014 i sprained an ankle", false},
		{"the back squat scares me", false},
		{"tweaked my back bench pressing", true}, // the bench press, not a bench at the back
		{"pain in my back in the morning", true},
		{"i put my back out", true},
		{"do people get more back problems as they get older", true}, // a synonym phrase is the body
		{"so far so good, i'm back", false},
		{"the spasms are back", false},
		{"what is back surgery like", true},
		{"should i get back surgery or wait", true},               // the back's care after it: no return
		{"should i take my prescribed back meds with food", true}, // a medicine for the back after it
		{"when can i go back to the gym", false},
		{"after the half marathon back at the end of april", false},
		{"lying on my back at night", true},
		{"the back of my phone is cracked", false},
		{"a dull ache at the back of my pelvis", true},
		{"we sat at the back of the bus", false},
		{"a few weeks back i hurt my knee", false},
		{"thinking back, it started when i leaned back in the chair", false},
		{"the hedge needs cutting back twice a year", false},
		{"i fell and landed on my back", true},
		{"my son's back pack weighs a ton", false},
		{"back away from the screen and take a walk", false},
		{"we turned part of the back lawn into a vegetable patch", false},
		{"my first day back after the holidays", false},
		{"so tired i fell straight back asleep", false},
		{"the ache goes away and comes back later", false},
		{"i had to back out of the race", false},
		{"pacing back and forth all night", false},
		{"stabbed in the back by my best mate", false},
		{"my back went out again", true},
		{"back day at the gym: rows and pull-ups", false},
		{"my back teeth ache when i chew", false},
		{"finally landed my back handspring", false}, // a move of a sport (back-senses.txt [object])
		{"a back flip on the trampoline", false},
		{"my back hurts after a back flip", true},
		{"my back light keeps flickering on the bike", false}, // a part of a vehicle or a building
		{"the back wall of the shed is rotten", false},
		{"saw the specialist a fortnight back about my knee", false}, // a time ago (back-senses.txt [time])
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).back; got != tt.body {
				t.Errorf("back is the body: got %v, want %v", got, tt.body)
			}
		})
	}
}

// TestWhoseBack: "my back" and "lower back" are the writer's own, in a question as in a story;
// a "bad back" (or "back problems") is nobody's in particular, so beside a pet it is the pet's.
func TestWhoseBack(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		mine bool
	}{
		{"exam season and my back is in bits", true},
		{"my low back went", true},
		{"our dog has back problems", false},
		{"my back garden is flooding", false},
		{"a bad back runs in the family", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).mine; got != tt.mine {
				t.Errorf("the writer's back: got %v, want %v", got, tt.mine)
			}
		})
	}
}

// TestBands: the domain decision and the ranking together.
func TestBands(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		want Band
	}{
		{"what is sciatica", Confident},
		{"can a slipped disc heal on its own without surgery", Confident},
		{"my back hurts what do i do", Suggest},
		{"my lower back is killing me", Suggest},
		{"how do i back up my laptop", NoMatch},
		{"my knee hurts when i run", NoMatch},
		{"pain in the ball of my foot when i walk", NoMatch},
		// A denied symptom and no pain: not a question about back pain (was a close call in round 3).
		{"my hip clicks when i walk but doesnt hurt", NoMatch},
		{"it doesnt hurt but my leg tingles, is that sciatica", Confident}, // a symptom besides the denied one
		{"wat kind of doctor treats back problems", Confident},             // "back problems" reads "bad back": a symptom; "wat" reads "what"
		{"my dog keeps arching his back and seems sore", NoMatch},          // an animal's back, even in a question
		{"what is the horse tail nerve bundle", Confident},                 // the cauda equina by its lay name: no animal's
		{"I keep waking at 3am. Not in pain or anything, just awake. Any tips for insomnia?", NoMatch},
		{"what is the film spinal tap about", NoMatch},
		{"thanks for having my back", NoMatch},                                     // standing by someone (idioms.txt), no spine
		{"i got my back looked at by a physio, they said its a strain", Confident}, // the writer's own back
		{"exam season and my back is in bits, connected?", CloseCall},              // the writer's back, in a question: stress-management, with its runner-up
		{"my back garden is flooding, what do i do", NoMatch},
		{"stooping over a workbench all day is what the back cannot take", CloseCall}, // the back's body sense and a posture
		{"my shoulders and upper back ache after a day of typing", NoMatch},           // the upper back beside another part
		{"i landed on my back and now my neck and upper back ache", Suggest},          // a back that is not the upper one: about back pain, though no entry is a clear winner
		{"I brewed my first beer last week from a kit my brother gave me. The yeast bubbled for two days, then stopped early and the airlock went quiet. The kitchen was cold at night. Did I pitch it too cold, and can I still save the batch or should I start again?", NoMatch},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m := ix.Match(tt.in)
			if m.Band != tt.want {
				t.Errorf("band %s (best %s %.2f), want %s", m.Band, m.Best.ID, m.Best.Score, tt.want)
			}
			if n := len(m.Shown()); tt.want == Suggest && (n < 2 || n > 3) {
				t.Errorf("shows %d topics, want 2 or 3", n)
			}
		})
	}
}

// FuzzMatch: any text gets a verdict whose scores are in [0,1], whose shown topics are at most
// three and distinct, and which shows something exactly when it is not NoMatch.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"what is sciatica", "my lower back is killing me", "how do i back up my laptop",
		"back back back. back? back!", "I hurt my back. Any advice", "\x00\xff", ""} {
		f.Add(s)
	}
	ix := NewIndex(Default())
	f.Fuzz(func(t *testing.T, s string) {
		m := ix.Match(s)
		shown := m.Shown()
		if (m.Band == NoMatch) != (len(shown) == 0) && m.Band != Suggest {
			t.Fatalf("band %s shows %d topics", m.Band, len(shown))
		}
		seen := map[string]bool{}
		for _, c := range append(shown, m.Alternatives...) {
			if c.Score < 0 || c.Score > 1 {
				t.Fatalf("score %v out of range", c.Score)
			}
		}
		for _, c := range shown {
			if seen[c.ID] || len(shown) > 3 {
				t.Fatalf("shown %v", shown)
			}
			seen[c.ID] = true
		}
	})
}

func TestMarkedOffTopic(t *testing.T) {
	an := text.NewAnalyzer(nil, "back pain")
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"says off topic", "Off topic, but can anyone help with my laptop?", true},
		{"contraction expanded", "This isn't a back question: my knee clicks.", true},
		{"not a back question", "Not a back question sorry, my knee clicks", true},
		{"about the back", "my lower back hurts after gardening", false},
		{"topic alone", "what topic should i read first", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markOffTopic(tagKinds(an.Analyze(tt.in, nil))); got != tt.want {
				t.Errorf("markOffTopic(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestUpsetGut: the gut named beside a medicine that may upset it is where a side effect is felt,
// not another part the message is about; named alone it is another part.
func TestUpsetGut(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name string
		in   string
		want bool // answered or offered topics
	}{
		{"painkiller upsets the stomach", "ibuprofen upsets my stomach, what else can i take", true},
		{"an opioid and the tummy", "tramadol makes my tummy feel sick", true},
		{"a story of side effects", "She suggested ibuprofen again, but that makes me ill with stomach problems. So she prescribed an opioid instead.", true},
		{"the stomach alone", "my stomach hurts after i eat", false},
		{"the stomach and food", "what should i eat to settle my stomach", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Match(tt.in).Band != NoMatch; got != tt.want {
				t.Errorf("Match(%q) answered %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBackFormsNotTheBody(t *testing.T) {
	an := text.NewAnalyzer(nil, "back pain backing")
	for _, in := range []string{"i backed up my files", "we play with a backing track"} {
		toks := tagKinds(an.Analyze(in, nil))
		notTheBack(toks)
		for _, tk := range toks {
			if backForms[tk.Word] && tk.Term >= 0 {
				t.Errorf("%q: %q read as the body part", in, tk.Word)
			}
		}
	}
}

// TestStoriesOffTopic: a message of several sentences is answered only when it is about back
// pain, and one that says it is off topic is not made about the back by its own "back".
func TestStoriesOffTopic(t *testing.T) {
	ix := NewIndex(Default())
	for _, in := range []string{
		"Not a back thing, sorry. My shins ache after my runs. How long should I rest them?",
		"My printer keeps jamming. Is it worth fixing or should I buy a new one?",
		"Off topic. Our team backed up the servers last night. Anyone know a good backup tool?",
		"the spine of my old atlas is torn, how do i glue it",
		"My favourite book's spine is falling apart. How do I repair it?",
		"My manager has no backbone and caves to every client. How do I stand up to him?",
		"Not a back question sorry. My shins hurt after running. How long should I rest them?",
		// How a trouble goes, with a doctor or surgery but no therapist of the back (course.txt).
		"My doctor says my cholesterol is getting worse. What should I change in my diet?",
		"Dad's heart surgery went fine and his recovery is on track. What should I cook for him this week?",
		"Tried to untangle my fishing line for an hour. Every time I pull it there are more knots. Any trick for this?",
		// The skin of the lower back: "lower" places it, it tells of no pain (skin.txt).
		"Came back from the beach with an itchy rash across my lower back. Which cream should I try?",
		// A question of general health or everyday life with no felt pain, though an entry fits
		// well (general-health.txt, onlyGeneral).
		"my nerves are so bad before every exam, how do i calm down",
		"any tips for staying awake on a long flight",
		// A massage is no word of care on its own (symptoms.txt [massage]).
		"Booked a massage at the spa for my birthday. Any tips for a first timer?",
		// "back went" of a back that is no body part (injury-phrases.txt, notTheBack).
		"We came back went straight to bed and slept twelve hours. How do I get over jet lag?",
		// A part held is no topic, but one that hurts is (holding.txt).
		"Carried my daughter on my shoulders at the fair. Now my neck is stiff and sore, should I see someone?",
		"my knee hurts when I carry the baby up the stairs, what can I do",
		// How one holds oneself, said by a teacher of singing (back-care.txt leaves "good posture" out).
		"Our choir director keeps telling us that good posture makes a better sound. She wants us standing for the whole rehearsal.",
		// A hands-on therapist for another part of the body (symptoms.txt [therapy]).
		"My osteopath has been working on my shoulder for a month. The first sessions were great. Should I keep booking them every week?",
		// Hard work that strains the back, but another part named and no back (exertion.txt).
		"Spent Saturday hauling boxes up three flights of stairs. Now both my wrists ache. Should I strap them?",
		// A story of the kidney, whose pain is felt in the back, no back named and nothing asked
		// (other-body-parts.txt [kidney]).
		// Cramps with no back named are the womb's (other-body-parts.txt [cramp]).
		"My cramps were so bad today I could barely stand up straight. Doubled over in agony for hours, and the painkillers did nothing.",
		"Passed my second kidney stone on Sunday. The pain came in waves all night and I was sick twice. The nurse said to drink more water.",
		// Hard work told of with no ache, trouble or move of the back, and nothing asked: a diary
		// of the work, not of the back (aboutBackPain).
		"A foot of snow fell overnight, so I was out shovelling the drive before breakfast. Then two more hours of it after lunch.",
	} {
		if m := ix.Match(in); m.Band != NoMatch {
			t.Errorf("Match(%q) = %s %s, want no match", in, m.Band, m.Best.ID)
		}
	}
	for _, in := range []string{
		"I put my back out lifting a box yesterday. It really hurts. What should I do?",
		"We moved house last weekend. Since then my back has not been right. Any ideas?",
		// An injury told without a word of pain or of the back (injury-phrases.txt), with a move.
		"Threw it out again picking up my son. I can barely stand up straight.",
		// The back with a word of trouble, no pain named (symptoms.txt [trouble]).
		"The back... I think the extra weight is causing some of the problems.",
		// Pain with the moves back pain makes hard, no part of the body named (postures.txt).
		"Three days on and the pain is no better. I can stand, but sitting and lying down are agony.",
		// A story of pain and its treatment, the back not named (yet): about back pain.
		"We drove to the clinic at dawn and waited two hours in the car park while it rained. The surgeon was kind but rushed, and my wife took notes. The pain is still there.",
		// A therapist of the back and how the trouble goes, neither pain nor the back named (course.txt).
		"Two sessions with the osteopath so far. She reckons it could be a month before I feel better. Is that normal?",
		"Can I book a PT myself or do I need a referral first? It keeps getting worse.",
		"Thinking of booking a few massages. Would that help me get better faster?",
		// An injury the FAQ's synonyms read as one (injury-phrases.txt), no word of pain.
		"Threw out my back yesterday, tips for the first day?",
		"back gave out lifting the sofa, now what",
		// A symptom word and an entry that fits well (symptoms.txt [specific]: knots).
		"Got a hot water bottle going. Ice did nothing for me. Hoping the heat loosens these knots tonight.",
		// Not being able to move below the waist, with a posture (injury-phrases.txt).
		"Been lying on the sofa since lunch, could not move from the waist down. Pretty scary, honestly.",
		// A part named only as what holds (holding.txt), with pain and a move of the back.
		"I carried my sleeping son up to bed in my arms. As I bent down to lay him in the cot the pain hit and I could not straighten.",
		// The back's everyday care with an entry that fits well (back-care.txt), no back or pain named.
		"Since switching to a standing desk at work I feel so much better by the end of the day. How long should I stand each hour?",
		// A painkiller by name (symptoms.txt [care]) with an entry that fits well.
		"Took two ibuprofen and a hot bath, then an ice pack after. Should I keep going with the heat tonight?",
		// Hard work that strains the back, with pain but neither the back nor another part named (exertion.txt).
		"Did three hours of weeding on Sunday. Everything was fine until I tried to get out of the chair this morning, and the pain was unreal.",
		// Hard work that strains the back, no pain named but a question asked, and an entry that
		// fits (exertion.txt, ExertionScore).
		"Two hours in the car each way on Saturday for my cousin's wedding. Any tips for the drive?",
		// A denial that ends before the symptom (negators.txt [scope-end]), with a move of pain (postures.txt).
		"I tried to stand up from the sofa and could not, the pain was too sharp. I ended up crawling to the bathroom.",
		// A part named only as where a pillow is put (holding.txt), the pain in the next sentence.
		"Lately I sleep on my side with a cushion tucked between my knees. Even so, most mornings I wake up sore.",
		// A hands-on therapist of the back and an entry that fits well, no pain named (symptoms.txt [therapy]).
		"Finally had my first physio appointment after a six week wait. She mostly asked questions and handed me a sheet of exercises. Is that how a first session usually goes?",
		// A child's heavy school bag, neither the back nor a pain named (back-care.txt).
		"My 12 year old son carries a heavy backpack to school every day. The thing weighs a ton. Should he be carrying all that at his age?",
		// Cramps of the back named.
		"My lower back keeps cramping up since I moved the wardrobe. It locks and I can hardly move.",
		// The kidney named with the back, or a message that asks whether the pain is the kidney's.
		"Had a kidney stone years ago. Now my lower back aches on the right side all day.",
		"Had a kidney stone last year. This pain feels the same but it gets worse when I bend. Which is it?",
		// An injection into the spine (spine-words.txt).
		"Booked in for an epidural next Thursday. Nervous about the needle.",
	} {
		if m := ix.Match(in); m.Band == NoMatch {
			t.Errorf("Match(%q): no match, want an answer or topics (a story about the writer's back)", in)
		}
	}
}

// TestOtherBodyPart: a message about another part of the body and none of the back is about
// something else, unless a nerve word puts a nerve from the back in the leg.
func TestOtherBodyPart(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in    string
		other bool
	}{
		{"pain in the ball of my foot", true},
		{"tingling in my fingers at night", true},
		{"tingling in my foot, is it a nerve", false},
		{"pain from my bum down to my foot", false},
		{"getting back into swimming and my shoulders ache", true},
		{"my left knee hurt on the stairs, otherwise my legs were fine", true},
		{"my leg aches when i walk", false},
		{"aches down the calves and the top of my leg", false},
		{"fell down and hurt my knee", true},
		{"my heel throbbed with every step of the long walk home from the station last night. by morning it was a shooting pain", true},
		{"on the other hand a hot bath helps", false},
		{"i'm on my feet all day and it aches", false},
		{"i want to touch my toes again", false},
		{"in the blink of an eye i could barely stand up straight", false},
		{"my eye has been sore since yesterday", true},
		{"how many knee to chest stretches a day", false}, // a stretch of the back (back-care.txt), no knee
		{"my knee hurts when i bring it to my chest", true},
		{"the trouble was not my back but my calves", true}, // the back said not to be it (notMy)
		{"walking does not hurt my back but my calves ache", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := aboutOtherBodyPart(toks); got != tt.other {
				t.Errorf("about another part: got %v, want %v", got, tt.other)
			}
		})
	}
}

// TestPainElsewhere: a message whose every pain is told of beside another part of the body is
// about that part, though it names the back (painElsewhere); a pain of the back anywhere, a
// pain of the leg with a nerve word, or a back named as where the pain comes from keeps it ours.
func TestPainElsewhere(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in  string
		elsewhere bool
	}{
		{"knee sore, back fine", "my back finally settled down, then this morning my right knee felt sore", true},
		{"stiff shoulder, a hip further on", "after the camp bed my shoulder was so stiff I could barely lift my arm; my hip was no better", true},
		{"a back as near as the shoulder wins", "my shoulder was stiff and my tailbone too", false},
		{"a hip alone is the joint", "my shoulder was stiff and my hip too", true},
		{"foot sore, back as a return", "I got back into running and now my foot is really sore", true},
		{"neck aches, a garden", "sat out in the back garden all afternoon and my neck aches", true},
		{"lowering the arms is no pain", "as I lowered my arms I remembered my back", false},
		{"a pain of the back too", "my lower back hurts and so does my knee", false},
		{"back and neck together", "my back and neck both ache after the drive", false},
		{"neck and back together", "my neck and my lower back are sore", false},
		{"a stab in the back beside the foot", "lifting my foot on the stairs = a stab in the lower back", false},
		{"nerve in the foot", "numbness in my foot and my back feels odd", false},
		{"asks if the back is the source", "could the ache in my knee be coming from my back?", false},
		{"asks is it the back", "my knee hurts when I sit, is it my lower back", false},
		{"no part near the pain", "it hurts all day and I can not sleep", false},
		{"an idiom's thumb", "my rule of thumb: if it hurts, stop", false},
		{"a trouble of another part", "my plantar fasciitis is sore every morning", true},
		{"the back in the next sentence", "After the rowing my forearms are tight. My back held up fine.", true},
		{"the back in trouble, a pain at the knee", "My back went last week. Today it is my knee that hurts.", false},
		{"the back only compared", "My shoulder is stiff again this week. It never heals as quickly as my back does.", true},
		{"the back playing up, the knee sore", "My back has been playing up. This week my knee is sore as well.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := ix.scratch.Get().(*scratch)
			defer ix.scratch.Put(sc)
			ix.read(sc, tt.in)
			if got := ix.painElsewhere(sc.toks, sc.ends); got != tt.elsewhere {
				t.Errorf("pain elsewhere: got %v, want %v", got, tt.elsewhere)
			}
		})
	}
}

// TestLookalikeStories: a story of pain at another part of the body, or of "back" in another
// sense, gets no answer and no topics, though it looks like a back-pain story; a story of back
// pain that names the knee, the hip, a leg, the neck or a pregnancy beside the back keeps its
// answer or topics (painElsewhere, hip-joint, back-senses.txt).
func TestLookalikeStories(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in string
		ours     bool
	}{
		{"knees after skiing", "Just got back from a week of skiing. My knees are killing me and my thighs are on fire. Worth it though!", false},
		{"neck after the physio fixed the back", "My back is much better since the physio, but now my neck is stiff every morning and I get headaches behind my eyes.", false},
		{"shins, back in January", "Back in January I started running again. My shins hurt after every run and now there's a sore spot on the front of my left shin.", false},
		{"a hip joint replaced", "The orthopaedic surgeon says my hip joint is worn and I'll need a replacement within five years. Walking the dog is getting harder and the ache in my groin keeps me up at night.", false},
		{"a shoulder at work", "Since I started the new job my shoulder aches every evening. I think it's the mouse. My back is fine, oddly, but the front of my shoulder burns when I lift my arm above my head.", false},
		{"the back garden and sore wrists", "We spent the weekend in the back garden laying a patio. My hands are blistered and my wrists ache from the trowel, but the patio looks amazing.", false},
		{"a disc of the neck", "The MRI showed a C5-C6 disc herniation. My neck aches all day and I get pins and needles down my right arm into my thumb.", false},
		{"a herniated disc of the neck", "The scan found a herniated disc in my neck. My shoulder aches and the pain wakes me at night.", false},
		{"a hamstring pulled", "Halfway through the relay I felt my hamstring go. It hurts to walk and there is a bruise coming up.", false},
		{"the back of the thigh sore", "My hamstring has been sore since the match. There's a sharp ache in the back of my thigh when I climb stairs.", false},
		{"tight hamstrings, the back sore", "My hamstrings are so tight I can't reach past my knees, and my lower back aches by the evening.", true},
		{"tight hamstrings alone", "My hamstrings have been really tight since I started cycling to work. Could that be doing harm?", true},
		{"an organ's pain", "After a fatty dinner the pain came back and I was doubled over for hours. The doctor thinks my gallbladder is inflamed again.", false},
		{"period cramps", "Every month my period leaves me curled up on the sofa with cramps. Painkillers barely touch it and I end up missing work.", false},
		{"a backache before the period", "My lower back aches for a couple of days before my period every month. Heat helps a bit.", true},
		{"sitting for long periods", "Sitting for long periods is agony now. I have to stand up every twenty minutes and walk it off.", true},
		{"a lumbar disc, a bulge in the neck too", "I have a herniated disc at L4-L5 and the pain goes down my leg. The MRI also showed a small bulge in my neck.", true},
		{"back surgery, now the calf", "I had back surgery two years ago. Now the pain is in my calf and the top of my foot, especially when I walk.", true},
		{"the back playing up, the knee too", "My back has been playing up for months. This week my knee started aching too and I can hardly climb the stairs.", true},
		{"the back went, the knee hurts", "My back went last week lifting a sofa. Today it's my knee that hurts, probably from limping around.", true},
		{"off work with the back", "I've been off work with my back for a month. The worst of it is the ache behind my knee when I sit.", true},
		{"knee fine, lower back seized", "My knee has been sore for a while, but what worries me is my lower back. It seized up this morning when I bent down to pick up a towel.", true},
		{"knee pain from the back", "My physio thinks my knee pain comes from my back, a nerve pinched low down. She gave me stretches for my spine.", true},
		{"pregnant, hips and spine", "I'm 30 weeks pregnant and my hips ache all night. The pain is low down at the base of my spine and I can barely roll over.", true},
		{"a leg lift and a twinge", "When I lift my leg to climb the stairs, I feel a sharp twinge low in my back on the right side.", true},
		{"upper legs after squats", "Did five sets of heavy squats this morning. By lunch my upper legs were so sore I could hardly get down the stairs.", false},
		{"a hip that hurts on a run", "My hip has ached for a month. I rested it for three weeks, then tried a short run and had to walk home.", false},
		{"a hip pain that shoots", "My hip has been killing me for weeks and the pain shoots down into my thigh when I walk. Could it be a nerve?", true},
		{"tight hips from the desk", "My hips feel so tight after a day at the desk. What stretches would help?", true},
		{"a hip into the back", "My hip hurts when I walk, and the pain spreads into my lower back and groin. The doctor wants an x-ray of my pelvis.", true},
		{"a swelling after a run, no back named", "Went for a short jog and it felt a bit tight but not painful. Should I rest until the swelling goes down or keep training?", false},
		{"a swollen lower back", "My lower back is swollen and sore after the fall, should I ice it?", true},
		{"news of a player's stiffness", "The veteran was stiff and sore every morning after the crash. He could hardly bend to put his boots on and sitting in the team bus was agony for him.", false},
		{"news of a player's back", "The captain missed the final with a back spasm. The club says the physio expects him fit within a fortnight.", true},
		{"a carer's story of a father's stiffness", "Dad has been stiff and sore every morning since his fall. He can hardly bend to put his socks on and sitting in the car is agony for him.", true},
		{"a neck story, the back stiff in passing", "Since Monday my neck has been aching at the base of my skull. This morning my back felt tight as well. By lunch my neck was so stiff I couldn't turn my head to check the traffic.", false},
		{"vertebrae at the side of the neck", "The x-ray showed worn vertebrae on the right side of my neck. My shoulder aches and my fingers tingle at night.", false},
		{"the back's own ache beside the neck", "My neck aches after work and my back aches too. Long hours at the laptop, I suppose. Could it be the chair?", true},
		{"the upper back named, the back fallen on", "I slipped on the stairs and landed on my back. Now my neck is sore and my upper back is stiff. Should I get it checked?", true},
		{"a sore shoulder, scoliosis only feared", "My shoulder has been sore for weeks since the move. My aunt had scoliosis, so now I keep wondering about that, and about arthritis too.", false},
		{"legs only as gear, a plan of training", "Coach says no squats or deadlifts this month. I can still use the leg press at half weight and do pull-ups and rows as usual.", false},
		{"legs only as a lift", "Doing leg raises and planks every morning now, plus stretching before bed. Trying to build the habit.", false},
		{"a leg that goes numb", "My left leg goes numb after I've been sitting for an hour. It wears off when I walk around.", true},
		{"a stiff neck and a sore lower back", "Woke up with a stiff neck and a sore lower back after sleeping on the sofa. Which is worse for your back, a soft or a firm mattress?", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Match(tt.in)
			if got := m.Band != NoMatch; got != tt.ours {
				t.Errorf("answered or given topics: got %v (%v %s), want %v", got, m.Band, m.Best.ID, tt.ours)
			}
		})
	}
}

// TestHeldParts: a part of the body named only as what something is held with, in or on, or as
// someone else's part that is held, is no topic (holding.txt), unless its sentence tells of pain.
func TestHeldParts(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in string
		other    bool
	}{
		{"carried in the arms", "carrying a toddler in my arms all afternoon", false},
		{"a hand and arm after a long list", "carried a toddler and the shopping and the laundry in my free hand and arm", false},
		{"someone else's part held", "I held her neck and bent down to lay her in the cot", false},
		{"a phone in the hand", "holding my phone in my hand for hours", false},
		{"a part that hurts", "my knee hurts when I carry the baby", true},
		{"pain in the sentence", "I carry my bag on my shoulder and it aches", true},
		{"pain in the next sentence", "Carried the box in my hands. Now my wrist is sore.", true},
		{"the writer's own part lifted", "can not lift my arm over my head", true},
		{"no verb of holding", "the shopping in my free hand and a baby on my knee", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := ix.scratch.Get().(*scratch)
			defer ix.scratch.Put(sc)
			ix.read(sc, tt.in)
			if got := aboutOtherBodyPart(sc.toks); got != tt.other {
				t.Errorf("about another part: got %v, want %v", got, tt.other)
			}
		})
	}
}

// TestSensesOfDisc: a disc of something else makes every disc of the message another thing.
func TestSensesOfDisc(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		body bool
	}{
		{"how does a disc slip out of place", true},
		{"my pc won't read the disc", false},
		{"started disc golf, which discs should a beginner buy", false},
		{"my laptop disk is full", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			body := false
			for _, tk := range toks {
				body = body || discForms[tk.Word] && tk.Term >= 0
			}
			if body != tt.body {
				t.Errorf("a disc of the body: got %v, want %v", body, tt.body)
			}
		})
	}
}

// TestStoryShowsNeighbours: a confident answer to a question shows that answer alone; to a
// message of several sentences (a story, however short) the other topics it touches too.
func TestStoryShowsNeighbours(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		many bool
	}{
		{"what is sciatica", false},
		{"My leg has been tingling for a week. What is sciatica?", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m := ix.Match(tt.in)
			if m.Band != Confident || m.Best.ID != "sciatica" {
				t.Fatalf("got %s %s, want a confident sciatica", m.Band, m.Best.ID)
			}
			if got := len(m.Shown()) > 1; got != tt.many {
				t.Errorf("shows %d topics, want more than one: %v", len(m.Shown()), tt.many)
			}
		})
	}
}

// TestEverydayWeights: a word common in everyday English weighs less than a rare one the FAQ
// uses as seldom, and turning the weighting off (EverydayFloor 1) leaves the FAQ's own counts.
func TestEverydayWeights(t *testing.T) {
	off := DefaultParams
	off.EverydayFloor = 1
	ix, raw := NewIndex(Default()), newIndexWith(Default(), off)
	w := func(ix *Index, word string) float32 {
		tm, ok := ix.an.TermOf(word)
		if !ok {
			t.Fatalf("%q is not in the FAQ", word)
		}
		return ix.weight[tm]
	}
	if r, e := w(ix, "mri")/w(raw, "mri"), w(ix, "paying")/w(raw, "paying"); r <= e {
		t.Errorf("mri keeps %.2f of its weight, paying %.2f: want the rarer English word to keep more", r, e)
	}
	if m := ix.Match("is it worth paying for a private mri for my back"); m.Best.ID != "imaging" {
		t.Errorf("best %s, want imaging: the MRI is what the question is about", m.Best.ID)
	}
}

// TestAskingVerbsSayNothing: asking for a tip ("can you suggest") names no topic, as "advice"
// does not (stopwords.txt): it no longer leans to an entry whose answer says "studies suggest".
func TestAskingVerbsSayNothing(t *testing.T) {
	ix := NewIndex(Default())
	for _, q := range []string{
		"can you suggest any exercises to help alleviate back pain",
		"any suggestions for exercises to help back pain",
	} {
		if m := ix.Match(q); m.Best.ID != "stretching-exercise" {
			t.Errorf("%q: best %s %.2f, want stretching-exercise", q, m.Best.ID, m.Best.Score)
		}
	}
}

// TestPhraseAt: a phrase matches word for word, and a synonym read as several canonical terms
// ("move" as "stay active") is one word of it.
func TestPhraseAt(t *testing.T) {
	ix := NewIndex(Default())
	ps := byFirstWord([]string{"unable to move from the waist", "on my feet"})
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"synonym inside", "unable to move from the waist down", true},
		{"plain words", "on my feet all day", true},
		{"a word missing", "unable to move from waist", false},
		{"cut short", "unable to move", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			if got := phraseAt(ps, toks, 0) > 0; got != tt.want {
				t.Errorf("phraseAt(%q) matched %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestFlank: a pain in the side is at the flank, the side of the lower back (flank.txt), but not
// a thorn or a runner's stitch in it (idioms.txt), nor the side one lies on.
func TestFlank(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		back bool
	}{
		{"a stabbing pain in my right side since last night", true},
		{"dull ache in my flank that comes and goes", true},
		{"that neighbour is a thorn in my side", false},
		{"got a stitch in my side on my run", false},
		{"i can only sleep on my side", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).back; got != tt.back {
				t.Errorf("back: got %v, want %v", got, tt.back)
			}
		})
	}
}

// TestCanonWrittenOut: a synonym group's canonical wording written out is a word of care as its
// other members are ("physical therapy" as "physio"), but its words apart are not.
func TestCanonWrittenOut(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in      string
		therapy bool
	}{
		{"i went to physical therapy last week", true},
		{"my physio says three more weeks", true},
		{"a bit of retail therapy at the mall", false},
		{"physical exercise every day", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).therapy; got != tt.therapy {
				t.Errorf("therapy: got %v, want %v", got, tt.therapy)
			}
		})
	}
}

// TestSpineBySynonym: a synonym group with a word of the spine (spine-words.txt) places a message
// at the spine by any of its wordings, written out or not; a group whose canonical wording names
// the back ("lower back") is read as the back, not the spine, and a bare "joint" is neither.
func TestSpineBySynonym(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in string
		spine    bool
	}{
		{"the medical word", "he said my sacroiliac joint was stuck", true},
		{"the abbreviation written out", "he said my SI joint was stuck", true},
		{"the short form", "he said my sij was stuck", true},
		{"a joint of another part", "he said my knee joint was stuck", false},
		{"the facet joint by its everyday name", "he said my facet joint was stuck", true},
		{"a nerve block of the facet joints", "they offered me a medial branch block", true},
		{"a facet of something else", "he said every facet of the plan was stuck", false},
		{"the lower back is the back", "a bit of road rash on my lower back", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).spine; got != tt.spine {
				t.Errorf("spine: got %v, want %v", got, tt.spine)
			}
		})
	}
}

// TestAboutBackPainSigns: the domain rules on their own, sign by sign.
func TestAboutBackPainSigns(t *testing.T) {
	ix := NewIndex(Default())
	p := ix.p
	tests := []struct {
		name string
		d    domainSigns
		best float64
		want bool
	}{
		{"hands-on therapist, entry fits", domainSigns{handsOn: true, therapy: true, care: true}, p.DomainScore, true},
		{"hands-on therapist, entry fits badly", domainSigns{handsOn: true, therapy: true, care: true}, p.DomainScore - 0.1, false},
		{"hands-on therapist of another part", domainSigns{handsOn: true, therapy: true, care: true, other: true}, 1, false},
		{"massage, entry fits", domainSigns{therapy: true}, 1, false},
		{"hard work with pain", domainSigns{exertion: true, pain: true, symptom: true}, 0, true},
		{"hard work and an ache, entry fits", domainSigns{exertion: true, symptom: true, felt: true}, p.ExertionScore, true},
		{"hard work asked of, entry fits", domainSigns{exertion: true, asks: true}, p.ExertionScore, true},
		{"hard work alone, entry fits", domainSigns{exertion: true}, p.ExertionScore, false},
		{"hard work and an ache, entry fits badly", domainSigns{exertion: true, symptom: true, felt: true}, p.ExertionScore - 0.1, false},
		{"hard work and another part", domainSigns{exertion: true, pain: true, symptom: true, other: true}, 1, false},
		{"pain told of at another part only", domainSigns{back: true, mine: true, symptom: true, pain: true, elsewhere: true}, 1, false},
		{"pain at another part, the spine named", domainSigns{spine: true, back: true, elsewhere: true}, 1, true},
		{"pain at another part, the spine named, no entry fits", domainSigns{spine: true, back: true, elsewhere: true}, p.ClearLow - 0.05, false},
		{"a story told of someone else, no back named", domainSigns{several: true, third: true, symptom: true, pain: true, care: true}, 1, false},
		{"a story told of someone else, a question", domainSigns{several: true, third: true, asks: true, symptom: true, pain: true, care: true}, 1, true},
		{"a story told of the writer", domainSigns{several: true, third: true, writer: true, symptom: true, pain: true, care: true}, 1, true},
		{"the leg lifted, no symptom felt", domainSigns{back: true, posture: true, symptom: true}, 0, false},
		{"the leg, a symptom felt", domainSigns{back: true, symptom: true, felt: true, pain: true}, 1, true},
		{"the back itself lifted", domainSigns{back: true, firm: true, posture: true}, 0, true},
		{"back care in a story, entry fits", domainSigns{backCare: true, several: true}, p.CareStoryScore, true},
		{"back care in a story, entry fits badly", domainSigns{backCare: true, several: true}, p.CareStoryScore - 0.1, false},
		{"back care in one sentence, entry fits as well", domainSigns{backCare: true}, p.CareStoryScore, false},
		{"back care in a story and another part", domainSigns{backCare: true, several: true, other: true}, 1, false},
		{"a medicine of the back and elsewhere, entry fits", domainSigns{medicine: true, several: true}, p.DomainScore, true},
		{"a story with a word of degree only, entry fits", domainSigns{symptom: true, course: true, several: true}, 1, false},
		{"a story with a word of degree only, a question", domainSigns{symptom: true, several: true, asks: true}, p.DomainScore, true},
		{"a story with a symptom felt, entry fits", domainSigns{symptom: true, felt: true, several: true}, p.DomainScore, true},
		{"one sentence with a word of degree, entry fits", domainSigns{symptom: true}, p.DomainScore, true},
		{"a medicine of the back and elsewhere, entry fits badly", domainSigns{medicine: true, several: true}, p.DomainScore - 0.1, false},
		{"a medicine of the back and another part", domainSigns{medicine: true, other: true}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.aboutBackPain(tt.d, tt.best); got != tt.want {
				t.Errorf("aboutBackPain(%+v, %.2f) = %v, want %v", tt.d, tt.best, got, tt.want)
			}
		})
	}
}

// TestNotOurs: the signs that rule a message out even as a short question: a question of general
// health that names no back, pain or trouble (general-health.txt); a negator after a word of
// purpose ("so it does not hurt") denies nothing (negators.txt [purpose]).
func TestNotOurs(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in      string
		notOurs bool
	}{
		{"which breakfast helps you lose weight fastest", true},
		{"my anxiety before job interviews is awful, tips", true},
		{"how long does the flu last", true},
		{"is a low carb diet any good", true},             // "low" is a word of degree, no pain (symptoms.txt [degree])
		{"what lowers blood pressure besides diet", true}, // not a word of the lists: no sign of pain either
		{"does dieting help a sore lower back", false},
		{"does dieting help with back pain", false},
		{"could my diet be why my back is so stiff", false},
		{"my hip clicks but doesnt hurt", true},
		{"how should i lift boxes so it does not hurt", false},
		{"how to not hurt when lifting boxes", false},
		{"is a massage gun good for sore calves", true}, // another part, no back, spine or back care
		{"tens machine for period cramps", true},
		{"should i put a pillow between my knees at night", false}, // the back's care (back-care.txt)
		{"bend at the knees or the hips, which is right", false},
		{"constipated for days now, what helps", true}, // the bowels' everyday trouble (general-health.txt)
		{"tramadol has made me constipated", false},    // beside a painkiller of the back by name
		{"is diazepam good for anxiety", true},         // a medicine of the back and elsewhere is no word of care
		{"is it safe to drink on gabapentin", false},   // drink asked of a medicine of the back (general-health.txt [with-medicine])
		{"codeine has made me constipated", false},
		{"can i eat before my epidural", false},                         // a word of the spine places it as the back does (spine-words.txt)
		{"an itchy rash on my arm, what cream", true},                   // the skin, no pain
		{"dihydrocodeine is making my skin itchy", false},               // an itch beside a medicine of the back is its side effect
		{"lying awake every night since i started prednisolone", false}, // sleep asked of a medicine of the back (general-health.txt [with-medicine])
		{"how do i stay awake on a long drive", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).notOurs(); got != tt.notOurs {
				t.Errorf("not ours: got %v, want %v", got, tt.notOurs)
			}
		})
	}
}

// TestHardWorkOnlySuggests: a story that is about back pain only for the hard work it tells of
// gets topics, never an answer; with pain named it may be answered.
func TestHardWorkOnlySuggests(t *testing.T) {
	ix := NewIndex(Default())
	in := "A foot of snow fell overnight, so I was out shovelling the drive before breakfast. Then two more hours of it after lunch. Is that too much in one day?"
	if m := ix.Match(in); m.Band != Suggest {
		t.Errorf("Match(%q) = %s %s, want suggest", in, m.Band, m.Best.ID)
	}
	in = "Two hours shovelling snow this morning and now my lower back is killing me. Heat or ice?"
	if m := ix.Match(in); !m.Band.Answers() {
		t.Errorf("Match(%q) = %s, want an answer", in, m.Band)
	}
}

// TestInPassing: a story's phrase of passing.txt weighs nothing ("could barely get out of bed"
// is no question about sleep), a short question's keeps its weight.
func TestInPassing(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in   string
		kept bool
	}{
		{"my back hurts every time i get out of bed, is it my mattress", true},
		{"Tuesday was awful. My lower back locked as I bent to tie a shoe. I could hardly get out of bed the next day and my partner had to drive me to the clinic.", false},
	}
	for _, tt := range tests {
		sc := ix.scratch.Get().(*scratch)
		ix.read(sc, tt.in)
		for _, tk := range sc.toks {
			if tk.Word == "bed" && tk.Stop == tt.kept {
				t.Errorf("%q: bed stop %v, want %v", tt.in, tk.Stop, !tt.kept)
			}
		}
		ix.scratch.Put(sc)
	}
}

// TestPregnancyWeeks: a count of weeks that tells how far on a pregnancy is reads as
// "pregnant" (gestation.txt); a count that tells how long something lasted does not.
func TestPregnancyWeeks(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in       string
		pregnant bool
	}{
		{"at 31 weeks my lower back started to ache every evening", true},
		{"somewhere around 25 weeks the aching in my back got worse", true},
		{"my back has hurt for 16 weeks now", false},
		{"i hurt my back 14 weeks ago", false},
		{"after 20 weeks of physio my back is better", false},
		{"my back went 3 weeks ago", false},
	}
	for _, tt := range tests {
		sc := ix.scratch.Get().(*scratch)
		ix.read(sc, tt.in)
		got := slices.ContainsFunc(sc.toks, func(tk text.Token) bool { return tk.Term == ix.pregnant && tk.Word == "pregnant" })
		if got != tt.pregnant {
			t.Errorf("%q: reads pregnant %v, want %v", tt.in, got, tt.pregnant)
		}
		ix.scratch.Put(sc)
	}
}

// TestLongCourse: a story telling that back pain has lasted years reads as "chronic"
// (long-course.txt); years that tell when, or a long time spent at something else, do not.
func TestLongCourse(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in      string
		chronic bool
	}{
		{"ive had a sore lower back for 12 years", true},
		{"my back has been bad on and off for years", true},
		{"for as long as i can remember my back has ached", true},
		{"i have had back trouble most of my adult life", true},
		{"my back pain started 12 years ago", false},
		{"i have been cycling for 12 years", false},
		{"at 40 years old my back started hurting", false},
		{"ive tried everything for my back and it still aches", true},
		{"my back is sore, i have good days and bad days", true},
		{"we tried everything on the menu at the new place", false},
	}
	for _, tt := range tests {
		sc := ix.scratch.Get().(*scratch)
		ix.read(sc, tt.in)
		got := slices.ContainsFunc(sc.toks, func(tk text.Token) bool { return tk.Term == ix.chronic && tk.Word == longTold })
		if got != tt.chronic {
			t.Errorf("%q: reads chronic %v, want %v", tt.in, got, tt.chronic)
		}
		ix.scratch.Put(sc)
	}
}

// TestLegAtGym: a leg before a session or a machine at the gym reads as the gym; a leg lifted
// does not.
func TestLegAtGym(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		in  string
		gym bool
	}{
		{"my lower back is sore after leg day", true},
		{"back twinges on the leg press", true},
		{"my back hurts when i lift my leg", false},
	}
	for _, tt := range tests {
		sc := ix.scratch.Get().(*scratch)
		ix.read(sc, tt.in)
		got := slices.ContainsFunc(sc.toks, func(tk text.Token) bool { return tk.Term == ix.gym && tk.Term >= 0 })
		if got != tt.gym {
			t.Errorf("%q: reads gym %v, want %v", tt.in, got, tt.gym)
		}
		ix.scratch.Put(sc)
	}
}

// TestMedicineSign: a strong painkiller a doctor prescribes for the back as for pain anywhere
// (symptoms.txt [medicine]) is a sign of the back's prescribed care by name or by any wording
// of its synonym group ("co-codamol" reads as "co-codamol codeine"); the shop's painkillers and
// a plain "tablets" are not.
func TestMedicineSign(t *testing.T) {
	ix := NewIndex(Default())
	tests := []struct {
		name, in string
		medicine bool
	}{
		{"an opioid by name", "how fast should i come off oxycodone", true},
		{"an opioid by brand", "weaning off my oxycontin this month", true},
		{"a combination through its synonym group", "the co-codamol has stopped working", true},
		{"the shop's painkiller", "the ibuprofen has stopped working", false},
		{"tablets with no name", "the tablets have stopped working", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagKinds(ix.an.Analyze(tt.in, nil))
			notTheBack(toks)
			if got := ix.signs(toks).medicine; got != tt.medicine {
				t.Errorf("medicine: got %v, want %v", got, tt.medicine)
			}
		})
	}
}
