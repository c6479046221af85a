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

func setLine(n int, text string) []byte {
	return editLines(n, n, func(string) string { return text + "\n" })
}

// Each case is one mistake moderators make, made in the real built-in file at a known line, and
// the exact first message lint must give for it: at the true line and column, in plain words.
func TestLintMistakes(t *testing.T) {
	hc := entryLines(t, "how-common")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"tab before a key", setLine(259, "\ttips:"),
			"faq.yaml:259:1: YAML syntax: a Tab character is used for indentation; the file must use spaces only: delete the tab and type spaces so this line lines up with the lines around it"},
		{"tab after spaces", setLine(260, "    \t  - Stay as active as you comfortably can."),
			"faq.yaml:260:5: YAML syntax: a Tab character is used for indentation; the file must use spaces only: delete the tab and type spaces so this line lines up with the lines around it"},
		{"entry pasted at column 0", editLines(hc.from, hc.to, func(s string) string { return strings.TrimPrefix(s, "  ") }),
			fmt.Sprintf("faq.yaml:%d:1: YAML syntax: this line is indented by 0 space(s), which does not line up with the lines above it; line %d above starts with %d space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6", hc.from, hc.above, hc.indent)},
		{"list item indented one space short", setLine(167, "     - ow my back when i swing my leg up into the car"),
			"faq.yaml:167:6: YAML syntax: this line is indented by 5 space(s), which does not line up with the lines above it; line 166 above starts with 6 space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6"},
		{"field indented one space short", setLine(206, "   tips:"),
			"faq.yaml:206:4: YAML syntax: this line is indented by 3 space(s), which does not line up with the lines above it; line 205 above starts with 6 space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6"},
		{"answer line not indented", setLine(200, "pelvis and spine, the deep back and tummy muscles have to hold everything steady, and"),
			"faq.yaml:200:1: YAML syntax: this line is indented by 0 space(s), which does not line up with the lines above it; line 199 above starts with 6 space(s). In this file entries start with \"  - id:\" (2 spaces), their fields (question, variants, answer, ...) with 4, and list items and answer text with 6"},
		{"colon in a question", setLine(155, "    question: Leg lifts: why does my lower back hurt when I lift my leg?"),
			"faq.yaml:155:24: YAML syntax: this text contains a colon followed by a space (\": \"), which YAML reads as a new `key: value`; put the whole text in double quotes, like: question: \"Leg lifts: why does my lower back hurt when I lift my leg?\""},
		{"colon in a variant", setLine(167, "      - ow: my back when i swing my leg up into the car"),
			`faq.yaml:167:9: an item of entry "leg-lift-pain" variants contains a colon followed by a space (": "), which YAML reads as a new ` + "`key: value`" + `; put the whole text in double quotes, like: "ow: my back when i swing my leg up into the car"`},
		{"text after a closing quote", setLine(167, `      - "ow" my back when i swing my leg up into the car`),
			`faq.yaml:167:9: YAML syntax: this text starts with a quote mark, so it must also end with one, with nothing after it; wrap the whole text in double quotes and put a backslash before any double quote inside, like: - "\"ow\" my back when i swing my leg up into the car"`},
		{"apostrophe inside single quotes", setLine(167, `      - 'don't swing my leg'`),
			`faq.yaml:167:9: YAML syntax: this text starts with a quote mark, so it must also end with one, with nothing after it; wrap the whole text in double quotes and put a backslash before any double quote inside, like: - "'don't swing my leg'"`},
		{"quote never closed", setLine(167, `      - "ow my back when i swing my leg up into the car`),
			`faq.yaml:167:9: YAML syntax: this text starts with a quote mark, so it must also end with one, with nothing after it; wrap the whole text in double quotes and put a backslash before any double quote inside, like: - "ow my back when i swing my leg up into the car"`},
		{"list bracket never closed", setLine(197, "    keywords: [lift my leg, raise my leg"),
			"faq.yaml:197:15: YAML syntax: this list starts with [ but has no closing ] on the same line; end the line with ]"},
		{"Latin-1 byte", setLine(216, "      - put my back out lifting a box at the caf\xe9"),
			"faq.yaml:216:49: a character here (byte 0xE9) is not UTF-8 text: the file was saved in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8) or retype the accented letter"},
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
