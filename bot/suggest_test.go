package bot

import (
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/faq"
)

func TestSuggest(t *testing.T) {
	b := New(faq.Default(), Options{})
	entries := len(b.FAQ().Entries)
	tests := []struct {
		name      string
		typed     string
		n         int
		wantFirst string // "" for no suggestion at all
		wantLen   int    // -1 for any
	}{
		{"nothing typed lists entries in order", "", 25, b.FAQ().Entries[0].Question, min(25, entries)},
		{"n caps the list", "", 3, b.FAQ().Entries[0].Question, 3},
		{"half a word", "sciat", 25, "What is sciatica?", -1},
		{"start of a question", "what is a her", 25, "What is a herniated disc?", -1},
		{"any case and order", "ICE heat", 25, "Should I use ice or heat on my back?", -1},
		{"the matcher fills in for a phrasing", "my bum aches when i sit in the car", 25, "What is piriformis syndrome, the deep buttock muscle problem?", -1},
		{"nothing like it", "zzqx", 25, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Suggest(tt.typed, tt.n)
			if tt.wantLen >= 0 && len(got) != tt.wantLen {
				t.Errorf("Suggest(%q) gave %d topics; want %d", tt.typed, len(got), tt.wantLen)
			}
			if len(got) > tt.n {
				t.Errorf("Suggest(%q, %d) gave %d topics", tt.typed, tt.n, len(got))
			}
			if tt.wantFirst == "" {
				return
			}
			found := false
			for _, tp := range got {
				found = found || tp.Question == tt.wantFirst
			}
			if len(got) == 0 || !found {
				t.Errorf("Suggest(%q) = %v; want %q among them", tt.typed, got, tt.wantFirst)
			}
			if strings.HasPrefix(tt.name, "half") && got[0].Question != tt.wantFirst {
				t.Errorf("Suggest(%q)[0] = %q; want %q first", tt.typed, got[0].Question, tt.wantFirst)
			}
			seen := map[string]bool{}
			for _, tp := range got {
				if seen[tp.ID] {
					t.Errorf("topic %s offered twice", tp.ID)
				}
				seen[tp.ID] = true
			}
		})
	}
}

func BenchmarkSuggest(b *testing.B) {
	bt := New(faq.Default(), Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bt.Suggest("does sitting all day make sciat", 25)
	}
}
