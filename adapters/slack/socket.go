package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/backpainbot/backpainbot/adapters/store"
)

// SocketOptions configure Socket Mode.
type SocketOptions struct {
	// AppToken is the app-level token, "xapp-...", with the connections:write scope. It is the
	// only token Socket Mode needs: commands are answered in their acknowledgements, so the
	// bot never calls the Web API with a bot token.
	AppToken string
	// APIURL overrides Slack's Web API base URL, for tests; "" uses Slack's.
	APIURL string
	// Command is the slash command as registered in the app, default "/backpain".
	Command string
	// Logger receives connection events and one line per command; nil discards them.
	Logger *slog.Logger
	// Metrics counts commands; nil counts nothing.
	Metrics Recorder
	// PingTimeout is how long the connection may go without a ping from Slack (which pings
	// every few seconds) before it is presumed dead and replaced; 0 means 30 s.
	PingTimeout time.Duration
	// MinBackoff and MaxBackoff bound the wait before reconnecting, which doubles after each
	// failed or short-lived connection and is jittered so that replicas do not reconnect in
	// step; 0 means 1 s and 2 min.
	MinBackoff, MaxBackoff time.Duration
	// StableAfter is how long a connection must last for the wait to start again from
	// MinBackoff; 0 means 1 min.
	StableAfter time.Duration
	// State, when set, is told each change of the connection's state (for /healthz and
	// /metrics through the process's adapter supervision); Health and Connected say the same.
	State StateReporter
	// Store, RateLimit, AckAfter, ResponseClient and AllowResponseURL are as in Options: the
	// per-user rate limit, and the response_url fallback for an answer not ready in time.
	Store            Shared
	RateLimit        store.Rate
	AckAfter         time.Duration
	ResponseClient   *http.Client
	AllowResponseURL func(*url.URL) bool
}

// StateReporter is told where the connection is; ops.AdapterState has these methods.
type StateReporter interface {
	Starting()
	Connected()
	Retrying(err error)
	Stopped(err error)
}

// Socket Mode defaults.
const (
	defaultPingTimeout = 30 * time.Second
	defaultMinBackoff  = time.Second
	defaultMaxBackoff  = 2 * time.Minute
	defaultStableAfter = time.Minute
	// shutdownWait bounds how long Run waits for slack-go to close once ctx is done.
	shutdownWait = 5 * time.Second
)

// Socket is a Socket Mode connection to Slack, kept up by Run. Its state is safe to read
// from other goroutines (for /healthz and /metrics) while Run runs.
type Socket struct {
	opts  []slack.Option // for a Web API client, without its HTTP client
	rs    responder
	o     SocketOptions
	state socketState
	rand  func(n int64) int64
}

// RunSocketMode is NewSocketMode followed by Run.
func RunSocketMode(ctx context.Context, a Answerer, o SocketOptions) error {
	s, err := NewSocketMode(a, o)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// NewSocketMode checks the app token's form and returns a Socket ready to Run.
func NewSocketMode(a Answerer, o SocketOptions) (*Socket, error) {
	if !strings.HasPrefix(o.AppToken, "xapp-") {
		return nil, errors.New("slack socket mode: the app token (SLACK_APP_TOKEN) must be an app-level token starting with xapp-")
	}
	opts := []slack.Option{slack.OptionAppLevelToken(o.AppToken)}
	if o.APIURL != "" {
		u := o.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slack.OptionAPIURL(u))
	}
	if o.PingTimeout <= 0 {
		o.PingTimeout = defaultPingTimeout
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = defaultMinBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = defaultMaxBackoff
	}
	o.MaxBackoff = max(o.MaxBackoff, o.MinBackoff)
	if o.StableAfter <= 0 {
		o.StableAfter = defaultStableAfter
	}
	s := &Socket{
		opts: opts,
		rs:   newResponder(a, o.Command, o.Logger, o.Metrics, "socket"),
		o:    o,
		rand: rand.Int64N,
	}
	s.rs.delivery = delivery{
		store:    o.Store,
		rate:     o.RateLimit,
		ackAfter: o.AckAfter,
		client:   o.ResponseClient,
		allowURL: o.AllowResponseURL,
	}.withDefaults()
	s.state.report = o.State
	s.state.set(stateConnecting, "")
	return s, nil
}

