// Package text owns how incoming text is read before anything judges it: Normalize makes a
// message valid UTF-8, applies Unicode compatibility normalisation, removes invisible format
// characters and folds look-alike letters to Latin, so "p\u200bee", fullwidth "ｐｅｅ" and
// Cyrillic "реe" all read as "pee". Triage and the matcher both read Normalize's output.
package text
