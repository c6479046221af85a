package misses

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var scrubTests = []struct {
	name string
	in   string
	want string
}{
	{"plain question", "my back hurts when I bend over?", "my back hurts when I bend over?"},
	{"small numbers stay", "I'm 45, it hurts 7/10 for 3 weeks since 2024", "I'm 45, it hurts 7/10 for 3 weeks since 2024"},
	{"email", "email me at bob.smith+back@mail.example.co.uk please", "email me at [email] please"},
	{"half an email", "bob@home says hi", "[mention] says hi"},
	{"phone international", "call +44 20 7946 0958 now", "call [phone] now"},
	{"phone parens and dash", "ring (555) 123-4567", "ring [phone]"},
	{"phone dots", "555.123.4567 is my cell", "[phone] is my cell"},
	{"phone plain digits", "text 07700900123", "text [phone]"},
	{"slack user mention", "<@U024BE7LH> my back hurts", "[mention] my back hurts"},
	{"slack mention with name", "ask <@U024BE7LH|bob>", "ask [mention]"},
	{"slack channel", "posted in <#C024BE7LH|general>", "posted in [mention]"},
	{"slack broadcast", "<!here> anyone?", "[mention] anyone?"},
	{"slack group", "<!subteam^S012AB3CD|@physios> help", "[mention] help"},
	{"discord user", "<@123456789012345678> hi", "[mention] hi"},
	{"discord nickname", "<@!123456789012345678> hi", "[mention] hi"},
	{"discord role and channel", "<@&987654321098765432> in <#123456789012345678>", "[mention] in [mention]"},
	{"plain mentions", "hey @bob can @everyone help", "hey [mention] can [mention] help"},
	{"text with ids", "user U024BE7LH in channel C02ABCDEF12, discord id 123456789012345678", "user [mention] in channel [mention], discord id [phone]"},
	{"url with query string", "see https://example.com/back?user=bob&id=42#top for more", "see [url] for more"},
	{"url without scheme", "www.example.com/page and example.org/pain?x=1", "[url] and [url]"},
	{"url upper case", "HTTP://EXAMPLE.COM", "[url]"},
	{"slack link with label", "<https://example.com/a?b=c|my site> ok", "[url] ok"},
	{"slack mailto", "<mailto:bob@example.com|bob@example.com>", "[email]"},
	{"slack tel", "<tel:+15551234567|call me>", "[phone]"},
	{"not urls", "e.g. i.e. and/or 1.5mg/day", "e.g. i.e. and/or 1.5mg/day"},
	{"control characters", "pain\tin\nmy\x00back", "pain in my back"},
	{"invalid utf-8", "back\xffpain", "back\uFFFDpain"},
	{"lone at sign", "back @ night", "back @ night"},
}

func TestScrub(t *testing.T) {
	for _, tt := range scrubTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Scrub(tt.in); got != tt.want {
				t.Errorf("Scrub(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScrubLength(t *testing.T) {
	long := strings.Repeat("é", 3000)
	got := Scrub(long)
	if n := utf8.RuneCountInString(got); n != MaxQuestion {
		t.Errorf("Scrub of 3000 characters kept %d, want %d", n, MaxQuestion)
	}
	// An address near the cut is still removed: scrubbing comes first.
	in := strings.Repeat("a ", 499) + "bob@example.com"
	if got := Scrub(in); strings.Contains(got, "@") || strings.Contains(got, "bob") {
		t.Errorf("address at the limit survived: %q", got[len(got)-20:])
	}
}

func FuzzScrub(f *testing.F) {
	for _, tt := range scrubTests {
		f.Add(tt.in)
	}
	f.Add("@@a @1 @ a http")
	f.Add("h\u00a0ttp @\u00e9l\u00e8ve")
	f.Fuzz(func(t *testing.T, in string) {
		out := Scrub(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Scrub(%q) = %q, not valid UTF-8", in, out)
		}
		if n := utf8.RuneCountInString(out); n > MaxQuestion {
			t.Fatalf("Scrub kept %d characters, want at most %d", n, MaxQuestion)
		}
		if strings.Contains(strings.ToLower(out), "http") {
			t.Fatalf("Scrub(%q) = %q, contains http", in, out)
		}
		for i := 0; i < len(out); i++ {
			if out[i] != '@' {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(out[i+1:]); unicode.IsLetter(r) {
				t.Fatalf("Scrub(%q) = %q, has @ before a letter", in, out)
			}
		}
	})
}
