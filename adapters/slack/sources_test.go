package slack

import (
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/bot"
)

// A source's title and address are escaped for mrkdwn like any FAQ text, and the sources line
// comes after the answer and before the disclaimer.
func TestBlocksSources(t *testing.T) {
	r := urgentReply()
	r.Sources = []bot.Source{{Title: "Tips & <tricks>", URL: "https://example.org/a?b=1&c=2"}}
	blocks, fallback := Blocks(r)
	got := render(t, blocks, fallback)
	checkReply(t, got, testDisclaimer)
	want := "Source: Tips &amp; &lt;tricks&gt; (https://example.org/a?b=1&amp;c=2)"
	last := got.Blocks[len(got.Blocks)-2].Text.Text
	if last != want {
		t.Errorf("block before the disclaimer: got %q, want %q", last, want)
	}
	if !strings.Contains(fallback, want+"\n\n") {
		t.Errorf("fallback does not carry the escaped sources line before the disclaimer: %q", fallback)
	}
}
