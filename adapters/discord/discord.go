// Package discord answers lower-back-pain questions on Discord.
//
// The adapter connects to the Discord gateway with discordgo and answers three ways: the /backpain
// slash command (registered when the gateway is ready), direct messages to the bot, and messages
// that mention it. It asks only for the Guilds, GuildMessages and DirectMessages intents; without
// the privileged MessageContent intent Discord still delivers the text of DMs and of messages
// that mention the bot, which is all it reads.
//
// Replies are rendered from bot.Reply.Sections as plain message content, split into several
// messages when long, with the disclaimer always at the end of the last one. "Did you mean" and
// related topics become buttons; pressing one shows that entry, visible only to the person who
// pressed it. No message ever pings anyone: every message sets allowed_mentions to parse nothing.
//
// Each user has a token bucket (Options.PerMinute, Options.Burst). Over the limit, the user gets
// one short notice and then silence until the bucket refills. Slash commands and buttons always
// get an answer, because Discord shows an error when an interaction is left unanswered, so over
// the limit they get the notice, visible only to that user.
//
// Nothing here logs message text or tokens: logs carry ids, the outcome and the duration, and
// errors are reduced to their status and code, since request URLs hold interaction tokens.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
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
	"github.com/gorilla/websocket"
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

var _ Answerer = (*bot.Bot)(nil)

// Recorder counts handled requests. *ops.Metrics implements it. It is called from many
// goroutines at once.
type Recorder interface {
	// Request records one request handled by adapter with outcome after elapsed.
	Request(adapter, outcome string, elapsed time.Duration)
}

// Options configure an Adapter. Token is required; the rest have usable zero values.
type Options struct {
	// Token is the bot token from the developer portal, with or without the "Bot " prefix.
	Token string
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
	// Logger receives the adapter's logs (give it a child named for the component); nil
	// discards them.
	Logger *slog.Logger
	// Metrics, when set, records every handled request with the adapter name "discord".
	Metrics Recorder
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

	defaultPerMinute = 6
	defaultBurst     = 3

	noticeText  = "You're asking quickly — please wait a minute, then ask again."
	unknownShow = "Sorry, I can't find that topic any more. Ask me with /backpain and your question."
	unknownCmd  = "Sorry, I don't know that command. Ask me with /backpain and your question."
)

// InvitePermissions are the permissions the invite link asks for, and no more: Send Messages,
// Embed Links, Read Message History and Use Application Commands (2147567616).
const InvitePermissions int64 = discordgo.PermissionSendMessages |
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

// rest is the part of *discordgo.Session the handlers use, so tests can run them without a
// network.
type rest interface {
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
}

var _ rest = (*discordgo.Session)(nil)

// Adapter is a running Discord bot. Create it with New and start it with Run.
type Adapter struct {
	answerer Answerer
	opts     Options
	log      *slog.Logger
	s        *discordgo.Session
	rest     rest
	limits   *limiter
	now      func() time.Time

	selfID       atomic.Pointer[string] // the bot's user id, from READY
	registered   atomic.Bool            // the command is registered
	registering  atomic.Bool            // a registration is in flight
	connected    atomic.Bool            // the gateway is connected
	running      atomic.Bool            // Run has been called
	disconnected chan struct{}          // signalled when the gateway connection closes

	mu     sync.Mutex // guards closed and wg.Add
	closed bool
	wg     sync.WaitGroup // handlers in flight
}

