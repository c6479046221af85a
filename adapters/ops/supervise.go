package ops

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"
)

// Supervisor runs adapters so that they are independent: one that fails is restarted with
// backoff and shown on /healthz and /metrics through its AdapterState, while the others keep
// serving; one that fails for good is left stopped. The zero value uses the defaults.
type Supervisor struct {
	// Log receives a line per failure and restart; nil discards them.
	Log *slog.Logger
	// MinBackoff and MaxBackoff bound the wait before a restart: it doubles with each failure
	// in a row, from MinBackoff (default 1s) up to MaxBackoff (default 1m), plus up to a
	// quarter at random. A run that lasted longer than MaxBackoff starts the count again.
	MinBackoff, MaxBackoff time.Duration
}

// Permanent is what an error implements to say that restarting cannot help (a refused token):
// the supervisor then leaves the adapter stopped. Errors are unwrapped to find it.
type Permanent interface {
	Permanent() bool
}

// IsPermanent reports whether err, or an error it wraps, says it is permanent.
func IsPermanent(err error) bool {
	var p Permanent
	return errors.As(err, &p) && p.Permanent()
}

// Run runs run under the supervisor until ctx is done, and then returns nil. run must return
// soon after its context is done. When it returns earlier, with an error or without, it is
// run again after a backoff, unless the error is permanent: then st shows StateStopped with
// the error, and Run waits for ctx so that the rest of the process keeps serving.
func (s *Supervisor) Run(ctx context.Context, st *AdapterState, run func(context.Context) error) error {
	log := s.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("adapter", st.name)
	minB, maxB := s.MinBackoff, s.MaxBackoff
	if minB <= 0 {
		minB = time.Second
	}
	if maxB < minB {
		maxB = max(minB, time.Minute)
	}
	failures := 0
	for {
		started := time.Now()
		err := run(ctx)
		if ctx.Err() != nil {
			st.Stopped(nil)
			return nil
		}
		if err == nil {
			err = errors.New("stopped unexpectedly")
		}
		if IsPermanent(err) {
			log.Error("adapter stopped for good; fix the cause and restart the process (the rest keeps serving)", "err", err)
			st.Stopped(err)
			<-ctx.Done()
			return nil
		}
		if time.Since(started) > maxB {
			failures = 0
		}
		failures++
		wait := maxB
		if failures < 30 {
			wait = min(minB<<(failures-1), maxB)
		}
		wait += rand.N(wait/4 + 1)
		log.Error("adapter failed; restarting", "err", err, "failures", failures, "wait", wait)
		st.restarted(err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			st.Stopped(nil)
			return nil
		case <-t.C:
		}
		st.Starting()
	}
}
