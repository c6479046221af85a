package faq

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

var printGot = flag.Bool("print", false, "print what each mistake case reports")

// editLines returns the built-in FAQ with lines from..to (1-based, inclusive) passed through fn.
func editLines(from, to int, fn func(string) string) []byte {
	lines := strings.SplitAfter(string(defaultYAML), "\n")
	for i := from - 1; i < to; i++ {
		lines[i] = fn(lines[i])
	}
	return []byte(strings.Join(lines, ""))
}

// entrySpan is where one entry of the built-in FAQ stands: its first and last lines (1-based),
// and the last non-blank line above it with that line's indentation.
type entrySpan struct{ from, to, above, indent int }

// entryLines finds entry id in the built-in FAQ, so a case that edits a whole entry keeps its
// lines when entries above it grow.
func entryLines(t *testing.T, id string) entrySpan {
	t.Helper()
	lines := strings.Split(string(defaultYAML), "\n")
	var sp entrySpan
	for i, l := range lines {
		switch {
		case l == "  - id: "+id:
			sp.from = i + 1
		case sp.from > 0 && strings.HasPrefix(l, "  - id: "):
			sp.to = i // the line before this one, 1-based
			for k := sp.from - 2; k >= 0; k-- {
				if strings.TrimSpace(lines[k]) != "" {
					sp.above, sp.indent = k+1, len(lines[k])-len(strings.TrimLeft(lines[k], " "))
					break
				}
			}
			return sp
		}
	}
	t.Fatalf("entry %s, or an entry after it, not found in the built-in FAQ", id)
	return sp
}

// fieldLine is the line (1-based) of entry id's first line that starts with prefix, plus
// offset: the cases below edit the first entry's lines by what they are, not by number, so
// the FAQ can grow above and inside them.
func fieldLine(t *testing.T, id, prefix string, offset int) int {
	t.Helper()
	sp := entryLines(t, id)
	lines := strings.Split(string(defaultYAML), "\n")
	for n := sp.from; n <= sp.to; n++ {
		if strings.HasPrefix(lines[n-1], prefix) {
			return n + offset
		}
	}
	t.Fatalf("entry %s has no line starting %q", id, prefix)
	return 0
}

func setLine(n int, text string) []byte {
	return editLines(n, n, func(string) string { return text + "\n" })
}

// Each case is one mistake moderators make, made in the real built-in file at a known line, and
// the exact first message lint must give for it: at the true line and column, in plain words.
func TestLintMistakes(t *testing.T) {
	hc := entryLines(t, "how-common")
	const id = "leg-lift-pain"
	question := fieldLine(t, id, "    question:", 0)
	variant := fieldLine(t, id, "    variants:", 2) // the second variant: a list item above it
	keywords := fieldLine(t, id, "    keywords:", 0)
	answer := fieldLine(t, id, "    answer:", 2) // the second line of answer text
	tips := fieldLine(t, id, "    tips:", 0)     // answer text above it
	indent := func(n, got, above int) string {
		return fmt.Sprintf("faq.yaml:%d:%d: YAML syntax: this line is indented by %d space(s), which does not line up with the lines above it; line %d above starts with %d space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6", n, got+1, got, n-1, above)
	}
	tab := func(n, col int) string {
		return fmt.Sprintf("faq.yaml:%d:%d: YAML syntax: a Tab character is used for indentation; the file must use spaces only: delete the tab and type spaces so this line lines up with the lines around it", n, col)
	}
	quote := func(n int, fixed string) string {
		return fmt.Sprintf("faq.yaml:%d:9: YAML syntax: this text starts with a quote mark, so it must also end with one, with nothing after it; wrap the whole text in double quotes and put a backslash before any double quote inside, like: - %s", n, fixed)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"tab before a key", setLine(tips, "\ttips:"), tab(tips, 1)},
		{"tab after spaces", setLine(tips+1, "    \t  - Stay as active as you comfortably can."), tab(tips+1, 5)},
		{"entry pasted at column 0", editLines(hc.from, hc.to, func(s string) string { return strings.TrimPrefix(s, "  ") }),
			fmt.Sprintf("faq.yaml:%d:1: YAML syntax: this line is indented by 0 space(s), which does not line up with the lines above it; line %d above starts with %d space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6", hc.from, hc.above, hc.indent)},
		{"list item indented one space short", setLine(variant, "     - ow my back when i swing my leg up into the car"), indent(variant, 5, 6)},
		{"field indented one space short", setLine(tips, "   tips:"), indent(tips, 3, 6)},
		{"answer line not indented", setLine(answer, "pelvis and spine, the deep back and tummy muscles have to hold everything steady, and"),
			indent(answer, 0, 6)},
		{"colon in a question", setLine(question, "    question: Leg lifts: why does my lower back hurt when I lift my leg?"),
			fmt.Sprintf("faq.yaml:%d:24: YAML syntax: this text contains a colon followed by a space (\": \"), which YAML reads as a new `key: value`; put the whole text in double quotes, like: question: \"Leg lifts: why does my lower back hurt when I lift my leg?\"", question)},
		{"colon in a variant", setLine(variant, "      - ow: my back when i swing my leg up into the car"),
			fmt.Sprintf(`faq.yaml:%d:9: an item of entry "leg-lift-pain" variants contains a colon followed by a space (": "), which YAML reads as a new `, variant) + "`key: value`" + `; put the whole text in double quotes, like: "ow: my back when i swing my leg up into the car"`},
		{"text after a closing quote", setLine(variant, `      - "ow" my back when i swing my leg up into the car`),
			quote(variant, `"\"ow\" my back when i swing my leg up into the car"`)},
		{"apostrophe inside single quotes", setLine(variant, `      - 'don't swing my leg'`), quote(variant, `"'don't swing my leg'"`)},
		{"quote never closed", setLine(variant, `      - "ow my back when i swing my leg up into the car`),
			quote(variant, `"ow my back when i swing my leg up into the car"`)},
		{"list bracket never closed", setLine(keywords, "    keywords: [lift my leg, raise my leg"),
			fmt.Sprintf("faq.yaml:%d:15: YAML syntax: this list starts with [ but has no closing ] on the same line; end the line with ]", keywords)},
		{"Latin-1 byte", setLine(variant+1, "      - put my back out lifting a box at the caf\xe9"),
			fmt.Sprintf("faq.yaml:%d:49: a character here (byte 0xE9) is not UTF-8 text: the file was saved in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8) or retype the accented letter", variant+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Lint("faq.yaml", tt.data)
			if len(probs) == 0 {
				t.Fatalf("Lint found nothing, want %q", tt.want)
			}
			if *printGot {
				t.Logf("%s", probs[0])
			}
			if got := probs[0].String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
