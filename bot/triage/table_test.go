package triage

import (
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

// checkCases are phrasings written apart from the corpus: new wordings of each red flag, negated
// and reassured symptoms, and everyday messages that use red-flag words innocently.
var checkCases = []struct {
	name string
	text string
	want Tier
}{
	// Bladder.
	{"no pee since", "havent peed since yesterday and my lower back is agony", Emergency},
	{"struggling to pass urine", "i'm struggling to pass urine since my back went", Emergency},
	{"wee without realising", "weeing myself without realising, back pain for days", Emergency},
	{"cannot empty bladder", "can't empty my bladder properly and my back hurts", Emergency},
	{"full bladder nothing happens", "my bladder feels full but nothing happens when i try to go", Emergency},
	{"wet the bed", "peed the bed last night, im 35 and never do that, also back pain", Emergency},
	{"lost control of pee", "lost control of my pee this morning", Emergency},
	{"cnt wee", "cnt wee properly since sat", Emergency},
	{"no urge", "dont have any urge to pee anymore", Emergency},
	{"question about retention", "is it serious if you can't pee with sciatica", Emergency},
	{"no bladder control", "my back hurts and i have no bladder control", Emergency},
	{"bladder typo", "bladdder issues with my slipped disc", Emergency},
	{"incontinent", "been incontinent since the back pain started", Emergency},
	{"hedged leak", "kinda leaking wee a little, prob nothing", Emergency},
	// Bowel.
	{"cannot control bowels", "can't control my bowels", Emergency},
	{"pooed unknowing", "i pooed myself without knowing", Emergency},
	{"no sensation poop", "no sensation when i poop", Emergency},
	{"leaking poo", "leaking poo since my sciatica got bad", Emergency},
	{"bowel movements different", "my bowel movements feel different and my back is bad", Emergency},
	{"bowl typo", "bowl incontinance and back pain", Emergency},
	// Saddle.
	{"numb around anus", "numbness around my anus and back pain", Emergency},
	{"private area", "my private area is numb", Emergency},
	{"cannot feel down there", "i can't feel anything down there", Emergency},
	{"no feeling bottom", "no feeling in my bottom", Emergency},
	{"strange wiping", "it feels strange when i wipe myself", Emergency},
	{"saddle sensation loss", "loss of sensation in the saddle area", Emergency},
	{"groin kinda numb", "my groin feels kinda numb idk", Emergency},
	{"hypothetical saddle", "what would happen if i lost feeling in my groin", Emergency},
	// Sexual function.
	{"erectile dysfunction", "erectile dysfunction since my back injury", Emergency},
	{"cannot climax", "can't climax since my back went", Emergency},
	{"no feeling sex", "i can't feel anything during sex since the back pain", Emergency},
	// Both legs.
	{"both gone weak", "both of my legs have gone weak", Emergency},
	{"legs numb heavy", "my legs feel numb and heavy", Emergency},
	{"weakness both legs", "weakness in both legs and back pain", Emergency},
	{"knees buckling", "my knees keep buckling", Emergency},
	{"legs give out", "legs are giving out on me", Emergency},
	{"numb both feet", "numbness in both feet", Emergency},
	{"sciatica both legs", "sciatica down both legs", Emergency},
	{"cannot walk legs", "can't walk, my legs won't hold me up", Emergency},
	// Trauma.
	{"road traffic accident", "i was in a road traffic accident and my back hurts", Emergency},
	{"fell from scaffolding", "fell from scaffolding at work", Emergency},
	{"knocked down", "got knocked down by a car", Emergency},
	{"fall down stairs", "had a bad fall down the stairs", Emergency},
	{"rugby tackle", "got tackled hard at rugby and now my back hurts", Emergency},
	{"trampoline", "fell off a trampoline yesterday", Emergency},
	{"osteoporosis slip", "slipped on the stairs, i have osteoporosis", Emergency},
	{"steroids small fall", "im on long term prednisolone and tripped on the rug", Emergency},
	// Chest.
	{"chest through to back", "my chest hurts and the pain goes through to my back", Emergency},
	{"chest tightness", "tightness in my chest and back pain", Emergency},
	{"chest pressure", "pressure in my chest and my back is sore", Emergency},
	// Fever with weak immunity, cauda equina named.
	{"chemo fever", "i'm on chemotherapy and have a fever and back pain", Emergency},
	{"immunocompromised temperature", "im immunocompromised and running a temperature with back pain", Emergency},
	{"heroin fever", "i use heroin and have a high temperature and back ache", Emergency},
	{"could i have ces", "could i have cauda equina?", Emergency},

	// See a doctor.
	{"temperature sweats", "had a high temperature and sweats with my back pain", Doctor},
	{"feverish", "feverish and achy back", Doctor},
	{"cancer last year", "i had cancer last year and now my back hurts", Doctor},
	{"weight without trying", "ive lost weight without trying and my back aches", Doctor},
	{"worse at night", "the pain is worse at night and wakes me", Doctor},
	{"awake at night", "back pain keeps me awake at night", Doctor},
	{"lump near spine", "there's a lump on my back near the spine", Doctor},
	{"shoulder blades", "constant ache between my shoulder blades", Doctor},
	{"one leg numb weeks", "numbness in my right leg for weeks", Doctor},
	{"foot dragging", "my left foot is dragging when i walk", Doctor},
	{"first bad at 65", "im 65 and this is my first time with bad back pain", Doctor},
	{"steroids years", "i've been on steroids for years and my back hurts", Doctor},
	{"unbearable", "my back pain is unbearable", Doctor},
	{"not improved six weeks", "my back hasn't improved after 6 weeks", Doctor},
	{"no better month", "it's been a month and my back isn't getting any better", Doctor},
	{"worse and worse", "back pain is getting worse and worse", Doctor},
	{"leg weaker", "my leg is getting weaker", Doctor},

	// Calm: ordinary questions.
	{"exercises", "what exercises are good for lower back pain", None},
	{"desk", "how do i sit properly at my desk", None},
	{"running", "is it ok to go running with a sore back", None},
	{"stiff on waking", "my lower back is stiff when i wake up", None},
	{"heat pad overnight", "can i use a heat pad overnight", None},
	{"slipped disc", "what is a slipped disc", None},
	{"surgery", "do i need surgery for a herniated disc", None},
	{"pulled back", "i pulled my back moving a sofa", None},
	{"naproxen", "can i take naproxen for back pain", None},
	{"carrying baby", "my back is sore from carrying my baby", None},
	{"sneeze", "back twinges when i sneeze", None},
	{"tight hips", "my hips and lower back feel tight", None},
	{"leaned over", "i leaned over and my back twinged", None},
	{"leaving", "leaving for holiday, how do i protect my back on the plane", None},
	{"posing", "i was posing for photos and my back went", None},
	{"weak core", "my core is weak, will that cause back pain", None},
	{"fell behind", "i fell behind on my exercises", None},
	{"sex ok", "is sex ok with a bad back", None},
	{"age and gardening", "im 45 and my back aches after gardening", None},
	{"spasm", "how long does a back spasm last", None},
	{"weed", "i weed the garden every weekend and my back aches", None},
	{"toilet scrolling", "i sit on the toilet for ages scrolling, bad for my back?", None},
	{"sitting worse", "walking helps, sitting makes it worse", None},
	{"drive", "is it safe to drive with back pain", None},
	{"cold weather", "cold weather makes my back stiff", None},
	{"fewer", "fewer twinges than last week", None},
	// Calm: denied or reassured symptoms.
	{"no bladder bowel problems", "no bladder or bowel problems, just a sore back", None},
	{"feel legs fine", "i can feel my legs fine, just a sore lower back", None},
	{"no numbness tingling", "no numbness or tingling anywhere, back aches after gym", None},
	{"legs fine no weakness", "legs feel fine, no weakness", None},
	{"not incontinent", "i'm not incontinent, my back just aches", None},
	{"no loss of control", "no loss of bladder control, back pain after lifting", None},
	{"nothing wrong bladder", "nothing wrong with my bladder, just back ache", None},
	{"never bladder problems", "never had any bladder problems, just a stiff back", None},
	{"never felt better", "been doing yoga for a month and my back has never felt better", None},
	{"never been better", "my lower back has never been better since i started swimming", None},
	{"never got better", "my back pain has never got better, not one bit", Doctor},
	{"no red flags", "my physio said i dont have any red flags", None},
	{"list of denials", "no numbness, no weakness, no bladder problems, just lower back ache", None},
	{"walk and stand fine", "i can walk and stand fine", None},
	{"no fall", "i didnt fall, it just started aching", None},
	{"no chest pain", "upper back aches but no chest pain", None},

	// Words a small vocabulary would misread as typos of red-flag words, and innocent uses.
	{"leaning is not leaking", "why can i walk further leaning on a shopping cart", None},
	{"wrist is not worst", "my wrist hurts from typing", None},
	{"childs is not chills", "cat cow and childs pose stretches for back pain", None},
	{"jelly donut", "is a disc basically a jelly donut between the bones?", None},
	{"phone fell", "my phone fell off the table and when i bent to get it my back twinged", None},
	{"computer crashed", "my computer crashed so i've been sitting hunched over my laptop", None},
	{"by accident", "i broke a glass by accident and bending to clean it up hurt my back", None},
	{"back gave out", "my back gave out when i lifted the box, can i still go to work", None},
	{"legs after leg day", "heavy legs after leg day, and a stiff back", None},
	{"old fall", "i had a fall last year but my back is fine now", None},
	{"snoring wakes", "my partner's snoring keeps me awake, and my back aches from the bad sleep", None},
	{"hands tingle", "i get pins and needles in my hands when i sleep", None},
	{"intent to lose weight", "how to lose weight when my back hurts", None},
	{"also reassured", "bladder is totally normal, bowels too", None},
	// More new wordings of red flags.
	{"legs will not hold", "my legs wont hold me", Emergency},
	{"doubt about feeling", "i'm not sure if i can feel my bum properly", Emergency},
	{"stopped feeling", "stopped being able to feel my genitals", Emergency},
	{"waist down", "i'm numb from the waist down", Emergency},
	{"catheter", "ive had to use a catheter since my back went", Emergency},
	{"car hit me", "a car hit me on my bike", Emergency},
	{"jumped off wall", "jumped off a wall and landed badly, back agony", Emergency},
	{"tearing chest", "sudden tearing pain in my back and chest", Emergency},
	{"leg fell asleep both", "both my legs keep falling asleep", Emergency},
	{"cannot stop leaking", "i can't stop leaking", Emergency},
	{"legs gone to jelly", "both legs gone to jelly", Emergency},
	{"car flipped", "my car flipped over on the motorway", Emergency},
	{"nothing helps at night", "nothing helps the pain at night", Doctor},
	{"waking in the night", "i keep waking up in the night with back pain", Doctor},
	{"child with bad pain", "my 12 year old has bad back pain", Doctor},
	{"still there months on", "its been 3 months and the pain is still there", Doctor},

	// Negation is per symptom: a denial elsewhere does not hide a red flag.
	{"denial then retention", "no numbness but i can't pee", Emergency},
	{"denial then wetting", "no pain really, but i wet myself", Emergency},
	{"denial then giving way", "not numb, but my legs keep giving way", Emergency},
	{"denial then both legs", "i don't have numbness, i have weakness in both legs", Emergency},
	{"fine legs then retention", "legs are fine and i cant pee", Emergency},
	{"hedge not denial", "i don't think i've lost bladder control but not sure", Emergency},
}

func TestCheck(t *testing.T) {
	d := detector()
	for _, tt := range checkCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Check(tt.text); got.Tier != tt.want {
				t.Errorf("Check(%q) = %s (%s), want %s", tt.text, got.Tier, got.Category, tt.want)
			}
		})
	}
}

