// Package config loads and validates the settings for "backpainbot serve".
//
// Settings come in three layers, each overriding the one before: the defaults from Default, an
// optional YAML file, and environment variables. Secrets (tokens and the Slack signing secret) come
// only from the environment; a secret written into the file is an error, so it cannot end up in
// version control by accident. Secrets are held as Secret, which prints, marshals and logs as
// "[redacted]".
//
// Load reads the file and the environment but does not judge the values; Config.Validate does,
// and reports every problem at once, one line each. The file example.yaml next to this package
// lists every setting with its default and a comment.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the complete set of settings for "backpainbot serve".
type Config struct {
	// FAQFile is the path of the FAQ file to answer from; "" uses the FAQ built into the binary.
	FAQFile string `yaml:"faq_file"`
	// EmergencyNumber is the phone number the bot tells people to call when a question sounds
	// urgent, such as "911", "999" or "112"; "" makes it say "your local emergency number".
	EmergencyNumber string `yaml:"emergency_number"`
	// ShowSources adds a short "Source:" line to answers, naming the pages their facts come from.
	// The default is true.
	ShowSources bool `yaml:"show_sources"`
	// Log configures the process log.
	Log Log `yaml:"log"`
	// HTTP configures the HTTP server for /healthz, /metrics and Slack slash commands.
	HTTP HTTP `yaml:"http"`
	// Slack configures the Slack adapter.
	Slack Slack `yaml:"slack"`
	// Discord configures the Discord adapter.
	Discord Discord `yaml:"discord"`
	// Misses configures the record of questions the bot could not answer.
	Misses Misses `yaml:"misses"`
	// Store configures the state that replicas share (replay protection, rate limits).
	Store Store `yaml:"store"`
}

// Store configures where replay protection and rate limits are kept.
type Store struct {
	// URL is a Redis URL, "redis://HOST:PORT/DB" (or rediss:// for TLS), shared by every
	// replica; "" keeps the state in this process, which suits a single process.
	URL string `yaml:"url"`
	// Password authenticates to Redis. It is read from BACKPAINBOT_REDIS_PASSWORD only.
	Password Secret `yaml:"-"`
}

// Log configures the process log.
type Log struct {
	// Format is "text" (the default) or "json".
	Format string `yaml:"format"`
	// Level is "debug", "info" (the default), "warn" or "error".
	Level string `yaml:"level"`
}

// HTTP configures the HTTP server. It serves /healthz and /metrics, and /slack/commands when
// Slack is enabled in HTTP mode.
type HTTP struct {
	// Addr is the host:port to listen on; the default ":8080" listens on every interface.
	Addr string `yaml:"addr"`
	// OpsAddr is the host:port for /healthz and /metrics (default "127.0.0.1:9090", reachable
	// from this machine only); "" serves them on Addr with the platform endpoints.
	OpsAddr string `yaml:"ops_addr"`
	// ReadHeaderTimeout bounds reading a request's headers (default 5s).
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"`
	// ReadTimeout bounds reading a whole request (default 10s).
	ReadTimeout time.Duration `yaml:"read_timeout"`
	// WriteTimeout bounds writing a response (default 10s).
	WriteTimeout time.Duration `yaml:"write_timeout"`
	// IdleTimeout bounds how long an idle keep-alive connection stays open (default 60s).
	IdleTimeout time.Duration `yaml:"idle_timeout"`
	// ShutdownTimeout bounds how long shutdown waits for requests in flight (default 10s).
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
}

// Slack configures the Slack adapter.
type Slack struct {
	// Enabled turns the Slack adapter on.
	Enabled bool `yaml:"enabled"`
	// Command is the slash command as registered in the Slack app (default "/backpain").
	Command string `yaml:"command"`
	// SigningSecret verifies that slash command requests come from Slack (HTTP mode).
	// It is read from SLACK_SIGNING_SECRET only.
	SigningSecret Secret `yaml:"-"`
	// AppToken is the app-level token ("xapp-..."); when set, Socket Mode is used instead of
	// HTTP. It is read from SLACK_APP_TOKEN only.
	AppToken Secret `yaml:"-"`
	// APIURL overrides the base URL of the Slack Web API, for tests; "" uses Slack's.
	APIURL string `yaml:"api_url"`
	// RateLimit limits how often each user is answered.
	RateLimit RateLimit `yaml:"rate_limit"`
}

// SocketMode reports whether Slack should connect over Socket Mode, which it does exactly when an
// app-level token is set. Otherwise slash commands arrive over HTTP.
func (s Slack) SocketMode() bool { return s.AppToken != "" }

