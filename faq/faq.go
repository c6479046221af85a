// Package faq owns the curated FAQ content and the matcher that maps a free-text message to
// the entries that answer it.
//
// The FAQ is a YAML file kept by moderators. Parse validates it and reports every problem at once
// as file:line:column messages; Default returns the copy compiled into the binary.
//
// NewIndex builds the matcher. It reads text with package faq/text (tokens, stems, synonyms from
// the file, typo tolerance, sentences) and makes two separate decisions: whether a message is
// about back pain at all (domain.go, from the word lists in faq/text/words), and which entries
// fit it (rank.go: rare words weigh more, a story is read whole, sentence by sentence and in
// neighbouring pairs; phrasings.go finds each entry's best phrasing without walking the
// postings of the words nearly every phrasing uses). match.go turns both into a Band: an answer, a close call, "these may
// help" topics for a message about back pain that nothing clearly fits (the file's start_here
// entries when it names nothing but the back and its pain), or no match. Every
// weight and threshold is in params.go, fitted on the dev sets by TestFit.
//
// The package knows nothing of chat platforms or of how a reply is worded; that is package bot.
package faq

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sync"
)

// SchemaVersion is the only FAQ file schema this build understands.
const SchemaVersion = 1

// FAQ is a parsed and validated FAQ file.
type FAQ struct {
	// Source names where the FAQ came from: a file path, or "built-in".
	Source string
	// Digest is a short hash of the file's bytes; together with the entry count it tells
	// moderators which edit is live.
	Digest     string
	Version    int
	Disclaimer string
	Fallback   string
	// Synonyms are groups of words or phrases that mean the same; the first of each group is the
	// canonical wording.
	Synonyms [][]string
	RedFlags RedFlags
	// StartHere are the ids of the 1 to 3 entries offered to a message plainly about back pain
	// that names nothing more ("my back hurts"), in the moderator's order. It may be empty.
	StartHere []string
	Entries   []Entry
	Tests     []Test
	// Warnings lists what the file does against the advice in its header (answer length,
	// doses, ...). They do not stop it loading; `faq lint` and the live reloader show them.
	Warnings []Problem

	byID map[string]int
}

// Entry is one curated question and its answer.
type Entry struct {
	ID       string
	Question string
	Variants []string
	Keywords []string
	Answer   string
	Tips     []string
	Related  []string
	// Sources are the public pages the answer's facts come from.
	Sources []Source
	// Explains are the ids of the red flags (bot/triage/data/rules.yaml) this entry explains: the
	// bot shows it under a triage notice for one of them. See explains.go.
	Explains []string
	// Line is where the entry starts in its file, for messages to moderators.
	Line int

	explainsAt []pos // where each of Explains stands in the file
}

// RedFlags are phrases moderators add to the built-in red-flag lists. They can only add.
type RedFlags struct {
	Emergency []string
	Doctor    []string
}

// Test is a moderator's example question and the entry it should reach.
type Test struct {
	Question string
	Want     string
	Line     int
}

// Entry returns the entry with the given id.
func (f *FAQ) Entry(id string) (Entry, bool) {
	i, ok := f.byID[id]
	if !ok {
		return Entry{}, false
	}
	return f.Entries[i], true
}

// Label identifies the live FAQ for status pages and logs, e.g. "v1-3fa2c1d0 (33 entries)".
func (f *FAQ) Label() string {
	return fmt.Sprintf("v%d-%s (%d entries)", f.Version, f.Digest, len(f.Entries))
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:4])
}

//go:embed default.yaml
var defaultYAML []byte

var defaultOnce = sync.OnceValues(func() (*FAQ, error) {
	return Parse("built-in", defaultYAML)
})

// Default returns the FAQ compiled into the binary. It is parsed once; a test guarantees it is valid.
func Default() *FAQ {
	f, err := defaultOnce()
	if err != nil {
		panic("faq: built-in FAQ is invalid: " + err.Error())
	}
	return f
}

// DefaultYAML returns the bytes of the built-in FAQ file, for `faq init`.
func DefaultYAML() []byte {
	return append([]byte(nil), defaultYAML...)
}
