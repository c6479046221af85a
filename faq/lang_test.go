package faq

import (
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
		{"pain in my back in the morning", true},
		{"i put my back out", true},
		{"do people get more back problems as they get older", true}, // a synonym phrase is the body
		{"so far so good, i'm back", false},
		{"the spasms are back", false},
		{"what is back surgery like", true},
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
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := ix.an.Analyze(tt.in, nil)
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
			toks := ix.an.Analyze(tt.in, nil)
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
			if got := markOffTopic(an.Analyze(tt.in, nil)); got != tt.want {
				t.Errorf("markOffTopic(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBackFormsNotTheBody(t *testing.T) {
	an := text.NewAnalyzer(nil, "back pain backing")
	for _, in := range []string{"i backed up my files", "we play with a backing track"} {
		toks := an.Analyze(in, nil)
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
		"Not a back question sorry. My shins hurt after running. How long should I rest them?",
		// How a trouble goes, with a doctor or surgery but no therapist of the back (course.txt).
		"My doctor says my cholesterol is getting worse. What should I change in my diet?",
		"Dad's heart surgery went fine and his recovery is on track. What should I cook for him this week?",
		"Tried to untangle my fishing line for an hour. Every time I pull it there are more knots. Any trick for this?",
		// A massage is no word of care on its own (symptoms.txt [massage]).
		"Booked a massage at the spa for my birthday. Any tips for a first timer?",
		// "back went" of a back that is no body part (injury-phrases.txt, notTheBack).
		"We came back went straight to bed and slept twelve hours. How do I get over jet lag?",
		// A part held is no topic, but one that hurts is (holding.txt).
		"Carried my daughter on my shoulders at the fair. Now my neck is stiff and sore, should I see someone?",
		"my knee hurts when I carry the baby up the stairs, what can I do",
		// How one holds oneself, said by a teacher of singing (back-care.txt leaves "good posture" out).
		"Our choir director keeps telling us that good posture makes a better sound. She wants us standing for the whole rehearsal.",
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
		{"on the other hand a hot bath helps", false},
		{"i'm on my feet all day and it aches", false},
		{"i want to touch my toes again", false},
		{"in the blink of an eye i could barely stand up straight", false},
		{"my eye has been sore since yesterday", true},
		{"how many knee to chest stretches a day", false}, // a stretch of the back (back-care.txt), no knee
		{"my knee hurts when i bring it to my chest", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := ix.an.Analyze(tt.in, nil)
			notTheBack(toks)
			if got := aboutOtherBodyPart(toks); got != tt.other {
				t.Errorf("about another part: got %v, want %v", got, tt.other)
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
			toks := ix.an.Analyze(tt.in, nil)
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
			toks := ix.an.Analyze(tt.in, nil)
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
			toks := ix.an.Analyze(tt.in, nil)
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
			toks := ix.an.Analyze(tt.in, nil)
			notTheBack(toks)
			if got := ix.signs(toks).therapy; got != tt.therapy {
				t.Errorf("therapy: got %v, want %v", got, tt.therapy)
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
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := ix.an.Analyze(tt.in, nil)
			notTheBack(toks)
			if got := ix.signs(toks).notOurs(); got != tt.notOurs {
				t.Errorf("not ours: got %v, want %v", got, tt.notOurs)
			}
		})
	}
}
