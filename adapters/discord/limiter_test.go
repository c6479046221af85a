package discord

import (
	"fmt"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(6, 2) // one token every 10 seconds, two at once
	steps := []struct {
		user string
		at   time.Duration
		want verdict
	}{
		{"alice", 0, allow},
		{"alice", 0, allow},
		{"alice", 0, notify},
		{"alice", time.Second, drop},
		{"alice", 2 * time.Second, drop},
		{"bob", 2 * time.Second, allow}, // users do not share a bucket
		{"alice", 10 * time.Second, allow},
		{"alice", 10 * time.Second, notify}, // answered since the last notice, so told again
		{"alice", 11 * time.Second, drop},
		{"alice", 40 * time.Second, allow},
		{"alice", 40 * time.Second, allow},
		{"alice", 40 * time.Second, notify},
	}
	for i, s := range steps {
		if got := l.check(s.user, t0.Add(s.at)); got != s.want {
			t.Errorf("step %d: check(%s, +%v) = %v; want %v", i, s.user, s.at, got, s.want)
		}
	}
}

func TestLimiterForgetsIdleUsers(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(6, 3) // full again 30 seconds after the last request
	for i := 0; i < 1000; i++ {
		l.check(fmt.Sprint("user", i), t0)
	}
	if n := l.tracked(); n != 1000 {
		t.Fatalf("tracking %d users; want 1000", n)
	}
	// A sweep runs at most once a minute, and forgets only users idle for the refill time.
	l.check("late", t0.Add(sweepEvery))
	if n := l.tracked(); n != 1 {
		t.Errorf("after a sweep, tracking %d users; want 1 (the one just seen)", n)
	}
	// A forgotten user starts with a full bucket, exactly as if remembered.
	for i := 0; i < 3; i++ {
		if got := l.check("user1", t0.Add(sweepEvery)); got != allow {
			t.Errorf("forgotten user, request %d: %v; want allow", i, got)
		}
	}
}

func TestLimiterCap(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(6, 1)
	for i := 0; i < maxTrackedUsers; i++ {
		l.check(fmt.Sprint(i), t0)
	}
	if got := l.check("new", t0); got != allow {
		t.Errorf("a new user at the cap: %v; want allow (untracked)", got)
	}
	if n := l.tracked(); n != maxTrackedUsers {
		t.Errorf("tracking %d users; want the cap, %d", n, maxTrackedUsers)
	}
}

func (v verdict) String() string {
	switch v {
	case allow:
		return "allow"
	case notify:
		return "notify"
	case drop:
		return "drop"
	}
	return fmt.Sprintf("verdict(%d)", int(v))
}