// Discord configures the Discord adapter.
type Discord struct {
	// Enabled turns the Discord adapter on.
	Enabled bool `yaml:"enabled"`
	// ApplicationID is the Discord application's id, needed to register the slash command.
	ApplicationID string `yaml:"application_id"`
	// GuildID, when set, registers the slash command in that one server only; "" registers it
	// globally.
	GuildID string `yaml:"guild_id"`
	// APIURL overrides the base URL of the Discord REST API, for tests; "" uses Discord's.
	APIURL string `yaml:"api_url"`
	// PublicKey (hex, from the developer portal's General Information page) switches
	// interactions to the HTTP endpoint POST /discord/interactions on http.addr instead of the
	// gateway; then no bot token is needed. It is public, not a secret.
	PublicKey string `yaml:"public_key"`
	// ShardID is this process's shard, from 0 to ShardCount-1 (default 0).
	ShardID int `yaml:"shard_id"`
	// ShardCount is the total number of shards (default 1).
	ShardCount int `yaml:"shard_count"`
	// Ephemeral makes answers visible only to the person who asked. Nil means the default,
	// true; use IsEphemeral rather than reading it directly.
	Ephemeral *bool `yaml:"ephemeral"`
	// RateLimit limits how often the bot answers.
	RateLimit RateLimit `yaml:"rate_limit"`
	// Token is the bot token. It is read from DISCORD_BOT_TOKEN only.
	Token Secret `yaml:"-"`
}

// IsEphemeral reports whether answers should be visible only to the person who asked: the value
// of Ephemeral, or true when it is nil.
func (d Discord) IsEphemeral() bool { return d.Ephemeral == nil || *d.Ephemeral }

// RateLimit is a token bucket: PerMinute answers a minute on average, up to Burst at once.
type RateLimit struct {
	// PerMinute is the sustained rate (default 6).
	PerMinute float64 `yaml:"per_minute"`
	// Burst is how many answers may go out at once before the rate applies (default 3).
	Burst int `yaml:"burst"`
}

// Misses configures the record of questions the bot could not answer, kept so the FAQ can be
// improved. It is off by default because questions may contain health information.
type Misses struct {
	// Enabled turns recording on.
	Enabled bool `yaml:"enabled"`
	// File is the JSON Lines file misses are appended to (default "misses.jsonl").
	File string `yaml:"file"`
	// RetentionDays is how many days a recorded miss is kept (default 30).
	RetentionDays int `yaml:"retention_days"`
}

// Default returns the configuration used when neither the file nor the environment says
// otherwise. Both adapters are disabled. Each call returns a fresh value that shares nothing
// with any other.
func Default() Config {
	ephemeral := true
	return Config{
		ShowSources: true,
		Log:         Log{Format: "text", Level: "info"},
		HTTP: HTTP{
			Addr:              ":8080",
			OpsAddr:           "127.0.0.1:9090",
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      10 * time.Second,
			IdleTimeout:       60 * time.Second,
			ShutdownTimeout:   10 * time.Second,
		},
		Slack: Slack{Command: "/backpain", RateLimit: RateLimit{PerMinute: 6, Burst: 3}},
		Discord: Discord{
			ShardCount: 1,
			Ephemeral:  &ephemeral,
			RateLimit:  RateLimit{PerMinute: 6, Burst: 3},
		},
		Misses: Misses{File: "misses.jsonl", RetentionDays: 30},
	}
}

// maxFileSize bounds the config file; anything larger is certainly not a config file.
const maxFileSize = 1 << 20

// Load returns Default overlaid with the YAML file at path ("" means no file) and then with the
// environment, read through getenv (nil means an empty environment; pass os.Getenv in main).
//
// Unknown settings in the file are rejected, as are secrets, which belong in the environment.
// Problems in the file are reported as "path:LINE:COL: ..." (or "path:LINE: ..." for syntax
// errors, where the YAML parser gives no column), all of them at once, one per line. An
// environment variable that is set but empty counts as unset; values are trimmed of surrounding
// space. Load does not call Validate.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Default()
	var errs []error
	if path != "" {
		data, err := readFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("read config: %w", err)
		}
		errs = append(errs, decodeFile(path, data, &cfg)...)
		resolvePaths(path, data, &cfg)
	}
	if getenv != nil {
		errs = append(errs, applyEnv(&cfg, getenv)...)
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return cfg, nil
}

