package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"

	"github.com/backpainbot/backpainbot/faq"
)

// The operator's side of serve: refusing to run with nothing to serve, and /healthz and
// /metrics on their own address (http.ops_addr, loopback by default) so that the public
// address serves only the chat platforms' endpoints.

// noAdapterOKKey is the context key of a test seam: when set, serve runs with no chat platform
// enabled, for tests of health, metrics and reloading.
type noAdapterOKKey struct{}

// opsHookKey is the context key of a test seam: a func(addr string) called with the ops
// listener's real address once it is listening.
type opsHookKey struct{}

// requireAdapter refuses to serve when no chat platform is enabled: the process would run and
// answer nobody.
func requireAdapter(ctx context.Context, slackOn, discordOn bool) error {
	if slackOn || discordOn || ctx.Value(noAdapterOKKey{}) != nil {
		return nil
	}
	return usageError("serve: no chat platform is enabled, so there is nothing to serve; " +
		"set slack.enabled: true or discord.enabled: true in the config file " +
		"(or BACKPAINBOT_SLACK_ENABLED=true or BACKPAINBOT_DISCORD_ENABLED=true), " +
		"with the tokens the README's Slack and Discord sections list")
}

// logFAQWarnings logs what `faq lint` would warn about in the FAQ serve starts with, in the
// same words, as the reloader does for each reload.
func logFAQWarnings(log *slog.Logger, f *faq.FAQ) {
	for _, p := range f.Warnings {
		log.Warn("faq warning: "+p.String(), "component", "faq")
	}
}

// opsSeparate reports whether /healthz and /metrics have their own listener: ops_addr is set
// and is not http.addr itself (port 0, "any free port", always means a listener of its own).
func (s *server) opsSeparate() bool {
	ops := s.cfg.HTTP.OpsAddr
	if ops == "" {
		return false
	}
	_, port, _ := net.SplitHostPort(ops)
	return ops != s.cfg.HTTP.Addr || port == "0"
}

// opsRoutes adds GET /healthz and GET /metrics to mux.
func (s *server) opsRoutes(mux *http.ServeMux) {
	mux.Handle("GET /healthz", s.health.Handler())
	mux.Handle("GET /metrics", s.metrics.Handler())
}

// opsServer listens on http.ops_addr and returns the component that serves /healthz and
// /metrics there, or nil when they are served on http.addr.
func (s *server) opsServer(ctx context.Context) (*component, error) {
	if !s.opsSeparate() {
		return nil, nil
	}
	addr := s.cfg.HTTP.OpsAddr
	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, failure("listen on %s (http.ops_addr, for /healthz and /metrics): %v", addr, err)
	}
	log := s.log.With("component", "ops-http")
	mux := http.NewServeMux()
	s.opsRoutes(mux)
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: s.cfg.HTTP.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.HTTP.ReadTimeout,
		WriteTimeout:      s.cfg.HTTP.WriteTimeout,
		IdleTimeout:       s.cfg.HTTP.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	bound := ln.Addr().String()
	log.Info("health and metrics on "+bound+" (http.ops_addr)", "addr", bound)
	if hook, ok := ctx.Value(opsHookKey{}).(func(string)); ok {
		hook(bound)
	}
	return &component{name: "ops-http", run: func(ctx context.Context) error {
		done := make(chan error, 1)
		go func() { done <- srv.Serve(ln) }()
		select {
		case err := <-done:
			return err
		case <-ctx.Done():
		}
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.HTTP.ShutdownTimeout)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			srv.Close()
		}
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}}, nil
}
