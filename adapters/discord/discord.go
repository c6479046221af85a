// Package discord answers lower-back-pain questions on Discord.
//
// It answers three ways: the /backpain slash command (with autocomplete on its question
// option), direct messages to the bot, and messages that mention it, in channels, threads and
// forum posts alike. Interactions (the command, its autocomplete and topic buttons) arrive
// either over the gateway or at an HTTP interactions endpoint (Handler) that Discord calls; the
// endpoint needs no gateway connection and no shared state, so it runs as replicas behind a
// load balancer. Messages (mentions and DMs) only ever arrive over the gateway.
//
// The files each own one thing: gateway.go the gateway connection and its states, events.go
// what the gateway delivers, interactions.go answering interactions (deferring when slow),
// endpoint.go the HTTP endpoint, rest.go and api.go REST calls under deadlines, send.go a
// reply's messages under rate limits, render.go the layout, autocomplete.go the choices.
//
// The gateway asks only for the Guilds, GuildMessages and DirectMessages intents; without the
// privileged MessageContent intent Discord still delivers the text of DMs and of messages that
// mention the bot, which is all it reads.
//
// Replies are rendered from bot.Reply.Sections as plain message content, split into several
// messages when long, with the disclaimer always at the end of the last one, also when a rate
// limit forces the rest of a reply into one shortened message. No message ever pings anyone.
//
// Each user has a token bucket (Options.PerMinute, Options.Burst). Over the limit, the user gets
// one short notice and then silence until the bucket refills. With Options.Store the buckets
// live in a store shared by every replica (Redis), keyed by a hash of the user id. Slash commands and buttons always
// get an answer, because Discord shows an error when an interaction is left unanswered.
//
// Nothing here logs message text or tokens: logs carry ids, the outcome and the duration, and
// errors are reduced to their status and code, since request URLs hold interaction tokens.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/bwmarrin/discordgo"
)

// Answerer is what the adapter needs from the bot. *bot.Bot implements it.
type Answerer interface {
	// Answer replies to a question; the reply ends with the disclaimer.
	Answer(ctx context.Context, q bot.Question) bot.Reply
	// Help lists what the bot can answer.
	Help() bot.Reply
	// Show returns the reply for one FAQ entry, and false when there is no such entry.
	Show(id string) (bot.Reply, bool)
}

// Suggester is an optional ability of an Answerer: topics matching what someone has typed so
// far, for autocomplete. *bot.Bot implements it; without it the question option offers none.
type Suggester interface {
	Suggest(typed string, n int) []bot.Topic
}

var (
	_ Answerer  = (*bot.Bot)(nil)
	_ Suggester = (*bot.Bot)(nil)
)

// Recorder counts handled requests. *ops.Metrics implements it. It is called from many
// goroutines at once.
type Recorder interface {
	// Request records one request handled by adapter with outcome after elapsed.
	Request(adapter, outcome string, elapsed time.Duration)
}

// StateReporter is told the gateway's state, for /healthz and /metrics. *ops.AdapterState
// implements it.
type StateReporter interface {
	Connected()
	Retrying(err error)
}

