package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var normalizeCases = []struct {
	name, in, want string
}{
	{"plain", "i cant pee and my back hurts", "i cant pee and my back hurts"},
	{"zero-width space", "i cant p\u200bee", "i cant pee"},
	{"zero-width joiner", "i cant p\u200dee", "i cant pee"},
	{"zero-width non-joiner", "numb\u200c down there", "numb down there"},
	{"word joiner", "bl\u2060adder", "bladder"},
	{"byte order mark", "\ufeffcant pee", "cant pee"},
	{"soft hyphen", "incon\u00adtinence", "incontinence"},
	{"bidi marks", "\u202enumb\u202c \u200fgroin\u200e", "numb groin"},
	{"fullwidth", "ｃａｎｔ ｐｅｅ", "cant pee"},
	{"math bold", "𝐧𝐮𝐦𝐛 𝐠𝐫𝐨𝐢𝐧", "numb groin"},
	{"cyrillic look-alikes", "саnt рее", "cant pee"},
	{"greek look-alikes", "nοt", "not"},
	{"combining overlay", "p\u0336e\u0336e\u0336", "pee"},
	{"accents dropped", "café", "cafe"},
	{"variation selector", "pe\ufe0fe", "pee"},
	{"junk bytes dropped", "p\xffee", "pee"},
	{"controls become spaces", "cant\npee\tnow", "cant pee now"},
	{"no-break space", "cant\u00a0pee", "cant pee"},
	{"other script kept", "болит спина", "болит спина"},
	{"emoji kept", "back hurts 😢", "back hurts 😢"},
}

func TestNormalize(t *testing.T) {
	for _, c := range normalizeCases {
		t.Run(c.name, func(t *testing.T) {
			if got := Normalize(c.in); got != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q, not valid UTF-8", s, got)
		}
		for _, r := range got {
			if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
				t.Fatalf("Normalize(%q) = %q keeps invisible or control %U", s, got, r)
			}
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", s, got, again)
		}
		if len(got) > 18*len(s)+4 {
			t.Fatalf("Normalize(%q) grew to %d bytes", s, len(got))
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	short := "i cant pee and my back hurts"
	long := strings.Repeat("mу bаck hurts whеn I bend ", 80) // Cyrillic у, а, е
	Normalize(long)
	b.Run("ascii", func(b *testing.B) {
		for b.Loop() {
			Normalize(short)
		}
	})
	b.Run("lookalikes-2000", func(b *testing.B) {
		for b.Loop() {
			Normalize(long)
		}
	})
}
