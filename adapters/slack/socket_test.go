package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"
	"github.com/slack-go/slack/socketmode"
)

// envelope is a Socket Mode request as Slack sends it.
func envelope(t *testing.T, id, typ string, payload any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"type":                     typ,
		"envelope_id":              id,
		"payload":                  payload,
		"accepts_response_payload": typ == "slash_commands",
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func slashPayload(text string) map[string]any {
	return map[string]any{
		"token": "x", "team_id": "T0001", "team_domain": "example", "channel_id": "C0001",
		"channel_name": "general", "user_id": "U0001", "user_name": "someone", "command": "/backpain",
		"text": text, "api_app_id": "A0001", "is_enterprise_install": "false",
		"response_url": "https://hooks.slack.com/commands/T0001/1/x", "trigger_id": "1.2.3",
	}
}

// TestSocketMode runs the adapter against slack-go's fake Slack: apps.connections.open hands out
// the fake's WebSocket, which says hello, sends two slash commands and an interactive request,
// and collects the acknowledgements.
func TestSocketMode(t *testing.T) {
	acks := make(chan map[string]json.RawMessage, 10)
	server := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/ws", slacktest.Websocket(func(conn *websocket.Conn) {
			frames := [][]byte{
				[]byte(`{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0001"}}`),
				envelope(t, "env-ask", "slash_commands", slashPayload("what is sciatica")),
				envelope(t, "env-share", "slash_commands", slashPayload("share what is sciatica")),
				envelope(t, "env-click", "interactive", map[string]any{"type": "block_actions"}),
			}
			for _, f := range frames {
				if err := conn.WriteMessage(websocket.TextMessage, f); err != nil {
					return
				}
			}
			for {
				_, msg, err := conn.ReadMessage()
				if err != nil {
					return
				}
				var ack map[string]json.RawMessage
				if json.Unmarshal(msg, &ack) == nil {
					acks <- ack
				}
			}
		}))
	})
	server.Start()
	defer server.Stop()

	var logs syncBuffer
	rec := &recorder{}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- RunSocketMode(ctx, realBot(), SocketOptions{
			AppToken: "xapp-test",
			APIURL:   strings.TrimSuffix(server.GetAPIURL(), "/"),
			Logger:   slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
			Metrics:  rec,
		})
	}()

	got := map[string]map[string]json.RawMessage{}
	timeout := time.After(10 * time.Second)
	for len(got) < 3 {
		select {
		case ack := <-acks:
			var id string
			_ = json.Unmarshal(ack["envelope_id"], &id)
			got[id] = ack
		case err := <-done:
			t.Fatalf("RunSocketMode returned early: %v", err)
		case <-timeout:
			t.Fatalf("timed out; acks so far: %v", got)
		}
	}

	disclaimer := realBot().FAQ().Disclaimer
	for id, wantType := range map[string]string{"env-ask": "ephemeral", "env-share": "in_channel"} {
		r := decodeReply(t, got[id]["payload"])
		if r.ResponseType != wantType {
			t.Errorf("%s: response_type: got %q, want %q", id, r.ResponseType, wantType)
		}
		checkReply(t, r, disclaimer)
		if !strings.Contains(string(got[id]["payload"]), "*What is sciatica?*") {
			t.Errorf("%s: payload lacks the answer: %s", id, got[id]["payload"])
		}
	}
	if p, ok := got["env-click"]["payload"]; ok && string(p) != "null" {
		t.Errorf("interactive ack: got payload %s, want none", p)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunSocketMode after cancel: got %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("RunSocketMode did not return after cancel")
	}

	out := logs.String()
	for _, leak := range []string{"sciatica", "xoxb-test", "xapp-test", "U0001", "someone"} {
		if strings.Contains(out, leak) {
			t.Errorf("log contains %q:\n%s", leak, out)
		}
	}
	if got, want := rec.got(), []string{"slack:answered", "slack:answered"}; !slices.Equal(got, want) {
		t.Errorf("metrics: got %v, want %v", got, want)
	}
}

func TestRunSocketModeTokens(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    SocketOptions
	}{
		{"no app token", SocketOptions{}},
		{"bot token as app token", SocketOptions{AppToken: "xoxb-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := RunSocketMode(t.Context(), realBot(), tc.o); err == nil {
				t.Error("got nil, want an error")
			}
		})
	}
}

// TestHandleEvent checks what is acknowledged, and how, without a connection.
func TestHandleEvent(t *testing.T) {
	type acked struct {
		id      string
		payload []any
	}
	for _, tc := range []struct {
		name    string
		evt     socketmode.Event
		ackErr  error
		want    []string // envelope ids acknowledged, in order
		payload bool     // whether the first ack carries a reply
	}{
		{"slash command", socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: slack.SlashCommand{Text: "help"}, Request: &socketmode.Request{EnvelopeID: "e1"}}, nil, []string{"e1"}, true},
		{"ack fails", socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: slack.SlashCommand{Text: "help"}, Request: &socketmode.Request{EnvelopeID: "e1"}}, errors.New("too big"), []string{"e1", "e1"}, true},
		{"slash command without request", socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: slack.SlashCommand{}}, nil, nil, false},
		{"events api", socketmode.Event{Type: socketmode.EventTypeEventsAPI, Request: &socketmode.Request{EnvelopeID: "e2"}}, nil, []string{"e2"}, false},
		{"interactive", socketmode.Event{Type: socketmode.EventTypeInteractive, Request: &socketmode.Request{EnvelopeID: "e3"}}, nil, []string{"e3"}, false},
		{"hello", socketmode.Event{Type: socketmode.EventTypeHello, Request: &socketmode.Request{Type: "hello"}}, nil, nil, false},
		{"connection error", socketmode.Event{Type: socketmode.EventTypeConnectionError, Data: &slack.ConnectionErrorEvent{}}, nil, nil, false},
		{"incoming error", socketmode.Event{Type: socketmode.EventTypeIncomingError, Data: &slack.IncomingEventError{}}, nil, nil, false},
		{"bad message", socketmode.Event{Type: socketmode.EventTypeErrorBadMessage, Data: &socketmode.ErrorBadMessage{Cause: errors.New("x"), Message: json.RawMessage(`{"text":"secret"}`)}}, nil, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs syncBuffer
			rs := newResponder(realBot(), "", slog.New(slog.NewJSONHandler(&logs, nil)), nil, "socket")
			var got []acked
			rs.handleEvent(t.Context(), tc.evt, func(req socketmode.Request, payload ...any) error {
				got = append(got, acked{req.EnvelopeID, payload})
				if len(payload) > 0 {
					return tc.ackErr
				}
				return nil
			})
			var ids []string
			for _, a := range got {
				ids = append(ids, a.id)
			}
			if !slices.Equal(ids, tc.want) {
				t.Fatalf("acks: got %v, want %v", ids, tc.want)
			}
			if len(got) > 0 && (len(got[0].payload) > 0) != tc.payload {
				t.Errorf("first ack payload: got %v, want payload %v", got[0].payload, tc.payload)
			}
			if strings.Contains(logs.String(), "secret") {
				t.Errorf("log holds message content: %s", logs.String())
			}
		})
	}
}