// Options configure an Adapter. Token or PublicKey is required; the rest have usable zero
// values.
type Options struct {
	// Token is the bot token from the developer portal, with or without the "Bot " prefix.
	// It is needed for the gateway and to register /backpain; the HTTP endpoint alone needs none.
	Token string
	// PublicKey (hex, from the developer portal) turns on the HTTP interactions endpoint mode:
	// Handler verifies requests with it, and Run opens no gateway connection.
	PublicKey string
	// ApplicationID is the application the /backpain command is registered for; "" uses the id
	// the gateway reports in READY.
	ApplicationID string
	// GuildID registers the command in that one server, where it appears at once; "" registers
	// it globally.
	GuildID string
	// APIURL sends REST requests (and so the gateway lookup) to this base URL instead of
	// https://discord.com, such as "http://127.0.0.1:8081/"; for tests. "" means Discord.
	APIURL string
	// ShardID and ShardCount split a large bot across processes; a ShardCount below 1 means 1.
	// Only shard 0 registers the command.
	ShardID, ShardCount int
	// Ephemeral makes slash-command replies visible only to the person who asked. Button
	// replies and rate-limit notices to interactions are always ephemeral.
	Ephemeral bool
	// PerMinute and Burst set each user's token bucket: PerMinute answers a minute on average,
	// up to Burst at once. Zero or less means the defaults, 6 and 3.
	PerMinute float64
	Burst     int
	// Store, when set, keeps those buckets (and whether the notice was sent) in a store shared
	// with other replicas, such as store.Redis, so a user's limit spans them all; if it fails,
	// requests are answered. Nil keeps the buckets in this process.
	Store Store
	// MaxConcurrent bounds the events answered at once; as many more may wait, and beyond that
	// events are dropped (and logged). Zero or less means 32.
	MaxConcurrent int
	// DeferAfter is how long an interaction's answer may take before the adapter defers it
	// (type 5) and edits the answer in later; Discord allows 3 seconds. Zero means 2 seconds.
	DeferAfter time.Duration
	// Logger receives the adapter's logs (give it a child named for the component); nil
	// discards them.
	Logger *slog.Logger
	// Metrics, when set, records every handled request with the adapter name "discord".
	Metrics Recorder
	// State, when set, is told when the gateway connects and disconnects.
	State StateReporter
	// HTTPClient makes the REST requests; nil means a client with a 20-second timeout.
	HTTPClient *http.Client
}

// Outcomes recorded in metrics and logs, besides bot.Reply.Outcome's "answered", "no_match" and
// "triaged".
const (
	// OutcomeHelp: the help text was sent (an empty mention or "help").
	OutcomeHelp = "help"
	// OutcomeRateLimited: over the user's limit; a notice was sent, or nothing.
	OutcomeRateLimited = "rate_limited"
	// OutcomeRejected: an unknown command or button; a short apology was sent.
	OutcomeRejected = "rejected"
	// OutcomeError: Discord did not accept a message of the reply.
	OutcomeError = "error"
	// OutcomeShortened: Discord's rate limit left room for fewer messages than the reply had,
	// so the rest was folded into one shortened message ending with the disclaimer.
	OutcomeShortened = "shortened"
	// OutcomeOverloaded: too many events at once; this one was dropped.
	OutcomeOverloaded = "overloaded"
	// OutcomeAutocomplete: autocomplete choices were sent.
	OutcomeAutocomplete = "autocomplete"
)

const (
	adapterName = "discord"
	commandName = "backpain"
	optionName  = "question"

	// intents are the gateway intents the bot asks for; none is privileged.
	intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	// requestTimeout bounds answering one event, all its messages included.
	requestTimeout = 10 * time.Second
	// dialTimeout bounds connecting to the gateway and its websocket handshake.
	dialTimeout = 20 * time.Second
	// maxBackoff bounds the wait between reconnection attempts.
	maxBackoff = time.Minute

	defaultPerMinute     = 6
	defaultBurst         = 3
	defaultMaxConcurrent = 32
	defaultDeferAfter    = 2 * time.Second
	// shutdownGrace is how long Run waits at shutdown for replies in flight to be sent before
	// it cancels them, so that a reply waiting out a rate limit cannot hold up shutdown.
	shutdownGrace = 3 * time.Second

	noticeText  = "You're asking quickly — please wait a minute, then ask again."
	unknownShow = "Sorry, I can't find that topic any more. Ask me with /backpain and your question."
	unknownCmd  = "Sorry, I don't know that command. Ask me with /backpain and your question."
	busyText    = "Sorry, I'm very busy right now. Please ask again in a minute."
)

// InvitePermissions are the permissions the invite link asks for, and no more: View Channels,
// Send Messages, Send Messages in Threads, Embed Links, Read Message History and Use
// Application Commands (277025475584).
const InvitePermissions int64 = discordgo.PermissionViewChannel |
	discordgo.PermissionSendMessages |
	discordgo.PermissionSendMessagesInThreads |
	discordgo.PermissionEmbedLinks |
	discordgo.PermissionReadMessageHistory |
	discordgo.PermissionUseApplicationCommands

