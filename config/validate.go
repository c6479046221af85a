package config

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"strings"
	"time"
)

// Validate reports every problem with c at once: the returned error joins (errors.Join) one
// single-line error per problem, each naming the setting or environment variable, or is nil.
//
// Values are checked whether or not their adapter is enabled, so a mistake is caught before it
// matters; what an adapter needs is required only when it is enabled. No message contains a
// secret's value.
func (c Config) Validate() error {
	var v validator

	switch c.Log.Format {
	case "text", "json":
	default:
		v.addf(`log.format is %s; want "text" or "json"`, quote(c.Log.Format))
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		v.addf(`log.level is %s; want "debug", "info", "warn" or "error"`, quote(c.Log.Level))
	}

	if c.EmergencyNumber != "" && !validPhoneNumber(c.EmergencyNumber) {
		v.addf(`emergency_number is %s; want at most 15 characters of digits, "+" and spaces, such as "911" or "112"`, quote(c.EmergencyNumber))
	}

	c.HTTP.validate(&v)
	c.Slack.validate(&v)
	c.Discord.validate(&v)
	c.Misses.validate(&v)
	c.Store.validate(&v)
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) addf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (h HTTP) validate(v *validator) {
	if h.Addr == "" {
		v.addf(`http.addr is empty; want host:port such as ":8080"`)
	} else if _, _, err := net.SplitHostPort(h.Addr); err != nil {
		reason := err.Error()
		var addrErr *net.AddrError
		if errors.As(err, &addrErr) {
			reason = addrErr.Err
		}
		v.addf(`http.addr is %s; want host:port such as ":8080" (%s)`, quote(h.Addr), reason)
	}
	if h.OpsAddr != "" {
		if _, _, err := net.SplitHostPort(h.OpsAddr); err != nil {
			v.addf(`http.ops_addr is %s; want host:port such as "127.0.0.1:9090", or "" to serve /healthz and /metrics on http.addr`, quote(h.OpsAddr))
		}
	}
	for _, t := range []struct {
		name    string
		got     time.Duration
		example string
	}{
		{"read_header_timeout", h.ReadHeaderTimeout, "5s"},
		{"read_timeout", h.ReadTimeout, "10s"},
		{"write_timeout", h.WriteTimeout, "10s"},
		{"idle_timeout", h.IdleTimeout, "60s"},
		{"shutdown_timeout", h.ShutdownTimeout, "10s"},
	} {
		if t.got <= 0 {
			v.addf("http.%s is %s; want a positive duration such as %q", t.name, t.got, t.example)
		}
	}
}

func (s Slack) validate(v *validator) {
	if s.Enabled {
		// Socket Mode needs only the app token, which SocketMode already requires.
		if !s.SocketMode() && s.SigningSecret == "" {
			v.addf("slack is enabled but SLACK_SIGNING_SECRET is not set (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)")
		}
	}
	if s.AppToken != "" && !strings.HasPrefix(s.AppToken.Reveal(), "xapp-") {
		v.addf(`SLACK_APP_TOKEN does not start with "xapp-"; want an app-level token with the connections:write scope (Basic Information > App-Level Tokens); a bot token, "xoxb-...", is not needed`)
	}
	if len(s.Command) < 2 || s.Command[0] != '/' || strings.ContainsAny(s.Command, " \t\r\n") {
		v.addf(`slack.command is %s; want a slash command without spaces, such as "/backpain"`, quote(s.Command))
	}
	validateURL(v, "slack.api_url", s.APIURL)
	s.RateLimit.validate(v, "slack")
}

func (r RateLimit) validate(v *validator, name string) {
	if p := r.PerMinute; !(p > 0) || math.IsInf(p, 1) {
		v.addf("%s.rate_limit.per_minute is %g; want a number above 0", name, p)
	}
	if r.Burst < 1 {
		v.addf("%s.rate_limit.burst is %d; want 1 or more", name, r.Burst)
	}
}

// validate checks the store URL. The value is not echoed, since a URL can carry a password.
func (s Store) validate(v *validator) {
	if s.URL == "" {
		return
	}
	u, err := url.Parse(s.URL)
	switch {
	case err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "":
		v.addf(`store.url is not a Redis URL; want one such as "redis://127.0.0.1:6379/0", or leave it empty to keep state in this process`)
	case hasPassword(u):
		v.addf("store.url contains a password; remove it and set BACKPAINBOT_REDIS_PASSWORD instead")
	case strings.Trim(u.Path, "/") != "" && !isDigits(strings.Trim(u.Path, "/")):
		v.addf(`store.url names database %s; want a number such as "redis://127.0.0.1:6379/0"`, quote(strings.Trim(u.Path, "/")))
	}
}

func hasPassword(u *url.URL) bool {
	_, ok := u.User.Password()
	return ok
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func (d Discord) validate(v *validator) {
	if d.Enabled {
		if d.Token == "" && d.PublicKey == "" {
			v.addf("discord is enabled but DISCORD_BOT_TOKEN is not set (or set discord.public_key to use the HTTP interactions endpoint)")
		}
		if d.ApplicationID == "" {
			v.addf("discord is enabled but discord.application_id is not set (or set BACKPAINBOT_DISCORD_APPLICATION_ID)")
		}
	}
	validateURL(v, "discord.api_url", d.APIURL)
	if k, err := hex.DecodeString(d.PublicKey); d.PublicKey != "" && (err != nil || len(k) != 32) {
		v.addf("discord.public_key is not 64 hex digits; copy the Public Key from your app's General Information page")
	}
	if d.ShardCount < 1 {
		v.addf("discord.shard_count is %d; want 1 or more", d.ShardCount)
	}
	if d.ShardID < 0 || (d.ShardCount >= 1 && d.ShardID >= d.ShardCount) {
		v.addf("discord.shard_id is %d; want 0 or more and less than discord.shard_count (%d)", d.ShardID, d.ShardCount)
	}
	if p := d.RateLimit.PerMinute; !(p > 0) || math.IsInf(p, 1) {
		v.addf("discord.rate_limit.per_minute is %g; want a number above 0", p)
	}
	if d.RateLimit.Burst < 1 {
		v.addf("discord.rate_limit.burst is %d; want 1 or more", d.RateLimit.Burst)
	}
}

func (m Misses) validate(v *validator) {
	if m.Enabled && m.File == "" {
		v.addf("misses is enabled but misses.file is empty")
	}
	if m.RetentionDays < 1 {
		v.addf("misses.retention_days is %d; want 1 or more", m.RetentionDays)
	}
}

// validateURL checks an optional API base URL. The value is not echoed, since a URL can carry
// credentials.
func validateURL(v *validator, name, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.addf(`%s is not an absolute http or https URL; want one such as "http://127.0.0.1:8081/", or leave it empty`, name)
	}
}

// validPhoneNumber reports whether s is a plausible emergency number: at most 15 characters of
// digits, "+" and spaces, with at least one digit.
func validPhoneNumber(s string) bool {
	if len(s) > 15 {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' || r == ' ':
		default:
			return false
		}
	}
	return digits > 0
}
