// Package text owns how incoming text is read before anything judges it: Normalize makes a
// message valid UTF-8, applies Unicode compatibility normalisation, removes invisible format
// characters and folds look-alike letters to Latin, so "p\u200bee", fullwidth "ｐｅｅ" and
// Cyrillic "реe" all read as "pee". Triage and the matcher both read Normalize's output.
//
// It also holds what both readers share after that: words and sentences (EachWord, the
// sentence splitter), stems (Stem), the word lists in words/, and Vocab, the one typo mender,
// which each reader builds over its own vocabulary. The matcher's pipeline is Analyzer; triage
// builds its own over the red-flag lexicon, so moderators' synonyms never reach it.
package text
