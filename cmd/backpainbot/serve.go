package main

import (
	"context"
	"io"
)

// runServe is a stub until the serve command lands.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return failure("serve: not built yet")
}
