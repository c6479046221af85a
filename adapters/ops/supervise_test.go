package ops

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

type permanentErr struct{}

func (permanentErr) Error() string   { return "token refused" }
func (permanentErr) Permanent() bool { return true }

// eventually polls cond for up to five seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSupervisorRestartsFailingAdapter(t *testing.T) {
	h, m := NewHealth(), NewMetrics()
	h.SetReady(true)
	st := NewAdapterState("discord", h, m)
	other := NewAdapterState("slack", h, m)
	other.Connected()
	var runs atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	s := &Supervisor{MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond}
	go func() {
		done <- s.Run(ctx, st, func(ctx context.Context) error {
			if runs.Add(1) <= 3 {
				return errors.New("dial tcp: connection refused")
			}
			st.Connected()
			<-ctx.Done()
			return nil
		})
	}()
	eventually(t, "connected after restarts", func() bool { return st.Status().State == StateConnected })
	if got := st.Status(); got.Restarts != 3 || got.LastError != "dial tcp: connection refused" {
		t.Errorf("status = %+v; want 3 restarts and the last error", got)
	}
	r, healthy := h.Check()
	if !healthy || !r.Checks["discord"].OK || !r.Checks["slack"].OK {
		t.Errorf("report = %+v; want both adapters ok", r)
	}
	text := scrape(t, m)
	for _, want := range []string{
		`backpainbot_adapter_restarts_total{adapter="discord"} 3`,
		`backpainbot_adapter_state{adapter="discord",state="connected"} 1`,
		`backpainbot_adapter_state{adapter="discord",state="retrying"} 0`,
		`backpainbot_adapter_state{adapter="slack",state="connected"} 1`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v; want nil after cancel", err)
	}
	if got := st.Status().State; got != StateStopped {
		t.Errorf("state after cancel = %s; want stopped", got)
	}
}

func TestSupervisorLeavesPermanentFailureStopped(t *testing.T) {
	h := NewHealth()
	h.SetReady(true)
	st := NewAdapterState("discord", h, nil)
	var runs atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- (&Supervisor{MinBackoff: time.Millisecond}).Run(ctx, st, func(context.Context) error {
			runs.Add(1)
			return errors.Join(errors.New("discord"), permanentErr{})
		})
	}()
	eventually(t, "stopped", func() bool { return st.Status().State == StateStopped })
	select {
	case err := <-done:
		t.Fatalf("Run returned %v before its context was done; want it to keep waiting", err)
	case <-time.After(50 * time.Millisecond):
	}
	if n := runs.Load(); n != 1 {
		t.Errorf("ran %d times; want 1 (no restart after a permanent error)", n)
	}
	r, healthy := h.Check()
	c := r.Checks["discord"]
	if healthy || c.OK || !strings.Contains(c.Detail, "stopped") || !strings.Contains(c.Detail, "token refused") {
		t.Errorf("check = %+v (healthy %v); want a failing check saying stopped: token refused", c, healthy)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v; want nil", err)
	}
}

func TestSupervisorRestartsAdapterThatReturnsNil(t *testing.T) {
	st := NewAdapterState("x", nil, nil)
	var runs atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go (&Supervisor{MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}).Run(ctx, st, func(ctx context.Context) error {
		if runs.Add(1) == 2 {
			cancel()
		}
		return nil
	})
	eventually(t, "a second run", func() bool { return runs.Load() >= 2 })
	eventually(t, "stopped", func() bool { return st.Status().State == StateStopped })
	if st.Status().LastError != "stopped unexpectedly" {
		t.Errorf("last error = %q; want stopped unexpectedly", st.Status().LastError)
	}
}
