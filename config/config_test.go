package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// writeConfig writes content to a file named config.yaml in a fresh temporary directory and
// returns its path.
func writeConfig(t testing.TB, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// env returns a getenv backed by a map.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// dump renders c for failure messages (secrets redacted, Ephemeral dereferenced).
func dump(c Config) string {
	b, err := json.Marshal(c)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func ptr[T any](v T) *T { return &v }

func TestDefault(t *testing.T) {
	d := Default()
	tests := []struct {
		name      string
		got, want any
	}{
		{"faq_file", d.FAQFile, ""},
		{"emergency_number", d.EmergencyNumber, ""},
		{"log.format", d.Log.Format, "text"},
		{"log.level", d.Log.Level, "info"},
		{"http.addr", d.HTTP.Addr, ":8080"},
		{"http.read_header_timeout", d.HTTP.ReadHeaderTimeout, 5 * time.Second},
		{"http.read_timeout", d.HTTP.ReadTimeout, 10 * time.Second},
		{"http.write_timeout", d.HTTP.WriteTimeout, 10 * time.Second},
		{"http.idle_timeout", d.HTTP.IdleTimeout, 60 * time.Second},
		{"http.shutdown_timeout", d.HTTP.ShutdownTimeout, 10 * time.Second},
		{"slack.enabled", d.Slack.Enabled, false},
		{"slack.command", d.Slack.Command, "/backpain"},
		{"slack.api_url", d.Slack.APIURL, ""},
		{"slack socket mode", d.Slack.SocketMode(), false},
		{"discord.enabled", d.Discord.Enabled, false},
		{"discord.application_id", d.Discord.ApplicationID, ""},
		{"discord.guild_id", d.Discord.GuildID, ""},
		{"discord.api_url", d.Discord.APIURL, ""},
		{"discord.shard_id", d.Discord.ShardID, 0},
		{"discord.shard_count", d.Discord.ShardCount, 1},
		{"discord.ephemeral", d.Discord.IsEphemeral(), true},
		{"discord.rate_limit.per_minute", d.Discord.RateLimit.PerMinute, 6.0},
		{"discord.rate_limit.burst", d.Discord.RateLimit.Burst, 3},
		{"misses.enabled", d.Misses.Enabled, false},
		{"misses.file", d.Misses.File, "misses.jsonl"},
		{"misses.retention_days", d.Misses.RetentionDays, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("Default() %s = %v, want %v", tt.name, tt.got, tt.want)
			}
		})
	}

	t.Run("valid", func(t *testing.T) {
		if err := Default().Validate(); err != nil {
			t.Errorf("Default().Validate() = %v, want nil", err)
		}
	})
	t.Run("no file no env", func(t *testing.T) {
		got, err := Load("", nil)
		if err != nil {
			t.Fatalf("Load(\"\", nil) error = %v", err)
		}
		if want := Default(); !reflect.DeepEqual(got, want) {
			t.Errorf("Load(\"\", nil) = %s, want %s", dump(got), dump(want))
		}
	})
	t.Run("fresh each call", func(t *testing.T) {
		a, b := Default(), Default()
		*a.Discord.Ephemeral = false
		if !b.Discord.IsEphemeral() {
			t.Errorf("changing one Default()'s Ephemeral changed another's")
		}
	})
}

func TestIsEphemeral(t *testing.T) {
	tests := []struct {
		name string
		in   *bool
		want bool
	}{
		{"nil means default", nil, true},
		{"true", ptr(true), true},
		{"false", ptr(false), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Discord{Ephemeral: tt.in}).IsEphemeral(); got != tt.want {
				t.Errorf("IsEphemeral() = %v, want %v", got, tt.want)
			}
		})
	}
}

