package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// The gateway client here replaces discordgo's. discordgo's cannot tell the close codes apart
// (it retries a bad token for ever and never re-identifies after 4007/4009), ignores
// resume_gateway_url, waits for Hello with no timeout, and closes with 1000 after a missed
// heartbeat, which ends the session it means to resume. This one follows Discord's gateway
// documentation; see closeAction.

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// closeResume is the close code the client sends when it means to resume: anything but 1000
// and 1001, which end the session.
const closeResume = 4000

const (
	// helloTimeout bounds the wait for Hello after connecting.
	helloTimeout = 10 * time.Second
	// maxFrame bounds one gateway frame.
	maxFrame = 4 << 20
)

// action is what to do after a connection ends.
type action int

const (
	resume     action = iota // reconnect and resume the session
	reidentify               // reconnect with a new session
	fatal                    // stop: reconnecting cannot help
)

// closeAction maps a close code Discord sent to what to do, as its gateway documentation says.
func closeAction(code int) action {
	switch code {
	case 4004, 4010, 4011, 4012, 4013, 4014:
		return fatal
	case 4007, 4009, websocket.CloseNormalClosure, websocket.CloseGoingAway:
		return reidentify
	}
	return resume
}

// closeMeaning names the fatal close codes for the log and /healthz.
var closeMeaning = map[int]string{
	4004: "authentication failed: the bot token is wrong or was reset",
	4010: "invalid shard: check discord.shard_id and shard_count",
	4011: "sharding required: the bot is in too many servers for one shard; raise discord.shard_count",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents: an intent the bot asks for is not enabled for the application",
}

// CloseError is a gateway connection closed by Discord with a close code.
type CloseError struct {
	Code int
}

func (e *CloseError) Error() string {
	if m, ok := closeMeaning[e.Code]; ok {
		return fmt.Sprintf("gateway closed with %d: %s", e.Code, m)
	}
	return fmt.Sprintf("gateway closed with %d", e.Code)
}

// Permanent reports whether reconnecting cannot help, so that a supervisor stops instead of
// restarting the adapter.
func (e *CloseError) Permanent() bool { return closeAction(e.Code) == fatal }

var (
	errHelloTimeout   = errors.New("gateway sent no Hello in time")
	errZombie         = errors.New("gateway did not acknowledge a heartbeat")
	errReconnect      = errors.New("gateway asked to reconnect (op 7)")
	errInvalidSession = errors.New("gateway invalidated the session (op 9)")
	errResumable      = errors.New("gateway invalidated the session but it can be resumed (op 9)")
)

// frame is a gateway payload as read.
type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
}

// outFrame is a gateway payload as sent; D is always present, null included.
type outFrame struct {
	Op int `json:"op"`
	D  any `json:"d"`
}

// gateway is one shard's connection to the Discord gateway, reconnecting as Discord documents
// until its context ends or Discord closes with a fatal code.
type gateway struct {
	token   string // "Bot <token>"
	intents int
	shard   [2]int
	dialer  *websocket.Dialer
	log     *slog.Logger
	// lookup returns the gateway URL; called before the first connection and after failures.
	lookup func(ctx context.Context) (string, error)
	// handle receives each dispatch event, in order, in the reading goroutine.
	handle func(event string, data json.RawMessage)
	// connected is told when a session is up (true) and when it ends (false).
	connected func(up bool, err error)

	helloTimeout atomic.Int64  // a time.Duration; tests change it while run waits
	backoffBase  time.Duration // first wait between failed attempts
	backoffMax   time.Duration

	// Session state, touched only by run's goroutine (seq also by the heartbeat).
	sessionID string
	resumeURL string
	seq       atomic.Int64
}

