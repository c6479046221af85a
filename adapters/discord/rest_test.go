package discord

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestParseRateLimit(t *testing.T) {
	tests := []struct {
		name       string
		header     map[string]string
		body       string
		want       time.Duration
		wantGlobal bool
	}{
		{"retry-after header", map[string]string{"Retry-After": "2"}, "", 2 * time.Second, false},
		{"reset-after fraction", map[string]string{"X-RateLimit-Reset-After": "0.25"}, "", 250 * time.Millisecond, false},
		{"body", nil, `{"retry_after": 1.5, "global": false}`, 1500 * time.Millisecond, false},
		{"largest wins", map[string]string{"Retry-After": "1", "X-RateLimit-Reset-After": "3.5"}, `{"retry_after": 2}`, 3500 * time.Millisecond, false},
		{"global header", map[string]string{"Retry-After": "1", "X-RateLimit-Global": "true"}, "", time.Second, true},
		{"global scope", map[string]string{"Retry-After": "1", "X-RateLimit-Scope": "global"}, "", time.Second, true},
		{"global body", nil, `{"retry_after": 1, "global": true}`, time.Second, true},
		{"nothing said", nil, "junk", time.Second, false},
		{"negative and junk", map[string]string{"Retry-After": "-5", "X-RateLimit-Reset-After": "NaN"}, "", time.Second, false},
		{"absurd", map[string]string{"Retry-After": "1e300"}, "", 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got := parseRateLimit(h, []byte(tt.body))
			if got.RetryAfter != tt.want || got.Global != tt.wantGlobal {
				t.Errorf("parseRateLimit = %v global %v; want %v global %v", got.RetryAfter, got.Global, tt.want, tt.wantGlobal)
			}
		})
	}
}

// tooMany answers a 429 as Discord does, with rate-limit headers and body.
func tooMany(w http.ResponseWriter, retryAfter string) {
	w.Header().Set("Retry-After", retryAfter)
	w.Header().Set("X-RateLimit-Limit", "5")
	w.Header().Set("X-RateLimit-Remaining", "0")
	w.Header().Set("X-RateLimit-Reset-After", retryAfter)
	w.Header().Set("X-RateLimit-Bucket", "abcd")
	w.WriteHeader(http.StatusTooManyRequests)
	w.Write([]byte(`{"message": "You are being rate limited.", "retry_after": ` + retryAfter + `, "global": false}`))
}

// sentMessages decodes the channel messages sent to channel that Discord accepted, skipping
// the requests rejected with a 429 (rejected says which, by their 1-based number).
func sentMessages(t *testing.T, f *fakeDiscord, channel string, rejected func(n int) bool) []sent {
	t.Helper()
	var msgs []sent
	for n, r := range f.all(isPath(http.MethodPost, "/api/v10/channels/"+channel+"/messages")) {
		if !rejected(n + 1) {
			msgs = append(msgs, sentMessage(t, r))
		}
	}
	return msgs
}

// TestRateLimitedLongReplyKeepsDisclaimer: when Discord's rate limit leaves room for fewer
// messages than a long reply has, the rest is folded into one shortened message that still
// ends with the disclaimer, instead of the reply being cut off before it.
func TestRateLimitedLongReplyKeepsDisclaimer(t *testing.T) {
	t.Parallel()
	r := longReply()
	parts := render(r)
	tests := []struct {
		name     string
		hook     func(w http.ResponseWriter, n int) bool
		rejected func(n int) bool
		want     int // messages accepted
	}{
		{
			name: "bucket says one request left",
			hook: func(w http.ResponseWriter, n int) bool {
				if n == 1 {
					w.Header().Set("X-RateLimit-Remaining", "1")
				}
				return false
			},
			rejected: func(int) bool { return false },
			want:     2,
		},
		{
			name: "429 on the second message",
			hook: func(w http.ResponseWriter, n int) bool {
				if n == 2 {
					tooMany(w, "0.05")
					return true
				}
				return false
			},
			rejected: func(n int) bool { return n == 2 },
			want:     3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, stub{r}, nil)
			h.fake.setRESTHook(func(w http.ResponseWriter, req *http.Request, n int) bool {
				return strings.HasSuffix(req.URL.Path, "/messages") && tt.hook(w, n)
			})
			h.fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "tell me everything", false))
			if got := h.metrics.wait(t, 1); got[0] != OutcomeShortened {
				t.Errorf("outcome %q; want %q", got[0], OutcomeShortened)
			}
			msgs := sentMessages(t, h.fake, "601", tt.rejected)
			if len(msgs) != tt.want {
				t.Fatalf("Discord accepted %d messages; want %d (of %d parts)", len(msgs), tt.want, len(parts))
			}
			checkMessages(t, msgs, r.Disclaimer)
			last := msgs[len(msgs)-1]
			if !strings.Contains(last.Content, "Shortened") {
				t.Errorf("the last message does not say it was shortened:\n%s", last.Content)
			}
			if got, want := len(last.Components), len(parts[len(parts)-1].Components); got != want {
				t.Errorf("the shortened message has %d rows of buttons; want the reply's %d", got, want)
			}
			for i := 0; i < tt.want-1; i++ {
				if msgs[i].Content != parts[i].Content {
					t.Errorf("message %d is not part %d", i, i)
				}
			}
		})
	}
}

