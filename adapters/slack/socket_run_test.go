package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"

	"github.com/backpainbot/backpainbot/adapters/store"
)

// fakeSlack is slack-go's test server with apps.connections.open and /ws under the test's
// control: open answers each apps.connections.open call (n counts from 1), and ws runs the
// n-th WebSocket connection.
type fakeSlack struct {
	srv *slacktest.Server

	mu    sync.Mutex
	opens []time.Time
	conns int
	acks  chan map[string]json.RawMessage
}

func newFakeSlack(t *testing.T, open func(n int) (status int, body string), ws func(n int, conn *websocket.Conn)) *fakeSlack {
	t.Helper()
	f := &fakeSlack{acks: make(chan map[string]json.RawMessage, 10)}
	f.srv = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
			f.mu.Lock()
			f.opens = append(f.opens, time.Now())
			n := len(f.opens)
			f.mu.Unlock()
			status, body := http.StatusOK, fmt.Sprintf(`{"ok":true,"url":%q}`, f.srv.GetWSURL())
			if open != nil {
				if s, b := open(n); s != 0 {
					status, body = s, b
				}
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		})
		c.Handle("/ws", slacktest.Websocket(func(conn *websocket.Conn) {
			f.mu.Lock()
			f.conns++
			n := f.conns
			f.mu.Unlock()
			ws(n, conn)
		}))
	})
	f.srv.Start()
	t.Cleanup(f.srv.Stop)
	return f
}

func (f *fakeSlack) openTimes() []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.opens)
}

// readAcks collects the acknowledgements the bot sends on conn until it closes.
func (f *fakeSlack) readAcks(conn *websocket.Conn) {
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var ack map[string]json.RawMessage
		if json.Unmarshal(msg, &ack) == nil {
			f.acks <- ack
		}
	}
}

const helloFrame = `{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0001"}}`

// serveCommand says hello, sends one slash command and collects the acks.
func (f *fakeSlack) serveCommand(t *testing.T, conn *websocket.Conn, id string) {
	_ = conn.WriteMessage(websocket.TextMessage, []byte(helloFrame))
	_ = conn.WriteMessage(websocket.TextMessage, envelope(t, id, "slash_commands", slashPayload("what is sciatica")))
	f.readAcks(conn)
}

// runSocket runs a Socket against f until the test ends; it returns the socket and Run's result.
func runSocket(t *testing.T, f *fakeSlack, o SocketOptions) (*Socket, <-chan error) {
	t.Helper()
	return runSocketWith(t, f, realBot(), o)
}