// Run connects to Slack and answers slash commands until ctx is done, then returns nil.
// A connection that drops, that Slack asks to refresh, or that goes without pings for
// PingTimeout is replaced after a jittered, growing wait. Run returns an error, and the state
// says why, only when Slack refuses the app token: it is invalid, revoked, not an app-level
// token, or lacks the connections:write scope. Retrying would not help then.
func (s *Socket) Run(ctx context.Context) error {
	attempt := 0
	for {
		up, err := s.session(ctx)
		if ctx.Err() != nil {
			s.state.set(stateStopped, "")
			return nil
		}
		if fatal := refusal(err); fatal != nil {
			s.state.fail(fatal)
			s.rs.log.LogAttrs(ctx, slog.LevelError, "slack refused the app token; stopping", slog.String("error", fatal.Error()))
			return fatal
		}
		if up >= s.o.StableAfter {
			attempt = 0
		}
		wait := s.backoff(attempt)
		if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
			wait = max(wait, rl.RetryAfter)
		}
		attempt++
		s.state.retry(fmt.Errorf("attempt %d in %s: %w", attempt, wait.Round(time.Millisecond), err))
		s.rs.log.LogAttrs(ctx, slog.LevelWarn, "socket mode connection lost; reconnecting",
			slog.Int("attempt", attempt), slog.Duration("backoff", wait), slog.Duration("was_up", up), slog.String("error", err.Error()))
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			s.state.set(stateStopped, "")
			return nil
		}
	}
}

// backoff is the wait before reconnect attempt n (0 first): MinBackoff doubled n times, at
// most MaxBackoff, of which a random half is taken off ("equal jitter").
func (s *Socket) backoff(n int) time.Duration {
	d := s.o.MaxBackoff
	if n < 30 {
		d = min(s.o.MinBackoff<<n, s.o.MaxBackoff)
	}
	half := d / 2
	return d - half + time.Duration(s.rand(int64(half)+1))
}

// Why a session ended, besides the errors slack-go reports.
var (
	errConnectionLost = errors.New("connection lost or refresh requested")
	errEnded          = errors.New("socket mode client stopped")
)

// session runs one slack-go client for one connection: it returns when the connection is
// lost (slack-go would reconnect at once, without backoff, so Run does it instead), when
// connecting fails, or when ctx is done. up is how long the connection was up.
func (s *Socket) session(ctx context.Context) (up time.Duration, err error) {
	sctx, cancel := context.WithCancel(ctx)
	// No bot token: nothing is posted through the Web API. The client may open one
	// connection; slack-go's own immediate reconnect fails at once, and Run waits instead.
	api := slack.New("", append(slices.Clone(s.opts), slack.OptionHTTPClient(&oneOpen{c: webClient}))...)
	client := socketmode.New(api, socketmode.OptionPingInterval(s.o.PingTimeout))
	done := make(chan error, 1)
	go func() { done <- client.RunContext(sctx) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(shutdownWait):
			s.rs.log.Warn("socket mode did not close in time")
		}
	}()
	ack := func(req socketmode.Request, payload ...any) error {
		var p any
		if len(payload) > 0 {
			p = payload[0]
		}
		return client.AckCtx(sctx, req.EnvelopeID, p)
	}
	var connectedAt time.Time
	since := func() time.Duration {
		if connectedAt.IsZero() {
			return 0
		}
		return time.Since(connectedAt)
	}
	for {
		select {
		case evt := <-client.Events:
			switch evt.Type {
			case socketmode.EventTypeConnected:
				connectedAt = time.Now()
				s.state.set(stateConnected, "")
				s.rs.log.Info("connected")
			case socketmode.EventTypeConnecting:
				if e, ok := evt.Data.(*slack.ConnectingEvent); ok && (e.ConnectionCount > 0 || e.Attempt > 1) {
					return since(), errConnectionLost
				}
				s.rs.log.Debug("connecting")
			case socketmode.EventTypeConnectionError:
				if e, ok := evt.Data.(*slack.ConnectionErrorEvent); ok && e.ErrorObj != nil {
					if !connectedAt.IsZero() && errors.Is(e.ErrorObj, errOneOpen) {
						return since(), errConnectionLost
					}
					return since(), e.ErrorObj
				}
				return since(), errors.New("connection failed")
			case socketmode.EventTypeInvalidAuth:
				// slack-go's verdict when apps.connections.open answers 404.
				return since(), slack.StatusCodeError{Code: http.StatusNotFound, Status: "404 Not Found"}
			default:
				s.rs.handleEvent(sctx, evt, ack)
			}
		case err := <-done:
			done <- err // for the deferred wait
			if err == nil || errors.Is(err, context.Canceled) {
				err = errEnded
			}
			return since(), err
		case <-ctx.Done():
			return since(), ctx.Err()
		}
	}
}

