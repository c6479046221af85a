package text

import (
	"strings"
	"testing"
)

func TestMarkAsides(t *testing.T) {
	an := NewAnalyzer(nil, "heal surgery stretches painkillers disc")
	tests := []struct {
		in, want string // want: the words marked as said in passing
	}{
		{"will my disc heal without surgery", "surgery"},
		{"stretches instead of painkillers", "painkillers"},
		{"without any surgery at all", "surgery"},
		{"surgery for a disc", ""},
		{"heal without", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := an.Analyze(tt.in, nil)
			MarkAsides(toks)
			var got []string
			for _, tk := range toks {
				if tk.Aside {
					got = append(got, tk.Word)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("asides %q, want %q", g, tt.want)
			}
		})
	}
}