func runSocketWith(t *testing.T, f *fakeSlack, a Answerer, o SocketOptions) (*Socket, <-chan error) {
	t.Helper()
	o.AppToken = "xapp-1-test"
	o.APIURL = f.srv.GetAPIURL()
	if o.ResponseClient == nil {
		o.ResponseClient = loopbackOnly
	}
	s, err := NewSocketMode(a, o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		done <- s.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
	return s, done
}

// watchStates records each distinct Health detail state until the test ends.
func watchStates(t *testing.T, s *Socket) func() []string {
	var mu sync.Mutex
	var seen []string
	stop := make(chan struct{})
	go func() {
		for {
			_, d := s.Health()
			name, _, _ := strings.Cut(d, ":")
			mu.Lock()
			if len(seen) == 0 || seen[len(seen)-1] != name {
				seen = append(seen, name)
			}
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	t.Cleanup(func() { close(stop) })
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(seen)
	}
}

// TestSocketModeReconnects: the first connection ends in one of the ways a real one does; the
// adapter waits a jittered backoff, reconnects, and answers on the second connection.
func TestSocketModeReconnects(t *testing.T) {
	const minBackoff = 80 * time.Millisecond
	tests := []struct {
		name  string
		first func(t *testing.T, conn *websocket.Conn)
	}{
		{"slack asks to disconnect", func(t *testing.T, conn *websocket.Conn) {
			_ = conn.WriteMessage(websocket.TextMessage, []byte(helloFrame))
			_ = conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-111"}}`))
			_, _, _ = conn.ReadMessage()
		}},
		{"connection dropped", func(t *testing.T, conn *websocket.Conn) {
			_ = conn.WriteMessage(websocket.TextMessage, []byte(helloFrame))
			time.Sleep(20 * time.Millisecond)
			conn.UnderlyingConn().Close() // no close frame: a network failure
		}},
		{"ping timeout", func(t *testing.T, conn *websocket.Conn) {
			_ = conn.WriteMessage(websocket.TextMessage, []byte(helloFrame))
			// Never ping; the adapter must give up on this connection by itself.
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, _, _ = conn.ReadMessage()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f *fakeSlack
			f = newFakeSlack(t, nil, func(n int, conn *websocket.Conn) {
				if n == 1 {
					tt.first(t, conn)
					return
				}
				f.serveCommand(t, conn, fmt.Sprint("env-", n))
			})
			rep := &reporter{}
			s, done := runSocket(t, f, SocketOptions{PingTimeout: 150 * time.Millisecond, MinBackoff: minBackoff, MaxBackoff: time.Second, State: rep})
			states := watchStates(t, s)
			select {
			case ack := <-f.acks:
				var id string
				_ = json.Unmarshal(ack["envelope_id"], &id)
				if id != "env-2" {
					t.Errorf("acked %q, want env-2 (on the second connection)", id)
				}
				checkReply(t, decodeReply(t, ack["payload"]), realBot().FAQ().Disclaimer)
			case err := <-done:
				t.Fatalf("Run returned %v, want it to reconnect", err)
			case <-time.After(10 * time.Second):
				t.Fatalf("no answer on a second connection; opens %d, health %v", len(f.openTimes()), states())
			}
			opens := f.openTimes()
			if len(opens) < 2 {
				t.Fatalf("apps.connections.open called %d times, want 2", len(opens))
			}
			if gap := opens[1].Sub(opens[0]); gap < minBackoff/2 {
				t.Errorf("reconnected after %v, want a backoff of at least %v", gap, minBackoff/2)
			}
			waitFor(t, s.Connected)
			if ok, d := s.Health(); !ok || d != "connected" {
				t.Errorf("Health = %v %q, want true \"connected\"", ok, d)
			}
			if got := states(); !slices.Contains(got, stateReconnecting) {
				t.Errorf("states seen %v, want reconnecting among them", got)
			}
			if got, want := strings.Join(rep.list(), " "), "starting connected retrying:err connected"; !strings.HasPrefix(got, want) {
				t.Errorf("states reported %q, want them to start %q", got, want)
			}
		})
	}
}

// TestSocketModeRefused: when Slack refuses the app token, Run stops at once with a message
// that says what to fix, and /healthz shows it.
func TestSocketModeRefused(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"bot token given as app token", 200, `{"ok":false,"error":"not_allowed_token_type"}`, "not an app-level token"},
		{"token without connections:write", 200, `{"ok":false,"error":"missing_scope","needed":"connections:write","provided":"authorizations:read"}`, "lacks the connections:write scope"},
		{"invalid token", 200, `{"ok":false,"error":"invalid_auth"}`, "refused the app token"},
		{"revoked token", 200, `{"ok":false,"error":"token_revoked"}`, "token_revoked"},
		{"not found", 404, `{"ok":false}`, "HTTP 404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t, func(int) (int, string) { return tt.status, tt.body }, func(int, *websocket.Conn) {
				t.Error("the adapter dialled the WebSocket after being refused")
			})
			rep := &reporter{}
			s, done := runSocket(t, f, SocketOptions{MinBackoff: 10 * time.Millisecond, State: rep})
			select {
			case err := <-done:
				var p interface{ Permanent() bool }
				if !errors.As(err, &p) || !p.Permanent() {
					t.Errorf("Run = %T, want a permanent error so a supervisor does not restart it", err)
				}
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "slack socket mode: ") {
					t.Errorf("Run = %v, want an error starting \"slack socket mode: \" saying %q", err, tt.want)
				}
				if strings.Contains(fmt.Sprint(err), "xapp-1-test") {
					t.Errorf("error names the token: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Run kept retrying a refused token")
			}
			if n := len(f.openTimes()); n != 1 {
				t.Errorf("apps.connections.open called %d times, want 1", n)
			}
			if got := rep.list(); strings.Join(got, " ") != "starting stopped:err" {
				t.Errorf("states reported %v, want [starting stopped:err]", got)
			}
			ok, d := s.Health()
			if ok || !strings.HasPrefix(d, "failed: ") || !strings.Contains(d, tt.want) {
				t.Errorf("Health = %v %q, want false \"failed: ...%s...\"", ok, d, tt.want)
			}
		})
	}
}