// webClient makes Socket Mode's Web API calls (apps.connections.open).
var webClient = &http.Client{Timeout: 20 * time.Second}

// errOneOpen refuses a second apps.connections.open from one session's client.
var errOneOpen = errors.New("one connection per session")

// oneOpen lets a client make one Web API call: slack-go reconnects at once after a lost
// connection, with no backoff, and Run does that itself.
type oneOpen struct {
	c    *http.Client
	used atomic.Bool
}

func (o *oneOpen) Do(req *http.Request) (*http.Response, error) {
	if o.used.Swap(true) {
		return nil, errOneOpen
	}
	return o.c.Do(req)
}

// refusal returns the error Run stops with when err means Slack refused the app token, or nil
// when reconnecting may help.
func refusal(err error) error {
	if err == nil {
		return nil
	}
	code := err.Error()
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		code = se.Err
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		switch sc.Code {
		case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
			return refusedf("slack socket mode: Slack refused the app token (SLACK_APP_TOKEN) with HTTP %d; check the token and that Socket Mode is on in the app's settings", sc.Code)
		}
		return nil
	}
	switch code {
	case "not_allowed_token_type":
		return refusedf("slack socket mode: SLACK_APP_TOKEN is not an app-level token (Slack said not_allowed_token_type); create one with the connections:write scope under Basic Information > App-Level Tokens")
	case "missing_scope":
		return refusedf("slack socket mode: the app-level token lacks the connections:write scope (Slack said missing_scope); add it under Basic Information > App-Level Tokens")
	case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "no_permission":
		return refusedf("slack socket mode: Slack refused the app token, SLACK_APP_TOKEN (Slack said %s); check it, or create a new app-level token with connections:write", code)
	}
	return nil
}

// RefusedError is Run's error when Slack refuses the app token. It is permanent: reconnecting
// cannot help until the token or the app's settings are fixed.
type RefusedError struct{ msg string }

func (e *RefusedError) Error() string { return e.msg }

// Permanent reports true, for a supervisor deciding whether to restart the adapter.
func (e *RefusedError) Permanent() bool { return true }

func refusedf(format string, args ...any) error {
	return &RefusedError{msg: fmt.Sprintf(format, args...)}
}

// Connected reports whether the Socket Mode connection is up.
func (s *Socket) Connected() bool { return s.state.get().name == stateConnected }

// Health reports the connection for /healthz: ok only while connected, with the state and,
// when not connected, why.
func (s *Socket) Health() (ok bool, detail string) {
	st := s.state.get()
	detail = st.name
	if st.detail != "" {
		detail += ": " + st.detail
	}
	return st.name == stateConnected, detail
}