// resolvePaths makes the file paths the config file sets relative to the config file's own
// directory, so that `faq_file: faq.yaml` means the faq.yaml next to the config wherever serve
// is started from. Paths from the environment or the defaults stay relative to the working
// directory.
func resolvePaths(configPath string, data []byte, cfg *Config) {
	var set struct {
		FAQFile *string `yaml:"faq_file"`
		Misses  struct {
			File *string `yaml:"file"`
		} `yaml:"misses"`
	}
	if yaml.Unmarshal(data, &set) != nil {
		return // decodeFile has reported it
	}
	dir := filepath.Dir(configPath)
	if set.FAQFile != nil && cfg.FAQFile != "" && !filepath.IsAbs(cfg.FAQFile) {
		cfg.FAQFile = filepath.Join(dir, cfg.FAQFile)
	}
	if set.Misses.File != nil && cfg.Misses.File != "" && !filepath.IsAbs(cfg.Misses.File) {
		cfg.Misses.File = filepath.Join(dir, cfg.Misses.File)
	}
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxFileSize)
	}
	return data, nil
}

// decodeFile decodes data over cfg. It walks the YAML node tree itself instead of using
// yaml.v3's Decoder.KnownFields(true) so that every problem carries a line and a column and the
// full name of the setting, and so that all of them are reported, not just the first kind.
// Individual values are still decoded by yaml.v3 (Node.Decode), so they mean what they would
// mean to the library.
func decodeFile(path string, data []byte, cfg *Config) []error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // empty, or only comments
		}
		return []error{syntaxError(path, err)}
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return []error{syntaxError(path, err)}
	default:
		return []error{fmt.Errorf("%s:%d:%d: found a second YAML document; want one", path, extra.Line, extra.Column)}
	}
	d := fileDecoder{path: path}
	if len(doc.Content) > 0 {
		d.decodeStruct(doc.Content[0], reflect.ValueOf(cfg).Elem(), "")
	}
	return d.errs
}

var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError rewrites yaml.v3's "yaml: line N: msg" as "path:N: msg".
func syntaxError(path string, err error) error {
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	if m := yamlLineError.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", path, m[1], m[2])
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}

// secretKeys maps the names someone might give a secret in the file to the variable it belongs in.
var secretKeys = map[string]string{
	"slack.signing_secret": "SLACK_SIGNING_SECRET",
	"slack.app_token":      "SLACK_APP_TOKEN",
	"discord.token":        "DISCORD_BOT_TOKEN",
	"discord.bot_token":    "DISCORD_BOT_TOKEN",
	"store.password":       "BACKPAINBOT_REDIS_PASSWORD",
}

var durationType = reflect.TypeOf(time.Duration(0))

type fileDecoder struct {
	path string
	errs []error
}

func (d *fileDecoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, fmt.Errorf("%s:%d:%d: %s", d.path, n.Line, n.Column, fmt.Sprintf(format, args...)))
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; i < 8 && n.Kind == yaml.AliasNode && n.Alias != nil; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// decodeStruct decodes the mapping n into the struct v, whose settings are named prefix+key. An
// absent or null mapping leaves the defaults alone. Recursion follows the Go types, so it is
// bounded even when YAML aliases make the node graph cyclic.
func (d *fileDecoder) decodeStruct(n *yaml.Node, v reflect.Value, prefix string) {
	r := resolve(n)
	if isNull(r) {
		return
	}
	if r.Kind != yaml.MappingNode {
		what := "the top level of the file"
		if prefix != "" {
			what = strings.TrimSuffix(prefix, ".")
		}
		d.errorf(n, "%s must be a mapping of settings, got %s", what, kindName(r))
		return
	}
	names, index := fields(v.Type())
	seen := make(map[string]int)
	for i := 0; i+1 < len(r.Content); i += 2 {
		keyNode, val := r.Content[i], r.Content[i+1]
		key := resolve(keyNode)
		if key.Kind != yaml.ScalarNode {
			d.errorf(keyNode, "a setting name must be a plain word, got %s", kindName(key))
			continue
		}
		name := prefix + key.Value
		if key.Value == "<<" && key.ShortTag() == "!!merge" {
			d.errorf(keyNode, "YAML merge keys (<<) are not supported; write the settings out")
			continue
		}
		if line, dup := seen[key.Value]; dup {
			d.errorf(keyNode, "%s is set twice (first on line %d)", name, line)
			continue
		}
		seen[key.Value] = keyNode.Line
		idx, ok := index[key.Value]
		if !ok {
			if env, ok := secretKeys[name]; ok {
				d.errorf(keyNode, "%s: secrets are read only from the environment; remove it from the file and set %s", name, env)
			} else {
				d.errorf(keyNode, "unknown setting %s; want one of: %s", quote(name), strings.Join(names, ", "))
			}
			continue
		}
		f := v.Field(idx)
		if f.Kind() == reflect.Struct {
			d.decodeStruct(val, f, name+".")
			continue
		}
		d.decodeValue(val, f, name)
	}
}

