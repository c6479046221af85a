package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/ops"
	"github.com/backpainbot/backpainbot/config"
	"github.com/backpainbot/backpainbot/faq"
)

// syncBuffer is a bytes.Buffer that the server's goroutines may write while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// env returns a getenv that sees only vars.
func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

// writeConfig writes yaml to a temporary config file and returns its path.
func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "backpainbot.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// exitCodeOf returns the exit status run's error maps to, and the message main would print.
func exitCodeOf(t *testing.T, err error) (int, string) {
	t.Helper()
	if err == nil {
		return 0, ""
	}
	var e *exitError
	if !errors.As(err, &e) {
		t.Fatalf("run returned %v, want an *exitError", err)
	}
	return e.code, e.msg
}

// serving is "backpainbot serve" running in-process.
type serving struct {
	addr    string // the listener's address, host:port
	opsAddr string // where /healthz and /metrics are, host:port
	stderr  *syncBuffer
	cancel  context.CancelFunc
	done    chan error
}

// startServe runs "backpainbot serve" with args and getenv until the test ends or stop is
// called, and waits until it is listening. Unless getenv sets BACKPAINBOT_HTTP_OPS_ADDR,
// /healthz and /metrics listen on a free loopback port; serve may run with no platform enabled.
func startServe(t *testing.T, getenv func(string) string, args ...string) *serving {
	t.Helper()
	addrc := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	ctx = context.WithValue(ctx, servingHookKey{}, func(addr string) { addrc <- addr })
	ctx = context.WithValue(ctx, noAdapterOKKey{}, true)
	sv := &serving{stderr: new(syncBuffer), cancel: cancel, done: make(chan error, 1)}
	ctx = context.WithValue(ctx, opsHookKey{}, func(addr string) { sv.opsAddr = addr })
	inner := getenv
	getenv = func(name string) string {
		if v := inner(name); v != "" || name != "BACKPAINBOT_HTTP_OPS_ADDR" {
			return v
		}
		return "127.0.0.1:0"
	}
	go func() {
		sv.done <- run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), io.Discard, sv.stderr, getenv)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-sv.done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not return after cleanup")
		}
	})
	select {
	case sv.addr = <-addrc:
		if sv.opsAddr == "" {
			sv.opsAddr = sv.addr
		}
	case err := <-sv.done:
		sv.done <- err
		code, msg := exitCodeOf(t, err)
		t.Fatalf("serve exited early with code %d: %s\nstderr:\n%s", code, msg, sv.stderr)
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not start listening; stderr:\n%s", sv.stderr)
	}
	return sv
}

// stop cancels serve's context and returns what run returned.
func (sv *serving) stop(t *testing.T) error {
	t.Helper()
	sv.cancel()
	select {
	case err := <-sv.done:
		sv.done <- err // for the cleanup
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("serve did not return within 5s of cancel; stderr:\n%s", sv.stderr)
		return nil
	}
}

// get fetches path from the server and returns the status code and body: /healthz and
// /metrics from the ops address, the rest from the public one.
func (sv *serving) get(t *testing.T, path string) (int, string) {
	t.Helper()
	addr := sv.addr
	if strings.HasPrefix(path, "/healthz") || strings.HasPrefix(path, "/metrics") {
		addr = sv.opsAddr
	}
	return getURL(t, "http://"+addr+path)
}

