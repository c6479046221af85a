package discord

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store"
	"github.com/backpainbot/backpainbot/adapters/store/redistest"
	"github.com/backpainbot/backpainbot/bot"
	"github.com/redis/go-redis/v9"
)

// backends are the stores a shared limiter is tested over: memory, and a real redis-server on
// loopback (the test skips, saying why, only when there is no redis-server binary).
var backends = []struct {
	name string
	open func(t *testing.T) Store
}{
	{"memory", func(*testing.T) Store { return store.NewMemory() }},
	{"redis", func(t *testing.T) Store { return openRedis(t, redistest.URL(t)) }},
}

func openRedis(t *testing.T, url string) *store.Redis {
	t.Helper()
	r, err := store.NewRedis(url, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// uniqueUser returns a user id no other test run has used, since a Redis named by
// BACKPAINBOT_TEST_REDIS is not flushed.
func uniqueUser(name string) string { return fmt.Sprintf("%s%d", name, time.Now().UnixNano()) }

func TestSharedLimiterVerdicts(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			l := newSharedLimiter(b.open(t), 6, 2, slog.New(slog.DiscardHandler)) // a token every 10 s
			alice, bob := uniqueUser("alice"), uniqueUser("bob")
			steps := []struct {
				user string
				want verdict
			}{
				{alice, allow},
				{alice, allow},
				{alice, notify},
				{alice, drop},
				{alice, drop},
				{bob, allow}, // users do not share a bucket
				{bob, allow},
				{bob, notify},
				{alice, drop},
			}
			for i, s := range steps {
				if got := l.check(context.Background(), s.user); got != s.want {
					t.Errorf("step %d: check(%s) = %v; want %v", i, s.user[:3], got, s.want)
				}
			}
		})
	}
}

// TestSharedLimiterRefills checks that once a token is back the user is answered, and told
// again when over the limit after that answer. It sleeps for real: the store keeps the clock.
func TestSharedLimiterRefills(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			l := newSharedLimiter(b.open(t), 300, 1, slog.New(slog.DiscardHandler)) // a token every 200 ms
			u := uniqueUser("carol")
			want := []verdict{allow, notify, drop}
			check := func(when string) {
				for i, w := range want {
					if got := l.check(context.Background(), u); got != w {
						t.Errorf("%s, request %d: %v; want %v", when, i, got, w)
					}
				}
			}
			check("at first")
			time.Sleep(500 * time.Millisecond) // the bucket (burst 1) and the notice both renewed
			check("after the refill")
		})
	}
}

// TestSharedLimiterKeysAreHashed checks that Redis holds no raw user id: keys are
// "bpb:discord:rate:" and "bpb:discord:notice:" plus a hash, and they expire.
func TestSharedLimiterKeysAreHashed(t *testing.T) {
	url := redistest.URL(t)
	l := newSharedLimiter(openRedis(t, url), 6, 1, slog.New(slog.DiscardHandler))
	u := uniqueUser("4242")
	for range 2 { // the second takes the notice
		l.check(context.Background(), u)
	}
	o, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(o)
	defer c.Close()
	ctx := context.Background()
	h := userHash(u)
	for _, k := range []string{"bpb:discord:rate:" + h, "bpb:discord:notice:" + h} {
		ttl, err := c.PTTL(ctx, k).Result()
		if err != nil || ttl <= 0 || ttl > time.Minute {
			t.Errorf("key %s: ttl %v, err %v; want it present and expiring within a minute", k, ttl, err)
		}
	}
	keys, err := c.Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if strings.Contains(k, u) {
			t.Errorf("key %q holds the raw user id", k)
		}
	}
}

// TestSharedLimiterFailsOpen stops Redis: requests are answered, and the failure is logged once,
// without the user, until Redis answers again.
func TestSharedLimiterFailsOpen(t *testing.T) {
	srv := redistest.Start(t)
	var logs logBuffer
	l := newSharedLimiter(openRedis(t, srv.URL), 6, 1, slog.New(slog.NewTextHandler(&logs, nil)))
	u := uniqueUser("dave")
	if got := l.check(context.Background(), u); got != allow {
		t.Fatalf("with redis up: %v; want allow", got)
	}
	srv.Stop()
	for i := range 3 {
		if got := l.check(context.Background(), u); got != allow {
			t.Errorf("redis down, request %d: %v; want allow (fail open)", i, got)
		}
	}
	out := logs.String()
	if n := strings.Count(out, "rate limit store unavailable"); n != 1 {
		t.Errorf("logged the failure %d times; want once:\n%s", n, out)
	}
	if strings.Contains(out, u) || strings.Contains(out, userHash(u)) {
		t.Errorf("the log names the user:\n%s", out)
	}
}

// TestEndpointsShareLimit runs two HTTP-endpoint adapters, as two replicas behind a load
// balancer, over one store: a user's burst spans both, and other users are not affected.
// Without a store each replica would grant its own burst.
func TestEndpointsShareLimit(t *testing.T) {
	cases := []struct {
		name  string
		store func(t *testing.T) (Store, Store) // one per replica
	}{
		{"memory", func(*testing.T) (Store, Store) { m := store.NewMemory(); return m, m }},
		{"redis", func(t *testing.T) (Store, Store) {
			url := redistest.URL(t) // two clients, as two processes would have
			return openRedis(t, url), openRedis(t, url)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s1, s2 := c.store(t)
			rec := newRecorder()
			answer := stub{bot.Reply{Match: &bot.Topic{ID: "s", Question: "What is sciatica?"}, Answer: "an answer", Disclaimer: "see a clinician"}}
			replica := func(st Store) *endpoint {
				return newEndpoint(t, answer, func(o *Options) { o.PerMinute, o.Burst, o.Store, o.Metrics = 6, 3, st, rec })
			}
			replicas := []*endpoint{replica(s1), replica(s2)}
			alice, bob := uniqueUser("7"), uniqueUser("8")
			steps := []struct {
				replica int
				user    string
				want    string
			}{
				{0, alice, "answered"},
				{1, alice, "answered"},
				{0, alice, "answered"},
				{1, alice, OutcomeRateLimited}, // the fourth, on either replica
				{0, alice, OutcomeRateLimited},
				{1, bob, "answered"},
			}
			for i, s := range steps {
				e := replicas[s.replica]
				w := e.serve(signed(interactionJSON(t, command(fmt.Sprint(900+i), fmt.Sprint("tok", i), s.user, "sciatica")), e.key, time.Now()))
				if w.Code != 200 {
					t.Fatalf("step %d: status %d", i, w.Code)
				}
				if got := rec.wait(t, i+1)[i]; got != s.want {
					t.Errorf("step %d (replica %d): outcome %s; want %s", i, s.replica+1, got, s.want)
				}
			}
		})
	}
}
