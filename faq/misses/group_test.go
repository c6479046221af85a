package misses

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/faq"
)

// testFAQ is a small FAQ, so the nearest entries below do not move when the real one is edited.
const testFAQ = `version: 1
disclaimer: Not medical advice.
fallback: Sorry, I don't know.
entries:
  - id: sciatica
    question: What is sciatica?
    variants: [pain down my leg, sciatic nerve pain, shooting pain in my leg, nerve pain in my bum, what causes sciatica]
    answer: Sciatica is pain along the sciatic nerve, from the lower back down the leg.
    tips: [Keep moving gently.]
  - id: sleep
    question: How should I sleep with back pain?
    variants: [best sleeping position, which mattress is best, pillow between my knees, cannot sleep with back pain, sleeping on my side]
    answer: Find a position that eases the pain; a pillow between or under the knees often helps.
    tips: [Try a pillow between your knees.]
  - id: exercise
    question: What exercise is good for back pain?
    variants: [exercises for my back, is walking good, gentle stretches, should I exercise, yoga or pilates]
    answer: Gentle activity such as walking, swimming, yoga or pilates usually helps.
    tips: [Start small.]
`

func TestGroup(t *testing.T) {
	f, err := faq.Parse("test", []byte(testFAQ))
	if err != nil {
		t.Fatal(err)
	}
	ix := faq.NewIndex(f)
	asked := []string{
		"can i go swimming with sciatica",
		"Can I go swimming with sciatica?",
		"is swimming ok with sciatica",
		"swimming with sciatica",
		"what mattress is best for back pain",
		"best mattress for a bad back",
		"does my mattress matter",
		"what's the weather like",
		"what is the weather like today",
		"email [email] about my back",
		"hi",
	}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var entries []Entry
	for i, q := range asked {
		entries = append(entries, Entry{Time: base.Add(time.Duration(i) * time.Hour), Platform: "slack", Question: q})
	}

	type summary struct {
		count    int
		question string
		examples []string
		nearest  string
	}
	want := []summary{
		{4, "can i go swimming with sciatica", []string{"swimming with sciatica", "is swimming ok with sciatica"}, "sciatica"},
		{2, "what's the weather like", []string{"what is the weather like today"}, ""},
		{2, "best mattress for a bad back", []string{"what mattress is best for back pain"}, "sleep"},
		{1, "hi", nil, ""},
		{1, "email [email] about my back", nil, ""},
		{1, "does my mattress matter", nil, "sleep"},
	}
	got := Group(entries, ix)
	if len(got) != len(want) {
		for _, c := range got {
			t.Logf("%d %q %q %s", c.Count, c.Question, c.Examples, c.Nearest.ID)
		}
		t.Fatalf("%d clusters, want %d", len(got), len(want))
	}
	for i, w := range want {
		c := got[i]
		name := fmt.Sprintf("cluster %d (%q)", i, w.question)
		if c.Count != w.count || c.Question != w.question || !slices.Equal(c.Examples, w.examples) {
			t.Errorf("%s: got %d %q %q, want %d %q %q", name, c.Count, c.Question, c.Examples, w.count, w.question, w.examples)
		}
		if w.nearest != "" && c.Nearest.ID != w.nearest {
			t.Errorf("%s: nearest %q (%.2f), want %q", name, c.Nearest.ID, c.Nearest.Score, w.nearest)
		}
	}
	if first, last := got[0].First, got[0].Last; !first.Equal(base) || !last.Equal(base.Add(3*time.Hour)) {
		t.Errorf("first cluster asked from %v to %v, want %v to %v", first, last, base, base.Add(3*time.Hour))
	}
	if got := Group(nil, ix); len(got) != 0 {
		t.Errorf("Group(nil) = %v, want none", got)
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		name string
		a, b []int32
		want float64
	}{
		{"same", []int32{1, 2}, []int32{1, 2}, 1},
		{"half", []int32{1, 2}, []int32{1, 2, 3, 4}, 0.5},
		{"disjoint", []int32{1}, []int32{2}, 0},
		{"one shared of three", []int32{1, 2}, []int32{2, 3}, 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jaccard(tt.a, tt.b); got != tt.want {
				t.Errorf("jaccard(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
