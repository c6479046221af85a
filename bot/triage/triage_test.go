package triage

import (
	"flag"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/backpainbot/backpainbot/faq"
)

var showAll = flag.Bool("corpus.v", false, "print every corpus message with its verdict")

type corpus struct {
	Emergency []string `yaml:"emergency"`
	Doctor    []string `yaml:"doctor"`
	None      []string `yaml:"none"`
}

func loadCorpus(tb testing.TB) corpus { return loadMessages(tb, "testdata/dev/triage.yaml") }

func loadMessages(tb testing.TB, path string) corpus {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var c corpus
	if err := yaml.Unmarshal(data, &c); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return c
}

func detector() *Detector { return New(faq.Default().RedFlags) }

// BenchmarkCheck times Check over the corpus messages, round robin.
func BenchmarkCheck(b *testing.B) {
	c := loadCorpus(b)
	msgs := append(append(append([]string{}, c.Emergency...), c.Doctor...), c.None...)
	d := detector()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Check(msgs[i%len(msgs)])
	}
}

// FuzzCheck feeds the detector anything: it must not panic or hang, must give a valid tier, and
// must give the same verdict every time.
func FuzzCheck(f *testing.F) {
	c := loadCorpus(f)
	for _, list := range [][]string{c.Emergency, c.Doctor, c.None} {
		for _, m := range list {
			f.Add(m)
		}
	}
	for _, tt := range checkCases {
		f.Add(tt.text)
	}
	for _, s := range []string{"", " ", "?", "...", "not", "no no no", "can't", "i'm 17", "9/10",
		"\x00\xff\xfe", "numb—down there…", "fell   off", strings.Repeat("cant pee ", 100)} {
		f.Add(s)
	}
	d := detector()
	f.Fuzz(func(t *testing.T, s string) {
		r := d.Check(s)
		if r.Tier < None || r.Tier > Emergency {
			t.Fatalf("Check(%q) tier %d out of range", s, int(r.Tier))
		}
		if (r.Tier == None) != (r.Category == "") || (r.Tier == None) != (r.Why == "") {
			t.Fatalf("Check(%q) = %+v: category and why must be set exactly when a flag is raised", s, r)
		}
		if again := d.Check(s); again != r {
			t.Fatalf("Check(%q) = %+v, then %+v", s, r, again)
		}
	})
}

// Long and hostile input is read in linear time, and a red flag deep inside is still found.
func TestLongInput(t *testing.T) {
	d := detector()
	rnd := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 50<<10)
	for i := range junk {
		junk[i] = byte(rnd.IntN(256))
	}
	words := strings.Fields("no not numb fell bladder legs both chest pain fine normal can't pee " +
		"i'm 72 9/10 out of 10 pins and needles , . ? worse night sex cancer")
	var b strings.Builder
	for b.Len() < 50<<10 {
		b.WriteString(words[rnd.IntN(len(words))])
		b.WriteByte(' ')
	}
	long := strings.Repeat("my back aches after gardening and ", 1500) + "now i cant pee"
	for _, tt := range []struct {
		name string
		text string
	}{
		{"binary junk", string(junk)},
		{"red-flag word salad", b.String()},
		{"one long word", strings.Repeat("a", 50<<10)},
		{"one long sentence", long},
		{"many clauses", strings.Repeat("no, ", 12<<10)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := d.Check(tt.text)
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("Check took %v on %d bytes", el, len(tt.text))
			}
			if tt.name == "one long sentence" && r.Tier != Emergency {
				t.Errorf("red flag at the end of a long message: got %s, want emergency", r.Tier)
			}
		})
	}
}

// Check is safe for concurrent use (run with -race) and gives each goroutine the same answers.
func TestConcurrent(t *testing.T) {
	c := loadCorpus(t)
	d := detector()
	msgs := append(append(append([]string{}, c.Emergency...), c.Doctor...), c.None...)
	want := make([]Result, len(msgs))
	for i, m := range msgs {
		want[i] = d.Check(m)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range msgs {
				j := (i*7 + g) % len(msgs)
				if got := d.Check(msgs[j]); got != want[j] {
					t.Errorf("concurrent Check(%q) = %+v, want %+v", msgs[j], got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkNew times building a detector, which happens on every FAQ load that changes the
// moderators' red flags (New reuses the last one otherwise).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		newDetector(lex, faq.RedFlags{})
	}
}

// TestNewReusesDetector: a reload with the same moderators' phrases gets the detector already
// built; one with other phrases gets a new detector that reads them, and the old one is unchanged.
func TestNewReusesDetector(t *testing.T) {
	plain := New(faq.RedFlags{})
	if again := New(faq.RedFlags{}); again != plain {
		t.Error("New built a second detector for the same (empty) moderators' phrases")
	}
	extra := faq.RedFlags{Doctor: []string{"zorbly twinge"}}
	d := New(extra)
	if d == plain {
		t.Fatal("New returned the old detector for new moderators' phrases")
	}
	if again := New(faq.RedFlags{Doctor: []string{"zorbly twinge"}}); again != d {
		t.Error("New built a second detector for equal moderators' phrases")
	}
	extra.Doctor[0] = "changed after the call"
	if again := New(faq.RedFlags{Doctor: []string{"zorbly twinge"}}); again != d {
		t.Error("changing the caller's slice after New changed what New remembers")
	}
	msg := "my back aches and i have a zorbly twinge"
	if got := d.Check(msg).Tier; got != Doctor {
		t.Errorf("detector with the moderators' phrase: %q is %v, want %v", msg, got, Doctor)
	}
	if got := plain.Check(msg).Tier; got != None {
		t.Errorf("detector built before: %q is %v, want %v", msg, got, None)
	}
}

// BenchmarkCheckShort times Check on a short message, the common case (target: <= 10 us).
func BenchmarkCheckShort(b *testing.B) {
	d := detector()
	b.ReportAllocs()
	for b.Loop() {
		d.Check("i cant pee and my back hurts")
	}
}

// BenchmarkCheckStory times Check on a 2,000-character story (target: <= 50 us).
func BenchmarkCheckStory(b *testing.B) {
	story := strings.Repeat("Hurt my back lifting a box at work on Monday, the pain is worse in the mornings and eases with a walk. ", 20)[:2000]
	d := detector()
	b.ReportAllocs()
	for b.Loop() {
		d.Check(story)
	}
}