// InviteURL returns the OAuth2 link a server admin opens to add the bot, with the scopes "bot"
// and "applications.commands" and InvitePermissions.
func InviteURL(applicationID string) string {
	v := url.Values{}
	v.Set("client_id", applicationID)
	v.Set("permissions", strconv.FormatInt(InvitePermissions, 10))
	v.Set("scope", "bot applications.commands")
	return "https://discord.com/oauth2/authorize?" + v.Encode()
}

// Adapter is a Discord bot. Create it with New; start it with Run, and in the HTTP endpoint
// mode also serve Handler.
type Adapter struct {
	answerer Answerer
	opts     Options
	log      *slog.Logger
	api      api
	gw       *gateway
	pubKey   ed25519.PublicKey // nil unless in the HTTP endpoint mode
	hasToken bool
	limits   *limiter       // per-process buckets, used when Options.Store is nil
	shared   *sharedLimiter // buckets in Options.Store, when set
	now      func() time.Time

	selfID      atomic.Pointer[string] // the bot's user id, from READY
	appID       atomic.Pointer[string] // the application id, from the options or READY
	registered  atomic.Bool            // the command is registered
	registering atomic.Bool            // a registration is in flight
	connected   atomic.Bool            // the gateway is connected (or the endpoint serving)
	running     atomic.Bool            // Run is running

	sem      chan struct{} // one token per event being answered
	inFlight atomic.Int64  // events being answered or waiting for a token
	wg       sync.WaitGroup
	grace    time.Duration // how long Run waits for replies in flight before abandoning them

	mu   sync.Mutex
	quit context.Context // parent of every handler's context; cancelled when the grace runs out
	stop context.CancelFunc
}

// New returns an adapter answering with a. It checks the options but does not connect; Run does.
func New(a Answerer, o Options) (*Adapter, error) {
	if a == nil {
		return nil, errors.New("discord: no answerer")
	}
	token := botToken(o.Token)
	pub, err := publicKey(o.PublicKey)
	if err != nil {
		return nil, err
	}
	if token == "" && pub == nil {
		return nil, errors.New("discord: no bot token (set DISCORD_BOT_TOKEN) and no public key")
	}
	if o, err = withDefaults(o); err != nil {
		return nil, err
	}
	client := o.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	base, err := apiBase(o.APIURL)
	if err != nil {
		return nil, err
	}
	return newAdapter(a, o, client, base, token, pub), nil
}

// botToken is the configured token without surrounding space or a leading "Bot " prefix.
func botToken(raw string) string {
	token := strings.TrimSpace(raw)
	if after, ok := strings.CutPrefix(token, "Bot"); ok && (after == "" || after[0] == ' ') {
		token = strings.TrimSpace(after)
	}
	return token
}

// publicKey decodes the application's hex public key; it is nil when none is configured.
func publicKey(raw string) (ed25519.PublicKey, error) {
	k := strings.TrimSpace(raw)
	if k == "" {
		return nil, nil
	}
	b, err := hex.DecodeString(k)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("discord: public key is not 64 hex digits (copy it from the General Information page)")
	}
	return b, nil
}

// withDefaults fills in the shard count, rate limits, concurrency and deferral delay left unset,
// and checks the shard id against the shard count.
func withDefaults(o Options) (Options, error) {
	if o.ShardCount < 1 {
		o.ShardCount = 1
	}
	if o.ShardID < 0 || o.ShardID >= o.ShardCount {
		return o, fmt.Errorf("discord: shard id %d is outside 0..%d", o.ShardID, o.ShardCount-1)
	}
	if !(o.PerMinute > 0) {
		o.PerMinute = defaultPerMinute
	}
	if o.Burst < 1 {
		o.Burst = defaultBurst
	}
	if o.MaxConcurrent < 1 {
		o.MaxConcurrent = defaultMaxConcurrent
	}
	if o.DeferAfter <= 0 {
		o.DeferAfter = defaultDeferAfter
	}
	return o, nil
}

