package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/config"
	"github.com/backpainbot/backpainbot/faq"
)

// TestServeNeedsAPlatform: serve with no chat platform enabled stops at once with exit 2 and
// names the settings that turn one on.
func TestServeNeedsAPlatform(t *testing.T) {
	var stderr syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := run(ctx, []string{"serve", "--config", writeConfig(t, loopbackConfig)}, strings.NewReader(""), io.Discard, &stderr, env(nil))
	code, msg := exitCodeOf(t, err)
	if code != 2 {
		t.Fatalf("exit %d (%q), want 2", code, msg)
	}
	for _, want := range []string{"no chat platform is enabled", "slack.enabled: true", "discord.enabled: true", "BACKPAINBOT_SLACK_ENABLED=true", "BACKPAINBOT_DISCORD_ENABLED=true"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("message should be one line: %q", msg)
	}
}

func TestOpsAddrDefaultsToLoopback(t *testing.T) {
	host, _, err := net.SplitHostPort(config.Default().HTTP.OpsAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		t.Errorf("default http.ops_addr %q is not a loopback address", config.Default().HTTP.OpsAddr)
	}
}

// TestServeOpsAddr: with http.ops_addr, /healthz and /metrics are on that address only, and the
// public address serves only the platform endpoints; with ops_addr "" both are on the public one.
func TestServeOpsAddr(t *testing.T) {
	const slackOn = "slack:\n  enabled: true\n"
	secret := map[string]string{"SLACK_SIGNING_SECRET": "s3cret"}

	t.Run("own address", func(t *testing.T) {
		sv := startServe(t, env(secret), "--config", writeConfig(t, loopbackConfig+slackOn))
		if sv.opsAddr == sv.addr {
			t.Fatalf("ops address %s is the public one", sv.opsAddr)
		}
		tests := []struct {
			addr, method, path string
			want               int
		}{
			{sv.opsAddr, http.MethodGet, "/healthz", http.StatusOK},
			{sv.opsAddr, http.MethodGet, "/metrics", http.StatusOK},
			{sv.addr, http.MethodGet, "/healthz", http.StatusNotFound},
			{sv.addr, http.MethodGet, "/metrics", http.StatusNotFound},
			{sv.addr, http.MethodPost, "/slack/commands", http.StatusUnauthorized}, // there, but unsigned
			{sv.opsAddr, http.MethodPost, "/slack/commands", http.StatusNotFound},
		}
		for _, tt := range tests {
			req, _ := http.NewRequest(tt.method, "http://"+tt.addr+tt.path, strings.NewReader("text=hi"))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("%s http://%s%s = %d, want %d", tt.method, tt.addr, tt.path, resp.StatusCode, tt.want)
			}
		}
		if !strings.Contains(sv.stderr.String(), "health and metrics on "+sv.opsAddr) {
			t.Errorf("log does not say where health and metrics are:\n%s", sv.stderr)
		}
		if err := sv.stop(t); err != nil {
			t.Fatalf("stop: %v", err)
		}
		if _, err := net.DialTimeout("tcp", sv.opsAddr, time.Second); err == nil {
			t.Errorf("ops address %s still accepts connections after serve returned", sv.opsAddr)
		}
	})
	for _, ops := range []string{"", "127.0.0.1:8080"} {
		t.Run("ops_addr "+strconvQuote(ops)+" with addr 127.0.0.1:8080 serves all on addr", func(t *testing.T) {
			s := testServer(t, io.Discard, time.Second)
			s.cfg.HTTP.Addr, s.cfg.HTTP.OpsAddr = "127.0.0.1:8080", ops
			if c, err := s.opsServer(context.Background()); c != nil || err != nil {
				t.Fatalf("opsServer() = %v, %v; want no separate listener", c, err)
			}
			for _, path := range []string{"/healthz", "/metrics"} {
				rec := httptest.NewRecorder()
				s.routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code == http.StatusNotFound {
					t.Errorf("GET %s on addr = 404, want it served there", path)
				}
			}
		})
	}
}

func strconvQuote(s string) string { return `"` + s + `"` }

// TestServeFAQFileNextToConfig: a relative faq_file is read from the config file's folder, not
// from where serve was started.
func TestServeFAQFileNextToConfig(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/misses-faq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "faq.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "backpainbot.yaml")
	if err := os.WriteFile(cfg, []byte("faq_file: faq.yaml\n"+loopbackConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	sv := startServe(t, env(nil), "--config", cfg)
	want, err := faq.Parse("x", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, r := sv.health(t); r.FAQ.Entries != len(want.Entries) {
		t.Errorf("serving an FAQ of %d entries, want the %d of %s next to the config", r.FAQ.Entries, len(want.Entries), filepath.Join(dir, "faq.yaml"))
	}
}

// TestServeLogsFAQWarnings: serve logs the FAQ's lint warnings at start, as faq lint words them.
func TestServeLogsFAQWarnings(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/warnings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "faq.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "backpainbot.yaml")
	if err := os.WriteFile(cfg, []byte("faq_file: faq.yaml\n"+loopbackConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	sv := startServe(t, env(nil), "--config", cfg)
	_, lint := faq.Lint(path, data)
	if len(lint) == 0 {
		t.Fatal("testdata/warnings.yaml has no warnings; the test tests nothing")
	}
	for _, p := range lint {
		if want := strconv.Quote("faq warning: " + p.String()); !strings.Contains(sv.stderr.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, sv.stderr)
		}
	}
}
