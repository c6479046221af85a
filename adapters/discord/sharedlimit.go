package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"math"
	"sync/atomic"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store"
)

// Store is the part of a store.Store the adapter uses to share each user's limit with other
// replicas: a token bucket per user (Allow) and a once-only flag for the notice (SeenFirst).
// store.Memory and store.Redis implement it.
type Store interface {
	Allow(ctx context.Context, key string, r store.Rate) (bool, error)
	SeenFirst(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// sharedTimeout bounds the store calls for one request, so a slow store costs an interaction
// little of Discord's 3 seconds; past it the request is answered (fail open).
const sharedTimeout = 500 * time.Millisecond

// sharedLimiter is the per-user limit kept in a Store, so every replica using the same store
// draws on the same bucket. Over the limit, the first request within one token's refill time
// gets the notice (SeenFirst on a notice key) and the rest are dropped. When the store fails,
// requests are answered, and the failure is logged once until the store answers again.
type sharedLimiter struct {
	st     Store
	rate   store.Rate
	notice time.Duration // how long one notice covers: the time one token takes to refill
	log    *slog.Logger
	down   atomic.Bool
}

func newSharedLimiter(st Store, perMinute float64, burst int, log *slog.Logger) *sharedLimiter {
	refill := time.Duration(math.Ceil(60 / perMinute * float64(time.Second)))
	return &sharedLimiter{st: st, rate: store.Rate{PerMinute: perMinute, Burst: burst}, notice: refill, log: log}
}

// check takes a token from user's shared bucket and says what to do.
func (l *sharedLimiter) check(ctx context.Context, user string) verdict {
	ctx, cancel := context.WithTimeout(ctx, sharedTimeout)
	defer cancel()
	h := userHash(user)
	ok, err := l.st.Allow(ctx, "discord:rate:"+h, l.rate)
	if err != nil {
		l.failed(ctx, err)
		return allow
	}
	if ok {
		l.recovered(ctx)
		return allow
	}
	first, err := l.st.SeenFirst(ctx, "discord:notice:"+h, l.notice)
	if err != nil {
		// Over the limit, but whether the user was told is unknown: a short notice costs
		// less than leaving them wondering.
		l.failed(ctx, err)
		return notify
	}
	l.recovered(ctx)
	if first {
		return notify
	}
	return drop
}

// failed logs the store's failure once until it recovers. The error names no user or text.
func (l *sharedLimiter) failed(ctx context.Context, err error) {
	if !l.down.Swap(true) {
		l.log.LogAttrs(ctx, slog.LevelWarn, "rate limit store unavailable: answering without a limit until it is back",
			slog.String("err", err.Error()))
	}
}

// recovered logs once that the store answers again after a failure.
func (l *sharedLimiter) recovered(ctx context.Context) {
	if l.down.Swap(false) {
		l.log.LogAttrs(ctx, slog.LevelInfo, "rate limit store is back")
	}
}

// userHash names a user in store keys without their raw id.
func userHash(user string) string {
	sum := sha256.Sum256([]byte("discord/" + user))
	return hex.EncodeToString(sum[:12])
}