// run connects and reconnects until ctx is done (it then returns nil) or Discord closes with a
// fatal code (it returns the *CloseError).
func (g *gateway) run(ctx context.Context) error {
	var base string
	failures := 0
	for ctx.Err() == nil {
		if base == "" {
			u, err := g.lookup(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				var p interface{ Permanent() bool }
				if errors.As(err, &p) && p.Permanent() {
					return fmt.Errorf("look up the gateway: %w", err)
				}
				failures++
				g.connected(false, err)
				g.log.Warn("looking up the Discord gateway failed", "attempt", failures, "err", describe(err))
				g.pause(ctx, g.backoff(failures))
				continue
			}
			base = u
		}
		ready, err := g.connect(ctx, base)
		if ctx.Err() != nil {
			return nil
		}
		g.connected(false, err)
		wait := time.Duration(0)
		var ce *CloseError
		switch {
		case errors.As(err, &ce) && closeAction(ce.Code) == fatal:
			g.log.Error("Discord closed the gateway for good; the Discord adapter stops", "code", ce.Code, "reason", closeMeaning[ce.Code])
			return ce
		case errors.As(err, &ce) && closeAction(ce.Code) == reidentify, errors.Is(err, errInvalidSession):
			g.sessionID, g.resumeURL = "", ""
			g.seq.Store(0)
			// Discord asks for a random wait of 1 to 5 seconds before identifying again.
			wait = g.backoffBase + rand.N(4*g.backoffBase+1)
		}
		if ready {
			failures = 0
		} else {
			failures++
			wait = max(wait, g.backoff(failures))
			if failures%3 == 0 {
				base = ""        // look the gateway up again
				g.resumeURL = "" // and resume there, should the resume URL be unreachable
			}
		}
		g.log.Warn("Discord gateway connection ended; reconnecting", "err", describe(err), "resume", g.sessionID != "", "wait", wait)
		g.pause(ctx, wait)
	}
	return nil
}

// backoff is the wait after n failures in a row (n >= 1): base, 2*base, 4*base ... up to
// backoffMax, plus up to a quarter more at random so that shards do not reconnect in step.
func (g *gateway) backoff(n int) time.Duration {
	d := g.backoffMax
	if n < 20 {
		d = min(g.backoffBase<<(n-1), g.backoffMax)
	}
	return d + rand.N(d/4+1)
}

// pause waits d or until ctx is done.
func (g *gateway) pause(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// conn is one websocket connection with serialised writes.
type conn struct {
	ws *websocket.Conn
	mu sync.Mutex
}

func (c *conn) send(op int, d any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return c.ws.WriteJSON(outFrame{Op: op, D: d})
}

// close sends a close frame with code and closes the connection.
func (c *conn) close(code int) {
	c.mu.Lock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
	c.mu.Unlock()
	c.ws.Close()
}

// connect runs one connection: Hello, Identify or Resume, then events until it ends. ready
// says whether the session came up (READY or RESUMED); err says why it ended.
func (g *gateway) connect(ctx context.Context, base string) (ready bool, err error) {
	resuming := g.sessionID != ""
	c, err := g.dial(ctx, base, resuming)
	if err != nil {
		return false, err
	}
	var why atomic.Pointer[error] // set by whoever closes the connection on purpose
	stopped := context.AfterFunc(ctx, func() { c.close(websocket.CloseNormalClosure) })
	defer func() {
		if stopped() { // ctx not done: close, for resuming unless the session is over
			c.close(closeResume)
		}
	}()

	interval, err := g.hello(c)
	if err != nil {
		return false, err
	}
	if err := g.handshake(c, resuming); err != nil {
		return false, err
	}

	var acked atomic.Bool
	acked.Store(true)
	hbDone := make(chan struct{})
	defer close(hbDone)
	go g.heartbeat(c, interval, &acked, hbDone, &why)

	return g.readEvents(c, &acked, &why)
}

// dial opens the websocket, at the resume URL when resuming and Discord gave one, else at base.
func (g *gateway) dial(ctx context.Context, base string, resuming bool) (*conn, error) {
	u := base
	if resuming && g.resumeURL != "" {
		u = g.resumeURL
	}
	ws, resp, err := g.dialer.DialContext(ctx, gatewayURL(u), nil)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("dial the gateway: %w", err)
	}
	ws.SetReadLimit(maxFrame)
	return &conn{ws: ws}, nil
}

// hello waits up to helloTimeout for Discord's Hello and returns the heartbeat interval it
// gives. On success the read deadline is cleared again.
func (g *gateway) hello(c *conn) (time.Duration, error) {
	c.ws.SetReadDeadline(time.Now().Add(time.Duration(g.helloTimeout.Load())))
	var hello frame
	if err := c.ws.ReadJSON(&hello); err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return 0, errHelloTimeout
		}
		return 0, readError(err)
	}
	var h struct {
		Interval float64 `json:"heartbeat_interval"`
	}
	if hello.Op != opHello || json.Unmarshal(hello.D, &h) != nil || h.Interval <= 0 {
		return 0, fmt.Errorf("gateway's first frame is op %d, not a Hello", hello.Op)
	}
	c.ws.SetReadDeadline(time.Time{})
	return time.Duration(h.Interval * float64(time.Millisecond)), nil
}

