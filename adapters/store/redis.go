package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// keyPrefix namespaces every key the bot writes, so a Redis shared with other programs stays tidy.
const keyPrefix = "bpb:"

// Timeouts keep a slow or absent Redis from holding up a request for long: a slash command
// must be answered within Slack's 3 seconds.
const (
	dialTimeout = time.Second
	ioTimeout   = 500 * time.Millisecond
)

// Redis is a Store in a Redis server shared by every replica. Replay keys are SET NX with an
// expiry; rate limits are token buckets updated atomically by a Lua script on Redis's clock, so
// replicas with skewed clocks still agree.
type Redis struct {
	c *redis.Client
}

var _ Store = (*Redis)(nil)

func init() {
	// go-redis logs pool errors to stderr by itself; the store returns them instead, and the
	// callers log them once, in the process's own format.
	redis.SetLogger(quiet{})
}

type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

// NewRedis returns a store for the Redis at rawURL ("redis://HOST:PORT/DB"); password, when
// not empty, overrides the URL's. It does not connect yet.
func NewRedis(rawURL, password string) (*Redis, error) {
	o, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, errors.New("store: the redis url is not valid; want redis://HOST:PORT/DB")
	}
	if password != "" {
		o.Password = password
	}
	o.DialTimeout = dialTimeout
	o.ReadTimeout = ioTimeout
	o.WriteTimeout = ioTimeout
	o.MaxRetries = 1
	o.PoolTimeout = time.Second
	o.DialerRetries = 1
	return &Redis{c: redis.NewClient(o)}, nil
}

// SeenFirst implements Store with SET key 1 NX PX ttl.
func (r *Redis) SeenFirst(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ok, err := r.c.SetNX(ctx, keyPrefix+key, 1, ttl).Result()
	if err != nil {
		return false, fmt.Errorf("store: redis set: %w", err)
	}
	return ok, nil
}

// tokenBucket takes one token from the bucket KEYS[1], refilled at ARGV[1] tokens per
// millisecond up to ARGV[2], on Redis's own clock. The bucket expires ARGV[3] ms after its last
// use, when it would be full again anyway. It returns 1 if a token was taken, 0 if not.
var tokenBucket = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return allowed
`)

// Allow implements Store with a token bucket in a Lua script.
func (r *Redis) Allow(ctx context.Context, key string, rt Rate) (bool, error) {
	if !rt.valid() {
		return false, ErrBadRate
	}
	perMs := strconv.FormatFloat(rt.PerMinute/60000, 'g', -1, 64)
	ttl := strconv.FormatInt(rt.refill().Milliseconds()+1000, 10)
	n, err := tokenBucket.Run(ctx, r.c, []string{keyPrefix + key}, perMs, rt.Burst, ttl).Int()
	if err != nil {
		return false, fmt.Errorf("store: redis rate limit: %w", err)
	}
	return n == 1, nil
}

// Check implements Store with PING.
func (r *Redis) Check(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("store: redis ping: %w", err)
	}
	return nil
}

// Close implements Store.
func (r *Redis) Close() error { return r.c.Close() }
