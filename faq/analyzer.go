package faq

import "github.com/backpainbot/backpainbot/faq/text"

// The analyzer lives in package text; these names keep callers that still say faq.Analyzer
// building.

// Token is one word of analysed text; see text.Token.
type Token = text.Token

// Analyzer turns text into tokens; see text.Analyzer.
type Analyzer = text.Analyzer

// NewAnalyzer builds an analyzer; see text.NewAnalyzer.
func NewAnalyzer(synonyms [][]string, texts ...string) *Analyzer {
	return text.NewAnalyzer(synonyms, texts...)
}