// getURL fetches url and returns the status code and body.
func getURL(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

const loopbackConfig = "http:\n  addr: \"127.0.0.1:0\"\n"

func TestServe(t *testing.T) {
	sv := startServe(t, env(nil), "--config", writeConfig(t, loopbackConfig))
	def := faq.Default()

	t.Run("healthz", func(t *testing.T) {
		code, body := sv.get(t, "/healthz")
		if code != http.StatusOK {
			t.Fatalf("GET /healthz = %d, want 200; body %s", code, body)
		}
		var r ops.Report
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			t.Fatalf("decode %s: %v", body, err)
		}
		if r.Status != "ok" {
			t.Errorf("status = %q, want ok", r.Status)
		}
		if r.FAQ.Entries != 47 || r.FAQ.Entries != len(def.Entries) {
			t.Errorf("faq.entries = %d, want 47 (the built-in FAQ has %d)", r.FAQ.Entries, len(def.Entries))
		}
		if want := faqVersion(def); r.FAQ.Version != want {
			t.Errorf("faq.version = %q, want %q", r.FAQ.Version, want)
		}
		if r.Reload != nil || len(r.Checks) != 0 {
			t.Errorf("reload = %+v, checks = %+v; want null and none with adapters off", r.Reload, r.Checks)
		}
	})
	t.Run("metrics", func(t *testing.T) {
		code, body := sv.get(t, "/metrics")
		if code != http.StatusOK {
			t.Fatalf("GET /metrics = %d, want 200", code)
		}
		for _, want := range []string{
			"backpainbot_faq_entries 47\n",
			`backpainbot_faq_reloads_total{result="ok"} 1`,
			"go_goroutines ",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("/metrics lacks %q", want)
			}
		}
	})
	t.Run("routes", func(t *testing.T) {
		tests := []struct {
			method, path string
			want         int
		}{
			{http.MethodPost, "/healthz", http.StatusMethodNotAllowed},
			{http.MethodPost, "/slack/commands", http.StatusNotFound}, // slack is off
			{http.MethodGet, "/", http.StatusNotFound},
		}
		for _, tt := range tests {
			addr := sv.addr
			if tt.path == "/healthz" {
				addr = sv.opsAddr
			}
			req, _ := http.NewRequest(tt.method, "http://"+addr+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("%s %s = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.want)
			}
		}
	})
	t.Run("serving line", func(t *testing.T) {
		want := "backpainbot: serving on " + sv.addr + " (faq " + def.Label() + "; slack: off; discord: off)"
		if !strings.Contains(sv.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, sv.stderr)
		}
		if !strings.Contains(sv.stderr.String(), "addr="+sv.addr) {
			t.Errorf("stderr lacks addr=%s:\n%s", sv.addr, sv.stderr)
		}
	})

	start := time.Now()
	if err := sv.stop(t); err != nil {
		code, msg := exitCodeOf(t, err)
		t.Fatalf("after cancel, run = exit %d %q, want nil; stderr:\n%s", code, msg, sv.stderr)
	}
	// A hang guard, not a speed target: well under the 10 s shutdown timeout, with room for a
	// loaded CI machine.
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("run took %s to return after cancel, want it well before the shutdown timeout", d)
	}
	if _, err := net.DialTimeout("tcp", sv.addr, time.Second); err == nil {
		t.Errorf("still accepting connections on %s after run returned", sv.addr)
	}
}

// TestServeConfigFromEnv checks BACKPAINBOT_CONFIG and --log-format json: every stderr line is a
// JSON log record, and the serving record carries the real address.
func TestServeConfigFromEnv(t *testing.T) {
	path := writeConfig(t, loopbackConfig+"log:\n  level: debug\n")
	sv := startServe(t, env(map[string]string{"BACKPAINBOT_CONFIG": path}), "--log-format", "json")
	if err := sv.stop(t); err != nil {
		t.Fatalf("run = %v, want nil", err)
	}
	var found bool
	sc := bufio.NewScanner(strings.NewReader(sv.stderr.String()))
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Errorf("stderr line is not JSON: %s", sc.Text())
			continue
		}
		if msg, _ := rec["msg"].(string); strings.HasPrefix(msg, "backpainbot: serving on ") {
			found = true
			if rec["addr"] != sv.addr {
				t.Errorf("serving record addr = %v, want %s", rec["addr"], sv.addr)
			}
		}
	}
	if !found {
		t.Errorf("no serving record in:\n%s", sv.stderr)
	}
}

func TestServeErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	tests := []struct {
		name     string
		args     []string // after "serve"; "CONFIG" is replaced by the config file's path
		config   string
		env      map[string]string
		wantCode int
		// wantLines must each appear as a whole line of stderr plus main's message.
		wantLines []*regexp.Regexp
	}{
		{
			name:     "slack without signing secret",
			args:     []string{"--config", "CONFIG"},
			config:   loopbackConfig + "slack:\n  enabled: true\n",
			wantCode: 1,
			wantLines: []*regexp.Regexp{
				regexp.MustCompile(`^backpainbot: config: slack is enabled but SLACK_SIGNING_SECRET is not set.*$`),
			},
		},
		{
			name:     "discord without token, from the environment",
			args:     []string{"--config", "CONFIG"},
			config:   loopbackConfig,
			env:      map[string]string{"BACKPAINBOT_DISCORD_ENABLED": "true", "BACKPAINBOT_DISCORD_APPLICATION_ID": "123"},
			wantCode: 1,
			wantLines: []*regexp.Regexp{
				regexp.MustCompile(`^backpainbot: config: discord is enabled but DISCORD_BOT_TOKEN is not set \(or set discord.public_key to use the HTTP interactions endpoint\)$`),
			},
		},
		{
			name:     "every problem on its own line",
			args:     []string{"--config", "CONFIG"},
			config:   loopbackConfig + "log:\n  level: loud\nslack:\n  enabled: true\n",
			wantCode: 1,
			wantLines: []*regexp.Regexp{
				regexp.MustCompile(`^backpainbot: config: log\.level is "loud".*$`),
				regexp.MustCompile(`^backpainbot: config: slack is enabled but SLACK_SIGNING_SECRET.*$`),
			},
		},
		{
			name:     "unknown setting in file",
			args:     []string{"--config", "CONFIG"},
			config:   "htp:\n  addr: x\n",
			wantCode: 1,
			wantLines: []*regexp.Regexp{
				regexp.MustCompile(`^backpainbot: config: .*backpainbot\.yaml:1:1: unknown setting "htp".*$`),
			},
		},
		{
			name:      "missing config file",
			args:      []string{"--config", "/nonexistent/backpainbot.yaml"},
			wantCode:  1,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: config: read config: .*nonexistent.*$`)},
		},
		{
			name:      "missing faq file",
			args:      []string{"--config", "CONFIG"},
			config:    loopbackConfig + "faq_file: /nonexistent/faq.yaml\n",
			wantCode:  1,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: .*nonexistent/faq\.yaml.*$`)},
		},
		{
			name:      "address in use",
			args:      []string{"--config", "CONFIG"},
			config:    "http:\n  addr: " + busy.Addr().String() + "\n",
			wantCode:  1,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: listen on ` + regexp.QuoteMeta(busy.Addr().String()) + `: .*$`)},
		},
		{
			name:      "unknown flag",
			args:      []string{"--port", "80"},
			wantCode:  2,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: serve: .*-port.*$`)},
		},
		{
			name:      "bad log format",
			args:      []string{"--log-format", "xml"},
			wantCode:  2,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: serve: --log-format is "xml"; want text or json$`)},
		},
		{
			name:      "extra argument",
			args:      []string{"now"},
			wantCode:  2,
			wantLines: []*regexp.Regexp{regexp.MustCompile(`^backpainbot: serve: unexpected argument "now".*$`)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"serve"}
			for _, a := range tt.args {
				if a == "CONFIG" {
					a = writeConfig(t, tt.config)
				}
				args = append(args, a)
			}
			var stderr syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			ctx = context.WithValue(ctx, noAdapterOKKey{}, true) // TestServeNeedsAPlatform checks that
			err := run(ctx, args, strings.NewReader(""), io.Discard, &stderr, env(tt.env))
			code, msg := exitCodeOf(t, err)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (message %q, stderr:\n%s)", code, tt.wantCode, msg, stderr.String())
			}
			printed := stderr.String() + msg
			lines := strings.Split(strings.TrimRight(printed, "\n"), "\n")
			for _, re := range tt.wantLines {
				if !slices.ContainsFunc(lines, re.MatchString) {
					t.Errorf("no line of stderr matches %s; got:\n%s", re, printed)
				}
			}
		})
	}
}

func TestServeHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--help"}, strings.NewReader(""), &stdout, &stderr, env(nil))
	if err != nil {
		t.Fatalf("serve --help = %v, want nil", err)
	}
	for _, want := range []string{"Usage: backpainbot serve", "-config", "-log-format"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("serve --help output lacks %q:\n%s", want, stdout.String())
		}
	}
}

// testServer returns a server over the built-in FAQ with loopback settings, logging to log.
func testServer(t *testing.T, log io.Writer, shutdown time.Duration) *server {
	t.Helper()
	cfg := config.Default()
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.HTTP.ShutdownTimeout = shutdown
	return newServer(cfg, slog.New(slog.NewTextHandler(log, nil)), faq.Default())
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// slowRoute adds GET /slow to mux: it signals entered, then blocks until release is closed.
func slowRoute(mux *http.ServeMux) (entered chan struct{}, release chan struct{}) {
	entered, release = make(chan struct{}), make(chan struct{})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	})
	return entered, release
}

type result struct {
	code int
	body string
	err  error
}

func fetch(url string) <-chan result {
	c := make(chan result, 1)
	go func() {
		resp, err := http.Get(url)
		if err != nil {
			c <- result{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		c <- result{resp.StatusCode, string(body), err}
	}()
	return c
}

// TestServeDrain checks that shutting down waits for a request in flight and lets it finish.
func TestServeDrain(t *testing.T) {
	var log syncBuffer
	s := testServer(t, &log, 10*time.Second)
	mux := s.routes()
	entered, release := slowRoute(mux)
	ln := listen(t)
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln, mux, nil) }()

	slow := fetch("http://" + addr + "/slow")
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("slow request never reached the handler")
	}
	cancel()

	// Shutting down: not accepting any more, but still waiting for /slow.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections 5s after cancel")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-done:
		t.Fatalf("serve returned %v with a request still in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	if _, healthy := s.health.Check(); healthy {
		t.Error("health is ok while shutting down, want not ready")
	}

	close(release)
	r := <-slow
	if r.err != nil || r.code != http.StatusOK || r.body != "finished" {
		t.Errorf("slow request = %d %q, %v; want 200 \"finished\"", r.code, r.body, r.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve = %v, want nil after a clean drain", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return after the slow request finished")
	}
}

// TestServeShutdownTimeout checks that a request that outlasts the shutdown timeout is cut off
// and reported.
func TestServeShutdownTimeout(t *testing.T) {
	var log syncBuffer
	s := testServer(t, &log, 100*time.Millisecond)
	mux := s.routes()
	entered, release := slowRoute(mux)
	defer close(release)
	ln := listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln, mux, nil) }()

	slow := fetch("http://" + ln.Addr().String() + "/slow")
	<-entered
	cancel()
	select {
	case err := <-done:
		code, msg := exitCodeOf(t, err)
		if code != 1 || !strings.Contains(msg, "in flight") {
			t.Errorf("serve = exit %d %q, want exit 1 naming the requests in flight", code, msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return after the shutdown timeout")
	}
	if r := <-slow; r.err == nil {
		t.Errorf("slow request = %d %q, want it cut off", r.code, r.body)
	}
}

// fakeAdapter is a component whose run blocks until its context ends, then records its name.
func fakeAdapter(name string, stopped chan<- string, started *sync.WaitGroup) component {
	started.Add(1)
	return component{name: name, run: func(ctx context.Context) error {
		started.Done()
		<-ctx.Done()
		stopped <- name
		return ctx.Err()
	}}
}

func TestServeAdapters(t *testing.T) {
	t.Run("stopped in reverse start order", func(t *testing.T) {
		var log syncBuffer
		s := testServer(t, &log, 5*time.Second)
		stopped := make(chan string, 3)
		var started sync.WaitGroup
		adapters := []component{
			fakeAdapter("first", stopped, &started),
			fakeAdapter("second", stopped, &started),
			fakeAdapter("third", stopped, &started),
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.serve(ctx, listen(t), s.routes(), adapters) }()
		started.Wait()
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve = %v, want nil", err)
		}
		close(stopped)
		var got []string
		for name := range stopped {
			got = append(got, name)
		}
		if want := []string{"third", "second", "first"}; !slices.Equal(got, want) {
			t.Errorf("stop order = %v, want %v", got, want)
		}
	})

	t.Run("one fails, the rest are stopped", func(t *testing.T) {
		var log syncBuffer
		s := testServer(t, &log, 5*time.Second)
		stopped := make(chan string, 3)
		var started sync.WaitGroup
		adapters := []component{
			fakeAdapter("first", stopped, &started),
			{name: "broken", run: func(ctx context.Context) error { return errors.New("gateway: authentication failed") }},
			fakeAdapter("third", stopped, &started),
		}
		done := make(chan error, 1)
		go func() { done <- s.serve(context.Background(), listen(t), s.routes(), adapters) }()
		select {
		case err := <-done:
			code, msg := exitCodeOf(t, err)
			if want := "backpainbot: broken: gateway: authentication failed"; code != 1 || msg != want {
				t.Errorf("serve = exit %d %q, want exit 1 %q", code, msg, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("serve did not return after an adapter failed")
		}
		if len(stopped) != 2 {
			t.Errorf("%d other adapters stopped, want 2", len(stopped))
		}
	})

	t.Run("one ignores its context", func(t *testing.T) {
		var log syncBuffer
		s := testServer(t, &log, 100*time.Millisecond)
		hang := make(chan struct{})
		defer close(hang)
		var started sync.WaitGroup
		started.Add(1)
		adapters := []component{{name: "stuck", run: func(ctx context.Context) error {
			started.Done()
			<-hang
			return nil
		}}}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.serve(ctx, listen(t), s.routes(), adapters) }()
		started.Wait()
		cancel()
		select {
		case err := <-done:
			code, msg := exitCodeOf(t, err)
			if code != 1 || !strings.Contains(msg, "stuck: did not stop") {
				t.Errorf("serve = exit %d %q, want exit 1 naming stuck", code, msg)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("serve waited forever for an adapter that ignores its context")
		}
	})
}

// signSlack signs body as Slack does: "v0=" and the hex HMAC-SHA256 of "v0:TS:BODY".
func signSlack(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}

// TestServeSlackHTTP sends signed and unsigned slash commands through the whole server and checks
// that the log, even at debug level, holds neither the question nor the signing secret.
func TestServeSlackHTTP(t *testing.T) {
	const (
		secret   = "s3cret-signing-8f742231b10e8888abcd99"
		question = "my lower back hurts when I lift my leg xylophone42"
	)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			path := writeConfig(t, loopbackConfig+"log:\n  level: debug\nslack:\n  enabled: true\n")
			sv := startServe(t, env(map[string]string{"SLACK_SIGNING_SECRET": secret}), "--config", path, "--log-format", format)
			if !strings.Contains(sv.stderr.String(), "slack: http; discord: off)") {
				t.Errorf("serving line does not say slack: http:\n%s", sv.stderr)
			}
			body := []byte(url.Values{
				"command":      {"/backpain"},
				"text":         {question},
				"team_id":      {"T0001"},
				"user_id":      {"U2147483697"},
				"channel_id":   {"C2147483705"},
				"response_url": {"https://hooks.slack.invalid/commands/1234/5678"}, // never posted to
				"trigger_id":   {"13345224609.738474920.8088930838d88f008e0"},
			}.Encode())
			post := func(sig string) (int, string) {
				ts := strconv.FormatInt(time.Now().Unix(), 10)
				req, err := http.NewRequest(http.MethodPost, "http://"+sv.addr+"/slack/commands", bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Slack-Request-Timestamp", ts)
				if sig == "" {
					sig = signSlack(secret, ts, body)
				}
				req.Header.Set("X-Slack-Signature", sig)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(b)
			}

			if code, reply := post(""); code != http.StatusOK || !strings.Contains(reply, "blocks") {
				t.Errorf("signed command = %d %.200s, want 200 with blocks", code, reply)
			}
			if code, _ := post("v0=" + strings.Repeat("0", 64)); code != http.StatusUnauthorized {
				t.Errorf("badly signed command = %d, want 401", code)
			}
			_, metrics := sv.get(t, "/metrics")
			if !regexp.MustCompile(`backpainbot_requests_total\{adapter="slack",outcome="[a-z_]+"\} 1`).MatchString(metrics) {
				t.Errorf("/metrics does not count the slack command:\n%s", grepLines(metrics, "requests_total"))
			}
			if err := sv.stop(t); err != nil {
				t.Fatalf("run = %v, want nil", err)
			}

			log := sv.stderr.String()
			if !strings.Contains(log, "slash command") || !strings.Contains(log, "component") {
				t.Errorf("log has no slash command line from the slack component:\n%s", log)
			}
			for _, leak := range []string{question, "xylophone42", "lift my leg", url.QueryEscape(question), secret, "s3cret"} {
				if strings.Contains(log, leak) {
					t.Errorf("log contains %q:\n%s", leak, log)
				}
			}
		})
	}
}

// fakeAPI answers every request with status and reply once release is closed, after sending its
// path on hits.
func fakeAPI(t *testing.T, status int, reply string) (url string, hits <-chan string, release chan struct{}) {
	t.Helper()
	h := make(chan string, 100)
	release = make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case h <- r.URL.Path:
		default:
		}
		<-release
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, reply)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	return srv.URL + "/", h, release
}

// TestServeDiscord wires Discord against a fake API that first stalls the gateway lookup and
// then refuses the token: meanwhile /healthz and /metrics report the gateway down; then the
// Discord adapter stops for good, /healthz says why, and serve keeps serving until shut down.
func TestServeDiscord(t *testing.T) {
	const token = "MTAxOTk2.fake.discord-token-value"
	api, hits, release := fakeAPI(t, http.StatusUnauthorized, `{"message": "401: Unauthorized", "code": 0}`)
	path := writeConfig(t, loopbackConfig+"discord:\n  enabled: true\n  application_id: \"1019960000000000000\"\n  api_url: "+api+"\n")
	sv := startServe(t, env(map[string]string{"DISCORD_BOT_TOKEN": token}), "--config", path)
	select {
	case <-hits:
	case <-time.After(5 * time.Second):
		t.Fatal("the Discord adapter never called the fake API")
	}

	code, body := sv.get(t, "/healthz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"discord":{"ok":false`) {
		t.Errorf("GET /healthz while connecting = %d %s, want 503 with discord not ok", code, body)
	}
	if _, metrics := sv.get(t, "/metrics"); !strings.Contains(metrics, `backpainbot_gateway_connected{adapter="discord"} 0`) {
		t.Errorf("/metrics lacks the discord gateway gauge at 0:\n%s", grepLines(metrics, "gateway"))
	}
	if !strings.Contains(sv.stderr.String(), "slack: off; discord: on)") {
		t.Errorf("serving line does not say discord: on:\n%s", sv.stderr)
	}

	close(release)
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body = sv.get(t, "/healthz")
		if strings.Contains(body, `"detail":"stopped: discord: look up the gateway: HTTP 401`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never said Discord stopped on the 401: %d %s\nstderr:\n%s", code, body, sv.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code != http.StatusServiceUnavailable {
		t.Errorf("GET /healthz with Discord stopped = %d, want 503", code)
	}
	if _, metrics := sv.get(t, "/metrics"); !strings.Contains(metrics, `backpainbot_adapter_state{adapter="discord",state="stopped"} 1`) {
		t.Errorf("/metrics lacks the stopped state:\n%s", grepLines(metrics, "adapter_state"))
	}
	select {
	case err := <-sv.done:
		sv.done <- err
		t.Fatalf("serve stopped (%v) when Discord refused the token; want it to keep serving", err)
	case <-time.After(100 * time.Millisecond):
	}
	sv.cancel()
	select {
	case err := <-sv.done:
		sv.done <- err
		if err != nil {
			t.Errorf("serve = %v after shutdown; want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(sv.stderr.String(), token) {
		t.Errorf("log contains the Discord token:\n%s", sv.stderr)
	}
}

// TestServeSlackSocketMode wires Socket Mode against a fake Slack API that refuses the token
// as Slack does, with 200 and "invalid_auth": Slack is left stopped, not retried.
func TestServeSlackSocketMode(t *testing.T) {
	const appToken = "xapp-1-A0-fake-app-token"
	api, hits, release := fakeAPI(t, http.StatusOK, `{"ok": false, "error": "invalid_auth"}`)
	close(release)
	path := writeConfig(t, loopbackConfig+"slack:\n  enabled: true\n  api_url: "+api+"\n")
	sv := startServe(t, env(map[string]string{"SLACK_APP_TOKEN": appToken}), "--config", path)
	if !strings.Contains(sv.stderr.String(), "slack: socket; discord: off)") {
		t.Errorf("serving line does not say slack: socket:\n%s", sv.stderr)
	}
	select {
	case p := <-hits:
		if !strings.Contains(p, "apps.connections.open") {
			t.Errorf("first Slack API call = %s, want apps.connections.open", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Socket Mode never called the fake API")
	}
	// Slack stops for good, /healthz says why, and serve keeps serving (as for Discord).
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := sv.get(t, "/healthz")
		if code == http.StatusServiceUnavailable && strings.Contains(body, `"slack":{"ok":false,"detail":"stopped: slack socket mode: Slack refused the app token`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz = %d %s, want 503 with slack stopped because Slack refused the app token", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	select {
	case err := <-sv.done:
		sv.done <- err
		t.Fatalf("serve exited (%v); want it to keep serving with Slack stopped", err)
	default:
	}
	if n := len(hits); n != 0 {
		t.Errorf("%d more Slack API calls after the refusal, want none", n)
	}
	if err := sv.stop(t); err != nil {
		t.Errorf("stop = %v, want nil", err)
	}
	if strings.Contains(sv.stderr.String(), appToken) {
		t.Errorf("log contains the Slack token:\n%s", sv.stderr)
	}
}

// TestServeRoutes checks that /slack/commands exists only in Slack's HTTP mode.
func TestServeRoutes(t *testing.T) {
	tests := []struct {
		name     string
		slack    config.Slack
		wantCode int
	}{
		{"slack off", config.Slack{Command: "/backpain", SigningSecret: "x"}, http.StatusNotFound},
		{"slack http", config.Slack{Enabled: true, Command: "/backpain", SigningSecret: "x"}, http.StatusUnauthorized},
		{"slack socket", config.Slack{Enabled: true, Command: "/backpain", AppToken: "xapp-1"}, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testServer(t, io.Discard, time.Second)
			s.cfg.Slack = tt.slack
			rec := httptest.NewRecorder()
			s.routes().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader("text=hi")))
			if rec.Code != tt.wantCode {
				t.Errorf("POST /slack/commands = %d, want %d", rec.Code, tt.wantCode)
			}
		})
	}
}

// TestServeSlackWrongMethod checks that a GET reaches the Slack handler, which answers 405 with
// an Allow header and logs the rejection, rather than the router answering silently.
func TestServeSlackWrongMethod(t *testing.T) {
	var logs bytes.Buffer
	s := testServer(t, &logs, time.Second)
	s.cfg.Slack = config.Slack{Enabled: true, Command: "/backpain", SigningSecret: "x"}
	rec := httptest.NewRecorder()
	s.routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/slack/commands?text=secret-question", nil))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != http.MethodPost {
		t.Errorf("GET /slack/commands = %d, Allow %q; want 405 and Allow: POST", rec.Code, rec.Header().Get("Allow"))
	}
	if strings.Contains(rec.Body.String(), "secret-question") || strings.Contains(logs.String(), "secret-question") {
		t.Errorf("request text echoed: body %q, log %q", rec.Body, logs.String())
	}
	if !strings.Contains(logs.String(), "405") {
		t.Errorf("no log line for the rejected GET:\n%s", logs.String())
	}
}

func grepLines(body, substr string) string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		if strings.Contains(line, substr) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
