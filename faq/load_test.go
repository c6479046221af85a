package faq

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const validFAQ = `version: 1
disclaimer: Not medical advice.
fallback: I don't know that one.
synonyms:
  - [physical therapy, physio]
entries:
  - id: sciatica
    question: What is sciatica?
    variants: [pain down my leg, sciatic nerve pain, shooting leg pain, nerve pain in the buttock, siatica help]
    answer: Sciatica is pain along the sciatic nerve.
    tips: [Keep moving.]
    related: [physio]
  - id: physio
    question: Does physio help?
    variants: [is physical therapy worth it, should i see a physio, pt for back, physio exercises, does rehab work]
    answer: Physical therapy helps many people.
    tips: [Ask your doctor for a referral.]
    related: [sciatica]
`

func TestParseValid(t *testing.T) {
	f, err := Parse("faq.yaml", []byte(validFAQ))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got, want := len(f.Entries), 2; got != want {
		t.Fatalf("got %d entries, want %d", got, want)
	}
	e, ok := f.Entry("physio")
	if !ok || e.Question != "Does physio help?" || len(e.Variants) != 5 || e.Line != 13 {
		t.Errorf("Entry(physio) = %+v, %v", e, ok)
	}
	if f.Disclaimer != "Not medical advice." {
		t.Errorf("disclaimer = %q", f.Disclaimer)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want []string // substrings of the problems, in order
	}{
		{"syntax error", func(s string) string { return strings.Replace(s, "fallback: I don't", "fallback: [I don't", 1) },
			[]string{"faq.yaml:3:11: YAML syntax: this list starts with [ but has no closing ] on the same line; end the line with ]"}},
		{"unknown key with suggestion", func(s string) string {
			return strings.Replace(s, "    answer: Sciatica", "    anwser: Sciatica", 1)
		}, []string{`faq.yaml:7:5: entry "sciatica" has no ` + "`answer:`", `faq.yaml:10:5: unknown key "anwser" in entry "sciatica"; did you mean "answer"?`}},
		{"duplicate id", func(s string) string { return strings.Replace(s, "id: physio", "id: sciatica", 1) },
			[]string{`faq.yaml:12:15: related id "physio" does not exist`, `faq.yaml:13:9: id "sciatica" is used twice (also on line 7)`}},
		{"dangling related", func(s string) string { return strings.Replace(s, "related: [physio]", "related: [phsyio]", 1) },
			[]string{`faq.yaml:12:15: related id "phsyio" does not exist; did you mean "physio"?`}},
		{"missing disclaimer", func(s string) string { return strings.Replace(s, "disclaimer: Not medical advice.\n", "", 1) },
			[]string{"faq.yaml:1:1: missing `disclaimer:`"}},
		{"empty question", func(s string) string { return strings.Replace(s, "question: What is sciatica?", `question: ""`, 1) },
			[]string{`faq.yaml:8:15: entry "sciatica" question is empty`}},
		{"too few variants", func(s string) string {
			return strings.Replace(s, "[pain down my leg, sciatic nerve pain, shooting leg pain, nerve pain in the buttock, siatica help]", "[pain down my leg]", 1)
		}, []string{`faq.yaml:9:15: entry "sciatica" has 1 variants; add 4 more`}},
		{"too many tips", func(s string) string { return strings.Replace(s, "tips: [Keep moving.]", "tips: [a, b, c, d]", 1) },
			[]string{`faq.yaml:11:11: entry "sciatica" has 4 tips; give 1 to 3`}},
		{"bad id", func(s string) string { return strings.Replace(s, "id: physio", "id: Physio Therapy", 1) },
			[]string{`related id "physio" does not exist`, `id "Physio Therapy" should be lower-case words joined by dashes, like "physio-therapy"`}},
		{"wrong version", func(s string) string { return strings.Replace(s, "version: 1", "version: 2", 1) },
			[]string{"faq.yaml:1:10: version is \"2\"; this bot reads version 1"}},
		{"several problems at once", func(s string) string {
			s = strings.Replace(s, "related: [physio]", "related: [nope]", 1)
			return strings.Replace(s, "tips: [Ask your doctor for a referral.]", "tip: [x]", 1)
		}, []string{`related id "nope" does not exist`, `entry "physio" has no ` + "`tips:`", `unknown key "tip"`}},
		{"entries not a list", func(s string) string { return s[:strings.Index(s, "entries:")] + "entries: 3\n" },
			[]string{"`entries:` must be a list"}},
		{"empty file", func(string) string { return "" }, []string{"faq.yaml:1:1: file is empty"}},
		{"alias", func(s string) string { return strings.Replace(s, "tips: [Keep moving.]", "tips: *x", 1) },
			[]string{"YAML syntax"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("faq.yaml", []byte(tt.edit(validFAQ)))
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Parse error = %v, want *InvalidError", err)
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("problems:\n%s\nwant (in order) %q", msg, w)
				}
				at += i + len(w)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "faq.yaml")
	if err := os.WriteFile(path, []byte(validFAQ), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil || f.Source != path {
		t.Fatalf("Load = %v, %v", f, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want a not-exist error", err)
	}
}

func TestDefaultIsValid(t *testing.T) {
	f, err := Parse("built-in", DefaultYAML())
	if err != nil {
		t.Fatalf("built-in FAQ: %v", err)
	}
	want := strings.Fields(`leg-lift-pain muscle-strain herniated-disc sciatica spinal-stenosis si-joint-dysfunction
		piriformis-syndrome hip-flexor-tightness tight-hamstrings spine-anatomy intervertebral-discs back-muscles
		pinched-nerve strain-vs-herniated-disc which-doctor physical-therapy exercises-to-avoid posture-body-mechanics
		stretching-exercise heat-cold-therapy ergonomics weight-management stress-management otc-pain-relief sleep
		when-to-see-doctor imaging regenerative-medicine mind-body active-rehabilitation how-common prevention chronic-pain`)
	for _, id := range want {
		e, ok := f.Entry(id)
		if !ok {
			t.Errorf("built-in FAQ lacks entry %s", id)
			continue
		}
		if n := len(strings.Fields(e.Answer)); n < 40 || n > 120 {
			t.Errorf("entry %s answer has %d words, want 40 to 120", id, n)
		}
	}
	if !strings.HasPrefix(string(DefaultYAML()), "#") {
		t.Error("built-in FAQ should open with comments for moderators")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(validFAQ))
	f.Add(DefaultYAML())
	f.Add([]byte("version: 1\nentries: [{id: a}]"))
	f.Add([]byte("a: &x [*x]"))
	f.Add([]byte{0xff, 0xfe, 0})
	f.Add([]byte(cleanFAQ))
	for _, tt := range []string{"\ttips: [a]", "  - \"ow\" x", "q: a: b", "  - [a, b", "- 'don't'", "x: \"open"} {
		f.Add([]byte(strings.Replace(cleanFAQ, "    tips: [Keep moving gently.]", tt, 1)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		faq, err := Parse("fuzz.yaml", data)
		if err == nil {
			if faq.Disclaimer == "" || len(faq.Entries) == 0 {
				t.Fatalf("accepted a FAQ with no disclaimer or entries")
			}
			NewIndex(faq).Match("back pain")
			return
		}
		var inv *InvalidError
		if !errors.As(err, &inv) || len(inv.Problems) == 0 {
			t.Fatalf("error %v is not an *InvalidError with problems", err)
		}
	})
}