// fileTests are valid files; FuzzLoad also starts from them.
var fileTests = []struct {
	name string
	yaml string
	want func(c *Config) // applied to Default()
}{
	{"empty file", "", func(c *Config) {}},
	{"only comments", "# nothing here\n", func(c *Config) {}},
	{"empty document", "---\n", func(c *Config) {}},
	{"top level", "faq_file: /etc/backpainbot/faq.yaml\nemergency_number: \"999\"\n", func(c *Config) {
		c.FAQFile = "/etc/backpainbot/faq.yaml"
		c.EmergencyNumber = "999"
	}},
	{"unquoted number keeps leading zeros", "emergency_number: 000\n", func(c *Config) {
		c.EmergencyNumber = "000"
	}},
	{"log", "log:\n  format: json\n  level: debug\n", func(c *Config) {
		c.Log = Log{Format: "json", Level: "debug"}
	}},
	{"http", "http:\n  addr: 127.0.0.1:9000\n  read_header_timeout: 1s\n  read_timeout: 2s\n  write_timeout: 3s\n  idle_timeout: 1m30s\n  shutdown_timeout: 500ms\n", func(c *Config) {
		c.HTTP = HTTP{
			Addr:              "127.0.0.1:9000",
			OpsAddr:           "127.0.0.1:9090",
			ReadHeaderTimeout: time.Second,
			ReadTimeout:       2 * time.Second,
			WriteTimeout:      3 * time.Second,
			IdleTimeout:       90 * time.Second,
			ShutdownTimeout:   500 * time.Millisecond,
		}
	}},
	{"slack", "slack:\n  enabled: true\n  command: /sore-back\n  api_url: http://127.0.0.1:1234/api/\n", func(c *Config) {
		c.Slack.Enabled = true
		c.Slack.Command = "/sore-back"
		c.Slack.APIURL = "http://127.0.0.1:1234/api/"
	}},
	{"discord", "discord:\n  enabled: yes\n  application_id: 123456789012345678\n  guild_id: \"876543210987654321\"\n  api_url: http://127.0.0.1:1/\n  shard_id: 1\n  shard_count: 2\n  ephemeral: false\n  rate_limit: {per_minute: 0.5, burst: 1}\n", func(c *Config) {
		c.Discord.Enabled = true
		c.Discord.ApplicationID = "123456789012345678"
		c.Discord.GuildID = "876543210987654321"
		c.Discord.APIURL = "http://127.0.0.1:1/"
		c.Discord.ShardID = 1
		c.Discord.ShardCount = 2
		c.Discord.Ephemeral = ptr(false)
		c.Discord.RateLimit = RateLimit{PerMinute: 0.5, Burst: 1}
	}},
	{"misses", "misses:\n  enabled: true\n  file: /var/lib/backpainbot/misses.jsonl\n  retention_days: 7\n", func(c *Config) {
		c.Misses = Misses{Enabled: true, File: "/var/lib/backpainbot/misses.jsonl", RetentionDays: 7}
	}},
	{"null values keep defaults", "faq_file:\nlog: ~\nhttp:\n  addr: null\nmisses:\n  retention_days:\n", func(c *Config) {}},
	{"null ephemeral means default", "discord:\n  ephemeral:\n", func(c *Config) { c.Discord.Ephemeral = nil }},
	{"partial section keeps other defaults", "http:\n  write_timeout: 30s\n", func(c *Config) {
		c.HTTP.WriteTimeout = 30 * time.Second
	}},
	{"anchors and aliases", "log:\n  format: &f json\n  level: warn\nemergency_number: *f\n", func(c *Config) {
		c.Log = Log{Format: "json", Level: "warn"}
		c.EmergencyNumber = "json"
	}},
}

func TestLoadFile(t *testing.T) {
	for _, tt := range fileTests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.yaml)
			got, err := Load(path, nil)
			if err != nil {
				t.Fatalf("Load() error = %v", err)
			}
			want := Default()
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Load() =\n%s\nwant\n%s", dump(got), dump(want))
			}
		})
	}
}