// decodeValue decodes the scalar n into the field f, named name.
func (d *fileDecoder) decodeValue(n *yaml.Node, f reflect.Value, name string) {
	r := resolve(n)
	want := describe(f.Type())
	if r.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be %s, got %s", name, want, kindName(r))
		return
	}
	// yaml.v3 truncates a float such as 2.5 into an int field without complaint.
	if f.Kind() == reflect.Int && f.Type() != durationType && r.ShortTag() == "!!float" {
		d.errorf(n, "%s is %s; want %s", name, quote(r.Value), want)
		return
	}
	// Decode into a scratch value so a failure leaves the field as it was. A null leaves a
	// scratch copy of the default alone, and sets a pointer (Discord.Ephemeral) to nil, which
	// also means the default.
	tmp := reflect.New(f.Type())
	if f.Kind() != reflect.Pointer {
		tmp.Elem().Set(f)
	}
	if err := n.Decode(tmp.Interface()); err != nil {
		d.errorf(n, "%s is %s; want %s", name, quote(r.Value), want)
		return
	}
	f.Set(tmp.Elem())
}

// fields returns the YAML names of t's settings in declaration order, and each one's field index.
func fields(t reflect.Type) ([]string, map[string]int) {
	var names []string
	index := make(map[string]int)
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		names = append(names, tag)
		index[tag] = i
	}
	return names, index
}

func describe(t reflect.Type) string {
	if t == durationType {
		return `a duration such as "10s" or "1m30s"`
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Pointer:
		return describe(t.Elem())
	case reflect.Int:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	default:
		return "a single value"
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	default:
		return "nothing usable"
	}
}

// quote quotes s for a one-line message, shortening it if it is long.
func quote(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return strconv.Quote(string(r[:max])) + "..."
	}
	return strconv.Quote(s)
}

// applyEnv overlays the environment on c.
func applyEnv(c *Config, getenv func(string) string) []error {
	var errs []error
	get := func(name string) string { return strings.TrimSpace(getenv(name)) }
	str := func(name string, dst *string) {
		if v := get(name); v != "" {
			*dst = v
		}
	}
	secret := func(name string, dst *Secret) {
		if v := get(name); v != "" {
			*dst = Secret(v)
		}
	}
	boolean := func(name string, dst *bool) {
		v := get(name)
		if v == "" {
			return
		}
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("environment variable %s is %s; want true or false", name, quote(v)))
			return
		}
		*dst = b
	}

	str("BACKPAINBOT_FAQ_FILE", &c.FAQFile)
	str("BACKPAINBOT_EMERGENCY_NUMBER", &c.EmergencyNumber)
	str("BACKPAINBOT_HTTP_ADDR", &c.HTTP.Addr)
	str("BACKPAINBOT_HTTP_OPS_ADDR", &c.HTTP.OpsAddr)
	str("BACKPAINBOT_LOG_FORMAT", &c.Log.Format)
	str("BACKPAINBOT_LOG_LEVEL", &c.Log.Level)
	boolean("BACKPAINBOT_SLACK_ENABLED", &c.Slack.Enabled)
	boolean("BACKPAINBOT_DISCORD_ENABLED", &c.Discord.Enabled)
	str("BACKPAINBOT_DISCORD_APPLICATION_ID", &c.Discord.ApplicationID)
	str("BACKPAINBOT_DISCORD_GUILD_ID", &c.Discord.GuildID)
	str("BACKPAINBOT_DISCORD_PUBLIC_KEY", &c.Discord.PublicKey)

	secret("SLACK_SIGNING_SECRET", &c.Slack.SigningSecret)
	secret("SLACK_APP_TOKEN", &c.Slack.AppToken)
	secret("DISCORD_BOT_TOKEN", &c.Discord.Token)
	str("BACKPAINBOT_STORE_URL", &c.Store.URL)
	secret("BACKPAINBOT_REDIS_PASSWORD", &c.Store.Password)
	return errs
}
