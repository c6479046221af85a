package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store/redistest"
)

// stores returns each implementation under test, by name. Redis runs against a real
// redis-server on loopback.
func stores(t *testing.T) map[string]func(t *testing.T) Store {
	return map[string]func(t *testing.T) Store{
		"memory": func(t *testing.T) Store { return NewMemory() },
		"redis": func(t *testing.T) Store {
			s, err := Open(redistest.URL(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
}

// key returns a key no earlier run has used, so tests can share a Redis.
func key(t *testing.T, name string) string {
	return fmt.Sprintf("test:%s:%s:%d", t.Name(), name, time.Now().UnixNano())
}

func TestSeenFirst(t *testing.T) {
	ctx := context.Background()
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			if err := s.Check(ctx); err != nil {
				t.Fatalf("Check = %v, want nil", err)
			}
			a, b := key(t, "a"), key(t, "b")
			for i, tc := range []struct {
				key  string
				want bool
			}{
				{a, true}, {a, false}, {b, true}, {a, false}, {b, false},
			} {
				got, err := s.SeenFirst(ctx, tc.key, time.Minute)
				if err != nil || got != tc.want {
					t.Errorf("call %d: SeenFirst(%s) = %v, %v; want %v, nil", i, tc.key, got, err, tc.want)
				}
			}
			// After the ttl the key is new again.
			c := key(t, "c")
			if first, _ := s.SeenFirst(ctx, c, 50*time.Millisecond); !first {
				t.Fatal("first SeenFirst = false, want true")
			}
			time.Sleep(120 * time.Millisecond)
			if first, err := s.SeenFirst(ctx, c, time.Minute); !first || err != nil {
				t.Errorf("SeenFirst after ttl = %v, %v; want true, nil", first, err)
			}
		})
	}
}

// TestSeenFirstConcurrent: of many simultaneous callers with one key, exactly one is first.
func TestSeenFirstConcurrent(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			k := key(t, "k")
			var firsts atomic.Int32
			var wg sync.WaitGroup
			for range 32 {
				wg.Go(func() {
					if ok, err := s.SeenFirst(context.Background(), k, time.Minute); err != nil {
						t.Error(err)
					} else if ok {
						firsts.Add(1)
					}
				})
			}
			wg.Wait()
			if n := firsts.Load(); n != 1 {
				t.Errorf("%d callers were first, want exactly 1", n)
			}
		})
	}
}

func TestAllow(t *testing.T) {
	ctx := context.Background()
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			r := Rate{PerMinute: 6, Burst: 3}
			u1, u2 := key(t, "u1"), key(t, "u2")
			var got []bool
			for range 5 {
				ok, err := s.Allow(ctx, u1, r)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ok)
			}
			if want := []bool{true, true, true, false, false}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("five quick requests = %v, want %v", got, want)
			}
			if ok, _ := s.Allow(ctx, u2, r); !ok {
				t.Error("another user was refused; buckets must be per key")
			}
			// A fast rate refills within the test.
			fast := Rate{PerMinute: 60 * 20, Burst: 1} // one token every 50 ms
			f := key(t, "fast")
			if ok, _ := s.Allow(ctx, f, fast); !ok {
				t.Fatal("first request refused")
			}
			if ok, _ := s.Allow(ctx, f, fast); ok {
				t.Fatal("second immediate request allowed past a burst of 1")
			}
			time.Sleep(120 * time.Millisecond)
			if ok, _ := s.Allow(ctx, f, fast); !ok {
				t.Error("request after the refill time refused")
			}
			for _, bad := range []Rate{{0, 1}, {6, 0}, {-1, 3}} {
				if _, err := s.Allow(ctx, u2, bad); !errors.Is(err, ErrBadRate) {
					t.Errorf("Allow with rate %+v = %v, want ErrBadRate", bad, err)
				}
			}
		})
	}
}

// TestRedisShared: two clients of one Redis (two replicas) see each other's keys and buckets.
func TestRedisShared(t *testing.T) {
	ctx := context.Background()
	url := redistest.URL(t)
	a, _ := NewRedis(url, "")
	b, _ := NewRedis(url, "")
	defer a.Close()
	defer b.Close()
	k := key(t, "replay")
	if ok, err := a.SeenFirst(ctx, k, time.Minute); !ok || err != nil {
		t.Fatalf("replica a: SeenFirst = %v, %v; want true", ok, err)
	}
	if ok, err := b.SeenFirst(ctx, k, time.Minute); ok || err != nil {
		t.Errorf("replica b: SeenFirst of a's key = %v, %v; want false", ok, err)
	}
	u := key(t, "user")
	r := Rate{PerMinute: 1, Burst: 2}
	var got []bool
	for _, s := range []*Redis{a, b, a, b} {
		ok, err := s.Allow(ctx, u, r)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ok)
	}
	if want := "[true true false false]"; fmt.Sprint(got) != want {
		t.Errorf("alternating replicas = %v, want %s (one bucket for both)", got, want)
	}
}