// New returns an adapter answering with a. It checks the options but does not connect; Run does.
func New(a Answerer, o Options) (*Adapter, error) {
	if a == nil {
		return nil, errors.New("discord: no answerer")
	}
	token := strings.TrimSpace(o.Token)
	if after, ok := strings.CutPrefix(token, "Bot"); ok && (after == "" || after[0] == ' ') {
		token = strings.TrimSpace(after)
	}
	if token == "" {
		return nil, errors.New("discord: no bot token (set DISCORD_BOT_TOKEN)")
	}
	if o.ShardCount < 1 {
		o.ShardCount = 1
	}
	if o.ShardID < 0 || o.ShardID >= o.ShardCount {
		return nil, fmt.Errorf("discord: shard id %d is outside 0..%d", o.ShardID, o.ShardCount-1)
	}
	if !(o.PerMinute > 0) {
		o.PerMinute = defaultPerMinute
	}
	if o.Burst < 1 {
		o.Burst = defaultBurst
	}
	client := o.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	if o.APIURL != "" {
		rw, err := newRewriter(o.APIURL, client.Transport)
		if err != nil {
			return nil, fmt.Errorf("discord: %w", err)
		}
		c := *client
		c.Transport = rw
		client = &c
	}
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	s.Client = client
	s.Identify.Intents = intents
	s.ShardID, s.ShardCount = o.ShardID, o.ShardCount
	s.StateEnabled = false
	// Handlers run in the gateway's reading goroutine, so connection events arrive in order;
	// the message and interaction handlers hand the slow work to goroutines of their own.
	s.SyncEvents = true
	// Run reconnects instead of discordgo, so that shutdown can stop it.
	s.ShouldReconnectOnError = false

	ad := &Adapter{
		answerer:     a,
		opts:         o,
		log:          logger,
		s:            s,
		rest:         s,
		limits:       newLimiter(o.PerMinute, o.Burst),
		now:          time.Now,
		disconnected: make(chan struct{}, 1),
	}
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) { ad.connected.Store(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		ad.connected.Store(false)
		select {
		case ad.disconnected <- struct{}{}:
		default:
		}
	})
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ad.onReady(r) })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { ad.onMessage(m) })
	s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { ad.onInteraction(i) })
	return ad, nil
}

// Run connects to the gateway and answers until ctx is done, then closes the connection, waits
// for replies in flight and returns nil. It returns an error only when the first connection
// fails (a bad token, say). Later disconnections are retried with backoff, resuming the session
// where Discord allows. Run may be called once.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.running.CompareAndSwap(false, true) {
		return errors.New("discord: Run called twice")
	}
	a.s.Dialer = dialer(ctx)
	a.log.Info("connecting to the Discord gateway", "shard_id", a.opts.ShardID, "shard_count", a.opts.ShardCount)
	if err := a.s.Open(); err != nil {
		a.stop()
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("discord: connect to gateway: %s", describe(err))
	}
	defer a.stop()
	for {
		select {
		case <-ctx.Done():
			a.log.Info("disconnecting from the Discord gateway")
			return nil
		case <-a.disconnected:
		}
		if a.connected.Load() {
			continue // a stale signal: a second close of a connection already replaced
		}
		a.log.Warn("lost the Discord gateway connection; reconnecting")
		a.reconnect(ctx)
	}
}

// dialer returns the gateway's websocket dialer: its connections are abandoned when ctx is done,
// so that shutdown is not held up by an unreachable Discord.
func dialer(ctx context.Context) *websocket.Dialer {
	nd := &net.Dialer{Timeout: dialTimeout}
	return &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: dialTimeout,
		NetDialContext: func(_ context.Context, network, addr string) (net.Conn, error) {
			return nd.DialContext(ctx, network, addr)
		},
	}
}

// reconnect opens the gateway again: at once, then after growing waits, until it works or ctx
// is done.
func (a *Adapter) reconnect(ctx context.Context) {
	for attempt := 0; ctx.Err() == nil; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(backoff(attempt))
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		err := a.s.Open()
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			a.log.Info("reconnected to the Discord gateway", "attempts", attempt+1)
			return
		}
		a.log.Warn("reconnecting to the Discord gateway failed", "attempt", attempt+1, "err", describe(err))
	}
}

// backoff is the wait before reconnection attempt n (n >= 1): 1s, 2s, 4s ... up to maxBackoff,
// plus up to a quarter more at random so that shards do not reconnect in step.
func backoff(n int) time.Duration {
	d := maxBackoff
	if n < 7 {
		d = min(time.Second<<(n-1), maxBackoff)
	}
	return d + rand.N(d/4+1)
}

// stop closes the gateway connection and waits for the handlers in flight.
func (a *Adapter) stop() {
	if err := a.s.Close(); err != nil {
		a.log.Warn("closing the Discord gateway", "err", describe(err))
	}
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	a.wg.Wait()
	a.connected.Store(false)
}

// Connected reports whether the gateway connection is up, for health checks.
func (a *Adapter) Connected() bool { return a.connected.Load() }

// spawn runs f in a goroutine that stop waits for, unless the adapter has stopped. A panic in f
// is logged (without its value, which might hold message text) instead of ending the process.
func (a *Adapter) spawn(f func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer func() {
			if v := recover(); v != nil {
				a.log.Error("panic while handling a Discord event", "stack", string(debug.Stack()))
			}
		}()
		f()
	}()
}

