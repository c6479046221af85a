package misses

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// MaxQuestion is how many characters of a question are kept; the rest is dropped.
const MaxQuestion = 1000

// The placeholders Scrub puts in place of what it removes.
const (
	Email   = "[email]"
	Phone   = "[phone]"
	Mention = "[mention]"
	URL     = "[url]"
)

// scrubRules run in order: each later rule sees the placeholders of the earlier ones, which
// contain no '@', digit or "http", so no rule can rebuild what an earlier one removed.
var scrubRules = []struct {
	re   *regexp.Regexp
	repl string
	// keep, when set, leaves a match that turns out not to be personal as it is.
	keep func(match string) bool
}{
	// Slack's escaped links: <mailto:a@b.c|a@b.c>, <tel:+1555...>, <https://x.y/z|label with spaces>.
	{regexp.MustCompile(`(?i)<mailto:[^<>]*>`), Email, nil},
	{regexp.MustCompile(`(?i)<(?:tel|sms):[^<>]*>`), Phone, nil},
	{regexp.MustCompile(`(?i)<(?:https?|ftp|file):[^<>]*>`), URL, nil},
	// Slack and Discord mentions of users, channels, roles and groups: <@U123>, <@!123>,
	// <@&123>, <#C123|general>, <!here>, <!subteam^S123|@team>.
	{regexp.MustCompile(`<[@#!][^<>]*>`), Mention, nil},
	// Anything that looks like a web address: a scheme, "www.", or a host name with a path.
	// The whole run of non-space characters goes, query string and all.
	{regexp.MustCompile(`(?i)\S*(?:[a-z][a-z0-9+.\-]*://|http|www\.)\S*`), URL, nil},
	{regexp.MustCompile(`(?i)\S*\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}/\S*`), URL, nil},
	{regexp.MustCompile(`[\pL\pN._%+\-']+@[\pL\pN\-]+(?:\.[\pL\pN\-]+)*\.\pL{2,}`), Email, nil},
	// Any other '@' before a letter or digit: @name, @everyone, and half an address (bob@home).
	{regexp.MustCompile(`[\pL\pN._%+\-']*@[\pL\pN_.\-]+`), Mention, nil},
	// Slack ids written out, such as U024BE7LH or C1234567890.
	{regexp.MustCompile(`\b[UWCGDBTS][A-Z0-9]*[0-9][A-Z0-9]*\b`), Mention, func(m string) bool { return len(m) < 9 || len(m) > 12 }},
	// Phone numbers and other long numbers (Discord ids): 7 or more digits, possibly with
	// spaces, dashes, dots, parentheses and a leading +.
	{regexp.MustCompile(`\+?\(?\d[\d \-.()]*\d\)?`), Phone, func(m string) bool { return digits(m) < 7 }},
}

// Scrub removes personal details from a question before it is kept: email addresses, phone
// numbers and other long numbers, @mentions and the Slack and Discord mention forms (<@U123>,
// <@!123>, <#C123>), Slack ids, and web addresses are replaced by [email], [phone], [mention]
// and [url]. The text is made valid UTF-8, control characters become spaces, and at most
// MaxQuestion characters are kept.
//
// Scrub cannot recognise names or every way a person may identify themselves, which is one
// reason the misses log is opt-in and short-lived.
func Scrub(s string) string {
	if len(s) > 8*MaxQuestion {
		s = s[:8*MaxQuestion]
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	for _, r := range scrubRules {
		if r.keep == nil {
			s = r.re.ReplaceAllString(s, r.repl)
			continue
		}
		s = r.re.ReplaceAllStringFunc(s, func(m string) string {
			if r.keep(m) {
				return m
			}
			return r.repl
		})
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxQuestion {
		n := 0
		for i := range s {
			if n == MaxQuestion {
				s = s[:i]
				break
			}
			n++
		}
	}
	return s
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
