// Command backpainbot answers common questions about lower back pain, on the command line, in
// Slack and in Discord. Run `backpainbot --help` for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	if err != nil {
		os.Exit(exitCode(err))
	}
}

// exitCode maps an error from run to the process exit status, after printing it.
func exitCode(err error) int {
	if e, ok := err.(*exitError); ok {
		if e.msg != "" {
			fmt.Fprintln(os.Stderr, e.msg)
		}
		return e.code
	}
	fmt.Fprintln(os.Stderr, "backpainbot:", err)
	return 1
}