func (a *Adapter) self() string {
	if id := a.selfID.Load(); id != nil {
		return *id
	}
	return ""
}

// onReady notes the bot's user id and registers the slash command, once per adapter.
func (a *Adapter) onReady(r *discordgo.Ready) {
	if r == nil {
		return
	}
	if r.User != nil && r.User.ID != "" {
		id := r.User.ID
		a.selfID.Store(&id)
	}
	appID := a.opts.ApplicationID
	if appID == "" && r.Application != nil {
		appID = r.Application.ID
	}
	a.log.Info("Discord gateway ready", "bot_id", a.self(), "application_id", appID, "shard_id", a.opts.ShardID)
	if a.opts.ShardID != 0 || a.registered.Load() || !a.registering.CompareAndSwap(false, true) {
		return
	}
	a.spawn(func() {
		defer a.registering.Store(false)
		a.register(appID)
	})
}

// commands is the bot's one slash command, /backpain QUESTION.
func commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{{
		Name:        commandName,
		Description: "Ask a question about lower back pain",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        optionName,
			Description: "Your question, in your own words",
			Required:    true,
			MaxLength:   bot.MaxQuestion,
		}},
	}}
}

// register overwrites the application's commands with /backpain, in the configured guild or
// globally.
func (a *Adapter) register(appID string) {
	scope := "global"
	if a.opts.GuildID != "" {
		scope = "guild"
	}
	if appID == "" {
		a.log.Error("cannot register /backpain: no application id (set discord.application_id)")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	defer cancel()
	if _, err := a.rest.ApplicationCommandBulkOverwrite(appID, a.opts.GuildID, commands(), discordgo.WithContext(ctx)); err != nil {
		a.log.Error("registering /backpain failed; retrying on the next connection", "scope", scope, "guild_id", a.opts.GuildID, "err", describe(err))
		return
	}
	a.registered.Store(true)
	a.log.Info("registered /backpain", "scope", scope, "guild_id", a.opts.GuildID)
}

// onMessage answers a direct message or a message mentioning the bot. It decides in the
// gateway's goroutine, so messages are filtered in order, and answers in another.
func (a *Adapter) onMessage(m *discordgo.MessageCreate) {
	if m == nil || m.Message == nil || m.Author == nil {
		return
	}
	self := a.self()
	if self == "" || m.Author.ID == self || m.Author.Bot || m.Author.System || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	if m.GuildID != "" && !mentions(m.Message, self) {
		return
	}
	received := a.now()
	msg := m.Message
	a.spawn(func() { a.answerMessage(msg, received) })
}

// mentions reports whether m mentions the user id.
func mentions(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+id+">") || strings.Contains(m.Content, "<@!"+id+">")
}

// stripMention removes every mention of the user id ("<@id>" and "<@!id>") from text.
func stripMention(text, id string) string {
	text = strings.ReplaceAll(text, "<@!"+id+">", " ")
	text = strings.ReplaceAll(text, "<@"+id+">", " ")
	return strings.TrimSpace(text)
}

// isHelp reports whether a question asks for the help text: nothing at all, or "help".
func isHelp(text string) bool {
	t := strings.Trim(strings.TrimSpace(text), "?!.")
	return t == "" || strings.EqualFold(t, "help")
}

// noPings allows no mentions at all; it marshals as {"parse":[],"replied_user":false}.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// note is a short reply carrying the bot's disclaimer.
func (a *Adapter) note(text string) bot.Reply {
	return bot.Reply{Intro: text, Disclaimer: a.answerer.Help().Disclaimer}
}

// reply decides what to say to user: the answer, help, the rate-limit notice, or nothing
// (ok false).
func (a *Adapter) reply(ctx context.Context, user, text string, received time.Time) (r bot.Reply, outcome string, ok bool) {
	switch a.limits.check(user, received) {
	case notify:
		return a.note(noticeText), OutcomeRateLimited, true
	case drop:
		return bot.Reply{}, OutcomeRateLimited, false
	}
	if isHelp(text) {
		return a.answerer.Help(), OutcomeHelp, true
	}
	r = a.answerer.Answer(ctx, bot.Question{Text: text, Platform: adapterName})
	return r, r.Outcome(), true
}

