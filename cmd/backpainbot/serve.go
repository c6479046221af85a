package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/backpainbot/backpainbot/adapters/discord"
	"github.com/backpainbot/backpainbot/adapters/ops"
	"github.com/backpainbot/backpainbot/adapters/slack"
	"github.com/backpainbot/backpainbot/adapters/store"
	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/config"
	"github.com/backpainbot/backpainbot/faq"
	"github.com/backpainbot/backpainbot/faq/misses"
	"github.com/backpainbot/backpainbot/faq/watch"
)

// The metrics count the adapters' requests.
var (
	_ slack.Recorder   = (*ops.Metrics)(nil)
	_ discord.Recorder = (*ops.Metrics)(nil)
)

const serveSynopsis = "serve [--config FILE] [--log-format text|json]"

// runServe runs the HTTP server (/healthz, /metrics and, in Slack HTTP mode, /slack/commands)
// and the enabled chat adapters until ctx is done, then shuts down in order.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("serve", serveSynopsis, stderr)
	configPath := fs.String("config", "", "read settings from `FILE` (default $BACKPAINBOT_CONFIG; none: defaults and environment)")
	logFormat := fs.String("log-format", "", "log `format`, text or json (overrides log.format in the config)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve: unexpected argument %q (see backpainbot serve --help)", fs.Arg(0))
	}
	switch *logFormat {
	case "", "text", "json":
	default:
		return usageError("serve: --log-format is %q; want text or json", *logFormat)
	}

	path := *configPath
	if path == "" {
		path = strings.TrimSpace(getenv("BACKPAINBOT_CONFIG"))
	}
	cfg, err := config.Load(path, getenv)
	if err == nil {
		if *logFormat != "" {
			cfg.Log.Format = *logFormat
		}
		err = cfg.Validate()
	}
	if err != nil {
		return printLines(stderr, "backpainbot: config: ", err)
	}
	if err := requireAdapter(ctx, cfg.Slack.Enabled, cfg.Discord.Enabled); err != nil {
		return err
	}

	log := newLogger(stderr, cfg.Log)
	f, err := loadFAQ(cfg.FAQFile) // a one-line failure naming the first problem
	if err != nil {
		return err
	}
	logFAQWarnings(log, f)
	s := newServer(cfg, log, f)
	if s.store, err = openStore(cfg.Store, s.health, log); err != nil {
		return failure("%v", err)
	}
	defer s.store.Close()

	adapters, err := s.adapters()
	if err != nil {
		return failure("%v", err)
	}
	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", cfg.HTTP.Addr)
	if err != nil {
		return failure("listen on %s: %v", cfg.HTTP.Addr, err)
	}
	if r := s.faqReloader(); r != nil {
		adapters = append([]component{*r}, adapters...)
	}
	ops, err := s.opsServer(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	if ops != nil { // first, so it stops last and /healthz reports the shutdown
		adapters = append([]component{*ops}, adapters...)
	}
	return s.serve(ctx, ln, s.routes(), adapters)
}

// printLines prints each line of err with prefix and returns silentFailure. Config errors list
// one problem a line.
func printLines(w io.Writer, prefix string, err error) error {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(w, prefix+line)
	}
	return silentFailure
}

// newLogger returns the process logger: text or JSON on w, at the configured level. The config
// has been validated, so the format and level are known values.
func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// faqVersion names an FAQ for /healthz, such as "v1-3fa2c1d0"; its Label adds the entry count.
func faqVersion(f *faq.FAQ) string { return fmt.Sprintf("v%d-%s", f.Version, f.Digest) }

// server is everything "serve" runs on: the bot, whose FAQ can be swapped while it runs, and the
// metrics and health report that the adapters and an FAQ reloader update.
type server struct {
	cfg     config.Config
	log     *slog.Logger
	bot     *bot.Bot
	metrics *ops.Metrics
	health  *ops.Health
	discord *discord.Adapter // set by adapters when Discord is enabled
	misses  io.Closer        // the misses log's writer, flushed at shutdown; nil when off
	store   store.Store      // shared by replicas; nil means each handler keeps its own in memory
}

func newServer(cfg config.Config, log *slog.Logger, f *faq.FAQ) *server {
	rec, closer := openMisses(cfg.Misses, log)
	s := &server{
		cfg:     cfg,
		log:     log,
		misses:  closer,
		bot:     bot.New(f, bot.Options{EmergencyNumber: cfg.EmergencyNumber, HideSources: !cfg.ShowSources, Misses: rec}),
		metrics: ops.NewMetrics(),
		health:  ops.NewHealth(),
	}
	s.metrics.Reload(true, len(f.Entries))
	s.health.SetFAQ(faqVersion(f), len(f.Entries))
	return s
}

