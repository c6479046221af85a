package store

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Memory limits: the most keys each kind remembers (about 10 MB at most). When the seen keys
// are full the oldest is forgotten early, rather than refusing genuine requests; when the
// buckets are full, new keys are allowed untracked rather than grow the map.
const (
	maxSeen    = 1 << 17
	maxBuckets = 100_000
	sweepEvery = time.Minute
)

// Memory is a Store held in this process: right for one process, wrong for replicas, which
// would each remember only what they saw. The zero value is not usable; call NewMemory.
type Memory struct {
	now func() time.Time

	mu      sync.Mutex
	expiry  map[string]int64 // seen key -> expiry, Unix nanoseconds
	queue   []seenKey        // in insertion order
	head    int
	evicted int

	buckets   map[string]*bucket
	lastSweep time.Time
}

type seenKey struct {
	key    string
	expiry int64
}

type bucket struct {
	tokens *rate.Limiter
	idle   time.Duration
	last   time.Time
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-process store.
func NewMemory() *Memory { return newMemory(time.Now) }

func newMemory(now func() time.Time) *Memory {
	return &Memory{now: now, expiry: make(map[string]int64), buckets: make(map[string]*bucket)}
}

// SeenFirst implements Store. It never fails.
func (m *Memory) SeenFirst(_ context.Context, key string, ttl time.Duration) (bool, error) {
	now := m.now()
	t := now.UnixNano()
	m.mu.Lock()
	defer m.mu.Unlock()
	// Keys with one ttl expire in insertion order; with mixed ttls a long-lived head only
	// delays forgetting the ones behind it, since lookups check the expiry themselves.
	for m.head < len(m.queue) && m.queue[m.head].expiry <= t {
		m.pop()
	}
	if exp, ok := m.expiry[key]; ok && exp > t {
		return false, nil
	}
	if len(m.expiry) >= maxSeen {
		m.pop()
		m.evicted++
	}
	exp := now.Add(ttl).UnixNano()
	m.expiry[key] = exp
	m.queue = append(m.queue, seenKey{key: key, expiry: exp})
	return true, nil
}

// pop forgets the oldest seen key.
func (m *Memory) pop() {
	e := m.queue[m.head]
	m.queue[m.head] = seenKey{}
	m.head++
	// A key added again after expiring has a newer entry; keep that one.
	if m.expiry[e.key] == e.expiry {
		delete(m.expiry, e.key)
	}
	if m.head > 1024 && m.head*2 >= len(m.queue) {
		n := copy(m.queue, m.queue[m.head:])
		clear(m.queue[n:])
		m.queue = m.queue[:n]
		m.head = 0
	}
}

// Evicted returns how many seen keys were forgotten before their ttl to stay within bounds.
func (m *Memory) Evicted() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.evicted
}

// Allow implements Store. It fails only for an invalid rate.
func (m *Memory) Allow(_ context.Context, key string, r Rate) (bool, error) {
	if !r.valid() {
		return false, ErrBadRate
	}
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.Sub(m.lastSweep) >= sweepEvery || len(m.buckets) >= maxBuckets {
		m.sweep(now)
	}
	b := m.buckets[key]
	if b == nil {
		if len(m.buckets) >= maxBuckets {
			return true, nil
		}
		b = &bucket{tokens: rate.NewLimiter(rate.Limit(r.PerMinute/60), r.Burst)}
		m.buckets[key] = b
	}
	b.idle = r.refill()
	b.tokens.SetLimitAt(now, rate.Limit(r.PerMinute/60))
	b.tokens.SetBurstAt(now, r.Burst)
	b.last = now
	return b.tokens.AllowN(now, 1), nil
}

// sweep forgets buckets idle long enough to be full again.
func (m *Memory) sweep(now time.Time) {
	m.lastSweep = now
	for k, b := range m.buckets {
		if now.Sub(b.last) >= b.idle {
			delete(m.buckets, k)
		}
	}
}

// Check implements Store; memory is always there.
func (m *Memory) Check(context.Context) error { return nil }

// Close implements Store; it does nothing.
func (m *Memory) Close() error { return nil }

// sizes returns how many seen keys and buckets are remembered, for tests.
func (m *Memory) sizes() (seen, buckets int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.expiry), len(m.buckets)
}