// TestPersistent429 checks that a route Discord keeps refusing is neither slept on past the
// request's deadline nor retried without end (which counts towards Discord's ban on invalid
// requests).
func TestPersistent429(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		retryAfter string
		want       int // requests to the route
	}{
		{"wait longer than the deadline", "30", 1},
		{"short waits, retries capped", "0.01", 1 + maxRetries},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, stub{longReply()}, nil)
			h.fake.setRESTHook(func(w http.ResponseWriter, req *http.Request, n int) bool {
				if strings.HasSuffix(req.URL.Path, "/messages") {
					tooMany(w, tt.retryAfter)
					return true
				}
				return false
			})
			h.fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "tell me everything", false))
			if got := h.metrics.wait(t, 1); got[0] != OutcomeError {
				t.Errorf("outcome %q; want %q", got[0], OutcomeError)
			}
			if n := len(h.fake.all(isPath(http.MethodPost, "/api/v10/channels/601/messages"))); n != tt.want {
				t.Errorf("%d requests; want %d", n, tt.want)
			}
			if !strings.Contains(h.logs.String(), "rate limited by Discord") {
				t.Errorf("the log does not say Discord rate-limited the reply:\n%s", h.logs)
			}
		})
	}
}

// TestRESTNeverSleepsPastDeadline calls the client directly: a 429 asking for longer than the
// context has left fails at once with a *RateLimitError, and a global 429 holds back the next
// request too.
func TestRESTNeverSleepsPastDeadline(t *testing.T) {
	t.Parallel()
	fake := newFakeDiscord(t)
	fake.setRESTHook(func(w http.ResponseWriter, r *http.Request, n int) bool {
		w.Header().Set("X-RateLimit-Global", "true")
		tooMany(w, "20")
		return true
	})
	c := &restClient{client: http.DefaultClient, base: fake.URL() + "/api/v10", auth: "Bot " + fakeToken, now: time.Now}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	begin := time.Now()
	_, err := c.sendMessage(ctx, "601", nil)
	if !isRateLimit(err) {
		t.Fatalf("sendMessage = %v; want a *RateLimitError", err)
	}
	_, err = c.sendMessage(ctx, "602", nil)
	if !isRateLimit(err) {
		t.Fatalf("second sendMessage = %v; want a *RateLimitError from the global limit", err)
	}
	if n := len(fake.all(func(request) bool { return true })); n != 1 {
		t.Errorf("%d requests; want 1 (the second is held back by the global limit)", n)
	}
	if ctx.Err() != nil {
		t.Errorf("the calls used up the context (%v since start); they should fail at once", time.Since(begin))
	}
}

// TestShutdownDuringRateLimitWait: a reply waiting out a 429 that fits its deadline does not
// hold up shutdown beyond the grace period.
func TestShutdownDuringRateLimitWait(t *testing.T) {
	t.Parallel()
	fake := newFakeDiscord(t)
	a, err := New(stub{longReply()}, Options{Token: fakeToken, ApplicationID: fakeAppID, APIURL: fake.URL()})
	if err != nil {
		t.Fatal(err)
	}
	a.grace = 50 * time.Millisecond
	fake.setRESTHook(func(w http.ResponseWriter, r *http.Request, n int) bool {
		if strings.HasSuffix(r.URL.Path, "/messages") {
			tooMany(w, "8") // within the 10 s deadline, so the client waits
			return true
		}
		return false
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	fake.waitConnections(1)
	fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "tell me everything", false))
	fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/channels/601/messages"))
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("shutdown waited on the rate-limit sleep")
	}
}