// apiBase is the base URL of Discord's API: https://discord.com unless raw, which must then be
// an absolute http or https URL, says otherwise.
func apiBase(raw string) (string, error) {
	if raw == "" {
		return "https://discord.com", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("discord: api url is not an absolute http or https URL")
	}
	return strings.TrimRight(raw, "/"), nil
}

// newAdapter builds the adapter from checked options: its REST client, limiters and handler
// context, and, unless it answers at the HTTP endpoint (pub set), its gateway.
func newAdapter(a Answerer, o Options, client *http.Client, base, token string, pub ed25519.PublicKey) *Adapter {
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	auth := ""
	if token != "" {
		auth = "Bot " + token
	}
	ad := &Adapter{
		answerer: a,
		opts:     o,
		log:      logger,
		api:      &restClient{client: client, base: base + "/api/v" + apiVersion, auth: auth, now: time.Now},
		pubKey:   pub,
		hasToken: token != "",
		limits:   newLimiter(o.PerMinute, o.Burst),
		now:      time.Now,
		sem:      make(chan struct{}, o.MaxConcurrent),
		grace:    shutdownGrace,
	}
	if o.Store != nil {
		ad.shared = newSharedLimiter(o.Store, o.PerMinute, o.Burst, logger)
	}
	ad.quit, ad.stop = context.WithCancel(context.Background())
	if id := strings.TrimSpace(o.ApplicationID); id != "" {
		ad.appID.Store(&id)
	}
	if pub == nil {
		ad.gw = ad.newGateway(auth)
	}
	return ad
}

// newGateway is the adapter's gateway connection for shard opts.ShardID of opts.ShardCount,
// authenticating with auth ("Bot <token>").
func (a *Adapter) newGateway(auth string) *gateway {
	g := &gateway{
		token:       auth,
		intents:     int(intents),
		shard:       [2]int{a.opts.ShardID, a.opts.ShardCount},
		dialer:      newDialer(),
		log:         a.log,
		lookup:      a.lookupGateway,
		handle:      a.dispatch,
		connected:   a.setConnected,
		backoffBase: time.Second,
		backoffMax:  maxBackoff,
	}
	g.helloTimeout.Store(int64(helloTimeout))
	return g
}

// Run answers until ctx is done, then waits for the replies in flight and returns nil. Over the
// gateway it reconnects by itself, resuming where Discord allows; it returns early only when
// Discord refuses the bot for good (a bad token, a wrong shard: an error whose Permanent method
// says so). In the HTTP endpoint mode it registers /backpain when it has a token and then waits.
// Run may be called again after it returns, but not twice at once.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.running.CompareAndSwap(false, true) {
		return errors.New("discord: Run is already running")
	}
	defer a.running.Store(false)
	defer a.drain()
	defer a.setConnected(false, nil)
	a.mu.Lock()
	if a.quit.Err() != nil {
		a.quit, a.stop = context.WithCancel(context.Background())
	}
	a.mu.Unlock()
	if a.gw == nil {
		a.log.Info("answering Discord interactions at the HTTP endpoint; no gateway connection")
		a.setConnected(true, nil)
		if id := a.application(); id != "" && a.hasToken {
			a.spawn(func() { a.register(id) })
		}
		<-ctx.Done()
		return nil
	}
	a.log.Info("connecting to the Discord gateway", "shard_id", a.opts.ShardID, "shard_count", a.opts.ShardCount)
	if err := a.gw.run(ctx); err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	a.log.Info("disconnected from the Discord gateway")
	return nil
}

// lookupGateway asks Discord for the gateway URL, and warns when Discord recommends more shards
// than are configured.
func (a *Adapter) lookupGateway(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	u, shards, err := a.api.gatewayBot(ctx)
	if err != nil {
		return "", err
	}
	if shards > a.opts.ShardCount {
		a.log.Warn("Discord recommends more shards than configured; raise discord.shard_count and run one process per shard",
			"recommended", shards, "shard_count", a.opts.ShardCount)
	}
	if u == "" {
		return "", errors.New("gateway lookup returned no URL")
	}
	return u, nil
}

// setConnected records the gateway's state and tells the reporter.
func (a *Adapter) setConnected(up bool, err error) {
	was := a.connected.Swap(up)
	if a.opts.State == nil || (was == up && err == nil) {
		return
	}
	if up {
		a.opts.State.Connected()
	} else if err != nil {
		a.opts.State.Retrying(errors.New(describe(err)))
	}
}

