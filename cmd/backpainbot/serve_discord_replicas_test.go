package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store/redistest"
)

// TestServeDiscordReplicasShareRateLimit runs two serve processes in the Discord HTTP
// interactions mode against one redis-server, as two replicas behind a load balancer: a
// person's burst spans both, another person is not affected, and with Redis gone both still
// answer (the limit fails open).
func TestServeDiscordReplicasShareRateLimit(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	redis := redistest.Start(t)
	cfg := writeConfig(t, loopbackConfig+"discord:\n  enabled: true\n  application_id: \"1019960000000000000\"\n  public_key: "+
		hex.EncodeToString(pub)+"\n  rate_limit:\n    per_minute: 1\n    burst: 2\nstore:\n  url: "+redis.URL+"\n")
	a := startServe(t, env(nil), "--config", cfg)
	b := startServe(t, env(nil), "--config", cfg)
	n := 0
	ask := func(sv *serving, user string) string {
		t.Helper()
		n++
		body := fmt.Sprintf(`{"id":"%d","type":2,"token":"t%d","application_id":"1019960000000000000","user":{"id":"%s"},`+
			`"data":{"name":"backpain","type":1,"options":[{"name":"question","type":3,"value":"what is sciatica"}]}}`, n, n, user)
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, "http://"+sv.addr+"/discord/interactions", strings.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		reply, _ := io.ReadAll(resp.Body)
		switch {
		case resp.StatusCode != http.StatusOK:
			t.Fatalf("status %d, want 200", resp.StatusCode)
		case strings.Contains(string(reply), "asking quickly"):
			return "limited"
		case strings.Contains(string(reply), "sciatica"):
			return "answered"
		}
		t.Fatalf("reply %.300s is neither an answer nor the notice", reply)
		return ""
	}
	var got []string
	for _, sv := range []*serving{a, b, a, b} {
		got = append(got, ask(sv, "1001"))
	}
	if want := "answered answered limited limited"; strings.Join(got, " ") != want {
		t.Errorf("a, b, a, b = %v, want %s (a burst of 2 for both replicas together)", got, want)
	}
	if got := ask(b, "1002"); got != "answered" {
		t.Errorf("another person at replica b: %s, want answered", got)
	}
	redis.Stop()
	for name, sv := range map[string]*serving{"a": a, "b": b} {
		if got := ask(sv, "1001"); got != "answered" {
			t.Errorf("replica %s with redis down: %s, want answered (the limit fails open)", name, got)
		}
	}
	for name, sv := range map[string]*serving{"a": a, "b": b} {
		if logs := sv.stderr.String(); strings.Count(logs, "rate limit store unavailable") != 1 || strings.Contains(logs, "1001") {
			t.Errorf("replica %s: want the store failure logged once, naming no user:\n%s", name, logs)
		}
	}
}