// TestRedisUnreachable: every operation fails, quickly, and says so.
func TestRedisUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	s, err := Open("redis://"+addr+"/0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Check(ctx); err == nil {
		t.Error("Check = nil, want an error")
	}
	if ok, err := s.SeenFirst(ctx, "k", time.Minute); err == nil || ok {
		t.Errorf("SeenFirst = %v, %v; want false and an error (fail closed)", ok, err)
	}
	if _, err := s.Allow(ctx, "k", Rate{PerMinute: 1, Burst: 1}); err == nil {
		t.Error("Allow = nil error, want one")
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name, url string
		wantErr   bool
		wantType  string
	}{
		{"empty is memory", "", false, "*store.Memory"},
		{"redis", "redis://127.0.0.1:6379/0", false, "*store.Redis"},
		{"redis tls", "rediss://cache.internal:6380/2", false, "*store.Redis"},
		{"other scheme", "memcached://127.0.0.1:11211", true, ""},
		{"bad db", "redis://127.0.0.1:6379/notanumber", true, ""},
		{"not a url", "redis://[::1", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.url, Options{Password: "hunter2-secret"})
			if (err != nil) != tt.wantErr {
				t.Fatalf("Open(%q) error = %v, want error %v", tt.url, err, tt.wantErr)
			}
			if err != nil {
				if msg := err.Error(); containsAny(msg, "hunter2", "127.0.0.1", "cache.internal") {
					t.Errorf("error %q repeats the url or password", msg)
				}
				return
			}
			defer s.Close()
			if got := fmt.Sprintf("%T", s); got != tt.wantType {
				t.Errorf("Open(%q) = %s, want %s", tt.url, got, tt.wantType)
			}
		})
	}
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestMemoryBounded: a flood of keys stays within the bounds and idle buckets are forgotten.
func TestMemoryBounded(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	m := newMemory(func() time.Time { return now })
	ctx := context.Background()
	for i := range maxSeen + 10 {
		if ok, _ := m.SeenFirst(ctx, fmt.Sprint(i), time.Hour); !ok {
			t.Fatalf("key %d not first", i)
		}
	}
	if seen, _ := m.sizes(); seen != maxSeen {
		t.Errorf("remembered %d keys, want the cap %d", seen, maxSeen)
	}
	if m.Evicted() != 10 {
		t.Errorf("Evicted = %d, want 10", m.Evicted())
	}
	if ok, _ := m.SeenFirst(ctx, fmt.Sprint(maxSeen+5), time.Hour); ok {
		t.Error("a recent key was forgotten; only the oldest should go")
	}
	r := Rate{PerMinute: 60, Burst: 1}
	for i := range 100 {
		m.Allow(ctx, fmt.Sprint("u", i), r)
	}
	now = now.Add(2 * time.Minute)
	m.Allow(ctx, "late", r)
	if _, buckets := m.sizes(); buckets != 1 {
		t.Errorf("buckets after the idle users refilled = %d, want 1", buckets)
	}
}

// BenchmarkStore measures one replay check and one rate-limit check, per implementation.
func BenchmarkStore(b *testing.B) {
	open := map[string]func(b *testing.B) Store{
		"memory": func(*testing.B) Store { return NewMemory() },
		"redis": func(b *testing.B) Store {
			s, err := Open(redistest.URL(b), Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		},
	}
	ctx := context.Background()
	for _, name := range []string{"memory", "redis"} {
		b.Run(name+"/SeenFirst", func(b *testing.B) {
			s := open[name](b)
			prefix := fmt.Sprint("bench:", time.Now().UnixNano(), ":")
			i := 0
			for b.Loop() {
				i++
				if _, err := s.SeenFirst(ctx, prefix+strconv.Itoa(i), time.Minute); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/Allow", func(b *testing.B) {
			s := open[name](b)
			k := fmt.Sprint("bench:user:", time.Now().UnixNano())
			for b.Loop() {
				if _, err := s.Allow(ctx, k, Rate{PerMinute: 1e6, Burst: 10}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
