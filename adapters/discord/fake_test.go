package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// waitFor bounds every wait in these tests.
const waitFor = 10 * time.Second

// Ids the fake Discord uses.
const (
	fakeBotID = "900000000000000001"
	fakeAppID = "900000000000000002"
	fakeGuild = "900000000000000003"
	fakeToken = "test-token-do-not-log"
)

// request is one REST call the bot made to the fake.
type request struct {
	Method string
	Path   string
	Body   json.RawMessage
}

// decode unmarshals the request body into v, failing the test on error.
func (r request) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("%s %s: body %s: %v", r.Method, r.Path, r.Body, err)
	}
}

// gatewayFrame is a gateway payload as the fake reads or writes it.
type gatewayFrame struct {
	Op   int             `json:"op"`
	D    json.RawMessage `json:"d,omitempty"`
	S    int64           `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
}

// fakeDiscord is a loopback Discord: REST over httptest, which records every call, and a
// gateway over gorilla/websocket that says Hello, answers Identify with READY and Resume with
// RESUMED, acknowledges heartbeats, and dispatches the events a test sends.
type fakeDiscord struct {
	t   testing.TB
	srv *httptest.Server

	// Behaviour a test can change.
	noHello     atomic.Bool  // accept connections but never say Hello
	noAck       atomic.Bool  // never acknowledge heartbeats
	heartbeatMs atomic.Int64 // the interval Hello announces; 0 means 45000
	// restHook, when set, may answer a REST request itself (returning true), such as with a
	// 429; n counts the requests to the same method and path so far, from 1.
	restHook func(w http.ResponseWriter, r *http.Request, n int) bool

	mu           sync.Mutex
	requests     []request
	handshake    []gatewayFrame // every Identify (op 2) and Resume (op 6), in order
	paths        []string       // the URL path each handshake came in on
	clientCloses []int          // close codes the bot sent, in order
	dials        int            // websocket connections accepted
	conn         *websocket.Conn
	writeMu      *sync.Mutex // guards writes to conn
	seq          int64
	changed      chan struct{} // closed and replaced whenever anything above changes
}

func newFakeDiscord(t testing.TB) *fakeDiscord {
	f := &fakeDiscord{t: t, changed: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v10/gateway/bot", f.gatewayURL)
	mux.HandleFunc("/ws/", f.gateway)
	mux.HandleFunc("/", f.rest)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.close)
	return f
}

// URL is the base URL to give the adapter as Options.APIURL.
func (f *fakeDiscord) URL() string { return f.srv.URL }

func (f *fakeDiscord) close() {
	f.mu.Lock()
	if f.conn != nil {
		f.conn.Close()
	}
	f.mu.Unlock()
	f.srv.CloseClientConnections()
	f.srv.Close()
}

// notify wakes waiters; f.mu must be held.
func (f *fakeDiscord) notify() {
	close(f.changed)
	f.changed = make(chan struct{})
}

func (f *fakeDiscord) gatewayURL(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Authorization") != "Bot "+fakeToken {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"message": "401: Unauthorized", "code": 0}`))
		return
	}
	fmt.Fprintf(w, `{"url":%q,"shards":1}`, "ws://"+r.Host+"/ws/main")
}

func (f *fakeDiscord) rest(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	interactionToken := strings.HasPrefix(r.URL.Path, "/api/v10/webhooks/") || strings.HasPrefix(r.URL.Path, "/api/v10/interactions/")
	if auth := r.Header.Get("Authorization"); auth != "Bot "+fakeToken && !(interactionToken && auth == "") {
		f.t.Errorf("%s %s: authorization header is not the bot token", r.Method, r.URL.Path)
	}
	f.mu.Lock()
	f.requests = append(f.requests, request{Method: r.Method, Path: r.URL.Path, Body: body})
	n := 0
	for _, q := range f.requests {
		if q.Method == r.Method && q.Path == r.URL.Path {
			n++
		}
	}
	hook := f.restHook
	f.notify()
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if hook != nil && hook(w, r, n) {
		return
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case strings.Contains(r.URL.Path, "/commands"):
		w.Write(body) // the commands as created
	case strings.HasPrefix(r.URL.Path, "/api/v10/webhooks/"):
		w.WriteHeader(http.StatusNoContent)
	default:
		fmt.Fprintf(w, `{"id":"%d","channel_id":"1"}`, time.Now().UnixNano())
	}
}

