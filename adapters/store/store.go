// Package store keeps what the replicas of one bot must agree on: which signed requests have
// been seen (replay protection) and how many questions each user has asked lately (rate
// limits). Store is the small interface the adapters use; Memory keeps the state in this
// process, which suits a single process, and Redis keeps it in a Redis server shared by every
// replica, so a request seen by one replica is refused by all of them and a user's rate limit
// spans them all.
//
// Open picks one from a URL: "" for Memory, "redis://HOST:PORT/DB" for Redis. Keys are
// namespaced by the callers ("slack:replay:...") and, in Redis, prefixed with "bpb:". Nothing
// stored is message text: keys are request signatures and hashes of user ids, values flags and
// token counts, all expiring within minutes.
package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"time"
)

// Store is what replicas share. Implementations are safe for concurrent use.
type Store interface {
	// SeenFirst records key for ttl and reports whether this is the first time it was
	// recorded within its ttl, across every process sharing the store. On error the caller
	// must treat the key as seen (fail closed).
	SeenFirst(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Allow takes one token from key's bucket, which refills at r, and reports whether there
	// was one.
	Allow(ctx context.Context, key string, r Rate) (bool, error)
	// Check reports whether the store can be used now, for health checks.
	Check(ctx context.Context) error
	// Close releases the store's connections.
	Close() error
}

// Rate is a token bucket: PerMinute tokens a minute on average, up to Burst at once.
type Rate struct {
	PerMinute float64
	Burst     int
}

// valid reports whether r can be used as a bucket.
func (r Rate) valid() bool {
	return r.PerMinute > 0 && !math.IsInf(r.PerMinute, 1) && r.Burst >= 1
}

// refill is how long an empty bucket takes to fill up again; an idle bucket can be forgotten
// after it, since a full bucket is the same as a new one.
func (r Rate) refill() time.Duration {
	return time.Duration(math.Ceil(float64(r.Burst) * 60 / r.PerMinute * float64(time.Second)))
}

// ErrBadRate is returned by Allow for a rate that is not positive or a burst below 1.
var ErrBadRate = errors.New("store: rate must be above 0 and burst at least 1")

// Options configure Open.
type Options struct {
	// Password authenticates to Redis; it overrides any password in the URL.
	Password string
}

// Open returns the store for rawURL: Memory when it is empty, Redis for "redis://" or
// "rediss://" (TLS) URLs such as "redis://127.0.0.1:6379/0". It does not contact Redis;
// Check does. Errors never repeat the URL, which may carry a password.
func Open(rawURL string, o Options) (Store, error) {
	if rawURL == "" {
		return NewMemory(), nil
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, errors.New("store: the url is not a valid URL")
	}
	switch u.Scheme {
	case "redis", "rediss":
		return NewRedis(rawURL, o.Password)
	}
	return nil, fmt.Errorf("store: url scheme %q is not supported; want redis:// or rediss://", u.Scheme)
}
