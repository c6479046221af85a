package text

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Language knowledge lives in words/*.txt: commented plain-text lists a reviewer can read
// without reading Go. Lines starting with # are comments; "[name]" starts a section.

//go:embed words/*.txt
var wordFiles embed.FS

var (
	loadedMu sync.Mutex
	loaded   = map[string]bool{}
)

// readList returns the lines of words/name.txt without comments and blank lines, grouped by
// section ("" before the first section header). A missing list is a programming error.
func readList(name string) map[string][]string {
	data, err := wordFiles.ReadFile("words/" + name + ".txt")
	if err != nil {
		panic(fmt.Sprintf("text: word list %s: %v", name, err))
	}
	loadedMu.Lock()
	loaded[name] = true
	loadedMu.Unlock()
	out := map[string][]string{}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		default:
			out[section] = append(out[section], line)
		}
	}
	return out
}

// WordList returns every word of the list words/name.txt (all sections).
func WordList(name string) []string {
	var out []string
	for _, lines := range readList(name) {
		for _, l := range lines {
			out = append(out, strings.Fields(l)...)
		}
	}
	return out
}

// WordSet returns the words of words/name.txt, or of one section of it, as a set.
func WordSet(name string, section ...string) map[string]bool {
	lists := readList(name)
	m := map[string]bool{}
	for sec, lines := range lists {
		if len(section) > 0 && !slices.Contains(section, sec) {
			continue
		}
		for _, l := range lines {
			for _, w := range strings.Fields(l) {
				m[w] = true
			}
		}
	}
	return m
}

// WordPairs returns the list words/name.txt whose lines are "word value".
func WordPairs(name string) map[string]string {
	m := map[string]string{}
	for _, lines := range readList(name) {
		for _, l := range lines {
			if f := strings.Fields(l); len(f) == 2 {
				m[f[0]] = f[1]
			}
		}
	}
	return m
}

// PhraseList returns the lines of words/name.txt, each a phrase of plain words.
func PhraseList(name string) []string {
	var out []string
	for _, lines := range readList(name) {
		for _, l := range lines {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return out
}

// WordListNames returns the names of every embedded list and whether the program has loaded it.
func WordListNames() map[string]bool {
	entries, _ := wordFiles.ReadDir("words")
	loadedMu.Lock()
	defer loadedMu.Unlock()
	out := map[string]bool{}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".txt")
		out[name] = loaded[name]
	}
	return out
}

// PhraseSections returns the phrases of words/name.txt by section, each as plain words joined
// by one space.
func PhraseSections(name string) map[string][]string {
	out := map[string][]string{}
	for section, lines := range readList(name) {
		for _, l := range lines {
			out[section] = append(out[section], strings.Join(strings.Fields(l), " "))
		}
	}
	return out
}
