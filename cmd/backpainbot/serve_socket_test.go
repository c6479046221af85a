package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeSocketSlack answers apps.connections.open with its own WebSocket, which says hello and
// then stays open, answering nothing.
func fakeSocketSlack(t *testing.T) string {
	t.Helper()
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true,"url":"ws://` + srv.Listener.Addr().String() + `/ws"}`))
	})
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		// slack-go sends Origin: https://api.slack.com.
		up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"hello","num_connections":1}`))
		stop := make(chan struct{})
		defer close(stop)
		go func() { // Slack pings every few seconds
			for {
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
					conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(time.Second))
				}
			}
		}()
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestServeSlackSocketHealth: in Socket Mode /healthz and /metrics show the connection.
func TestServeSlackSocketHealth(t *testing.T) {
	path := writeConfig(t, loopbackConfig+"slack:\n  enabled: true\n  api_url: "+fakeSocketSlack(t)+"\n")
	sv := startServe(t, env(map[string]string{"SLACK_APP_TOKEN": "xapp-1-fake"}), "--config", path)
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := sv.get(t, "/healthz")
		if code == http.StatusOK && strings.Contains(body, `"slack":{"ok":true,"detail":"connected"}`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz = %d %s, want 200 with slack connected", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, m := sv.get(t, "/metrics"); !strings.Contains(m, `backpainbot_gateway_connected{adapter="slack"} 1`) {
		t.Errorf("/metrics lacks the slack gateway gauge at 1:\n%s", grepLines(m, "gateway"))
	}
}