// Connected reports whether the gateway connection is up (or, in the HTTP endpoint mode,
// whether Run is running), for health checks.
func (a *Adapter) Connected() bool { return a.connected.Load() }

// handlerContext is the context an event's handler works under: timeout from now, and
// cancelled when Run gives up waiting for replies in flight at shutdown.
func (a *Adapter) handlerContext(timeout time.Duration) (context.Context, context.CancelFunc) {
	a.mu.Lock()
	quit := a.quit
	a.mu.Unlock()
	return context.WithTimeout(quit, timeout)
}

// drain waits for the handlers in flight, for at most the grace period, and then cancels them
// and waits for them to notice.
func (a *Adapter) drain() {
	done := make(chan struct{})
	go func() {
		a.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(a.grace)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	}
	a.log.Warn("replies still in flight at shutdown; cancelling them", "grace", a.grace)
	a.mu.Lock()
	a.stop()
	a.mu.Unlock()
	<-done
}

// spawn runs f in a goroutine that Run waits for. At most MaxConcurrent run at once and as many
// again wait; beyond that spawn drops f and returns false. A panic in f is logged (without its
// value, which might hold message text) instead of ending the process.
func (a *Adapter) spawn(f func()) bool {
	if a.inFlight.Add(1) > 2*int64(cap(a.sem)) {
		a.inFlight.Add(-1)
		return false
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer a.inFlight.Add(-1)
		a.sem <- struct{}{}
		defer func() { <-a.sem }()
		defer func() {
			if v := recover(); v != nil {
				a.log.Error("panic while handling a Discord event", "stack", string(debug.Stack()))
			}
		}()
		f()
	}()
	return true
}

func (a *Adapter) self() string {
	if id := a.selfID.Load(); id != nil {
		return *id
	}
	return ""
}

func (a *Adapter) application() string {
	if id := a.appID.Load(); id != nil {
		return *id
	}
	return ""
}

// commands is the bot's one slash command, /backpain QUESTION, with autocomplete.
func commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{{
		Name:        commandName,
		Description: "Ask a question about lower back pain",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         optionName,
			Description:  "Your question, in your own words",
			Required:     true,
			Autocomplete: true,
			MaxLength:    bot.MaxQuestion,
		}},
	}}
}

// register overwrites the application's commands with /backpain, in the configured guild or
// globally.
func (a *Adapter) register(appID string) {
	defer a.registering.Store(false)
	scope := "global"
	if a.opts.GuildID != "" {
		scope = "guild"
	}
	ctx, cancel := a.handlerContext(requestTimeout)
	defer cancel()
	if err := a.api.registerCommands(ctx, appID, a.opts.GuildID, commands()); err != nil {
		a.log.Error("registering /backpain failed; retrying on the next connection", "scope", scope, "guild_id", a.opts.GuildID, "err", describe(err))
		return
	}
	a.registered.Store(true)
	a.log.Info("registered /backpain", "scope", scope, "guild_id", a.opts.GuildID)
}

// done logs and records a handled request. It never logs text.
func (a *Adapter) done(kind, outcome string, parts int, received time.Time, ids ...any) {
	elapsed := a.now().Sub(received)
	level := slog.LevelInfo
	if (outcome == OutcomeRateLimited && parts == 0) || outcome == OutcomeAutocomplete {
		level = slog.LevelDebug
	}
	args := append([]any{"kind", kind, "outcome", outcome, "parts", parts, "duration", elapsed}, ids...)
	a.log.Log(context.Background(), level, "Discord request", args...)
	if a.opts.Metrics != nil {
		a.opts.Metrics.Request(adapterName, outcome, elapsed)
	}
}

// describe reduces an error to what is safe to log: REST errors to their status and Discord's
// error code, URL errors to the operation and cause, since URLs hold interaction tokens.
func describe(err error) string {
	if err == nil {
		return ""
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + ": " + describe(ue.Err)
	}
	return err.Error()
}
