package slack

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/bot"
)

// serve runs a loopback server with the handler mounted as serve will mount it.
func serve(t *testing.T, a Answerer, o Options) *httptest.Server {
	t.Helper()
	if o.SigningSecret == "" {
		o.SigningSecret = testSecret
	}
	if o.ResponseClient == nil {
		o.ResponseClient = loopbackOnly
	}
	mux := http.NewServeMux()
	mux.Handle("/slack/commands", NewHandler(a, o))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestHandlerAnswers(t *testing.T) {
	disclaimer := realBot().FAQ().Disclaimer
	for _, tc := range []struct {
		name         string
		text         string
		wantType     string
		wantContains string
		wantOutcome  string
	}{
		{"question", "what is sciatica", "ephemeral", "*What is sciatica?*", "answered"},
		{"share", "share what is sciatica", "in_channel", "*What is sciatica?*", "answered"},
		{"share any case", "  SHARE   what is sciatica ", "in_channel", "*What is sciatica?*", "answered"},
		{"help", "help", "ephemeral", "How to ask", "help"},
		{"empty", "", "ephemeral", "How to ask", "help"},
		{"share alone", "share", "ephemeral", "How to ask", "help"},
		{"no match", "qwxz vbnm plok", "ephemeral", "• ", "no_match"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			srv := serve(t, realBot(), Options{Metrics: rec})
			resp, body := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form(tc.text)))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status: got %d, want 200; body %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type: got %q, want application/json", ct)
			}
			r := decodeReply(t, body)
			if r.ResponseType != tc.wantType {
				t.Errorf("response_type: got %q, want %q", r.ResponseType, tc.wantType)
			}
			checkReply(t, r, disclaimer)
			if !strings.Contains(string(body), tc.wantContains) {
				t.Errorf("reply does not contain %q:\n%s", tc.wantContains, body)
			}
			if got, want := rec.got(), []string{"slack:" + tc.wantOutcome}; !slices.Equal(got, want) {
				t.Errorf("metrics: got %v, want %v", got, want)
			}
		})
	}
}

// TestHandlerUrgentFirst: an urgent notice leads the reply, visibly marked.
func TestHandlerUrgentFirst(t *testing.T) {
	srv := serve(t, &fakeBot{answer: func(bot.Question) bot.Reply { return urgentReply() }}, Options{})
	_, body := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("anything")))
	r := decodeReply(t, body)
	checkReply(t, r, urgentReply().Disclaimer)
	if got := r.Blocks[0].Text.Text; !strings.HasPrefix(got, ":rotating_light: *Urgent: get help now*\n") {
		t.Errorf("first block: got %q, want the urgent notice", got)
	}
}

