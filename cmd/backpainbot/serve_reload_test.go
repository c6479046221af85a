package main

import (
	"encoding/json"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/ops"
	"github.com/backpainbot/backpainbot/faq"
)

// reloadConfig writes the built-in FAQ to a temporary file and returns it with a config file
// that serves it, on loopback, with extra appended.
func reloadConfig(t *testing.T, extra string) (faqPath, configPath string) {
	t.Helper()
	faqPath = filepath.Join(t.TempDir(), "faq.yaml")
	if err := os.WriteFile(faqPath, faq.DefaultYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	configPath = filepath.Join(t.TempDir(), "backpainbot.yaml")
	yaml := "faq_file: " + faqPath + "\nhttp:\n  addr: \"127.0.0.1:0\"\n" + extra
	if err := os.WriteFile(configPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return faqPath, configPath
}

// health fetches and decodes /healthz.
func (sv *serving) health(t *testing.T) (int, ops.Report) {
	t.Helper()
	code, body := sv.get(t, "/healthz")
	var r ops.Report
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("decode /healthz %s: %v", body, err)
	}
	return code, r
}

// waitHealth polls /healthz for up to 30 seconds until cond holds, and returns the report. A
// reload of the built-in FAQ builds its index and triage afresh, which under -race on a busy
// machine took over 5 seconds; a passing test returns as soon as cond holds.
func (sv *serving) waitHealth(t *testing.T, what string, cond func(ops.Report) bool) ops.Report {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, r := sv.health(t)
		if cond(r) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never showed %s; last %+v reload %+v\nstderr:\n%s", what, r, r.Reload, sv.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeReloadsFAQFile(t *testing.T) {
	faqPath, cfg := reloadConfig(t, "")
	sv := startServe(t, env(nil), "--config", cfg)
	_, start := sv.health(t)

	// A broken save is refused: the old FAQ keeps answering and /healthz says why.
	if err := os.WriteFile(faqPath, []byte("version: 1\nentries: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := sv.waitHealth(t, "a failed reload", func(r ops.Report) bool { return r.Reload != nil && !r.Reload.OK })
	if code, _ := sv.health(t); code != http.StatusOK || r.Status != ops.StatusOK {
		t.Errorf("after a failed reload /healthz = %d %q, want 200 ok: the old FAQ still serves", code, r.Status)
	}
	if r.FAQ != start.FAQ {
		t.Errorf("faq = %+v after a failed reload, want the live one, %+v", r.FAQ, start.FAQ)
	}
	if want := faqPath + ":"; !strings.HasPrefix(r.Reload.LastError, want) || !strings.Contains(r.Reload.LastError, "YAML syntax") {
		t.Errorf("last_error = %q, want %s<line>:<col>: YAML syntax ...", r.Reload.LastError, want)
	}
	if _, body := sv.get(t, "/metrics"); !strings.Contains(body, `backpainbot_faq_reloads_total{result="failed"} 1`) {
		t.Errorf("/metrics does not count the failed reload")
	}
	if !strings.Contains(sv.stderr.String(), "faq problem: "+faqPath+":") {
		t.Errorf("the log does not name the problem:\n%s", sv.stderr)
	}

	// A fixed save goes live.
	fixed := strings.Replace(string(faq.DefaultYAML()), "\nentries:", "\n# edited\nentries:", 1)
	if err := os.WriteFile(faqPath, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := faq.Parse(faqPath, []byte(fixed))
	if err != nil {
		t.Fatal(err)
	}
	r = sv.waitHealth(t, "the fixed FAQ", func(r ops.Report) bool { return r.Reload != nil && r.Reload.OK })
	if r.FAQ.Version != faqVersion(want) || r.Reload.LastError != "" {
		t.Errorf("after the fix faq = %+v reload = %+v, want version %s and no error", r.FAQ, r.Reload, faqVersion(want))
	}
}

func TestServeSIGHUP(t *testing.T) {
	_, cfg := reloadConfig(t, "")
	sv := startServe(t, env(nil), "--config", cfg)
	// serve registered its SIGHUP handler before it reported listening. Registering one here
	// too means a SIGHUP can never kill the test binary, even if serve's were missing.
	guard := make(chan os.Signal, 1)
	signal.Notify(guard, syscall.SIGHUP)
	defer signal.Stop(guard)

	if _, r := sv.health(t); r.Reload != nil {
		t.Fatalf("reload = %+v before any SIGHUP, want none", r.Reload)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// The file did not change, so only the signal can have caused this reload.
	sv.waitHealth(t, "a reload after SIGHUP", func(r ops.Report) bool { return r.Reload != nil && r.Reload.OK })
	if _, body := sv.get(t, "/metrics"); !strings.Contains(body, `backpainbot_faq_reloads_total{result="ok"} 2`) {
		t.Errorf("/metrics does not count the SIGHUP reload after the first load")
	}
	if !strings.Contains(sv.stderr.String(), "SIGHUP: reloading the faq file") {
		t.Errorf("the log does not mention the SIGHUP:\n%s", sv.stderr)
	}
}

func TestServeMisses(t *testing.T) {
	dir := t.TempDir()
	t.Run("enabled", func(t *testing.T) {
		path := filepath.Join(dir, "misses.jsonl")
		sv := startServe(t, env(nil), "--config", writeMissesConfig(t, "http:\n  addr: \"127.0.0.1:0\"\nmisses:\n  enabled: true\n  file: "+path+"\n"))
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("misses log: %v, mode %v; want it created with mode 0600", err, fi.Mode().Perm())
		}
		if !strings.Contains(sv.stderr.String(), "recording unanswered questions") {
			t.Errorf("the log does not say misses are recorded:\n%s", sv.stderr)
		}
	})
	t.Run("cannot open", func(t *testing.T) {
		path := filepath.Join(dir, "no-such-dir", "misses.jsonl")
		sv := startServe(t, env(nil), "--config", writeMissesConfig(t, "http:\n  addr: \"127.0.0.1:0\"\nmisses:\n  enabled: true\n  file: "+path+"\n"))
		if code, _ := sv.get(t, "/healthz"); code != http.StatusOK {
			t.Errorf("/healthz = %d, want 200: answering goes on without the misses log", code)
		}
		if !strings.Contains(sv.stderr.String(), "misses log is off") {
			t.Errorf("the log does not report the misses log failing:\n%s", sv.stderr)
		}
	})
}