func TestLoadEnv(t *testing.T) {
	const file = `faq_file: from-file.yaml
emergency_number: "911"
log: {format: text, level: info}
http: {addr: ":7000"}
slack: {enabled: false}
discord: {enabled: true, application_id: "111", guild_id: "222"}
`
	tests := []struct {
		name string
		env  map[string]string
		want func(c *Config) // applied to the file's config
	}{
		{"no environment", nil, func(c *Config) {}},
		{"empty value counts as unset", map[string]string{"BACKPAINBOT_FAQ_FILE": "", "BACKPAINBOT_DISCORD_ENABLED": ""}, func(c *Config) {}},
		{"faq file", map[string]string{"BACKPAINBOT_FAQ_FILE": "from-env.yaml"}, func(c *Config) { c.FAQFile = "from-env.yaml" }},
		{"emergency number", map[string]string{"BACKPAINBOT_EMERGENCY_NUMBER": "112"}, func(c *Config) { c.EmergencyNumber = "112" }},
		{"http addr", map[string]string{"BACKPAINBOT_HTTP_ADDR": "localhost:9090"}, func(c *Config) { c.HTTP.Addr = "localhost:9090" }},
		{"log format", map[string]string{"BACKPAINBOT_LOG_FORMAT": "json"}, func(c *Config) { c.Log.Format = "json" }},
		{"log level", map[string]string{"BACKPAINBOT_LOG_LEVEL": "error"}, func(c *Config) { c.Log.Level = "error" }},
		{"slack enabled", map[string]string{"BACKPAINBOT_SLACK_ENABLED": "true"}, func(c *Config) { c.Slack.Enabled = true }},
		{"discord disabled", map[string]string{"BACKPAINBOT_DISCORD_ENABLED": "0"}, func(c *Config) { c.Discord.Enabled = false }},
		{"discord application id", map[string]string{"BACKPAINBOT_DISCORD_APPLICATION_ID": "333"}, func(c *Config) { c.Discord.ApplicationID = "333" }},
		{"discord guild id", map[string]string{"BACKPAINBOT_DISCORD_GUILD_ID": "444"}, func(c *Config) { c.Discord.GuildID = "444" }},
		{"store url", map[string]string{"BACKPAINBOT_STORE_URL": "redis://redis:6379/1"}, func(c *Config) { c.Store.URL = "redis://redis:6379/1" }},
		{"values are trimmed", map[string]string{"BACKPAINBOT_LOG_LEVEL": " warn\n", "BACKPAINBOT_SLACK_ENABLED": " TRUE "}, func(c *Config) {
			c.Log.Level = "warn"
			c.Slack.Enabled = true
		}},
		{"secrets", map[string]string{
			"SLACK_SIGNING_SECRET":       "sign",
			"BACKPAINBOT_REDIS_PASSWORD": "redis-pw",
			"SLACK_APP_TOKEN":            "xapp-app",
			"DISCORD_BOT_TOKEN":          "discord",
		}, func(c *Config) {
			c.Slack.SigningSecret = "sign"
			c.Store.Password = "redis-pw"
			c.Slack.AppToken = "xapp-app"
			c.Discord.Token = "discord"
		}},
	}
	path := writeConfig(t, file)
	fromFile, err := Load(path, nil)
	if err != nil {
		t.Fatalf("Load(file) error = %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Load(path, env(tt.env))
			if err != nil {
				t.Fatalf("Load() error = %v", err)
			}
			want := fromFile
			want.Discord.Ephemeral = ptr(*fromFile.Discord.Ephemeral)
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Load() =\n%s\nwant\n%s", dump(got), dump(want))
			}
			if got.Slack.SigningSecret != want.Slack.SigningSecret || got.Store.Password != want.Store.Password ||
				got.Slack.AppToken != want.Slack.AppToken || got.Discord.Token != want.Discord.Token {
				t.Errorf("Load() secrets differ from want")
			}
		})
	}

	t.Run("without a file", func(t *testing.T) {
		got, err := Load("", env(map[string]string{"BACKPAINBOT_HTTP_ADDR": ":1", "SLACK_APP_TOKEN": "xapp-1"}))
		if err != nil {
			t.Fatalf("Load() error = %v", err)
		}
		if got.HTTP.Addr != ":1" || !got.Slack.SocketMode() {
			t.Errorf("Load() addr = %q, socket mode = %v; want \":1\", true", got.HTTP.Addr, got.Slack.SocketMode())
		}
	})
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string            // file content; "-" for no file
		env  map[string]string //
		want []string          // each must appear as a whole line of the error, after the path
	}{
		{
			name: "unknown key",
			yaml: "http:\n  adress: \":8080\"\n",
			want: []string{`config.yaml:2:3: unknown setting "http.adress"; want one of: addr, ops_addr, read_header_timeout, read_timeout, write_timeout, idle_timeout, shutdown_timeout`},
		},
		{
			name: "unknown top-level key",
			yaml: "log:\n  level: info\nverbose: true\n",
			want: []string{`config.yaml:3:1: unknown setting "verbose"; want one of: faq_file, emergency_number, show_sources, log, http, slack, discord, misses, store`},
		},
		{
			name: "key case matters",
			yaml: "Log: {}\n",
			want: []string{`config.yaml:1:1: unknown setting "Log"; want one of: faq_file, emergency_number, show_sources, log, http, slack, discord, misses, store`},
		},
		{
			name: "bad duration",
			yaml: "http:\n  read_timeout: 5 sec\n",
			want: []string{`config.yaml:2:17: http.read_timeout is "5 sec"; want a duration such as "10s" or "1m30s"`},
		},
		{
			name: "duration without unit",
			yaml: "http:\n  idle_timeout: 60\n",
			want: []string{`config.yaml:2:17: http.idle_timeout is "60"; want a duration such as "10s" or "1m30s"`},
		},
		{
			name: "bad boolean",
			yaml: "slack:\n  enabled: maybe\n",
			want: []string{`config.yaml:2:12: slack.enabled is "maybe"; want true or false`},
		},
		{
			name: "bad whole number",
			yaml: "discord:\n  rate_limit:\n    burst: 2.5\n",
			want: []string{`config.yaml:3:12: discord.rate_limit.burst is "2.5"; want a whole number`},
		},
		{
			name: "whole number written with a point",
			yaml: "misses:\n  retention_days: 30.0\n",
			want: []string{`config.yaml:2:19: misses.retention_days is "30.0"; want a whole number`},
		},
		{
			name: "mapping where a value belongs",
			yaml: "faq_file:\n  path: x\n",
			want: []string{`config.yaml:2:3: faq_file must be a single value, got a mapping`},
		},
		{
			name: "value where a section belongs",
			yaml: "http: \":8080\"\n",
			want: []string{`config.yaml:1:7: http must be a mapping of settings, got a single value`},
		},
		{
			name: "top level is a list",
			yaml: "- log\n",
			want: []string{`config.yaml:1:1: the top level of the file must be a mapping of settings, got a list`},
		},
		{
			name: "secret in file",
			yaml: "slack:\n  signing_secret: hunter2\ndiscord:\n  token: hunter3\n",
			want: []string{
				`config.yaml:2:3: slack.signing_secret: secrets are read only from the environment; remove it from the file and set SLACK_SIGNING_SECRET`,
				`config.yaml:4:3: discord.token: secrets are read only from the environment; remove it from the file and set DISCORD_BOT_TOKEN`,
			},
		},
		{
			name: "duplicate key",
			yaml: "log:\n  level: info\n  level: debug\n",
			want: []string{`config.yaml:3:3: log.level is set twice (first on line 2)`},
		},
		{
			name: "merge key",
			yaml: "log:\n  <<: {level: info}\n",
			want: []string{`config.yaml:2:3: YAML merge keys (<<) are not supported; write the settings out`},
		},
		{
			name: "syntax error",
			yaml: "log:\n  level: info\n   format: json\n",
			want: []string{`config.yaml:3: mapping values are not allowed in this context`},
		},
		{
			name: "two documents",
			yaml: "log: {}\n---\nhttp: {}\n",
			want: []string{`config.yaml:2:1: found a second YAML document; want one`},
		},
		{
			name: "every problem at once",
			yaml: "http:\n  adress: x\n  read_timeout: soon\nmisses:\n  retention_days: forever\n",
			env:  map[string]string{"BACKPAINBOT_SLACK_ENABLED": "maybe"},
			want: []string{
				`config.yaml:2:3: unknown setting "http.adress"; want one of: addr, ops_addr, read_header_timeout, read_timeout, write_timeout, idle_timeout, shutdown_timeout`,
				`config.yaml:3:17: http.read_timeout is "soon"; want a duration such as "10s" or "1m30s"`,
				`config.yaml:5:19: misses.retention_days is "forever"; want a whole number`,
				`environment variable BACKPAINBOT_SLACK_ENABLED is "maybe"; want true or false`,
			},
		},
		{
			name: "bad boolean in environment",
			yaml: "-",
			env:  map[string]string{"BACKPAINBOT_DISCORD_ENABLED": "yes please"},
			want: []string{`environment variable BACKPAINBOT_DISCORD_ENABLED is "yes please"; want true or false`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.yaml != "-" {
				path = writeConfig(t, tt.yaml)
			}
			got, err := Load(path, env(tt.env))
			if err == nil {
				t.Fatalf("Load() = %s, nil; want an error", dump(got))
			}
			if !reflect.DeepEqual(got, Config{}) {
				t.Errorf("Load() config = %s, want the zero Config with an error", dump(got))
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Errorf("Load() error has %d lines, want %d:\n%v", len(lines), len(tt.want), err)
			}
			for i, want := range tt.want {
				if strings.HasPrefix(want, "config.yaml") {
					want = filepath.Join(filepath.Dir(path), want)
				}
				if i < len(lines) && lines[i] != want {
					t.Errorf("Load() error line %d:\n got %s\nwant %s", i+1, lines[i], want)
				}
			}
			if strings.Contains(err.Error(), "hunter") {
				t.Errorf("Load() error = %q, shows a secret from the file", err)
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nope.yaml")
		_, err := Load(path, nil)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Load(missing) error = %v, want one wrapping fs.ErrNotExist", err)
		}
		if err == nil || !strings.HasPrefix(err.Error(), "read config: ") {
			t.Errorf("Load(missing) error = %v, want it to start with \"read config: \"", err)
		}
	})
	t.Run("file too large", func(t *testing.T) {
		path := writeConfig(t, "# "+strings.Repeat("x", maxFileSize)+"\n")
		if _, err := Load(path, nil); err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("Load(huge) error = %v, want one saying the file is too large", err)
		}
	})
}