// openMisses opens the misses log when it is enabled, or returns nils. A log that cannot be
// opened is reported and left off: answering matters more than recording. Misses are written
// (and the log pruned) by a goroutine of their own, off the answer path; close flushes them.
func openMisses(c config.Misses, log *slog.Logger) (rec bot.MissRecorder, closer io.Closer) {
	if !c.Enabled {
		return nil, nil
	}
	log = log.With("component", "misses")
	l, err := misses.Open(c.File, time.Duration(c.RetentionDays)*24*time.Hour, nil)
	if err != nil {
		log.Error("misses log is off: it cannot be opened", "err", err)
		return nil, nil
	}
	l.SetLogger(log)
	log.Info("recording unanswered questions (scrubbed)", "file", c.File, "retention_days", c.RetentionDays)
	a := misses.NewAsync(l, misses.DefaultQueue)
	return a, a
}

// faqReloader returns the component that reloads the FAQ file when it changes and on SIGHUP,
// or nil when the built-in FAQ is used. SIGHUP is caught from the moment it returns. A reload
// that fails keeps the live FAQ; the reloader never stops the server.
func (s *server) faqReloader() *component {
	if s.cfg.FAQFile == "" {
		return nil
	}
	log := s.log.With("component", "faq")
	w := watch.New(s.cfg.FAQFile, s.bot.Swap, watch.Options{Logger: log, OnResult: s.faqReloaded, Check: checkFAQ})
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return &component{name: "faq-reload", run: func(ctx context.Context) error {
		defer signal.Stop(hup)
		watching := make(chan struct{})
		go func() {
			defer close(watching)
			if err := w.Run(ctx); err != nil {
				log.Error("not watching the faq file; send SIGHUP to reload it", "err", err)
			}
		}()
		for {
			select {
			case <-ctx.Done():
				<-watching
				return nil
			case <-hup:
				log.Info("SIGHUP: reloading the faq file")
				w.Reload() // reported through faqReloaded
			}
		}
	}}
}

// faqReloaded reports a reload's outcome to /metrics and /healthz.
func (s *server) faqReloaded(ok bool, f *faq.FAQ, err error) {
	now := time.Now()
	if ok {
		s.metrics.Reload(true, len(f.Entries))
		s.health.ReloadOK(now, faqVersion(f), len(f.Entries))
		return
	}
	s.metrics.Reload(false, 0)
	s.health.ReloadFailed(now, reloadProblem(err))
}

// reloadProblem is a failed reload's error in one line for /healthz: the first problem in the
// file and how many more, or why it could not be read.
func reloadProblem(err error) string {
	var inv *faq.InvalidError
	if errors.As(err, &inv) && len(inv.Problems) > 0 {
		more := ""
		if n := len(inv.Problems) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more)", n)
		}
		return inv.Problems[0].String() + more
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "the faq file is missing; still serving the last good version"
	}
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// component is a long-running part of the server, such as a chat adapter's gateway connection.
// run must return soon after its context is done; returning earlier is treated as a failure.
type component struct {
	name string
	run  func(ctx context.Context) error
}

