package slack

import (
	"testing"
	"time"
)

func TestSeenSet(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	key := func(b byte) [32]byte { return [32]byte{b} }

	t.Run("replay within the window", func(t *testing.T) {
		s := newSeenSet(10*time.Minute, 10)
		if fresh, _ := s.add(key(1), t0); !fresh {
			t.Fatal("first: got seen, want fresh")
		}
		if fresh, _ := s.add(key(1), t0.Add(9*time.Minute)); fresh {
			t.Error("replay after 9 minutes: got fresh, want seen")
		}
		if fresh, _ := s.add(key(2), t0.Add(9*time.Minute)); !fresh {
			t.Error("another signature: got seen, want fresh")
		}
	})
	t.Run("expires", func(t *testing.T) {
		s := newSeenSet(10*time.Minute, 10)
		s.add(key(1), t0)
		s.add(key(2), t0.Add(time.Minute))
		if fresh, _ := s.add(key(1), t0.Add(10*time.Minute)); !fresh {
			t.Error("after the window: got seen, want fresh")
		}
		if got := s.len(); got != 2 {
			t.Errorf("len: got %d, want 2 (key 1 again, key 2)", got)
		}
		// The expired entry for key 1 must not delete its newer entry.
		if fresh, _ := s.add(key(1), t0.Add(15*time.Minute)); fresh {
			t.Error("re-added key: got fresh, want seen")
		}
		if got := s.len(); got != 1 {
			t.Errorf("len after key 2 expired: got %d, want 1", got)
		}
	})
	t.Run("bounded", func(t *testing.T) {
		s := newSeenSet(10*time.Minute, 3)
		for i := range byte(3) {
			if _, evicted := s.add(key(i), t0); evicted {
				t.Fatalf("add %d: evicted below the limit", i)
			}
		}
		if fresh, evicted := s.add(key(9), t0); !fresh || !evicted {
			t.Errorf("add beyond the limit: got fresh %v evicted %v, want both", fresh, evicted)
		}
		if got := s.len(); got != 3 {
			t.Errorf("len: got %d, want 3", got)
		}
		if fresh, _ := s.add(key(0), t0); !fresh {
			t.Error("the oldest was evicted, so it reads as fresh")
		}
	})
	t.Run("compacts", func(t *testing.T) {
		s := newSeenSet(time.Second, 1<<20)
		for i := range 100_000 {
			s.add([32]byte{byte(i), byte(i >> 8), byte(i >> 16)}, t0.Add(time.Duration(i)*time.Millisecond))
		}
		if got := s.len(); got > 1001 {
			t.Errorf("len: got %d, want about 1000 (one second of entries)", got)
		}
		if got := len(s.queue) - s.head; got != s.len() {
			t.Errorf("queue holds %d, map %d", got, s.len())
		}
		if cap(s.queue) > 10_000 {
			t.Errorf("queue capacity %d: not compacted", cap(s.queue))
		}
	})
}