// valid returns a config with both adapters enabled and everything they need, so each Validate
// case breaks exactly one thing.
func valid() Config {
	c := Default()
	c.Slack.Enabled = true
	c.Slack.SigningSecret = "s3cret-signing"
	c.Discord.Enabled = true
	c.Discord.ApplicationID = "123"
	c.Discord.Token = "s3cret-discord"
	c.Misses.Enabled = true
	return c
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		want   []string
	}{
		{"valid", func(c *Config) {}, nil},
		{"valid socket mode", func(c *Config) {
			c.Slack.SigningSecret = ""
			c.Slack.AppToken = "xapp-s3cret"
		}, nil},
		{"valid adapters disabled without secrets", func(c *Config) {
			*c = Default()
		}, nil},
		{"valid emergency number", func(c *Config) { c.EmergencyNumber = "+44 20 7946 000" }, nil},
		{"log format", func(c *Config) { c.Log.Format = "xml" }, []string{
			`log.format is "xml"; want "text" or "json"`,
		}},
		{"log level", func(c *Config) { c.Log.Level = "INFO" }, []string{
			`log.level is "INFO"; want "debug", "info", "warn" or "error"`,
		}},
		{"http addr empty", func(c *Config) { c.HTTP.Addr = "" }, []string{
			`http.addr is empty; want host:port such as ":8080"`,
		}},
		{"http addr without port", func(c *Config) { c.HTTP.Addr = "8080" }, []string{
			`http.addr is "8080"; want host:port such as ":8080" (missing port in address)`,
		}},
		{"ops addr without port", func(c *Config) { c.HTTP.OpsAddr = "localhost" }, []string{
			`http.ops_addr is "localhost"; want host:port such as "127.0.0.1:9090", or "" to serve /healthz and /metrics on http.addr`,
		}},
		{"http timeouts", func(c *Config) {
			c.HTTP.ReadHeaderTimeout = 0
			c.HTTP.ReadTimeout = -time.Second
			c.HTTP.WriteTimeout = 0
			c.HTTP.IdleTimeout = 0
			c.HTTP.ShutdownTimeout = 0
		}, []string{
			`http.read_header_timeout is 0s; want a positive duration such as "5s"`,
			`http.read_timeout is -1s; want a positive duration such as "10s"`,
			`http.write_timeout is 0s; want a positive duration such as "10s"`,
			`http.idle_timeout is 0s; want a positive duration such as "60s"`,
			`http.shutdown_timeout is 0s; want a positive duration such as "10s"`,
		}},
		{"slack http mode needs signing secret", func(c *Config) { c.Slack.SigningSecret = "" }, []string{
			`slack is enabled but SLACK_SIGNING_SECRET is not set (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)`,
		}},
		{"slack socket mode needs no bot token", func(c *Config) {
			c.Slack.SigningSecret = ""
			c.Slack.AppToken = "xapp-s3cret"
		}, nil},
		{"slack app token prefix", func(c *Config) {
			c.Slack.AppToken = "xoxb-s3cret"
		}, []string{
			`SLACK_APP_TOKEN does not start with "xapp-"; want an app-level token with the connections:write scope (Basic Information > App-Level Tokens); a bot token, "xoxb-...", is not needed`,
		}},
		{"slack rate limit", func(c *Config) { c.Slack.RateLimit = RateLimit{PerMinute: 0, Burst: 0} }, []string{
			"slack.rate_limit.per_minute is 0; want a number above 0",
			"slack.rate_limit.burst is 0; want 1 or more",
		}},
		{"valid store", func(c *Config) { c.Store.URL = "redis://redis:6379/0" }, nil},
		{"valid store tls without db", func(c *Config) { c.Store.URL = "rediss://cache.internal:6380" }, nil},
		{"store not redis", func(c *Config) { c.Store.URL = "http://s3cret-host:6379/0" }, []string{
			`store.url is not a Redis URL; want one such as "redis://127.0.0.1:6379/0", or leave it empty to keep state in this process`,
		}},
		{"store password in url", func(c *Config) { c.Store.URL = "redis://:s3cret@redis:6379/0" }, []string{
			"store.url contains a password; remove it and set BACKPAINBOT_REDIS_PASSWORD instead",
		}},
		{"store db not a number", func(c *Config) { c.Store.URL = "redis://redis:6379/cache" }, []string{
			`store.url names database "cache"; want a number such as "redis://127.0.0.1:6379/0"`,
		}},
		{"slack command", func(c *Config) { c.Slack.Command = "backpain" }, []string{
			`slack.command is "backpain"; want a slash command without spaces, such as "/backpain"`,
		}},
		{"slack api url", func(c *Config) { c.Slack.APIURL = "slack.example/api" }, []string{
			`slack.api_url is not an absolute http or https URL; want one such as "http://127.0.0.1:8081/", or leave it empty`,
		}},
		{"discord needs token", func(c *Config) { c.Discord.Token = "" }, []string{
			`discord is enabled but DISCORD_BOT_TOKEN is not set (or set discord.public_key to use the HTTP interactions endpoint)`,
		}},
		{"discord public key instead of token", func(c *Config) {
			c.Discord.Token = ""
			c.Discord.PublicKey = strings.Repeat("ab", 32)
		}, nil},
		{"discord public key not hex", func(c *Config) { c.Discord.PublicKey = "not-a-key" }, []string{
			`discord.public_key is not 64 hex digits; copy the Public Key from your app's General Information page`,
		}},
		{"discord public key too short", func(c *Config) { c.Discord.PublicKey = "abcd" }, []string{
			`discord.public_key is not 64 hex digits; copy the Public Key from your app's General Information page`,
		}},
		{"discord needs application id", func(c *Config) { c.Discord.ApplicationID = "" }, []string{
			`discord is enabled but discord.application_id is not set (or set BACKPAINBOT_DISCORD_APPLICATION_ID)`,
		}},
		{"discord api url", func(c *Config) { c.Discord.APIURL = "ftp://discord.example" }, []string{
			`discord.api_url is not an absolute http or https URL; want one such as "http://127.0.0.1:8081/", or leave it empty`,
		}},
		{"discord shard count", func(c *Config) { c.Discord.ShardCount = 0 }, []string{
			`discord.shard_count is 0; want 1 or more`,
		}},
		{"discord shard id too large", func(c *Config) { c.Discord.ShardID = 2; c.Discord.ShardCount = 2 }, []string{
			`discord.shard_id is 2; want 0 or more and less than discord.shard_count (2)`,
		}},
		{"discord shard id negative", func(c *Config) { c.Discord.ShardID = -1 }, []string{
			`discord.shard_id is -1; want 0 or more and less than discord.shard_count (1)`,
		}},
		{"discord rate per minute", func(c *Config) { c.Discord.RateLimit.PerMinute = 0 }, []string{
			`discord.rate_limit.per_minute is 0; want a number above 0`,
		}},
		{"discord rate per minute not a number", func(c *Config) { c.Discord.RateLimit.PerMinute = math.NaN() }, []string{
			`discord.rate_limit.per_minute is NaN; want a number above 0`,
		}},
		{"discord burst", func(c *Config) { c.Discord.RateLimit.Burst = 0 }, []string{
			`discord.rate_limit.burst is 0; want 1 or more`,
		}},
		{"misses file", func(c *Config) { c.Misses.File = "" }, []string{
			`misses is enabled but misses.file is empty`,
		}},
		{"misses retention", func(c *Config) { c.Misses.RetentionDays = 0 }, []string{
			`misses.retention_days is 0; want 1 or more`,
		}},
		{"emergency number characters", func(c *Config) { c.EmergencyNumber = "call 911" }, []string{
			`emergency_number is "call 911"; want at most 15 characters of digits, "+" and spaces, such as "911" or "112"`,
		}},
		{"emergency number length", func(c *Config) { c.EmergencyNumber = "1234567890123456" }, []string{
			`emergency_number is "1234567890123456"; want at most 15 characters of digits, "+" and spaces, such as "911" or "112"`,
		}},
		{"all problems at once", func(c *Config) {
			c.Log.Format = "xml"
			c.HTTP.Addr = ""
			c.Slack.SigningSecret = ""
			c.Discord.Token = ""
			c.Discord.ApplicationID = ""
			c.Misses.RetentionDays = -1
		}, []string{
			`log.format is "xml"; want "text" or "json"`,
			`http.addr is empty; want host:port such as ":8080"`,
			`slack is enabled but SLACK_SIGNING_SECRET is not set (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)`,
			`discord is enabled but DISCORD_BOT_TOKEN is not set (or set discord.public_key to use the HTTP interactions endpoint)`,
			`discord is enabled but discord.application_id is not set (or set BACKPAINBOT_DISCORD_APPLICATION_ID)`,
			`misses.retention_days is -1; want 1 or more`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.change(&c)
			err := c.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want %d problems", len(tt.want))
			}
			got := strings.Split(err.Error(), "\n")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate() lines:\n got %q\nwant %q", got, tt.want)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("Validate() = %q, shows a secret", err)
			}
		})
	}
}

