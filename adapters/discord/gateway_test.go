package discord

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// states is a StateReporter that remembers what it was told.
type states struct {
	mu  sync.Mutex
	log []string
}

func (s *states) Connected() { s.add("connected") }
func (s *states) Retrying(err error) {
	s.add("retrying: " + err.Error())
}
func (s *states) add(v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, v)
}
func (s *states) all() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

// resumeOf decodes a Resume frame.
func resumeOf(t *testing.T, f gatewayFrame) (session string, seq int64) {
	t.Helper()
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(f.D, &r); err != nil {
		t.Fatal(err)
	}
	if r.Token != "Bot "+fakeToken {
		t.Errorf("Resume token is not the bot token")
	}
	return r.SessionID, r.Seq
}

// TestGatewayReconnects checks what the adapter does after each way a connection can end, as
// Discord's gateway documentation says: resume at resume_gateway_url with the session id and
// last sequence, or identify again with a new session.
func TestGatewayReconnects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		end        func(f *fakeDiscord)
		wantResume bool
	}{
		{"network drop", func(f *fakeDiscord) { f.drop() }, true},
		{"4000 unknown error", func(f *fakeDiscord) { f.closeWith(4000) }, true},
		{"4001 unknown opcode", func(f *fakeDiscord) { f.closeWith(4001) }, true},
		{"4002 decode error", func(f *fakeDiscord) { f.closeWith(4002) }, true},
		{"4003 not authenticated", func(f *fakeDiscord) { f.closeWith(4003) }, true},
		{"4005 already authenticated", func(f *fakeDiscord) { f.closeWith(4005) }, true},
		{"4008 rate limited", func(f *fakeDiscord) { f.closeWith(4008) }, true},
		{"4007 invalid seq", func(f *fakeDiscord) { f.closeWith(4007) }, false},
		{"4009 session timed out", func(f *fakeDiscord) { f.closeWith(4009) }, false},
		{"op 7 reconnect", func(f *fakeDiscord) { f.send(7, nil) }, true},
		{"op 9 resumable", func(f *fakeDiscord) { f.send(9, true) }, true},
		{"op 9 not resumable", func(f *fakeDiscord) { f.send(9, false) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := &states{}
			h := start(t, realBot(), func(o *Options) { o.State = st })
			waitUntil(t, "Connected", h.adapter.Connected)
			// An event moves the sequence on, so a resume must carry it.
			h.fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "what is sciatica", false))
			h.fake.waitRequests(1, isPath("POST", "/api/v10/channels/601/messages"))
			tt.end(h.fake)
			h.fake.waitConnections(2)
			hs, paths := h.fake.handshakes(), h.fake.handshakePaths()
			if tt.wantResume {
				if hs[1].Op != 6 {
					t.Fatalf("second handshake is op %d; want a Resume (6)", hs[1].Op)
				}
				if session, seq := resumeOf(t, hs[1]); session != "session-1" || seq != 2 {
					t.Errorf("Resume session %q seq %d; want session-1 and seq 2 (READY, then one event)", session, seq)
				}
				if paths[1] != "/ws/resume/" {
					t.Errorf("resumed at %s; want resume_gateway_url (/ws/resume/)", paths[1])
				}
			} else {
				if hs[1].Op != 2 {
					t.Fatalf("second handshake is op %d; want an Identify (2), a new session", hs[1].Op)
				}
				if paths[1] != "/ws/main/" {
					t.Errorf("identified at %s; want the gateway URL (/ws/main/)", paths[1])
				}
			}
			if c := h.fake.closes(); slices.Contains(c, 1000) || slices.Contains(c, 1001) {
				t.Errorf("the bot closed with %v; 1000 and 1001 end the session", c)
			}
			// Still answering on the new connection.
			h.fake.dispatch("MESSAGE_CREATE", message("502", "", "602", "702", "what is sciatica", false))
			h.fake.waitRequests(1, isPath("POST", "/api/v10/channels/602/messages"))
			waitUntil(t, "Connected again", h.adapter.Connected)
			if got := st.all(); len(got) < 3 || got[0] != "connected" || !strings.HasPrefix(got[1], "retrying") {
				t.Errorf("states %q; want connected, retrying, connected", got)
			}
		})
	}
}

