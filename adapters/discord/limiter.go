package discord

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// verdict is what the per-user limiter decides for one request.
type verdict int

const (
	// allow: answer.
	allow verdict = iota
	// notify: over the limit for the first time since the last answer; send one short notice.
	notify
	// drop: over the limit and already told; stay silent.
	drop
)

// maxTrackedUsers bounds the limiter's memory. Users are forgotten once their bucket has had
// time to refill, which loses nothing; this cap only matters under a flood of distinct users
// inside one refill period, when new users go untracked (answered) rather than grow the map.
const maxTrackedUsers = 100_000

// sweepEvery is how often the limiter forgets idle users.
const sweepEvery = time.Minute

// limiter is a token bucket per user id. It is safe for concurrent use.
type limiter struct {
	rate  rate.Limit
	burst int
	// idle is how long a bucket takes to refill completely; a user idle that long is the same as
	// a user never seen, so they can be forgotten.
	idle time.Duration

	mu        sync.Mutex
	users     map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens *rate.Limiter
	// told is set when the user has had the over-the-limit notice and not been answered since.
	told bool
	last time.Time
}

// newLimiter returns a limiter allowing perMinute requests a minute per user on average and up
// to burst at once.
func newLimiter(perMinute float64, burst int) *limiter {
	r := rate.Limit(perMinute / 60)
	idle := time.Duration(math.Ceil(float64(burst) / float64(r) * float64(time.Second)))
	return &limiter{rate: r, burst: burst, idle: idle, users: map[string]*bucket{}}
}

// limit applies the user's rate limit at now: in the shared store when there is one, else in
// this process.
func (a *Adapter) limit(ctx context.Context, user string, now time.Time) verdict {
	if a.shared != nil {
		return a.shared.check(ctx, user)
	}
	return a.limits.check(user, now)
}

// check takes a token from user's bucket at now and says what to do.
func (l *limiter) check(user string, now time.Time) verdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) >= sweepEvery || len(l.users) >= maxTrackedUsers {
		l.sweep(now)
	}
	b := l.users[user]
	if b == nil {
		if len(l.users) >= maxTrackedUsers {
			return allow
		}
		b = &bucket{tokens: rate.NewLimiter(l.rate, l.burst)}
		l.users[user] = b
	}
	b.last = now
	if b.tokens.AllowN(now, 1) {
		b.told = false
		return allow
	}
	if !b.told {
		b.told = true
		return notify
	}
	return drop
}

// sweep forgets users idle long enough for their bucket to be full again.
func (l *limiter) sweep(now time.Time) {
	l.lastSweep = now
	for id, b := range l.users {
		if now.Sub(b.last) >= l.idle {
			delete(l.users, id)
		}
	}
}

// tracked returns how many users the limiter remembers, for tests.
func (l *limiter) tracked() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.users)
}