// adapters builds the enabled chat adapters that run on their own (Slack Socket Mode, Discord),
// in start order. Slack in HTTP mode is a route instead; see routes. Secrets are revealed here,
// where they are handed to the adapters, and nowhere else.
func (s *server) adapters() ([]component, error) {
	var cs []component
	if s.cfg.Slack.Enabled && s.cfg.Slack.SocketMode() {
		o := slack.SocketOptions{
			AppToken:  s.cfg.Slack.AppToken.Reveal(),
			APIURL:    s.cfg.Slack.APIURL,
			Command:   s.cfg.Slack.Command,
			Logger:    s.log.With("component", "slack"),
			Metrics:   s.metrics,
			RateLimit: slackRate(s.cfg.Slack),
		}
		if s.store != nil {
			o.Store = s.store
		}
		st := ops.NewAdapterState("slack", s.health, s.metrics)
		o.State = st
		sock, err := slack.NewSocketMode(s.bot, o)
		if err != nil {
			return nil, err // already "slack socket mode: ..."
		}
		s.metrics.AddGateway("slack", sock.Connected)
		// Supervised like Discord: a refused app token leaves Slack stopped, with the reason
		// on /healthz, while the rest of the server keeps serving.
		sup := &ops.Supervisor{Log: s.log.With("component", "slack")}
		cs = append(cs, component{name: "slack", run: func(ctx context.Context) error {
			return sup.Run(ctx, st, sock.Run)
		}})
	}
	if d := s.cfg.Discord; d.Enabled {
		st := ops.NewAdapterState("discord", s.health, s.metrics)
		a, err := discord.New(s.bot, discord.Options{
			Token:         d.Token.Reveal(),
			PublicKey:     d.PublicKey,
			ApplicationID: d.ApplicationID,
			GuildID:       d.GuildID,
			APIURL:        d.APIURL,
			ShardID:       d.ShardID,
			ShardCount:    d.ShardCount,
			Ephemeral:     d.IsEphemeral(),
			PerMinute:     d.RateLimit.PerMinute,
			Burst:         d.RateLimit.Burst,
			Store:         s.discordStore(),
			Logger:        s.log.With("component", "discord"),
			Metrics:       s.metrics,
			State:         st,
		})
		if err != nil {
			return nil, err // already "discord: ..."
		}
		s.discord = a
		if d.PublicKey == "" {
			s.metrics.AddGateway("discord", a.Connected)
		}
		// Supervised: a Discord that fails is retried, or left stopped when it refuses the
		// bot for good, while the rest of the server keeps serving.
		sup := &ops.Supervisor{Log: s.log.With("component", "discord")}
		cs = append(cs, component{name: "discord", run: func(ctx context.Context) error {
			return sup.Run(ctx, st, a.Run)
		}})
	}
	return cs, nil
}

// routes returns the handler for http.addr: POST /slack/commands when Slack is enabled in HTTP
// mode, POST /discord/interactions when discord.public_key is set, and GET /healthz and
// GET /metrics unless they have their own http.ops_addr.
func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	if !s.opsSeparate() {
		s.opsRoutes(mux)
	}
	if s.cfg.Slack.Enabled && !s.cfg.Slack.SocketMode() {
		o := slack.Options{
			SigningSecret: s.cfg.Slack.SigningSecret.Reveal(),
			Command:       s.cfg.Slack.Command,
			Logger:        s.log.With("component", "slack"),
			Metrics:       s.metrics,
			RateLimit:     slackRate(s.cfg.Slack),
		}
		if s.store != nil {
			o.Store = s.store
		}
		mux.Handle("/slack/commands", slack.NewHandler(s.bot, o))
	}
	if s.discord != nil && s.cfg.Discord.PublicKey != "" {
		mux.Handle("POST /discord/interactions", s.discord.Handler())
	}
	return mux
}

