package misses

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

var _ bot.MissRecorder = (*Async)(nil)

// TestAsyncNeverBlocksTheAnswer holds the log's lock, as a long prune or a stalled disk would,
// and checks that RecordMiss still returns at once, that what the queue cannot hold is dropped
// and counted, and that Close writes everything queued.
func TestAsyncNeverBlocksTheAnswer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	l, _ := open(t, path, 30*day, c)
	const queue, n = 4, 20
	a := NewAsync(l, queue)
	l.mu.Lock() // a prune in progress
	returned := make(chan struct{})
	go func() {
		for i := range n {
			a.RecordMiss(context.Background(), "discord", fmt.Sprintf("question number %d", i), faq.Candidate{})
		}
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		l.mu.Unlock()
		t.Fatal("RecordMiss blocked while the log was busy")
	}
	l.mu.Unlock()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	got := read(t, path)
	dropped := int(a.Dropped())
	if dropped < n-queue-1 || len(got)+dropped != n {
		t.Errorf("wrote %d and dropped %d of %d; want at most %d (+1 in hand) written and the rest counted", len(got), dropped, n, queue)
	}
	// The writer may take its first miss only after a few were dropped, so the kept ones need not
	// be contiguous: they must be in the order they were asked.
	last := -1
	for i, e := range got {
		var k int
		if _, err := fmt.Sscanf(e.Question, "question number %d", &k); err != nil || k <= last {
			t.Errorf("entry %d = %q; want a question after number %d, in order", i, e.Question, last)
		}
		last = k
	}
	a.RecordMiss(context.Background(), "discord", "after close", faq.Candidate{}) // no panic, no write
	if again := read(t, path); len(again) != len(got) {
		t.Errorf("a miss after Close was written")
	}
	if err := a.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestAsyncKeepsAskedTime: a miss is stamped with when it was asked, not when it was written.
func TestAsyncKeepsAskedTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	l, _ := open(t, path, 30*day, c)
	a := NewAsync(l, 8)
	asked := c.now().UTC().Truncate(time.Second)
	l.mu.Lock()
	a.RecordMiss(context.Background(), "slack", "can i swim", faq.Candidate{})
	c.advance(time.Hour)
	l.mu.Unlock()
	a.Close()
	got := read(t, path)
	if len(got) != 1 || !got[0].Time.Equal(asked) {
		t.Errorf("entries %+v; want one stamped %v", got, asked)
	}
}

// TestAsyncPrunesInBackground: expired entries are dropped by the writer on its own schedule,
// with no miss recorded and nobody waiting on it.
func TestAsyncPrunesInBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	l, _ := open(t, path, 30*day, c)
	a := newAsync(l, 8, 5*time.Millisecond)
	defer a.Close()
	old := fmt.Sprintf(`{"time":%q,"platform":"slack","question":"old","nearest":"","score":0}`+"\n", c.now().Add(-29*day).Format(time.RFC3339))
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	c.advance(2 * day) // "old" is now 31 days old
	deadline := time.Now().Add(5 * time.Second)
	for len(read(t, path)) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the expired entry was never pruned in the background")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// BenchmarkRecordMiss compares what an answer waits for: writing the line itself (Log) or
// queueing it (Async).
func BenchmarkRecordMiss(b *testing.B) {
	for _, async := range []bool{false, true} {
		name := "Log"
		if async {
			name = "Async"
		}
		b.Run(name, func(b *testing.B) {
			l, err := Open(filepath.Join(b.TempDir(), "misses.jsonl"), 30*day, nil)
			if err != nil {
				b.Fatal(err)
			}
			l.SetLogger(slog.New(slog.DiscardHandler))
			var rec bot.MissRecorder = l
			var a *Async
			if async {
				a = NewAsync(l, DefaultQueue)
				rec = a
			}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec.RecordMiss(ctx, "discord", "can i swim with sciatica", faq.Candidate{ID: "x", Score: 0.2})
			}
			b.StopTimer()
			if a != nil {
				a.Close()
			}
		})
	}
}