// TestGatewayFatalCloseCodes: Discord's fatal close codes stop Run with an error that says
// why and is permanent (so a supervisor does not restart it), after one connection.
func TestGatewayFatalCloseCodes(t *testing.T) {
	t.Parallel()
	for _, code := range []int{4004, 4010, 4011, 4012, 4013, 4014} {
		t.Run(closeMeaning[code], func(t *testing.T) {
			t.Parallel()
			fake := newFakeDiscord(t)
			logs := &logBuffer{}
			a, err := New(realBot(), Options{Token: fakeToken, ApplicationID: fakeAppID, APIURL: fake.URL(),
				Logger: slog.New(slog.NewTextHandler(logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			a.gw.backoffBase = time.Millisecond
			done := make(chan error, 1)
			go func() { done <- a.Run(context.Background()) }()
			fake.waitConnections(1)
			fake.closeWith(code)
			var runErr error
			select {
			case runErr = <-done:
			case <-time.After(waitFor):
				t.Fatal("Run did not return after a fatal close code")
			}
			var ce *CloseError
			if !errors.As(runErr, &ce) || ce.Code != code || !ce.Permanent() {
				t.Fatalf("Run = %v; want a permanent *CloseError with code %d", runErr, code)
			}
			if !strings.HasPrefix(runErr.Error(), "discord: ") || !strings.Contains(runErr.Error(), closeMeaning[code]) {
				t.Errorf("Run = %q; want it to say what %d means", runErr, code)
			}
			if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "for good") {
				t.Errorf("no clear error line in the log:\n%s", logs)
			}
			if n := len(fake.handshakes()); n != 1 {
				t.Errorf("%d handshakes; want 1 (no reconnection after %d)", n, code)
			}
			if a.Connected() {
				t.Error("Connected after a fatal close")
			}
		})
	}
}

// TestGatewayHelloTimeout: a gateway that accepts the connection but never says Hello is
// abandoned after the Hello timeout and tried again; cancelling Run returns at once.
func TestGatewayHelloTimeout(t *testing.T) {
	t.Parallel()
	fake := newFakeDiscord(t)
	fake.noHello.Store(true)
	a, err := New(realBot(), Options{Token: fakeToken, ApplicationID: fakeAppID, APIURL: fake.URL()})
	if err != nil {
		t.Fatal(err)
	}
	a.gw.helloTimeout.Store(int64(50 * time.Millisecond))
	a.gw.backoffBase = time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	fake.wait("three connection attempts", func() bool { return fake.dials >= 3 })
	if len(fake.handshakes()) != 0 {
		t.Error("the bot identified without a Hello")
	}
	// And now one that hangs forever: cancel must still end Run.
	a.gw.helloTimeout.Store(int64(time.Hour))
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil after cancel", err)
		}
	case <-time.After(waitFor):
		t.Fatal("Run did not return after cancel while waiting for Hello")
	}
}

// TestGatewayMissedHeartbeat: when Discord stops acknowledging heartbeats the bot drops the
// connection with a close code that keeps the session (not 1000) and resumes it.
func TestGatewayMissedHeartbeat(t *testing.T) {
	t.Parallel()
	fake := newFakeDiscord(t)
	fake.heartbeatMs.Store(40)
	fake.noAck.Store(true)
	a, err := New(realBot(), Options{Token: fakeToken, ApplicationID: fakeAppID, APIURL: fake.URL()})
	if err != nil {
		t.Fatal(err)
	}
	a.gw.backoffBase = time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go a.Run(ctx)
	fake.waitConnections(1)
	fake.wait("the bot to close the zombie connection", func() bool { return len(fake.clientCloses) >= 1 })
	fake.noAck.Store(false)
	fake.waitConnections(2)
	if c := fake.closes(); c[0] != closeResume {
		t.Errorf("closed a zombie connection with %d; want %d (1000 would end the session)", c[0], closeResume)
	}
	if hs := fake.handshakes(); hs[1].Op != 6 {
		t.Errorf("after a missed heartbeat the bot sent op %d; want a Resume (6)", hs[1].Op)
	}
}

func TestCloseAction(t *testing.T) {
	tests := []struct {
		code int
		want action
	}{
		{1000, reidentify}, {1001, reidentify}, {1006, resume},
		{4000, resume}, {4001, resume}, {4002, resume}, {4003, resume}, {4005, resume}, {4008, resume},
		{4007, reidentify}, {4009, reidentify},
		{4004, fatal}, {4010, fatal}, {4011, fatal}, {4012, fatal}, {4013, fatal}, {4014, fatal},
	}
	for _, tt := range tests {
		if got := closeAction(tt.code); got != tt.want {
			t.Errorf("closeAction(%d) = %d; want %d", tt.code, got, tt.want)
		}
	}
}
