package triage

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUPerCheck reports the CPU time per Check for a short message and a 2,000-character
// story, which a loaded machine's benchmark wall times overstate:
//
//	CPUTIME=1 go test ./bot/triage -run TestCPUPerCheck -v -cpu 1
func TestCPUPerCheck(t *testing.T) {
	if os.Getenv("CPUTIME") == "" {
		t.Skip()
	}
	d := detector()
	story := strings.Repeat("Hurt my back lifting a box at work on Monday, the pain is worse in the mornings and eases with a walk. ", 20)[:2000]
	for _, m := range []string{"i cant pee and my back hurts", story} {
		d.Check(m)
		n := 5000
		c0, w0 := cpuTime(), time.Now()
		for i := 0; i < n; i++ {
			d.Check(m)
		}
		t.Logf("%d chars: cpu %v/op, wall %v/op", len(m), (cpuTime()-c0)/time.Duration(n), time.Since(w0)/time.Duration(n))
	}
}
