// Package triage spots red-flag symptoms in a message and says how urgently the person needs care:
// an emergency now, a doctor soon, or neither.
//
// It reads text with the matcher's analyzer (same normalisation, stemming, synonyms and typo
// tolerance), judges negation per symptom, and escalates hedges and questions about a symptom:
// a missed emergency is far worse than a false alarm.
package triage

import "github.com/backpainbot/backpainbot/faq"

// Tier is how urgently someone needs care.
type Tier int

const (
	// None: no red flag; self-care information is fine.
	None Tier = iota
	// Doctor: see a doctor soon (same day to within a few days).
	Doctor
	// Emergency: go to an emergency department or call the local emergency number now.
	Emergency
)

func (t Tier) String() string {
	switch t {
	case Emergency:
		return "emergency"
	case Doctor:
		return "doctor"
	}
	return "none"
}

// MarshalText makes a Tier read as its name in JSON.
func (t Tier) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Result is the verdict on one message.
type Result struct {
	Tier Tier
	// Why is one plain line on what the symptom can mean, for the notice.
	Why string
	// Category names the red flag found, e.g. "bladder", for logs and tests.
	Category string
}

// Detector checks messages for red flags. It is immutable and safe for concurrent use.
type Detector struct{}

// New builds a detector from the built-in red flags plus phrases moderators added in the FAQ.
// synonyms are the FAQ's synonym groups, so triage reads words as the matcher does.
func New(synonyms [][]string, extra faq.RedFlags) *Detector { return &Detector{} }

// Check returns the most urgent red flag in text.
func (d *Detector) Check(text string) Result { return Result{} }
