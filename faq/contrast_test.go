package faq

import "testing"

// twoNeighbours are two entries that share most of their words; "bum", "glute", "tight" and
// "pressing" belong to one, "foot", "toes" and "knee" to the other.
const twoNeighbours = `version: 1
disclaimer: Not medical advice.
fallback: I don't know that one.
entries:
  - id: nerve-leg
    question: Why does nerve pain run down my leg?
    variants: [nerve pain down my leg, shooting nerve pain in my leg, leg nerve pain to my foot, nerve pain down my leg into my toes, nerve pain past my knee]
    answer: A squeezed nerve root can send pain down the leg.
    tips: [Keep moving.]
  - id: nerve-bum
    question: Why does nerve pain sit deep in my bum?
    variants: [nerve pain deep in my bum, shooting nerve pain in my glute, deep bum pain down my leg, tight glute pressing a nerve, nerve pain when i sit on my bum]
    answer: A tight buttock muscle can press on a nerve.
    tips: [Stretch gently.]
`

func TestContrastOrdersNeighbours(t *testing.T) {
	f, err := Parse("faq.yaml", []byte(twoNeighbours))
	if err != nil {
		t.Fatal(err)
	}
	with := DefaultParams
	with.EverydayFloor = 1 // the fixture's words weigh by its own two entries alone
	without := with
	without.ContrastShare = 0
	// Word bags where the shared words leave the two neck and neck: without the contrast the
	// other entry edges ahead; the words only one entry uses should decide.
	tests := []struct {
		name, q, want, without string
	}{
		{"knee is the leg entry's alone", "knee when my in pain nerve", "nerve-leg", "nerve-bum"},
		{"tight and glute are the bum entry's", "tight nerve leg pain down foot glute", "nerve-bum", "nerve-leg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newIndexWith(f, with).Match(tt.q)
			base := newIndexWith(f, without).Match(tt.q)
			if base.Best.ID != tt.without {
				t.Fatalf("without the contrast best is %s, want %s: the case no longer tests the contrast", base.Best.ID, tt.without)
			}
			if m.Best.ID != tt.want {
				t.Errorf("best %s %.3f, want %s (alternatives %+v)", m.Best.ID, m.Best.raw, tt.want, m.Alternatives)
			}
			if m.Best.raw > base.Best.raw+1e-9 {
				t.Errorf("contrast raised the best score: %.3f, without it %.3f", m.Best.raw, base.Best.raw)
			}
		})
	}
}

// TestUncappedRanking: two entries that both reach the cap of 1 still rank by how much each
// says, and the lead between them is measured before the cap.
func TestUncappedRanking(t *testing.T) {
	ix := NewIndex(Default())
	m := ix.Match("bulging disc in my lower back")
	if m.Best.ID != "herniated-disc" || m.Band != Confident {
		t.Errorf("got %s (%s), want herniated-disc confident", m.Best.ID, m.Band)
	}
	if len(m.Alternatives) > 0 && m.Best.raw-m.Alternatives[0].raw < DefaultParams.Lead {
		t.Errorf("lead %.3f under the cap, want at least %.2f", m.Best.raw-m.Alternatives[0].raw, DefaultParams.Lead)
	}
}
