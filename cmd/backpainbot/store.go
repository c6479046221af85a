package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/backpainbot/backpainbot/adapters/discord"
	"github.com/backpainbot/backpainbot/adapters/ops"
	"github.com/backpainbot/backpainbot/adapters/store"
	"github.com/backpainbot/backpainbot/config"
)

// storeCheckTimeout bounds the store's health check, which runs on each GET /healthz.
const storeCheckTimeout = 500 * time.Millisecond

// openStore opens the store replicas share: Redis when store.url is set, memory otherwise.
// With Redis it adds a "store" check to /healthz, failing while Redis cannot be reached (and
// Slack requests are refused; Discord answers without a limit). The URL is never logged: it may name a private host.
func openStore(c config.Store, health *ops.Health, log *slog.Logger) (store.Store, error) {
	st, err := store.Open(c.URL, store.Options{Password: c.Password.Reveal()})
	if err != nil {
		return nil, fmt.Errorf("store: %v", err)
	}
	if c.URL == "" {
		return st, nil
	}
	health.AddCheck("store", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), storeCheckTimeout)
		defer cancel()
		if err := st.Check(ctx); err != nil {
			return false, "redis unreachable: slack requests are refused and discord is not rate limited until it is back"
		}
		return true, "redis"
	})
	log.With("component", "store").Info("replay protection and rate limits are shared through redis")
	return st, nil
}

// slackRate is the per-user rate limit for Slack commands.
func slackRate(c config.Slack) store.Rate {
	return store.Rate{PerMinute: c.RateLimit.PerMinute, Burst: c.RateLimit.Burst}
}

// discordStore is where Discord keeps its per-user limits: the shared store when store.url is
// set, so replicas share each user's limit; nil otherwise, leaving the adapter its own
// in-process buckets.
func (s *server) discordStore() discord.Store {
	if s.cfg.Store.URL == "" || s.store == nil {
		return nil
	}
	return s.store
}
