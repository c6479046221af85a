package slack

import (
	"sync"
	"time"
)

// seenSet remembers request signatures for the window in which Slack's verifier would accept
// them again, so a captured request cannot be replayed. It is bounded: when full, the oldest
// signature is forgotten early (and the caller told), rather than refusing genuine requests.
type seenSet struct {
	mu     sync.Mutex
	window time.Duration
	limit  int
	expiry map[[32]byte]int64 // signature -> expiry, Unix nanoseconds
	queue  []seen             // in insertion order, so in expiry order
	head   int
}

type seen struct {
	sig    [32]byte
	expiry int64
}

func newSeenSet(window time.Duration, limit int) *seenSet {
	return &seenSet{window: window, limit: limit, expiry: make(map[[32]byte]int64)}
}

// add records sig at now. It reports fresh=false if sig was already seen within the window,
// and evicted=true if it had to forget an unexpired signature to make room.
func (s *seenSet) add(sig [32]byte, now time.Time) (fresh, evicted bool) {
	t := now.UnixNano()
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.head < len(s.queue) && s.queue[s.head].expiry <= t {
		s.pop()
	}
	if exp, ok := s.expiry[sig]; ok && exp > t {
		return false, false
	}
	if len(s.expiry) >= s.limit {
		s.pop()
		evicted = true
	}
	exp := now.Add(s.window).UnixNano()
	s.expiry[sig] = exp
	s.queue = append(s.queue, seen{sig: sig, expiry: exp})
	return true, evicted
}

// pop forgets the oldest entry.
func (s *seenSet) pop() {
	e := s.queue[s.head]
	s.queue[s.head] = seen{}
	s.head++
	// A signature added again after expiring has a newer entry; keep that one.
	if s.expiry[e.sig] == e.expiry {
		delete(s.expiry, e.sig)
	}
	if s.head > 1024 && s.head*2 >= len(s.queue) {
		n := copy(s.queue, s.queue[s.head:])
		clear(s.queue[n:])
		s.queue = s.queue[:n]
		s.head = 0
	}
}

// len returns how many signatures are remembered.
func (s *seenSet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.expiry)
}
