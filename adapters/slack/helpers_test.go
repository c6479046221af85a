package slack

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

const testSecret = "test-signing-secret-0123456789abcdef"

// realBot is the bot with the built-in FAQ, built once.
var realBot = sync.OnceValue(func() *bot.Bot { return bot.New(faq.Default(), bot.Options{}) })

// fakeBot is an Answerer made of functions; it counts the questions it is asked.
type fakeBot struct {
	answer func(bot.Question) bot.Reply
	help   func() bot.Reply
	calls  atomic.Int32
}

func (f *fakeBot) Answer(_ context.Context, q bot.Question) bot.Reply {
	f.calls.Add(1)
	return f.answer(q)
}

func (f *fakeBot) Help() bot.Reply {
	f.calls.Add(1)
	return f.help()
}

// countingBot wraps the real bot and counts calls, so tests can assert "no answer".
func countingBot() *fakeBot {
	b := realBot()
	return &fakeBot{
		answer: func(q bot.Question) bot.Reply { return b.Answer(context.Background(), q) },
		help:   b.Help,
	}
}

// loopbackOnly is a response_url client for tests: it refuses every host but loopback, so a
// test whose answer happens to be slow never posts to Slack.
var loopbackOnly = &http.Client{Transport: loopbackTransport{}}

type loopbackTransport struct{}

func (loopbackTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if h := r.URL.Hostname(); h != "127.0.0.1" && h != "::1" && h != "localhost" {
		return nil, errors.New("test: no internet")
	}
	return http.DefaultTransport.RoundTrip(r)
}

// sign computes Slack's v0 signature the way Slack documents it.
func sign(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}

func now() string { return strconv.FormatInt(time.Now().Unix(), 10) }

// form is a slash command body as Slack sends it.
func form(text string, extra ...string) []byte {
	v := url.Values{
		"token":        {"gIkuvaNzQIHg97ATvDxqgjtO"},
		"team_id":      {"T0001"},
		"team_domain":  {"example"},
		"channel_id":   {"C2147483705"},
		"channel_name": {"test"},
		"user_id":      {"U2147483697"},
		"user_name":    {"steve"},
		"command":      {"/backpain"},
		"text":         {text},
		"response_url": {"https://hooks.slack.com/commands/1234/5678"},
		"trigger_id":   {"13345224609.738474920.8088930838d88f008e0"},
		"api_app_id":   {"A123456"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return []byte(v.Encode())
}

// signedRequest is a POST of body signed with secret at timestamp ts.
func signedRequest(t testing.TB, target, secret, ts string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", formType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sign(secret, ts, body))
	return req
}

// gotReply is a slash command reply as Slack reads it.
type gotReply struct {
	ResponseType string     `json:"response_type"`
	Text         string     `json:"text"`
	Blocks       []gotBlock `json:"blocks"`
}

type gotBlock struct {
	Type     string    `json:"type"`
	Text     *gotText  `json:"text"`
	Elements []gotText `json:"elements"`
}

type gotText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

func decodeReply(t testing.TB, data []byte) gotReply {
	t.Helper()
	var r gotReply
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("reply is not JSON: %v\n%s", err, data)
	}
	return r
}

// checkReply asserts Slack's limits and that the reply ends with the disclaimer, in the blocks
// and in the fallback text.
func checkReply(t testing.TB, r gotReply, disclaimer string) {
	t.Helper()
	if n := len(r.Blocks); n == 0 || n > maxBlocks {
		t.Fatalf("got %d blocks, want 1..%d", n, maxBlocks)
	}
	for i, b := range r.Blocks[:len(r.Blocks)-1] {
		if b.Type != "section" || b.Text == nil {
			t.Fatalf("block %d: got type %q, want a section with text", i, b.Type)
		}
		if b.Text.Type != "mrkdwn" {
			t.Errorf("block %d: got text type %q, want mrkdwn", i, b.Text.Type)
		}
		if n := utf8.RuneCountInString(b.Text.Text); n < 1 || n > maxText {
			t.Errorf("block %d: got %d characters, want 1..%d", i, n, maxText)
		}
	}
	last := r.Blocks[len(r.Blocks)-1]
	if last.Type != "context" {
		t.Fatalf("last block: got type %q, want context (the disclaimer)", last.Type)
	}
	if n := len(last.Elements); n < 1 || n > maxElements {
		t.Fatalf("disclaimer: got %d elements, want 1..%d", n, maxElements)
	}
	var parts []string
	for _, e := range last.Elements {
		if n := utf8.RuneCountInString(e.Text); n < 1 || n > maxText {
			t.Errorf("disclaimer element: got %d characters, want 1..%d", n, maxText)
		}
		parts = append(parts, e.Text)
	}
	want := escape(disclaimer)
	if got := strings.Join(parts, " "); strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(want), " ") {
		t.Errorf("last block: got %q, want the disclaimer %q", tail(got), tail(want))
	}
	if !strings.HasSuffix(r.Text, want) {
		t.Errorf("fallback text does not end with the disclaimer: %q", tail(r.Text))
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return "…" + s[len(s)-200:]
	}
	return s
}

// syncBuffer is a bytes.Buffer safe for a server goroutine to log into while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// logLines decodes JSON log lines.
func logLines(t testing.TB, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(s) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		out = append(out, m)
	}
	return out
}

// recorder is a Recorder that remembers outcomes.
type recorder struct {
	mu       sync.Mutex
	outcomes []string
}

func (r *recorder) Request(adapter, outcome string, _ time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outcomes = append(r.outcomes, adapter+":"+outcome)
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.outcomes...)
}
