package main

import (
	"fmt"
	"io"

	"github.com/backpainbot/backpainbot/faq"
)

// printWarnings prints what lint advises on a file that loads: it does not make lint fail.
func printWarnings(w io.Writer, f *faq.FAQ) {
	for _, p := range faq.SourceWarnings(f) {
		fmt.Fprintln(w, p)
	}
}