func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("gateway upgrade: %v", err)
		return
	}
	defer c.Close()
	f.mu.Lock()
	f.dials++
	f.notify()
	f.mu.Unlock()
	if f.noHello.Load() {
		c.ReadMessage() // until the bot gives up
		return
	}
	writeMu := &sync.Mutex{}
	write := func(v any) error {
		writeMu.Lock()
		defer writeMu.Unlock()
		return c.WriteJSON(v)
	}
	interval := f.heartbeatMs.Load()
	if interval == 0 {
		interval = 45000
	}
	if err := write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": interval}}); err != nil {
		return
	}
	var first gatewayFrame
	if err := c.ReadJSON(&first); err != nil {
		return
	}
	f.mu.Lock()
	f.handshake = append(f.handshake, first)
	f.paths = append(f.paths, r.URL.Path)
	f.seq++
	seq := f.seq
	f.mu.Unlock()
	switch first.Op {
	case 2:
		err = write(map[string]any{"op": 0, "t": "READY", "s": seq, "d": map[string]any{
			"v": 10, "session_id": fmt.Sprintf("session-%d", len(f.handshakes())),
			"resume_gateway_url": "ws://" + r.Host + "/ws/resume",
			"user":               map[string]any{"id": fakeBotID, "username": "backpainbot", "bot": true},
			"application":        map[string]any{"id": fakeAppID},
			"guilds":             []any{},
		}})
	case 6:
		err = write(map[string]any{"op": 0, "t": "RESUMED", "s": seq, "d": map[string]any{}})
	default:
		f.t.Errorf("gateway: first frame is op %d; want 2 (Identify) or 6 (Resume)", first.Op)
		return
	}
	if err != nil {
		return
	}
	f.mu.Lock()
	f.conn, f.writeMu = c, writeMu
	f.notify()
	f.mu.Unlock()
	for {
		var fr gatewayFrame
		if err := c.ReadJSON(&fr); err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				f.mu.Lock()
				f.clientCloses = append(f.clientCloses, ce.Code)
				f.notify()
				f.mu.Unlock()
			}
			return
		}
		if fr.Op == 1 && !f.noAck.Load() {
			if write(map[string]any{"op": 11}) != nil {
				return
			}
		}
	}
}

// setRESTHook sets restHook.
func (f *fakeDiscord) setRESTHook(h func(w http.ResponseWriter, r *http.Request, n int) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restHook = h
}

// closeWith closes the current gateway connection with a close frame carrying code, as Discord
// does for 4004 and the like.
func (f *fakeDiscord) closeWith(code int) {
	f.t.Helper()
	f.mu.Lock()
	c, mu := f.conn, f.writeMu
	f.conn = nil
	f.mu.Unlock()
	if c == nil {
		f.t.Fatal("closeWith: no gateway connection")
	}
	mu.Lock()
	c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, "test"), time.Now().Add(time.Second))
	mu.Unlock()
	time.AfterFunc(200*time.Millisecond, func() { c.Close() })
}

// send writes a raw frame with op and d on the current gateway connection (op 7, op 9).
func (f *fakeDiscord) send(op int, d any) {
	f.t.Helper()
	f.mu.Lock()
	c, mu := f.conn, f.writeMu
	f.mu.Unlock()
	if c == nil {
		f.t.Fatal("send: no gateway connection")
	}
	mu.Lock()
	err := c.WriteJSON(map[string]any{"op": op, "d": d})
	mu.Unlock()
	if err != nil {
		f.t.Fatalf("send op %d: %v", op, err)
	}
}

// closes returns the close codes the bot has sent so far.
func (f *fakeDiscord) closes() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int(nil), f.clientCloses...)
}

// handshakePaths returns the URL path of each handshake so far.
func (f *fakeDiscord) handshakePaths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.paths...)
}

// wait blocks until cond (called with f.mu held) is true, failing the test after waitFor.
func (f *fakeDiscord) wait(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.NewTimer(waitFor)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		ok, ch := cond(), f.changed
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			f.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// waitConnections waits until the gateway has completed n handshakes in all.
func (f *fakeDiscord) waitConnections(n int) {
	f.t.Helper()
	f.wait(fmt.Sprintf("%d gateway connections", n), func() bool { return len(f.handshake) >= n && f.conn != nil })
}

// handshakes returns the Identify and Resume frames so far.
func (f *fakeDiscord) handshakes() []gatewayFrame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]gatewayFrame(nil), f.handshake...)
}

// waitRequests waits until at least n recorded requests match keep, and returns those.
func (f *fakeDiscord) waitRequests(n int, keep func(request) bool) []request {
	f.t.Helper()
	var got []request
	f.wait(fmt.Sprintf("%d matching requests", n), func() bool {
		got = got[:0]
		for _, r := range f.requests {
			if keep(r) {
				got = append(got, r)
			}
		}
		return len(got) >= n
	})
	return got
}

// all returns every request so far that matches keep.
func (f *fakeDiscord) all(keep func(request) bool) []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var got []request
	for _, r := range f.requests {
		if keep(r) {
			got = append(got, r)
		}
	}
	return got
}

// dispatch sends an op 0 event on the current gateway connection.
func (f *fakeDiscord) dispatch(event string, data any) {
	f.t.Helper()
	d, err := json.Marshal(data)
	if err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	c, mu := f.conn, f.writeMu
	f.seq++
	fr := gatewayFrame{Op: 0, Type: event, S: f.seq, D: d}
	f.mu.Unlock()
	if c == nil {
		f.t.Fatal("dispatch: no gateway connection")
	}
	mu.Lock()
	err = c.WriteJSON(fr)
	mu.Unlock()
	if err != nil {
		f.t.Fatalf("dispatch %s: %v", event, err)
	}
}