// slackMode describes how Slack is connected: "http", "socket" or "off".
func (s *server) slackMode() string {
	switch {
	case !s.cfg.Slack.Enabled:
		return "off"
	case s.cfg.Slack.SocketMode():
		return "socket"
	default:
		return "http"
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// servingHookKey is the context key of the test seam: a func(addr string) that serve calls
// once it is listening and ready, with the listener's real address.
type servingHookKey struct{}

// running is a started component.
type running struct {
	name   string
	cancel context.CancelFunc
	done   chan struct{} // closed when run has returned; err is set before
	err    error
}

// serve serves handler on ln and runs the adapters until ctx is done or one of them (or the HTTP
// server) stops on its own. It then marks itself not ready, stops accepting connections and
// waits up to the shutdown timeout for requests in flight, then stops the adapters in reverse
// start order, giving each the same timeout. It returns nil after a clean shutdown on ctx, and
// a failure when something stopped by itself or did not stop in time.
func (s *server) serve(ctx context.Context, ln net.Listener, handler http.Handler, adapters []component) error {
	httpLog := s.log.With("component", "http")
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: s.cfg.HTTP.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.HTTP.ReadTimeout,
		WriteTimeout:      s.cfg.HTTP.WriteTimeout,
		IdleTimeout:       s.cfg.HTTP.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(httpLog.Handler(), slog.LevelWarn),
	}
	httpDone := make(chan error, 1)
	go func() { httpDone <- srv.Serve(ln) }()

	// Each adapter gets its own context, not a child of ctx, so that adapters can be stopped
	// one at a time in reverse order; WithoutCancel keeps ctx's values.
	base := context.WithoutCancel(ctx)
	started, exited := startAdapters(base, adapters)
	s.announce(ctx, ln.Addr().String())

	failed, httpRunning := s.waitForStop(ctx, httpDone, exited)
	s.health.SetReady(false)
	timeout := s.cfg.HTTP.ShutdownTimeout
	var problems []string
	if httpRunning {
		problems = append(problems, shutdownHTTP(base, srv, httpDone, httpLog, timeout)...)
	}
	problems = append(problems, s.stopAdapters(started, timeout)...)
	if s.misses != nil {
		s.misses.Close() // after the adapters: their last misses are written too
	}
	switch {
	case failed != nil:
		return failure("%v", failed)
	case len(problems) > 0:
		return failure("shutdown: %s", strings.Join(problems, "; "))
	}
	s.log.Info("stopped")
	return nil
}

// startAdapters runs each adapter in its own goroutine under a context of its own; exited
// receives each one as it returns.
func startAdapters(base context.Context, adapters []component) (started []*running, exited chan *running) {
	exited = make(chan *running, len(adapters))
	for _, c := range adapters {
		actx, cancel := context.WithCancel(base)
		r := &running{name: c.name, cancel: cancel, done: make(chan struct{})}
		go func() {
			defer close(r.done)
			r.err = c.run(actx)
			exited <- r
		}()
		started = append(started, r)
	}
	return started, exited
}

// announce marks the server ready and logs what it serves (never a secret).
func (s *server) announce(ctx context.Context, addr string) {
	s.health.SetReady(true)
	f := s.bot.FAQ()
	s.log.Info(fmt.Sprintf("backpainbot: serving on %s (faq %s; slack: %s; discord: %s)",
		addr, f.Label(), s.slackMode(), onOff(s.cfg.Discord.Enabled)),
		"addr", addr, "faq", faqVersion(f), "faq_entries", len(f.Entries))
	if hook, ok := ctx.Value(servingHookKey{}).(func(string)); ok {
		hook(addr)
	}
}

// waitForStop waits until ctx is done, the HTTP server stops or an adapter returns, and says
// what failed (nil for a requested stop) and whether the HTTP server is still running.
func (s *server) waitForStop(ctx context.Context, httpDone <-chan error, exited <-chan *running) (failed error, httpRunning bool) {
	select {
	case <-ctx.Done():
		s.log.Info("shutting down", "reason", context.Cause(ctx))
		return nil, true
	case err := <-httpDone:
		s.log.Error("http server stopped", "component", "http", "err", err)
		return fmt.Errorf("http server: %w", err), false
	case r := <-exited:
		err := r.err
		if err == nil {
			err = errors.New("stopped unexpectedly")
		}
		s.log.Error("adapter stopped; shutting down", "component", r.name, "err", err)
		if !strings.HasPrefix(err.Error(), r.name) {
			err = fmt.Errorf("%s: %w", r.name, err)
		}
		return err, true
	}
}

// shutdownHTTP stops accepting connections and waits up to timeout for requests in flight,
// then closes them; it returns what went wrong, for the exit message.
func shutdownHTTP(base context.Context, srv *http.Server, httpDone <-chan error, httpLog *slog.Logger, timeout time.Duration) []string {
	var problems []string
	sctx, cancel := context.WithTimeout(base, timeout)
	err := srv.Shutdown(sctx)
	cancel()
	if err != nil {
		httpLog.Error("requests still in flight after the shutdown timeout; closing them", "timeout", timeout, "err", err)
		srv.Close()
		problems = append(problems, fmt.Sprintf("http: requests still in flight after %s", timeout))
	}
	if err := <-httpDone; err != nil && !errors.Is(err, http.ErrServerClosed) {
		httpLog.Error("http server", "err", err)
	}
	return problems
}

// stopAdapters stops the adapters in reverse order, each within timeout, and returns those that
// did not stop in time.
func (s *server) stopAdapters(started []*running, timeout time.Duration) []string {
	var problems []string
	for i := len(started) - 1; i >= 0; i-- {
		r := started[i]
		r.cancel()
		timer := time.NewTimer(timeout)
		select {
		case <-r.done:
			if r.err != nil && !errors.Is(r.err, context.Canceled) {
				s.log.Warn("adapter stopped with an error", "component", r.name, "err", r.err)
			}
		case <-timer.C:
			s.log.Error("adapter did not stop within the shutdown timeout", "component", r.name, "timeout", timeout)
			problems = append(problems, fmt.Sprintf("%s: did not stop within %s", r.name, timeout))
		}
		timer.Stop()
	}
	return problems
}
