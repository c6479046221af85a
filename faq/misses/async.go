package misses

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/backpainbot/backpainbot/faq"
)

// DefaultQueue is a good queue length for NewAsync: minutes of misses at a busy server's pace.
const DefaultQueue = 1024

// Async records misses off the answer path. RecordMiss only queues the miss and returns at
// once; one goroutine scrubs and writes the queued misses to the Log, and prunes it every hour
// in the background, so neither a slow disk nor the prune of a large log ever holds up an
// answer. When the queue is full a miss is dropped (and counted) rather than make an answer
// wait. Close flushes what is queued. It implements the bot's MissRecorder and is safe for
// concurrent use.
type Async struct {
	l       *Log
	q       chan queued
	done    chan struct{}
	dropped atomic.Int64

	mu     sync.RWMutex // guards closed against sends on a closed q
	closed bool
}

type queued struct {
	at       time.Time
	platform string
	question string
	nearest  faq.Candidate
}

// NewAsync starts the writer for l with room for queue misses (DefaultQueue when queue < 1).
func NewAsync(l *Log, queue int) *Async { return newAsync(l, queue, pruneEvery) }

func newAsync(l *Log, queue int, every time.Duration) *Async {
	if queue < 1 {
		queue = DefaultQueue
	}
	a := &Async{l: l, q: make(chan queued, queue), done: make(chan struct{})}
	go a.write(every)
	return a
}

// RecordMiss queues a miss; see Log.RecordMiss. After Close it does nothing.
func (a *Async) RecordMiss(_ context.Context, platform, question string, nearest faq.Candidate) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.closed {
		return
	}
	select {
	case a.q <- queued{at: a.l.now(), platform: platform, question: question, nearest: nearest}:
	default:
		a.dropped.Add(1)
	}
}

// Dropped returns how many misses were dropped because the queue was full.
func (a *Async) Dropped() int64 { return a.dropped.Load() }

// Close writes every queued miss, stops the writer and returns. It is safe to call twice.
func (a *Async) Close() error {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.q)
	}
	a.mu.Unlock()
	<-a.done
	if n := a.dropped.Load(); n > 0 {
		a.l.logger().Warn("misses log: misses dropped because writing fell behind", "dropped", n)
	}
	return nil
}

func (a *Async) write(every time.Duration) {
	defer close(a.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case m, ok := <-a.q:
			if !ok {
				return
			}
			a.l.record(m.at, m.platform, m.question, m.nearest)
		case <-t.C:
			if err := a.l.Prune(); err != nil {
				a.l.logger().Error("misses log: dropping expired entries failed", "err", err)
			}
		}
	}
}