func TestCheckNoSynonyms(t *testing.T) {
	d := New(faq.RedFlags{})
	for _, tt := range checkCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Check(tt.text); got.Tier != tt.want {
				t.Errorf("Check(%q) = %s (%s), want %s", tt.text, got.Tier, got.Category, tt.want)
			}
		})
	}
}

// The misspellings people type for red-flag words are read as the words themselves.
func TestCheckTypos(t *testing.T) {
	d := detector()
	for _, tt := range []struct{ typo, text string }{
		{"incontinance", "bit of incontinance lately"},
		{"numbess", "numbess in my groin"},
		{"tingeling", "tingeling round my bum"},
		{"bladdar", "my bladdar is acting up"},
		{"bowl", "bowl accident this morning"},
		{"cauda equnia", "worried about cauda equnia"},
		{"siatica", "siatica down both legs since friday"},
	} {
		t.Run(tt.typo, func(t *testing.T) {
			if got := d.Check(tt.text); got.Tier != Emergency {
				t.Errorf("Check(%q) = %s, want emergency", tt.text, got.Tier)
			}
		})
	}
}

// Moderators' phrases add red flags, are read with the same typo tolerance and negation, and
// cannot remove or weaken a built-in one.
func TestExtraPhrases(t *testing.T) {
	plain := New(faq.RedFlags{})
	extra := New(faq.RedFlags{
		Emergency: []string{"saddle anaesthesia", "Discitis", "  "},
		Doctor:    []string{"kidney stones", "can't pee", "numb"},
	})
	for _, tt := range []struct {
		name       string
		text       string
		plain, got Tier
		category   string
	}{
		{"saddle anaesthesia", "i think i have saddle anaesthesia", Emergency, Emergency, ""},
		{"new emergency word", "could this be discitis?", None, Emergency, "moderator emergency"},
		{"new word misspelt", "could this be discitiss", None, Emergency, "moderator emergency"},
		{"new word denied", "no sign of discitis, just back ache", None, None, ""},
		{"new doctor phrase", "i have kidney stones and back pain", None, Doctor, "moderator doctor"},
		{"doctor phrase cannot weaken retention", "i can't pee", Emergency, Emergency, "bladder"},
		{"doctor word cannot weaken saddle", "numb down there", Emergency, Emergency, "saddle numbness"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := plain.Check(tt.text); got.Tier != tt.plain {
				t.Errorf("without extras, Check(%q) = %s, want %s", tt.text, got.Tier, tt.plain)
			}
			got := extra.Check(tt.text)
			if got.Tier != tt.got || tt.category != "" && got.Category != tt.category {
				t.Errorf("with extras, Check(%q) = %s (%s), want %s (%s)", tt.text, got.Tier, got.Category, tt.got, tt.category)
			}
		})
	}
}

func TestResult(t *testing.T) {
	d := detector()
	for _, text := range []string{"cant pee", "had a fever for two days with this back pain"} {
		r := d.Check(text)
		if r.Why == "" || r.Category == "" || strings.Contains(r.Why, "\n") {
			t.Errorf("Check(%q) = %+v, want a category and a one-line why", text, r)
		}
	}
	if r := d.Check("what is a slipped disc"); r != (Result{}) {
		t.Errorf("Check(calm) = %+v, want the zero Result", r)
	}
	for tier, want := range map[Tier]string{None: "none", Doctor: "doctor", Emergency: "emergency"} {
		if got := tier.String(); got != want {
			t.Errorf("Tier(%d).String() = %q, want %q", int(tier), got, want)
		}
		if b, err := tier.MarshalText(); err != nil || string(b) != want {
			t.Errorf("Tier(%d).MarshalText() = %q, %v; want %q", int(tier), b, err, want)
		}
	}
}
