package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// The REST client here replaces discordgo's for the few calls the adapter makes. discordgo
// sleeps on a 429 (and before a request to an exhausted bucket) with time.Sleep, past any
// deadline and through shutdown, and retries a persistent 429 without a cap. This client never
// waits past its context's deadline, retries at most maxRetries times, and tells the caller how
// many requests the bucket has left, so a long reply can be shortened instead of cut off.

const (
	// apiVersion is the REST and gateway API version.
	apiVersion = "10"
	// maxRetries caps how often one request is retried after a 429 or a 502/503/504.
	maxRetries = 2
	// maxWaitNoDeadline bounds a rate-limit wait when the context has no deadline.
	maxWaitNoDeadline = 5 * time.Second
	// maxResponse bounds a response body read from Discord.
	maxResponse = 1 << 20
)

// RateLimitError is returned when Discord asks the bot to wait longer than the request's
// deadline allows, or still says 429 after maxRetries retries.
type RateLimitError struct {
	// RetryAfter is how long Discord asked to wait.
	RetryAfter time.Duration
	// Global is set when the limit covers every request of the bot.
	Global bool
}

func (e *RateLimitError) Error() string {
	scope := "route"
	if e.Global {
		scope = "global"
	}
	return fmt.Sprintf("rate limited by Discord (%s; retry after %s)", scope, e.RetryAfter.Round(time.Millisecond))
}

// HTTPError is a non-2xx answer from Discord other than a 429. Its text holds the status and
// Discord's error code, never the URL (which may hold an interaction token).
type HTTPError struct {
	Status  int
	Code    int
	Message string
}

func (e *HTTPError) Error() string {
	s := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Code != 0 || e.Message != "" {
		s += fmt.Sprintf(" (Discord code %d: %s)", e.Code, e.Message)
	}
	return s
}

// Permanent reports whether retrying cannot help: Discord refused the token.
func (e *HTTPError) Permanent() bool { return e.Status == http.StatusUnauthorized }

// restResult is what the caller learns from a successful call.
type restResult struct {
	// remaining is X-RateLimit-Remaining, or -1 when Discord did not say.
	remaining int
	// limited is set when the call was rate-limited and succeeded only after waiting.
	limited bool
}

// restClient makes REST calls to Discord under the caller's deadline. It is safe for
// concurrent use.
type restClient struct {
	client *http.Client
	base   string // such as "https://discord.com/api/v10"
	auth   string // "Bot <token>", or "" in the HTTP endpoint mode without a token
	now    func() time.Time

	mu          sync.Mutex
	globalUntil time.Time // no request before this (a global 429)
}

// call sends body as JSON (nil sends none) with method to path under base and decodes a JSON
// answer into out (nil discards it). authed adds the bot token; interaction callbacks and
// webhooks are authorised by the interaction token in their path instead.
func (c *restClient) call(ctx context.Context, method, path string, body, out any, authed bool) (restResult, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return restResult{}, fmt.Errorf("encode request: %w", err)
		}
	}
	res := restResult{remaining: -1}
	for attempt := 0; ; attempt++ {
		if err := c.waitGlobal(ctx); err != nil {
			return res, err
		}
		wait, rl, err := c.once(ctx, method, path, payload, out, authed, &res)
		if err == nil {
			return res, nil
		}
		if wait < 0 || attempt >= maxRetries {
			return res, err
		}
		if err := c.sleep(ctx, wait, rl); err != nil {
			return res, err
		}
		res.limited = res.limited || rl != nil
	}
}

// once makes one request. On failure wait says how long to wait before a retry, or is -1 when
// the failure is not worth retrying; rl is set for a 429.
func (c *restClient) once(ctx context.Context, method, path string, payload []byte, out any, authed bool, res *restResult) (wait time.Duration, rl *RateLimitError, err error) {
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return -1, nil, err
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if authed && c.auth != "" {
		req.Header.Set("Authorization", c.auth)
	}
	req.Header.Set("User-Agent", "DiscordBot (https://github.com/backpainbot/backpainbot, 1)")
	resp, err := c.client.Do(req)
	if err != nil {
		return -1, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return -1, nil, err
	}
	if n, err := strconv.Atoi(resp.Header.Get("X-RateLimit-Remaining")); err == nil {
		res.remaining = n
	}
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		if out != nil && len(data) > 0 {
			if err := json.Unmarshal(data, out); err != nil {
				return -1, nil, fmt.Errorf("decode response: %w", err)
			}
		}
		return 0, nil, nil
	case code == http.StatusTooManyRequests:
		rl := parseRateLimit(resp.Header, data)
		if rl.Global {
			c.mu.Lock()
			c.globalUntil = c.now().Add(rl.RetryAfter)
			c.mu.Unlock()
		}
		return rl.RetryAfter, rl, rl
	case code == http.StatusBadGateway || code == http.StatusServiceUnavailable || code == http.StatusGatewayTimeout:
		return 500 * time.Millisecond, nil, &HTTPError{Status: code}
	default:
		he := &HTTPError{Status: code}
		var msg struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		}
		if json.Unmarshal(data, &msg) == nil {
			he.Code, he.Message = msg.Code, truncate(msg.Message, 200)
		}
		return -1, nil, he
	}
}

// parseRateLimit reads how long to wait from a 429: the largest of Retry-After,
// X-RateLimit-Reset-After and the body's retry_after, in seconds (fractions allowed).
func parseRateLimit(h http.Header, body []byte) *RateLimitError {
	rl := &RateLimitError{Global: h.Get("X-RateLimit-Global") == "true" || h.Get("X-RateLimit-Scope") == "global"}
	seconds := func(s string) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && !math.IsInf(f, 0) {
			if d := time.Duration(math.Min(f, 86400) * float64(time.Second)); d > rl.RetryAfter {
				rl.RetryAfter = d
			}
		}
	}
	seconds(h.Get("Retry-After"))
	seconds(h.Get("X-RateLimit-Reset-After"))
	var b struct {
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}
	if json.Unmarshal(body, &b) == nil {
		seconds(strconv.FormatFloat(b.RetryAfter, 'f', -1, 64))
		rl.Global = rl.Global || b.Global
	}
	if rl.RetryAfter == 0 {
		rl.RetryAfter = time.Second // Discord always says; be careful when it does not
	}
	return rl
}

// waitGlobal waits out a global rate limit, or fails at once when it outlasts the deadline.
func (c *restClient) waitGlobal(ctx context.Context) error {
	c.mu.Lock()
	d := c.globalUntil.Sub(c.now())
	c.mu.Unlock()
	if d <= 0 {
		return nil
	}
	return c.sleep(ctx, d, &RateLimitError{RetryAfter: d, Global: true})
}

// sleep waits d unless that would pass ctx's deadline (or maxWaitNoDeadline without one): then
// it returns at once, with rl when the wait was for a rate limit.
func (c *restClient) sleep(ctx context.Context, d time.Duration, rl *RateLimitError) error {
	limit := maxWaitNoDeadline
	if dl, ok := ctx.Deadline(); ok {
		limit = dl.Sub(c.now())
	}
	if d >= limit {
		if rl != nil {
			return rl
		}
		return context.DeadlineExceeded
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// isRateLimit reports whether err is a rate limit the caller could not wait out.
func isRateLimit(err error) bool {
	var rl *RateLimitError
	return errors.As(err, &rl)
}