// handshake sends Resume when resuming the session, else Identify.
func (g *gateway) handshake(c *conn, resuming bool) error {
	var err error
	if resuming {
		err = c.send(opResume, map[string]any{"token": g.token, "session_id": g.sessionID, "seq": g.seq.Load()})
	} else {
		err = c.send(opIdentify, g.identify())
	}
	if err != nil {
		return fmt.Errorf("send %s: %w", map[bool]string{true: "Resume", false: "Identify"}[resuming], err)
	}
	return nil
}

// readEvents reads frames until the connection ends, answering Discord's heartbeat requests and
// noting its acks. ready says whether the session came up; err says why the connection ended:
// the reason stored in why when it was closed on purpose, else the read error.
func (g *gateway) readEvents(c *conn, acked *atomic.Bool, why *atomic.Pointer[error]) (ready bool, err error) {
	for {
		var f frame
		if err := c.ws.ReadJSON(&f); err != nil {
			if p := why.Load(); p != nil {
				return ready, *p
			}
			return ready, readError(err)
		}
		switch f.Op {
		case opDispatch:
			if g.onDispatch(f) {
				ready = true
			}
		case opHeartbeat:
			if err := c.send(opHeartbeat, g.seqOrNil()); err != nil {
				return ready, err
			}
		case opHeartbeatAck:
			acked.Store(true)
		case opReconnect:
			return ready, errReconnect
		case opInvalidSession:
			var resumable bool
			json.Unmarshal(f.D, &resumable)
			if resumable {
				return ready, errResumable
			}
			return ready, errInvalidSession
		}
	}
}

// onDispatch records a dispatch's sequence number, notes the session on READY and RESUMED
// (telling connected), and hands the event on. It reports whether the session came up.
func (g *gateway) onDispatch(f frame) (up bool) {
	if f.S > 0 {
		g.seq.Store(f.S)
	}
	switch f.T {
	case "READY":
		var r struct {
			SessionID string `json:"session_id"`
			ResumeURL string `json:"resume_gateway_url"`
		}
		json.Unmarshal(f.D, &r)
		g.sessionID, g.resumeURL = r.SessionID, r.ResumeURL
		up = true
		g.connected(true, nil)
	case "RESUMED":
		up = true
		g.connected(true, nil)
		g.log.Info("resumed the Discord gateway session")
	}
	g.handle(f.T, f.D)
	return up
}

// heartbeat sends a heartbeat every interval, the first after a random part of it. When the
// previous one was not acknowledged the connection is a zombie: it is closed with closeResume,
// not 1000, so the session can be resumed.
func (g *gateway) heartbeat(c *conn, interval time.Duration, acked *atomic.Bool, done <-chan struct{}, why *atomic.Pointer[error]) {
	t := time.NewTimer(time.Duration(rand.Float64() * float64(interval)))
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		if !acked.Swap(false) {
			err := errZombie
			why.Store(&err)
			c.close(closeResume)
			return
		}
		if err := c.send(opHeartbeat, g.seqOrNil()); err != nil {
			return // the reader sees the broken connection
		}
		t.Reset(interval)
	}
}

func (g *gateway) seqOrNil() any {
	if s := g.seq.Load(); s > 0 {
		return s
	}
	return nil
}

// identify is the Identify payload.
func (g *gateway) identify() map[string]any {
	d := map[string]any{
		"token":   g.token,
		"intents": g.intents,
		"properties": map[string]string{
			"os": "linux", "browser": "backpainbot", "device": "backpainbot",
		},
	}
	if g.shard[1] > 1 {
		d["shard"] = g.shard
	}
	return d
}

// readError turns a websocket read error into a *CloseError when Discord sent a close code.
func readError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return &CloseError{Code: ce.Code}
	}
	return err
}

// gatewayURL adds the version and encoding to a gateway URL.
func gatewayURL(u string) string {
	u = strings.TrimRight(u, "/")
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u = u[:i]
	}
	return u + "/?v=" + apiVersion + "&encoding=json"
}

// dialer returns the gateway's websocket dialer.
func newDialer() *websocket.Dialer {
	return &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: dialTimeout,
		NetDialContext:   (&net.Dialer{Timeout: dialTimeout}).DialContext,
	}
}