func TestHandlerRejects(t *testing.T) {
	const question = "ZEBRA-QUESTION my lower back hurts when I lift"
	body := form(question)
	url := "/slack/commands"
	old := strconv.FormatInt(time.Now().Add(-10*time.Minute).Unix(), 10)
	future := strconv.FormatInt(time.Now().Add(10*time.Minute).Unix(), 10)
	big := form(question + strings.Repeat(" and more", maxBody/9))
	replayTS := now()

	for _, tc := range []struct {
		name       string
		request    func(t *testing.T, base string) *http.Request
		before     func(t *testing.T, base string) // a first request, for replay
		wantStatus int
		wantReason string
	}{
		{
			name: "bad signature",
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, "another-secret", now(), body)
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonBadSignature,
		},
		{
			name: "body changed after signing",
			request: func(t *testing.T, base string) *http.Request {
				ts := now()
				r := signedRequest(t, base+url, testSecret, ts, body)
				r.Header.Set("X-Slack-Signature", sign(testSecret, ts, form("something else")))
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonBadSignature,
		},
		{
			name: "missing headers",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Header.Del("X-Slack-Signature")
				r.Header.Del("X-Slack-Request-Timestamp")
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonMissingHeader,
		},
		{
			name: "missing timestamp",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Header.Del("X-Slack-Request-Timestamp")
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonMissingHeader,
		},
		{
			name: "signature not hex",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Header.Set("X-Slack-Signature", "v0=not-hex")
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonBadHeader,
		},
		{
			name: "old timestamp",
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, testSecret, old, body)
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonExpired,
		},
		{
			name: "future timestamp",
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, testSecret, future, body)
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonExpired,
		},
		{
			name: "replay",
			before: func(t *testing.T, base string) {
				resp, _ := do(t, signedRequest(t, base+url, testSecret, replayTS, body))
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("first request: got %d, want 200", resp.StatusCode)
				}
			},
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, testSecret, replayTS, body)
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonReplay,
		},
		{
			name: "replay with signature in upper case",
			before: func(t *testing.T, base string) {
				resp, _ := do(t, signedRequest(t, base+url, testSecret, replayTS, body))
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("first request: got %d, want 200", resp.StatusCode)
				}
			},
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, replayTS, body)
				r.Header.Set("X-Slack-Signature", "v0="+strings.ToUpper(strings.TrimPrefix(r.Header.Get("X-Slack-Signature"), "v0=")))
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonReplay,
		},
		{
			name: "body too large",
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, testSecret, now(), big)
			},
			wantStatus: http.StatusRequestEntityTooLarge, wantReason: reasonTooLarge,
		},
		{
			name: "GET",
			request: func(t *testing.T, base string) *http.Request {
				r, _ := http.NewRequest(http.MethodGet, base+url+"?text="+neturl.QueryEscape(question), nil)
				return r
			},
			wantStatus: http.StatusMethodNotAllowed, wantReason: reasonMethod,
		},
		{
			name: "PUT, signed",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Method = http.MethodPut
				return r
			},
			wantStatus: http.StatusMethodNotAllowed, wantReason: reasonMethod,
		},
		{
			name: "content type JSON",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Header.Set("Content-Type", "application/json")
				return r
			},
			wantStatus: http.StatusBadRequest, wantReason: reasonContentType,
		},
		{
			name: "content type missing",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, testSecret, now(), body)
				r.Header.Del("Content-Type")
				return r
			},
			wantStatus: http.StatusBadRequest, wantReason: reasonContentType,
		},
		{
			name: "content type wrong and unsigned",
			request: func(t *testing.T, base string) *http.Request {
				r := signedRequest(t, base+url, "another-secret", now(), body)
				r.Header.Set("Content-Type", "text/plain")
				return r
			},
			wantStatus: http.StatusUnauthorized, wantReason: reasonBadSignature,
		},
		{
			name: "malformed form",
			request: func(t *testing.T, base string) *http.Request {
				return signedRequest(t, base+url, testSecret, now(), append(body, "&text=%zz"+question...))
			},
			wantStatus: http.StatusBadRequest, wantReason: reasonMalformedForm,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs syncBuffer
			a := countingBot()
			rec := &recorder{}
			srv := serve(t, a, Options{
				Logger:  slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
				Metrics: rec,
			})
			if tc.before != nil {
				tc.before(t, srv.URL)
			}
			calls := a.calls.Load()
			before := len(logLines(t, logs.String()))

			resp, got := do(t, tc.request(t, srv.URL))
			if resp.StatusCode != tc.wantStatus {
				t.Fatalf("status: got %d, want %d; body %q", resp.StatusCode, tc.wantStatus, got)
			}
			if tc.wantStatus == http.StatusMethodNotAllowed && resp.Header.Get("Allow") != http.MethodPost {
				t.Errorf("Allow: got %q, want POST", resp.Header.Get("Allow"))
			}
			if n := a.calls.Load() - calls; n != 0 {
				t.Errorf("bot asked %d times, want 0", n)
			}
			if want := http.StatusText(tc.wantStatus) + "\n"; string(got) != want {
				t.Errorf("body: got %q, want only %q", got, want)
			}
			for _, leak := range []string{"ZEBRA", "lower back", "disclaimer", "blocks"} {
				if bytes.Contains(bytes.ToLower(got), []byte(strings.ToLower(leak))) {
					t.Errorf("body echoes %q: %q", leak, got)
				}
			}
			lines := logLines(t, logs.String())[before:]
			if len(lines) != 1 {
				t.Fatalf("got %d log lines, want 1: %v", len(lines), lines)
			}
			if lines[0]["reason"] != tc.wantReason || lines[0]["status"] != float64(tc.wantStatus) {
				t.Errorf("log: got reason %v status %v, want %s %d", lines[0]["reason"], lines[0]["status"], tc.wantReason, tc.wantStatus)
			}
			if strings.Contains(logs.String(), "ZEBRA") || strings.Contains(logs.String(), testSecret) {
				t.Errorf("log holds the question or the secret: %s", logs.String())
			}
			if outs := rec.got(); len(outs) == 0 || outs[len(outs)-1] != "slack:rejected" {
				t.Errorf("metrics: got %v, want last slack:rejected", outs)
			}
		})
	}
}

// TestHandlerNoSecret: without a signing secret nothing is answered.
func TestHandlerNoSecret(t *testing.T) {
	a := countingBot()
	h := NewHandler(a, Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, signedRequest(t, "/slack/commands", "", now(), form("what is sciatica")))
	if rec.Code != http.StatusInternalServerError || a.calls.Load() != 0 {
		t.Errorf("got status %d and %d answers, want 500 and none", rec.Code, a.calls.Load())
	}
}

