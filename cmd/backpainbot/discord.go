package main

import (
	"context"
	"io"
)

// runDiscord is a stub until the Discord adapter lands.
func runDiscord(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return failure("discord: not built yet")
}
