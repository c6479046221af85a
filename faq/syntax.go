package faq

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// This file turns a YAML syntax error into a message a moderator can act on: the line and column
// where the mistake really is, and what to type instead.
//
// yaml.v3 reports a parse error at the start of the enclosing block rather than where it found
// the problem (a tab on line 210 comes out as line 203; an entry pasted at column 0 as the line
// of `entries:`), and in parser words. So the true line is found here by parsing ever shorter
// beginnings of the file: the first line whose beginning no longer parses is the line with the
// mistake. Then that line is read to name the common mistakes in plain words.

// maxEncodingProblems is how many lines with bytes that are not UTF-8 are reported one by one.
const maxEncodingProblems = 10

// encodingProblems reports each line holding bytes that are not UTF-8, which is what a file saved
// as Latin-1 or Windows-1252 looks like.
func encodingProblems(data []byte) []Problem {
	var out []Problem
	for i, line := range bytes.SplitAfter(data, []byte("\n")) {
		if utf8.Valid(line) {
			continue
		}
		col, b := 1, byte(0)
		for j := 0; j < len(line); {
			r, size := utf8.DecodeRune(line[j:])
			if r == utf8.RuneError && size <= 1 {
				b = line[j]
				break
			}
			j += size
			col++
		}
		if len(out) == maxEncodingProblems {
			out = append(out, Problem{Line: i + 1, Col: col, Msg: "more lines have characters that are not UTF-8; save the file as UTF-8 (see above)"})
			break
		}
		out = append(out, Problem{Line: i + 1, Col: col, Msg: fmt.Sprintf(
			"a character here (byte 0x%02X) is not UTF-8 text: the file was saved in another encoding, such as Latin-1 or Windows-1252; "+
				"save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8) or retype the accented letter", b)})
	}
	return out
}

// maxBisect bounds the size of file whose true error line is searched for by parsing its
// beginnings; for a larger one (far larger than any real FAQ) the parser's line is used.
const maxBisect = 512 << 10

// syntaxProblem explains a YAML syntax error in data: where it is and how to fix it.
func syntaxProblem(data []byte, yamlErr error) Problem {
	lines := splitLines(data)
	k, msg := yamlErrorLine(yamlErr)
	if len(data) <= maxBisect {
		k, msg = failingLine(lines, yamlErr)
	}
	if k < 1 || k > len(lines) {
		return Problem{Line: 1, Col: 1, Msg: "YAML syntax: " + msg + "; compare the file with the built-in one (`backpainbot faq init`)"}
	}
	return explain(lines, k, msg)
}

// splitLines splits data into lines, each keeping its "\n".
func splitLines(data []byte) []string {
	s := string(data)
	if s == "" {
		return nil
	}
	return strings.SplitAfter(s, "\n")
}

// failingLine returns the first line (1-based) such that the file up to and including it does
// not parse, with the parser's message for it. A beginning that fails only because it ends
// inside something still open (a quoted text or a [list] continued on the next lines) does not
// count when a few more lines close it.
func failingLine(lines []string, fullErr error) (int, string) {
	bad := func(k int) error {
		var n yaml.Node
		return yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n)
	}
	fails := func(k int) bool {
		err := bad(k)
		if err == nil {
			return false
		}
		if !cutShort(err) {
			return true
		}
		for j := k + 1; j <= min(k+3, len(lines)); j++ {
			if bad(j) == nil {
				return false
			}
		}
		return true
	}
	lo, hi := 1, len(lines) // the answer is in [lo, hi]; the whole file fails
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	err := bad(lo)
	if err == nil {
		err = fullErr
	}
	_, msg := yamlErrorLine(err)
	return lo, msg
}

// cutShort reports whether a parse error could come from the text ending inside something that
// goes on over the next lines: a quoted text or a [list] or {map} that continues.
func cutShort(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "end of stream") || strings.Contains(msg, "expected ',' or")
}