// TestHandlerLogsNoText runs whole requests, answered and rejected, and checks that neither
// the question, the user's raw id and name, nor any secret reaches the log.
func TestHandlerLogsNoText(t *testing.T) {
	const question = "xyzzy my sciatica is terrible at night"
	var logs syncBuffer
	srv := serve(t, realBot(), Options{
		Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	body := form(question, "user_id", "U2CERLKJA", "user_name", "roadrunner", "team_id", "T1DC2JH3J")
	ts := now()
	req := signedRequest(t, srv.URL+"/slack/commands", testSecret, ts, body)
	sig := req.Header.Get("X-Slack-Signature")
	if resp, _ := do(t, req); resp.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d, want 200", resp.StatusCode)
	}
	if resp, _ := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, ts, body)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("replay: got %d, want 401", resp.StatusCode)
	}
	if resp, _ := do(t, signedRequest(t, srv.URL+"/slack/commands", "wrong", ts, body)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("bad signature: got %d, want 401", resp.StatusCode)
	}

	out := logs.String()
	for _, secret := range []string{"xyzzy", "sciatica", "terrible", "roadrunner", "U2CERLKJA", testSecret, strings.TrimPrefix(sig, "v0="), "gIkuvaNzQIHg97ATvDxqgjtO", "hooks.slack.com"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
	lines := logLines(t, out)
	if len(lines) != 3 {
		t.Fatalf("got %d log lines, want 3:\n%s", len(lines), out)
	}
	first := lines[0]
	if o := first["outcome"]; o != "answered" && o != "suggested" && o != "no_match" && o != "triaged" {
		t.Errorf("log outcome: got %v, want a reply outcome", o)
	}
	for key, want := range map[string]any{"team_id": "T1DC2JH3J", "command": "/backpain", "response_type": "ephemeral", "adapter": "slack", "mode": "http"} {
		if first[key] != want {
			t.Errorf("log %s: got %v, want %v", key, first[key], want)
		}
	}
	if u, _ := first["user"].(string); len(u) != 12 {
		t.Errorf("log user: got %q, want a 12-character hash", u)
	}
	if _, ok := first["duration"]; !ok {
		t.Error("log has no duration")
	}
}

// TestHandlerEscapes: text that looks like markup, a mention or a script arrives as text.
func TestHandlerEscapes(t *testing.T) {
	r := escapeReply()
	srv := serve(t, &fakeBot{answer: func(bot.Question) bot.Reply { return r }}, Options{})
	_, body := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("<@U999> & <script>")))
	got := decodeReply(t, body)
	checkReply(t, got, r.Disclaimer)
	all := got.Text
	for _, b := range got.Blocks {
		if b.Text != nil {
			all += b.Text.Text
		}
		for _, e := range b.Elements {
			all += e.Text
		}
	}
	for _, raw := range []string{"<script>", "<@U123>", "<!channel>", "<https://evil.example|x>", "& "} {
		if strings.Contains(all, raw) {
			t.Errorf("reply holds unescaped %q", raw)
		}
	}
	for _, esc := range []string{"&lt;script&gt; &amp; &lt;@U123&gt;", "&lt;!channel&gt;", "Tips &amp; tricks &lt;b&gt;", "&lt;careful&gt;"} {
		if !strings.Contains(all, esc) {
			t.Errorf("reply lacks escaped %q", esc)
		}
	}
}

// TestHandlerLongReply: a reply far beyond Slack's limits is split and cut to fit, and still
// ends with the disclaimer.
func TestHandlerLongReply(t *testing.T) {
	r := longReply()
	srv := serve(t, &fakeBot{answer: func(bot.Question) bot.Reply { return r }}, Options{})
	resp, body := do(t, signedRequest(t, srv.URL+"/slack/commands", testSecret, now(), form("long")))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d", resp.StatusCode)
	}
	if len(body) > maxPayload {
		t.Errorf("reply is %d bytes, want at most %d", len(body), maxPayload)
	}
	got := decodeReply(t, body)
	checkReply(t, got, r.Disclaimer)
	if !strings.HasPrefix(got.Blocks[0].Text.Text, ":rotating_light:") {
		t.Errorf("first block: got %q, want the urgent notice", got.Blocks[0].Text.Text)
	}
	if got := got.Blocks[len(got.Blocks)-2].Text.Text; got != shortened {
		t.Errorf("block before the disclaimer: got %q, want the shortened note", got)
	}
}

func TestHandlerCancelledContext(t *testing.T) {
	// The bot never fails; a cancelled request still gets a full reply.
	h := NewHandler(realBot(), Options{SigningSecret: testSecret, ResponseClient: loopbackOnly})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := signedRequest(t, "/slack/commands", testSecret, now(), form("what is sciatica")).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status: got %d, want 200", rec.Code)
	}
	checkReply(t, decodeReply(t, rec.Body.Bytes()), realBot().FAQ().Disclaimer)
}
