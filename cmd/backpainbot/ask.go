package main

import (
	"context"
	"io"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return nil
}
func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return nil
}
func runFAQ(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return nil
}
