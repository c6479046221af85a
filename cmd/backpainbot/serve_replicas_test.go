package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/adapters/store/redistest"
)

// slackPost sends a slash command body to a serve process, signed at ts, and returns the
// status and reply.
func slackPost(t *testing.T, sv *serving, secret, ts string, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://"+sv.addr+"/slack/commands", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", signSlack(secret, ts, body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func slashBody(user, question string) []byte {
	return []byte(url.Values{
		"command":    {"/backpain"},
		"text":       {question},
		"team_id":    {"T0001"},
		"user_id":    {user},
		"channel_id": {"C0001"},
		// Not Slack's host, so even a slow answer is never posted anywhere.
		"response_url": {"https://hooks.slack.invalid/commands/T0001/1/x"},
		"trigger_id":   {strconv.FormatInt(time.Now().UnixNano(), 10)},
	}.Encode())
}

// TestServeReplicasShareRedis runs two serve processes against one redis-server, as two
// replicas behind a load balancer: a request replayed from one to the other is refused, a
// user's rate limit spans both, and when Redis goes away both refuse requests and say so on
// /healthz.
func TestServeReplicasShareRedis(t *testing.T) {
	const secret = "replica-signing-secret-0123456789"
	redis := redistest.Start(t)
	cfg := writeConfig(t, loopbackConfig+"slack:\n  enabled: true\n  rate_limit:\n    per_minute: 1\n    burst: 2\nstore:\n  url: "+redis.URL+"\n")
	getenv := env(map[string]string{"SLACK_SIGNING_SECRET": secret})
	a := startServe(t, getenv, "--config", cfg)
	b := startServe(t, getenv, "--config", cfg)

	for _, sv := range []*serving{a, b} {
		code, body := sv.get(t, "/healthz")
		if code != http.StatusOK || !strings.Contains(body, `"store":{"ok":true,"detail":"redis"}`) {
			t.Fatalf("/healthz = %d %s, want 200 with a passing store check", code, body)
		}
	}

	t.Run("replay across replicas", func(t *testing.T) {
		body := slashBody("U1", "what is sciatica")
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		if code, reply := slackPost(t, a, secret, ts, body); code != http.StatusOK || !strings.Contains(reply, "blocks") {
			t.Fatalf("replica a: %d %.200s, want 200 with an answer", code, reply)
		}
		if code, _ := slackPost(t, b, secret, ts, body); code != http.StatusUnauthorized {
			t.Errorf("same request at replica b: %d, want 401", code)
		}
		if code, _ := slackPost(t, a, secret, ts, body); code != http.StatusUnauthorized {
			t.Errorf("same request again at replica a: %d, want 401", code)
		}
	})

	t.Run("rate limit spans replicas", func(t *testing.T) {
		var got []string
		for _, sv := range []*serving{a, b, a, b} {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			code, reply := slackPost(t, sv, secret, ts, slashBody("U2", "what is sciatica"))
			if code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			var r struct{ Text string }
			if err := json.Unmarshal([]byte(reply), &r); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(r.Text, "several questions") {
				got = append(got, "limited")
			} else {
				got = append(got, "answered")
			}
		}
		if want := "answered answered limited limited"; strings.Join(got, " ") != want {
			t.Errorf("a, b, a, b = %v, want %s (a burst of 2 for both replicas together)", got, want)
		}
	})

	t.Run("redis gone", func(t *testing.T) {
		redis.Stop()
		for name, sv := range map[string]*serving{"a": a, "b": b} {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			if code, _ := slackPost(t, sv, secret, ts, slashBody("U3", "what is sciatica")); code != http.StatusServiceUnavailable {
				t.Errorf("replica %s with redis down: %d, want 503 (fail closed)", name, code)
			}
			code, body := sv.get(t, "/healthz")
			if code != http.StatusServiceUnavailable || !strings.Contains(body, `"store":{"ok":false,"detail":"redis unreachable`) {
				t.Errorf("replica %s /healthz = %d %s, want 503 with a failing store check", name, code, body)
			}
		}
	})
}