// Socket Mode states, as /healthz shows them.
const (
	stateConnecting   = "connecting"
	stateConnected    = "connected"
	stateReconnecting = "reconnecting"
	stateFailed       = "failed"
	stateStopped      = "stopped"
)

// socketState is the connection's state and what explains it; no secrets, no message text.
type socketState struct {
	report StateReporter // may be nil

	mu  sync.Mutex
	cur stateValue
}

type stateValue struct{ name, detail string }

// set records a state without an error: connecting, connected or stopped.
func (s *socketState) set(name, detail string) {
	s.mu.Lock()
	s.cur = stateValue{name, detail}
	s.mu.Unlock()
	if s.report == nil {
		return
	}
	switch name {
	case stateConnecting:
		s.report.Starting()
	case stateConnected:
		s.report.Connected()
	case stateStopped:
		s.report.Stopped(nil)
	}
}

func (s *socketState) retry(err error) {
	s.mu.Lock()
	s.cur = stateValue{stateReconnecting, err.Error()}
	s.mu.Unlock()
	if s.report != nil {
		s.report.Retrying(err)
	}
}

func (s *socketState) fail(err error) {
	s.mu.Lock()
	s.cur = stateValue{stateFailed, err.Error()}
	s.mu.Unlock()
	if s.report != nil {
		s.report.Stopped(err)
	}
}

func (s *socketState) get() stateValue {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

// ackFunc acknowledges a Socket Mode request, as socketmode.Client.Ack does.
type ackFunc func(req socketmode.Request, payload ...any) error

// handleEvent answers slash commands, acknowledges other requests, and logs connection events.
// It never logs payloads: they hold message text.
func (rs *responder) handleEvent(ctx context.Context, evt socketmode.Event, ack ackFunc) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			rs.log.Warn("slash command event without a command")
			return
		}
		start := time.Now()
		res := rs.deliver(ctx, cmd, start, func(body []byte) error {
			if body == nil {
				return ack(*evt.Request)
			}
			return ack(*evt.Request, json.RawMessage(body))
		})
		if res.err != nil {
			rs.log.LogAttrs(ctx, slog.LevelError, "slash command not answered", slog.String("error", res.err.Error()))
			_ = ack(*evt.Request)
			rs.logCommand(ctx, cmd, outcomeFailed, res.responseType, time.Since(start))
		}
	case socketmode.EventTypeHello:
		rs.log.Debug("hello")
	case socketmode.EventTypeConnectionError:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*slack.ConnectionErrorEvent); ok && e.ErrorObj != nil {
			attrs = append(attrs, slog.Int("attempt", e.Attempt), slog.Duration("backoff", e.Backoff), slog.String("error", e.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "connection failed; retrying", attrs...)
	case socketmode.EventTypeInvalidAuth:
		rs.log.Error("slack refused the tokens")
	case socketmode.EventTypeIncomingError:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*slack.IncomingEventError); ok && e.ErrorObj != nil {
			attrs = append(attrs, slog.String("error", e.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "read failed", attrs...)
	case socketmode.EventTypeErrorBadMessage:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*socketmode.ErrorBadMessage); ok && e.Cause != nil {
			attrs = append(attrs, slog.String("error", e.Cause.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "unreadable message from slack", attrs...)
	case socketmode.EventTypeErrorWriteFailed:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*socketmode.ErrorWriteFailed); ok && e.Cause != nil {
			attrs = append(attrs, slog.String("error", e.Cause.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "write failed", attrs...)
	default:
		// Events API and interactive requests: not used by this app, but Slack retries
		// anything not acknowledged.
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			if err := ack(*evt.Request); err != nil {
				rs.log.LogAttrs(ctx, slog.LevelWarn, "ack failed", slog.String("type", string(evt.Type)), slog.String("error", err.Error()))
			}
		}
	}
}
