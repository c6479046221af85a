package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestServeDiscordInteractionsEndpoint runs serve with discord.public_key and no bot token:
// POST /discord/interactions answers a signed PING and a signed slash command, refuses a forged
// one, and /healthz reports Discord up without any gateway.
func TestServeDiscordInteractionsEndpoint(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := loopbackConfig + "discord:\n  enabled: true\n  application_id: \"1019960000000000000\"\n  public_key: " + hex.EncodeToString(pub) + "\n"
	sv := startServe(t, env(nil), "--config", writeConfig(t, cfg))
	post := func(body string, key ed25519.PrivateKey) (int, string) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, "http://"+sv.addr+"/discord/interactions", strings.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(ts+body))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := post(`{"id":"1","type":1,"token":"t","application_id":"1019960000000000000"}`, priv); code != 200 || strings.TrimSpace(body) != `{"type":1}` {
		t.Errorf("signed PING = %d %s; want 200 {\"type\":1}", code, body)
	}
	_, other, _ := ed25519.GenerateKey(nil)
	if code, _ := post(`{"id":"1","type":1}`, other); code != http.StatusUnauthorized {
		t.Errorf("PING signed with another key = %d; want 401", code)
	}
	cmd := `{"id":"2","type":2,"token":"t","application_id":"1019960000000000000","user":{"id":"5"},` +
		`"data":{"name":"backpain","type":1,"options":[{"name":"question","type":3,"value":"what is sciatica"}]}}`
	code, body := post(cmd, priv)
	if code != 200 || !strings.Contains(body, `"type":4`) || !strings.Contains(body, "sciatica") {
		t.Errorf("signed /backpain = %d %s; want a type 4 answer", code, body)
	}
	if code, body := sv.get(t, "/healthz"); code != 200 || !strings.Contains(body, `"discord":{"ok":true,"detail":"connected"}`) {
		t.Errorf("/healthz = %d %s; want 200 with discord connected", code, body)
	}
}

// TestServeDiscordDownSlackServes: Discord cannot connect at start (its API answers 503), and
// serve keeps serving Slack while /healthz shows Discord retrying.
func TestServeDiscordDownSlackServes(t *testing.T) {
	api, _, release := fakeAPI(t, http.StatusServiceUnavailable, `{"message": "down"}`)
	close(release)
	cfg := loopbackConfig + "slack:\n  enabled: true\ndiscord:\n  enabled: true\n  application_id: \"1019960000000000000\"\n  api_url: " + api + "\n"
	sv := startServe(t, env(map[string]string{"DISCORD_BOT_TOKEN": "MTAx.fake.token", "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99yyyzzz85a5"}), "--config", writeConfig(t, cfg))
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body := sv.get(t, "/healthz")
		if strings.Contains(body, `"detail":"retrying: `) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never showed Discord retrying: %s", body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp, err := http.Post("http://"+sv.addr+"/slack/commands", "application/x-www-form-urlencoded", strings.NewReader("command=%2Fbackpain&text=hi"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned Slack command = %d; want 401 from a Slack handler still serving", resp.StatusCode)
	}
	select {
	case err := <-sv.done:
		sv.done <- err
		t.Fatalf("serve stopped (%v) while Discord was down", err)
	default:
	}
}