func TestSecretRedaction(t *testing.T) {
	const value = "xoxb-very-s3cret"
	c := Default()
	c.Slack.SigningSecret = value
	c.Store.Password = value
	c.Slack.AppToken = value
	c.Discord.Token = value
	s := Secret(value)

	var textLog, jsonLog bytes.Buffer
	slog.New(slog.NewTextHandler(&textLog, nil)).Info("start", "config", c, "secret", s, "slack", c.Slack)
	slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("start", "config", c, "secret", s, "slack", c.Slack)

	marshal := func(f func(any) ([]byte, error), v any) string {
		b, err := f(v)
		if err != nil {
			return err.Error()
		}
		return string(b)
	}
	outputs := []struct {
		name string
		got  string
	}{
		{"Sprint secret", fmt.Sprint(s)},
		{"Sprintln config", fmt.Sprintln(c)},
		{"error wrapping", fmt.Errorf("connect with %v: %w", s, errors.New("refused")).Error()},
		{"json config", marshal(json.Marshal, c)},
		{"json secret", marshal(json.Marshal, s)},
		{"yaml config", marshal(yaml.Marshal, c)},
		{"yaml secret", marshal(yaml.Marshal, s)},
		{"slog text", textLog.String()},
		{"slog json", jsonLog.String()},
	}
	// Every verb, including ones that do not suit strings (where fmt prints the raw value in its
	// error text unless Secret implements fmt.Formatter). The format is a variable so vet lets the
	// mismatches through.
	for _, verb := range []string{"%v", "%s", "%+v", "%#v", "%q", "%x", "%X", "%d", "%t", "%10.3s", "%-20v"} {
		outputs = append(outputs,
			struct{ name, got string }{verb + " config", fmt.Sprintf(verb, c)},
			struct{ name, got string }{verb + " pointer to config", fmt.Sprintf(verb, &c)},
			struct{ name, got string }{verb + " secret", fmt.Sprintf(verb, s)},
		)
	}
	for _, o := range outputs {
		t.Run(o.name, func(t *testing.T) {
			if strings.Contains(o.got, value) || strings.Contains(o.got, "s3cret") || strings.Contains(o.got, fmt.Sprintf("%x", value)) {
				t.Errorf("output shows the secret: %s", o.got)
			}
		})
	}

	t.Run("redacted form", func(t *testing.T) {
		tests := []struct {
			name, got, want string
		}{
			{"String", s.String(), "[redacted]"},
			{"GoString", s.GoString(), "[redacted]"},
			{"%v", fmt.Sprintf("%v", s), "[redacted]"},
			{"%q", fmt.Sprintf("%q", s), `"[redacted]"`},
			{"json", marshal(json.Marshal, s), `"[redacted]"`},
			{"text", marshal(func(v any) ([]byte, error) { return v.(Secret).MarshalText() }, s), "[redacted]"},
			{"empty String", Secret("").String(), ""},
			{"empty json", marshal(json.Marshal, Secret("")), `""`},
			{"empty slog", Secret("").LogValue().String(), ""},
			{"Reveal", s.Reveal(), value},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if tt.got != tt.want {
					t.Errorf("got %q, want %q", tt.got, tt.want)
				}
			})
		}
	})
	t.Run("logs show it is set", func(t *testing.T) {
		if !strings.Contains(jsonLog.String(), `"secret":"[redacted]"`) {
			t.Errorf("JSON log = %s, want it to contain \"secret\":\"[redacted]\"", jsonLog.String())
		}
		if !strings.Contains(textLog.String(), "secret=[redacted]") {
			t.Errorf("text log = %s, want it to contain secret=[redacted]", textLog.String())
		}
	})
}