// drop cuts the current gateway connection without a close frame, as a network failure would.
func (f *fakeDiscord) drop() {
	f.mu.Lock()
	c := f.conn
	f.conn = nil
	f.mu.Unlock()
	if c != nil {
		c.NetConn().Close()
	}
}

// isPath matches requests by method and exact path.
func isPath(method, path string) func(request) bool {
	return func(r request) bool { return r.Method == method && r.Path == path }
}

// isPrefix matches requests by method and path prefix.
func isPrefix(method, prefix string) func(request) bool {
	return func(r request) bool { return r.Method == method && strings.HasPrefix(r.Path, prefix) }
}

// recorder is a Recorder that remembers outcomes.
type recorder struct {
	mu       sync.Mutex
	outcomes []string
	changed  chan struct{}
}

func newRecorder() *recorder { return &recorder{changed: make(chan struct{})} }

func (r *recorder) Request(adapter, outcome string, elapsed time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if adapter != "discord" || elapsed < 0 {
		outcome = "bad:" + adapter + ":" + outcome
	}
	r.outcomes = append(r.outcomes, outcome)
	close(r.changed)
	r.changed = make(chan struct{})
}

// wait blocks until n requests have been recorded and returns the outcomes.
func (r *recorder) wait(t testing.TB, n int) []string {
	t.Helper()
	deadline := time.NewTimer(waitFor)
	defer deadline.Stop()
	for {
		r.mu.Lock()
		got, ch := append([]string(nil), r.outcomes...), r.changed
		r.mu.Unlock()
		if len(got) >= n {
			return got
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("timed out waiting for %d recorded requests; have %v", n, got)
		}
	}
}

// logBuffer collects log output safely from many goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// harness is an adapter running against a fake Discord.
type harness struct {
	fake    *fakeDiscord
	adapter *Adapter
	metrics *recorder
	logs    *logBuffer
	// secrets are strings that must never appear in the logs: the token and every question.
	secrets []string
}

// start runs an adapter with the real bot against a fake Discord until the test ends, and
// checks on the way out that Run returned nil and the logs hold no secret.
func start(t *testing.T, answerer Answerer, edit func(*Options)) *harness {
	t.Helper()
	h := &harness{fake: newFakeDiscord(t), metrics: newRecorder(), logs: &logBuffer{}, secrets: []string{fakeToken}}
	o := Options{
		Token:         fakeToken,
		ApplicationID: fakeAppID,
		GuildID:       fakeGuild,
		APIURL:        h.fake.URL(),
		Ephemeral:     true,
		PerMinute:     600,
		Burst:         100,
		Logger:        slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Metrics:       h.metrics,
	}
	if edit != nil {
		edit(&o)
	}
	a, err := New(answerer, o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.adapter = a
	if a.gw != nil {
		a.gw.backoffBase = 5 * time.Millisecond // reconnect at once in tests
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(waitFor):
			t.Errorf("Run did not return after its context was cancelled")
		}
		logs := h.logs.String()
		if t.Failed() || testing.Verbose() {
			t.Logf("adapter logs:\n%s", logs)
		}
		for _, s := range h.secrets {
			if s != "" && strings.Contains(logs, s) {
				t.Errorf("the logs contain %q:\n%s", s, logs)
			}
		}
	})
	h.fake.waitConnections(1)
	return h
}

// message returns a MESSAGE_CREATE payload from user in channel (guild "" for a DM).
func message(id, guild, channel, user, content string, mentionBot bool) map[string]any {
	m := map[string]any{
		"id": id, "channel_id": channel, "content": content, "type": 0,
		"author":   map[string]any{"id": user, "username": "user" + user},
		"mentions": []any{},
	}
	if guild != "" {
		m["guild_id"] = guild
	}
	if mentionBot {
		m["mentions"] = []any{map[string]any{"id": fakeBotID, "username": "backpainbot", "bot": true}}
	}
	return m
}

// command returns an INTERACTION_CREATE payload for /backpain question.
func command(id, token, user, question string) map[string]any {
	return map[string]any{
		"id": id, "application_id": fakeAppID, "type": 2, "token": token, "version": 1,
		"guild_id": fakeGuild, "channel_id": "700", "member": map[string]any{"user": map[string]any{"id": user}},
		"data": map[string]any{"id": "1", "name": "backpain", "type": 1, "options": []any{
			map[string]any{"name": "question", "type": 3, "value": question},
		}},
	}
}

// press returns an INTERACTION_CREATE payload for a button press.
func press(id, token, user, customID string) map[string]any {
	return map[string]any{
		"id": id, "application_id": fakeAppID, "type": 3, "token": token, "version": 1,
		"guild_id": fakeGuild, "channel_id": "700", "member": map[string]any{"user": map[string]any{"id": user}},
		"message": map[string]any{"id": "55", "channel_id": "700", "content": ""},
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
	}
}