// answerMessage answers m in its channel, as a reply to it.
func (a *Adapter) answerMessage(m *discordgo.Message, received time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	defer cancel()
	r, outcome, ok := a.reply(ctx, m.Author.ID, stripMention(m.Content, a.self()), received)
	sent := 0
	if ok {
		parts := render(r)
		for i, p := range parts {
			ms := &discordgo.MessageSend{Content: p.Content, Components: p.Components, AllowedMentions: noPings()}
			if i == 0 {
				ms.Reference = m.SoftReference()
			}
			if _, err := a.rest.ChannelMessageSendComplex(m.ChannelID, ms, discordgo.WithContext(ctx)); err != nil {
				a.log.Error("sending a Discord message failed", "channel_id", m.ChannelID, "message_id", m.ID, "part", i+1, "err", describe(err))
				outcome = OutcomeError
				break
			}
			sent++
		}
	}
	a.done("message", outcome, sent, received, "guild_id", m.GuildID, "channel_id", m.ChannelID, "message_id", m.ID)
}

// onInteraction answers the /backpain command and topic buttons.
func (a *Adapter) onInteraction(ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	switch ic.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		return
	}
	received := a.now()
	i := ic.Interaction
	a.spawn(func() { a.answerInteraction(i, received) })
}

// interactionUser returns the id of the user who triggered i.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// stringOption returns the string value of the named option, or "".
func stringOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o != nil && o.Name == name {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

// answerInteraction responds to a slash command or button press, with follow-up messages for
// the rest of a long reply.
func (a *Adapter) answerInteraction(i *discordgo.Interaction, received time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	defer cancel()
	user := interactionUser(i)
	ephemeral := true
	kind := "button"
	var r bot.Reply
	var outcome string
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		kind = "command"
		if d.Name != commandName {
			r, outcome = a.note(unknownCmd), OutcomeRejected
			break
		}
		ephemeral = a.opts.Ephemeral
		var ok bool
		r, outcome, ok = a.reply(ctx, user, stringOption(d.Options, optionName), received)
		if outcome == OutcomeRateLimited {
			// An unanswered interaction shows the user an error, so always send the notice.
			ephemeral = true
			if !ok {
				r = a.note(noticeText)
			}
		}
	case discordgo.MessageComponentInteractionData:
		switch a.limits.check(user, received) {
		case notify, drop:
			r, outcome = a.note(noticeText), OutcomeRateLimited
		default:
			r, outcome = a.show(d.CustomID)
		}
	default:
		r, outcome = a.note(unknownCmd), OutcomeRejected
	}
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	parts := render(r)
	sent := 0
	for n, p := range parts {
		var err error
		if n == 0 {
			err = a.rest.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content: p.Content, Components: p.Components, AllowedMentions: noPings(), Flags: flags,
				},
			}, discordgo.WithContext(ctx))
		} else {
			_, err = a.rest.FollowupMessageCreate(i, false, &discordgo.WebhookParams{
				Content: p.Content, Components: p.Components, AllowedMentions: noPings(), Flags: flags,
			}, discordgo.WithContext(ctx))
		}
		if err != nil {
			a.log.Error("responding to a Discord interaction failed", "interaction_id", i.ID, "part", n+1, "err", describe(err))
			outcome = OutcomeError
			break
		}
		sent++
	}
	a.done(kind, outcome, sent, received, "guild_id", i.GuildID, "channel_id", i.ChannelID, "interaction_id", i.ID)
}

// show answers a topic button: the entry named in its custom_id, or an apology for an unknown
// or forged one.
func (a *Adapter) show(customID string) (bot.Reply, string) {
	if id, ok := showID(customID); ok {
		if r, found := a.answerer.Show(id); found {
			return r, r.Outcome()
		}
	}
	return a.note(unknownShow), OutcomeRejected
}

// done logs and records a handled request. It never logs text.
func (a *Adapter) done(kind, outcome string, parts int, received time.Time, ids ...any) {
	elapsed := a.now().Sub(received)
	level := slog.LevelInfo
	if outcome == OutcomeRateLimited && parts == 0 {
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
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		s := "HTTP error"
		if re.Response != nil {
			s = "HTTP " + re.Response.Status
		}
		if re.Message != nil {
			s += fmt.Sprintf(" (Discord code %d: %s)", re.Message.Code, re.Message.Message)
		}
		return s
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return "rate limited by Discord"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + ": " + describe(ue.Err)
	}
	return err.Error()
}