func TestExample(t *testing.T) {
	const path = "example.yaml"
	got, err := Load(path, nil)
	if err != nil {
		t.Fatalf("Load(%s) error = %v", path, err)
	}

	t.Run("equals defaults", func(t *testing.T) {
		if want := Default(); !reflect.DeepEqual(got, want) {
			t.Errorf("Load(%s) =\n%s\nwant Default() =\n%s", path, dump(got), dump(want))
		}
	})
	t.Run("valid", func(t *testing.T) {
		if err := got.Validate(); err != nil {
			t.Errorf("Load(%s).Validate() = %v, want nil", path, err)
		}
	})

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range settingNames(reflect.TypeOf(Config{}), "") {
		t.Run("has "+name, func(t *testing.T) {
			n := lookup(doc.Content[0], strings.Split(name, "."))
			if n == nil {
				t.Fatalf("%s does not set %s", path, name)
			}
			if n.HeadComment == "" && !strings.Contains(name, "shard_count") {
				t.Errorf("%s: %s has no comment above it", path, name)
			}
		})
	}
	for _, v := range []string{"SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN", "BACKPAINBOT_REDIS_PASSWORD", "BACKPAINBOT_STORE_URL"} {
		t.Run("header names "+v, func(t *testing.T) {
			if !strings.Contains(doc.HeadComment+doc.Content[0].HeadComment, v) {
				t.Errorf("%s header does not mention %s", path, v)
			}
		})
	}
}