// explain words the syntax error found on line k (1-based) for a moderator.
func explain(lines []string, k int, msg string) Problem {
	line := strings.TrimRight(lines[k-1], "\r\n")
	indent := len(line) - len(strings.TrimLeft(line, " "))
	at := func(col int, format string, args ...any) Problem {
		return Problem{Line: k, Col: col, Msg: "YAML syntax: " + fmt.Sprintf(format, args...)}
	}
	if i := strings.IndexByte(line, '\t'); i >= 0 && strings.TrimLeft(line[:i], " ") == "" || strings.Contains(msg, "tab character") {
		col := strings.IndexByte(line, '\t') + 1
		if col == 0 {
			col = indent + 1
		}
		return at(col, "a Tab character is used for indentation; the file must use spaces only: delete the tab and type spaces so this line lines up with the lines around it")
	}
	key, value, valueCol := splitItem(line)
	key = strings.TrimLeft(key, " ")
	switch {
	case strings.HasPrefix(value, `"`) || strings.HasPrefix(value, `'`):
		if fix := quoted(value); fix != value {
			return at(valueCol, "this text starts with a quote mark, so it must also end with one, with nothing after it; "+
				"wrap the whole text in double quotes and put a backslash before any double quote inside, like: %s%s", key, fix)
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		if c := strings.Index(value, ": "); c >= 0 {
			return at(valueCol+c, "this text contains a colon followed by a space (\": \"), which YAML reads as a new `key: value`; "+
				"put the whole text in double quotes, like: %s%s", key, quoted(value))
		}
	case strings.HasPrefix(value, "[") && !strings.Contains(value, "]"):
		return at(valueCol, "this list starts with [ but has no closing ] on the same line; end the line with ]")
	case strings.HasPrefix(value, "[") && strings.Contains(msg, "did not find expected ',' or ']'"):
		return at(valueCol, "this [list] has something the bot cannot read between the brackets; wrap any item that contains a comma, colon, question mark or quote mark in double quotes")
	}
	if strings.Contains(msg, "did not find expected") || strings.Contains(msg, "could not find expected ':'") ||
		strings.Contains(msg, "not allowed in this context") {
		return at(indent+1, "this line is indented by %d space(s), which does not line up with the lines above it; %s", indent, indentHint(lines, k, indent))
	}
	return at(indent+1, "%s; compare this line with the lines around it (spaces at the start, quotes, colons)", msg)
}

// indentHint names the indentation the line probably needs, from the lines above it.
func indentHint(lines []string, k, indent int) string {
	for i := k - 2; i >= 0; i-- {
		prev := strings.TrimRight(lines[i], "\r\n")
		t := strings.TrimLeft(prev, " ")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		n := len(prev) - len(t)
		return fmt.Sprintf("line %d above starts with %d space(s). In this file entries start with \"  - id:\" (2 spaces), "+
			"their fields (question, variants, answer, ...) with 4, and list items and answer text with 6", i+1, n)
	}
	return "top-level keys such as version, disclaimer and entries start at the beginning of the line"
}

// splitItem splits a line into its `key: ` or `- ` part and the text after it, with the
// 1-based column where that text starts.
func splitItem(line string) (prefix, value string, col int) {
	t := strings.TrimLeft(line, " ")
	start := len(line) - len(t)
	if strings.HasPrefix(t, "- ") {
		start += 2
		t = t[2:]
	}
	if i := strings.Index(t, ": "); i >= 0 && !strings.ContainsAny(t[:i], `"'[{ `) {
		start += i + 2
	}
	for start < len(line) && line[start] == ' ' {
		start++
	}
	return line[:start], line[start:], start + 1
}

// quoted returns text wrapped in double quotes the way YAML wants, dropping quote marks that
// were already around it.
func quoted(text string) string {
	if len(text) >= 1 && (text[0] == '"' || text[0] == '\'') && !strings.ContainsRune(text[1:], rune(text[0])) {
		return text + text[:1] // an opening quote that was never closed
	}
	inner := text
	if len(inner) >= 2 && (inner[0] == '"' || inner[0] == '\'') && inner[len(inner)-1] == inner[0] &&
		!strings.ContainsRune(inner[1:len(inner)-1], rune(inner[0])) {
		return text
	}
	inner = strings.ReplaceAll(inner, `\`, `\\`)
	inner = strings.ReplaceAll(inner, `"`, `\"`)
	return `"` + inner + `"`
}
