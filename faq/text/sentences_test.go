package text

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	an := NewAnalyzer(nil, "advice lifting hurt sore weeks")
	tests := []struct {
		name, in string
		want     string // sentences joined by |, an ask marked with ?
	}{
		{"one statement", "my back hurts", "my back hurts"},
		{"question mark", "it hurts. why?", "it hurts| why?"},
		{"ask phrase without mark", "Hurt it lifting. Any advice", "Hurt it lifting| Any advice?"},
		{"what should i do", "sore for weeks, what should I do", "sore for weeks, what should I do?"},
		{"contraction", "what's normal. Is it normal", "what's normal| Is it normal?"},
		{"is there, asking what exists", "sore for weeks. is there anything stronger", "sore for weeks| is there anything stronger?"},
		{"there is, a statement", "there is nothing stronger", "there is nothing stronger"},
		{"phrase must be whole words", "the shoulder is fine", "the shoulder is fine"},
		{"line breaks", "a\nb\n", "a|b"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Sentences(tt.in, func(s string, mark bool) {
				if mark || IsAsk(an.Analyze(s, nil)) {
					s += "?"
				}
				got = append(got, s)
			})
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}