// settingNames lists the dotted names of every leaf setting in t.
func settingNames(t reflect.Type, prefix string) []string {
	var out []string
	names, index := fields(t)
	for _, name := range names {
		f := t.Field(index[name])
		if f.Type.Kind() == reflect.Struct {
			out = append(out, settingNames(f.Type, prefix+name+".")...)
			continue
		}
		out = append(out, prefix+name)
	}
	return out
}

// lookup returns the key node for path in the mapping n, or nil.
func lookup(n *yaml.Node, path []string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != path[0] {
			continue
		}
		if len(path) == 1 {
			return n.Content[i]
		}
		return lookup(n.Content[i+1], path[1:])
	}
	return nil
}

// FuzzLoad checks that Load never panics, that its errors are one line each and start with the
// file's path, and that whatever it accepts, yaml.v3's own strict decoder accepts too and
// decodes the same way.
func FuzzLoad(f *testing.F) {
	for _, tt := range fileTests {
		f.Add([]byte(tt.yaml))
	}
	if example, err := os.ReadFile("example.yaml"); err == nil {
		f.Add(example)
	}
	f.Add([]byte("http:\n  adress: x\n  read_timeout: 5 sec\n"))
	f.Add([]byte("&a {log: *a, http: *a}\n"))
	f.Add([]byte("log: [\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))

	dir := f.TempDir()
	var n int
	f.Fuzz(func(t *testing.T, data []byte) {
		n++
		path := filepath.Join(dir, fmt.Sprintf("config%d.yaml", n))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(path)

		got, err := Load(path, nil)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, path+":") {
					t.Errorf("Load() error line %q does not start with %q", line, path+":")
				}
			}
			return
		}
		_ = got.Validate()

		want := Default()
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&want); err != nil && !errors.Is(err, io.EOF) {
			t.Fatalf("Load() accepted %q but yaml.v3 strict decoding says: %v", data, err)
		}
		resolvePaths(path, data, &want) // TestLoadResolvesPaths checks this part

		if !reflect.DeepEqual(got, want) {
			t.Errorf("Load() = %s, yaml.v3 strict decoding = %s", dump(got), dump(want))
		}
	})
}