// TestSocketModeRetriesOutages: errors that are Slack's, not the token's, are retried with a
// growing backoff until a connection succeeds.
func TestSocketModeRetriesOutages(t *testing.T) {
	var f *fakeSlack
	f = newFakeSlack(t, func(n int) (int, string) {
		switch n {
		case 1:
			return 500, `{"ok":false,"error":"internal_error"}`
		case 2:
			return 200, `{"ok":false,"error":"fatal_error"}`
		case 3:
			return 503, `service unavailable`
		}
		return 0, ""
	}, func(n int, conn *websocket.Conn) { f.serveCommand(t, conn, "env-ok") })
	s, done := runSocket(t, f, SocketOptions{MinBackoff: 40 * time.Millisecond, MaxBackoff: time.Second})
	select {
	case <-f.acks:
	case err := <-done:
		t.Fatalf("Run = %v, want it to keep retrying", err)
	case <-time.After(10 * time.Second):
		ok, d := s.Health()
		t.Fatalf("never connected; health %v %q", ok, d)
	}
	opens := f.openTimes()
	if len(opens) != 4 {
		t.Fatalf("apps.connections.open called %d times, want 4", len(opens))
	}
	// Equal jitter: wait n is within [min*2^n / 2, min*2^n].
	for i := 1; i < len(opens); i++ {
		lo := (40 * time.Millisecond << (i - 1)) / 2
		if gap := opens[i].Sub(opens[i-1]); gap < lo {
			t.Errorf("wait before attempt %d = %v, want at least %v", i+1, gap, lo)
		}
	}
}

func TestBackoff(t *testing.T) {
	s := &Socket{o: SocketOptions{MinBackoff: time.Second, MaxBackoff: time.Minute}}
	for _, tt := range []struct {
		name     string
		rand     func(int64) int64
		attempt  int
		want     time.Duration
		wantNote string
	}{
		{"first, least jitter", func(int64) int64 { return 0 }, 0, 500 * time.Millisecond, "half the minimum"},
		{"first, most jitter", func(n int64) int64 { return n - 1 }, 0, time.Second, "the minimum"},
		{"third doubles twice", func(int64) int64 { return 0 }, 2, 2 * time.Second, "half of 4s"},
		{"capped", func(n int64) int64 { return n - 1 }, 10, time.Minute, "the maximum"},
		{"huge attempt stays capped", func(int64) int64 { return 0 }, 500, 30 * time.Second, "half the maximum"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.rand = tt.rand
			if got := s.backoff(tt.attempt); got != tt.want {
				t.Errorf("backoff(%d) = %v, want %v (%s)", tt.attempt, got, tt.want, tt.wantNote)
			}
		})
	}
}

// TestSocketModeLateAndLimited: in Socket Mode too, a slow answer is acknowledged empty and
// posted to response_url, and a user over the rate limit is told to wait.
func TestSocketModeLateAndLimited(t *testing.T) {
	hook, posted := hookServer(t, http.StatusOK)
	cmd := func(id, text string) []byte {
		p := slashPayload(text)
		p["response_url"] = hook.URL + "/commands/T0001/1/x"
		return envelope(t, id, "slash_commands", p)
	}
	var f *fakeSlack
	f = newFakeSlack(t, nil, func(n int, conn *websocket.Conn) {
		_ = conn.WriteMessage(websocket.TextMessage, []byte(helloFrame))
		for i := range 3 {
			_ = conn.WriteMessage(websocket.TextMessage, cmd(fmt.Sprint("env-", i), "what is sciatica"))
		}
		f.readAcks(conn)
	})
	runSocketWith(t, f, slowBot(100*time.Millisecond), SocketOptions{
		AckAfter:         10 * time.Millisecond,
		AllowResponseURL: allowHost(hook),
		RateLimit:        store.Rate{PerMinute: 1, Burst: 2},
	})
	acks := map[string]string{}
	for len(acks) < 3 {
		select {
		case ack := <-f.acks:
			var id string
			_ = json.Unmarshal(ack["envelope_id"], &id)
			acks[id] = string(ack["payload"])
		case <-time.After(10 * time.Second):
			t.Fatalf("acks so far %v, want 3", acks)
		}
	}
	var late, limited int
	for id, p := range acks {
		switch {
		case p == "" || p == "null":
			late++
		case strings.Contains(p, "several questions"):
			limited++
			checkReply(t, decodeReply(t, []byte(p)), realBot().FAQ().Disclaimer)
		default:
			t.Errorf("%s acked with %.200s, want empty (late) or the rate-limit notice", id, p)
		}
	}
	if late != 2 || limited != 1 {
		t.Errorf("%d late and %d limited, want 2 and 1", late, limited)
	}
	for range 2 {
		select {
		case b := <-posted:
			checkReply(t, decodeReply(t, b), realBot().FAQ().Disclaimer)
			if !strings.Contains(string(b), "What is sciatica?") {
				t.Errorf("posted %.200s, want the answer", b)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a late answer was not posted to response_url")
		}
	}
}

// reporter records what a StateReporter is told.
type reporter struct {
	mu  sync.Mutex
	got []string
}

func (r *reporter) add(s string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		s += ":err"
	}
	r.got = append(r.got, s)
}

func (r *reporter) Starting()          { r.add("starting", nil) }
func (r *reporter) Connected()         { r.add("connected", nil) }
func (r *reporter) Retrying(err error) { r.add("retrying", err) }
func (r *reporter) Stopped(err error)  { r.add("stopped", err) }

func (r *reporter) list() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}
