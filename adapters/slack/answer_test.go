package slack

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store"
	"github.com/backpainbot/backpainbot/adapters/store/redistest"
	"github.com/backpainbot/backpainbot/bot"
)

// unsignedPost is a POST of body with no signature headers.
func unsignedPost(t *testing.T, target string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", formType)
	return req
}

func TestSSLCheck(t *testing.T) {
	a := countingBot()
	srv := serve(t, a, Options{})
	target := srv.URL + "/slack/commands"
	tests := []struct {
		name     string
		req      func() *http.Request
		wantCode int
	}{
		{"unsigned ssl check", func() *http.Request {
			return unsignedPost(t, target, []byte("ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO"))
		}, http.StatusOK},
		{"signed ssl check", func() *http.Request {
			return signedRequest(t, target, testSecret, now(), []byte("ssl_check=1&token=x"))
		}, http.StatusOK},
		{"unsigned command", func() *http.Request { return unsignedPost(t, target, form("what is sciatica")) }, http.StatusUnauthorized},
		{"unsigned ssl_check=0", func() *http.Request { return unsignedPost(t, target, []byte("ssl_check=0")) }, http.StatusUnauthorized},
		{"unsigned ssl check too large", func() *http.Request {
			return unsignedPost(t, target, []byte("ssl_check=1&pad="+strings.Repeat("a", 2000)))
		}, http.StatusUnauthorized},
		{"unsigned ssl check as json", func() *http.Request {
			r := unsignedPost(t, target, []byte(`{"ssl_check":"1"}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, http.StatusUnauthorized},
		{"timestamp only is not unsigned", func() *http.Request {
			r := unsignedPost(t, target, []byte("ssl_check=1"))
			r.Header.Set("X-Slack-Request-Timestamp", now())
			return r
		}, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.req())
			if resp.StatusCode != tt.wantCode {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantCode)
			}
			if tt.wantCode == http.StatusOK && len(body) != 0 {
				t.Errorf("body = %q, want empty", body)
			}
		})
	}
	if n := a.calls.Load(); n != 0 {
		t.Errorf("the bot was asked %d times, want 0", n)
	}
}

// hookServer stands in for a response_url; it delivers each posted body on the channel.
func hookServer(t *testing.T, status int) (*httptest.Server, <-chan []byte) {
	t.Helper()
	got := make(chan []byte, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("response_url got %s with Content-Type %q, want POST of JSON", r.Method, r.Header.Get("Content-Type"))
		}
		got <- b
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return srv, got
}

// slowBot answers like the real bot after delay.
func slowBot(delay time.Duration) *fakeBot {
	b := realBot()
	return &fakeBot{
		answer: func(q bot.Question) bot.Reply {
			time.Sleep(delay)
			return b.Answer(context.Background(), q)
		},
		help: b.Help,
	}
}

func allowHost(hook *httptest.Server) func(*neturl.URL) bool {
	want, _ := neturl.Parse(hook.URL)
	return func(u *neturl.URL) bool { return u.Host == want.Host }
}

func TestLateAnswerGoesToResponseURL(t *testing.T) {
	hook, posted := hookServer(t, http.StatusOK)
	rec := &recorder{}
	srv := serve(t, slowBot(300*time.Millisecond), Options{
		AckAfter:         20 * time.Millisecond,
		AllowResponseURL: allowHost(hook),
		Metrics:          rec,
	})
	body := form("what is sciatica", "response_url", hook.URL+"/commands/T1/123/abc")
	start := time.Now()
	resp, got := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), body))
	if resp.StatusCode != http.StatusOK || len(got) != 0 {
		t.Fatalf("acknowledgement = %d %q, want an empty 200", resp.StatusCode, got)
	}
	if took := time.Since(start); took >= 300*time.Millisecond {
		t.Errorf("acknowledged after %v, want before the answer was ready", took)
	}
	select {
	case b := <-posted:
		r := decodeReply(t, b)
		checkReply(t, r, realBot().FAQ().Disclaimer)
		if r.ResponseType != "ephemeral" || !strings.Contains(string(b), "What is sciatica?") {
			t.Errorf("posted reply = %s %.200s, want the ephemeral answer", r.ResponseType, b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing posted to response_url")
	}
	waitFor(t, func() bool { return len(rec.got()) == 1 })
	if got := rec.got(); got[0] != "slack:answered" {
		t.Errorf("metrics = %v, want [slack:answered]", got)
	}
}

func TestFastAnswerStaysInTheResponse(t *testing.T) {
	hook, posted := hookServer(t, http.StatusOK)
	srv := serve(t, countingBot(), Options{AckAfter: 2 * time.Second, AllowResponseURL: allowHost(hook)})
	body := form("what is sciatica", "response_url", hook.URL+"/x")
	resp, got := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), body))
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(got), "What is sciatica?") {
		t.Fatalf("reply = %d %.200s, want the answer in the response", resp.StatusCode, got)
	}
	select {
	case b := <-posted:
		t.Errorf("posted %.100s to response_url, want nothing", b)
	case <-time.After(50 * time.Millisecond):
	}
}

// TestLateAnswerRefusesOtherHosts: with the default allow-list, a response_url anywhere but
// hooks.slack.com receives nothing; the late answer comes in the response instead.
func TestLateAnswerRefusesOtherHosts(t *testing.T) {
	hook, posted := hookServer(t, http.StatusOK)
	var logs syncBuffer
	srv := serve(t, slowBot(50*time.Millisecond), Options{
		AckAfter: 10 * time.Millisecond,
		Logger:   slog.New(slog.NewJSONHandler(&logs, nil)),
	})
	body := form("what is sciatica", "response_url", hook.URL+"/commands/T1/1/a")
	resp, got := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), body))
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(got), "What is sciatica?") {
		t.Fatalf("reply = %d %.200s, want the answer in the response", resp.StatusCode, got)
	}
	select {
	case b := <-posted:
		t.Errorf("posted %.100s to a host that is not Slack's", b)
	case <-time.After(100 * time.Millisecond):
	}
	if strings.Contains(logs.String(), hook.URL) {
		t.Errorf("log names the response_url:\n%s", logs.String())
	}
}

func TestSlackResponseURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", true},
		{"http://hooks.slack.com/commands/T1/1/a", false},
		{"https://hooks.slack.com:8443/commands/T1/1/a", false},
		{"https://user:pw@hooks.slack.com/commands/T1/1/a", false},
		{"https://hooks.slack.com.evil.example/commands", false},
		{"https://evil.example/hooks.slack.com", false},
		{"https://127.0.0.1/commands", false},
		{"//hooks.slack.com/commands", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			u, err := neturl.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := slackResponseURL(u); got != tt.want {
				t.Errorf("slackResponseURL(%s) = %v, want %v", tt.url, got, tt.want)
			}
		})
	}
}

// TestLateAnswerPostFails: a response_url that answers 500 is logged as a failure.
func TestLateAnswerPostFails(t *testing.T) {
	hook, posted := hookServer(t, http.StatusInternalServerError)
	rec := &recorder{}
	srv := serve(t, slowBot(50*time.Millisecond), Options{AckAfter: 5 * time.Millisecond, AllowResponseURL: allowHost(hook), Metrics: rec})
	resp, _ := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("what is sciatica", "response_url", hook.URL+"/x")))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("acknowledgement = %d, want 200", resp.StatusCode)
	}
	<-posted
	waitFor(t, func() bool { return len(rec.got()) == 1 })
	if got := rec.got(); got[0] != "slack:failed" {
		t.Errorf("metrics = %v, want [slack:failed]", got)
	}
}

// failingStore fails every call, like a Redis that cannot be reached.
type failingStore struct{ calls atomic.Int32 }

func (f *failingStore) SeenFirst(context.Context, string, time.Duration) (bool, error) {
	f.calls.Add(1)
	return false, errors.New("dial tcp 127.0.0.1:6379: connect: connection refused")
}

func (f *failingStore) Allow(context.Context, string, store.Rate) (bool, error) {
	f.calls.Add(1)
	return false, errors.New("connection refused")
}

// TestStoreDownFailsClosed: when the store cannot say whether a signature is new, the request
// is refused with 503 and the bot is not asked.
func TestStoreDownFailsClosed(t *testing.T) {
	a := countingBot()
	var logs syncBuffer
	st := &failingStore{}
	srv := serve(t, a, Options{Store: st, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	for range 3 {
		resp, _ := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("what is sciatica")))
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("status = %d, want 503", resp.StatusCode)
		}
	}
	if n := a.calls.Load(); n != 0 {
		t.Errorf("the bot was asked %d times, want 0", n)
	}
	if n := strings.Count(logs.String(), "store unavailable"); n != 1 {
		t.Errorf("logged the outage %d times, want once:\n%s", n, logs.String())
	}
	// Unsigned requests never reach the store.
	before := st.calls.Load()
	do(t, unsignedPost(t, srv.URL+"/slack/commands", form("x")))
	if st.calls.Load() != before {
		t.Error("an unsigned request reached the store")
	}
}

func TestRateLimit(t *testing.T) {
	rec := &recorder{}
	srv := serve(t, countingBot(), Options{RateLimit: store.Rate{PerMinute: 1, Burst: 2}, Metrics: rec})
	ask := func(user string) gotReply {
		t.Helper()
		resp, body := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("what is sciatica", "user_id", user, "trigger_id", time.Now().String())))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status = %d, want 200", resp.StatusCode)
		}
		return decodeReply(t, body)
	}
	ask("U1")
	ask("U1")
	r := ask("U1")
	checkReply(t, r, realBot().FAQ().Disclaimer)
	if r.ResponseType != "ephemeral" || !strings.Contains(r.Text, "several questions") {
		t.Errorf("third question = %s %q, want the ephemeral rate-limit notice", r.ResponseType, tail(r.Text))
	}
	if r := ask("U2"); !strings.Contains(r.Text, "sciatica") {
		t.Errorf("another user's question = %q, want an answer", tail(r.Text))
	}
	want := "[slack:answered slack:answered slack:rate_limited slack:answered]"
	if got := rec.got(); strings.Join(got, " ") != strings.Trim(want, "[]") {
		t.Errorf("metrics = %v, want %s", got, want)
	}
}

// TestReplayAcrossReplicas: two handlers sharing one redis-server are two replicas; a
// request seen by one is refused by the other.
func TestReplayAcrossReplicas(t *testing.T) {
	url := redistest.URL(t)
	replica := func() *httptest.Server {
		st, err := store.Open(url, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return serve(t, countingBot(), Options{Store: st})
	}
	a, b := replica(), replica()
	body := form("what is sciatica", "trigger_id", time.Now().String())
	ts := now()
	if resp, _ := do(t, signedRequest(t, a.URL+"/slack/commands", testSecret, ts, body)); resp.StatusCode != http.StatusOK {
		t.Fatalf("replica a: status = %d, want 200", resp.StatusCode)
	}
	if resp, _ := do(t, signedRequest(t, b.URL+"/slack/commands", testSecret, ts, body)); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("replay at replica b: status = %d, want 401", resp.StatusCode)
	}
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestLateAnswerFollowsNoRedirect: a response_url that redirects elsewhere does not get the
// answer there; the default client follows no redirects.
func TestLateAnswerFollowsNoRedirect(t *testing.T) {
	elsewhere, leaked := hookServer(t, http.StatusOK)
	hook := httptest.NewServer(http.RedirectHandler(elsewhere.URL+"/stolen", http.StatusTemporaryRedirect))
	t.Cleanup(hook.Close)
	rec := &recorder{}
	h := NewHandler(slowBot(50*time.Millisecond), Options{
		SigningSecret:    testSecret,
		AckAfter:         5 * time.Millisecond,
		AllowResponseURL: allowHost(hook),
		Metrics:          rec,
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	resp, _ := do(t, signedRequest(t, srv.URL, testSecret, now(), form("what is sciatica", "response_url", hook.URL+"/x")))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("acknowledgement = %d, want 200", resp.StatusCode)
	}
	waitFor(t, func() bool { return len(rec.got()) == 1 })
	if got := rec.got(); got[0] != "slack:failed" {
		t.Errorf("metrics = %v, want [slack:failed]", got)
	}
	select {
	case b := <-leaked:
		t.Errorf("the redirect target got %.100s", b)
	default:
	}
}