// TestLoadResolvesPaths: file paths the config file sets are relative to the config file's
// folder; paths from the environment and the defaults stay relative to the working directory.
func TestLoadResolvesPaths(t *testing.T) {
	tests := []struct {
		name, yaml      string
		env             map[string]string
		faqRel, missRel bool // want the path joined to the config's folder
		faq, misses     string
	}{
		{"relative faq_file", "faq_file: faq.yaml\n", nil, true, false, "faq.yaml", "misses.jsonl"},
		{"relative in a subfolder", "faq_file: data/faq.yaml\nmisses:\n  file: ../m.jsonl\n", nil, true, true, "data/faq.yaml", "../m.jsonl"},
		{"absolute stays", "faq_file: /srv/faq.yaml\nmisses:\n  file: /var/m.jsonl\n", nil, false, false, "/srv/faq.yaml", "/var/m.jsonl"},
		{"default misses file stays", "misses:\n  enabled: true\n", nil, false, false, "", "misses.jsonl"},
		{"environment stays", "faq_file: faq.yaml\n", map[string]string{"BACKPAINBOT_FAQ_FILE": "env.yaml"}, false, false, "env.yaml", "misses.jsonl"},
		{"empty stays empty", "faq_file: \"\"\n", nil, false, false, "", "misses.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.yaml)
			got, err := Load(path, env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Dir(path)
			wantFAQ, wantMisses := tt.faq, tt.misses
			if tt.faqRel {
				wantFAQ = filepath.Join(dir, tt.faq)
			}
			if tt.missRel {
				wantMisses = filepath.Join(dir, tt.misses)
			}
			if got.FAQFile != wantFAQ || got.Misses.File != wantMisses {
				t.Errorf("faq_file %q, misses.file %q; want %q, %q", got.FAQFile, got.Misses.File, wantFAQ, wantMisses)
			}
		})
	}
}
