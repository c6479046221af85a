package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// SocketOptions configure Socket Mode.
type SocketOptions struct {
	// BotToken is the bot token, "xoxb-...".
	BotToken string
	// AppToken is the app-level token, "xapp-...", with the connections:write scope.
	AppToken string
	// APIURL overrides Slack's Web API base URL, for tests; "" uses Slack's.
	APIURL string
	// Command is the slash command as registered in the app, default "/backpain".
	Command string
	// Logger receives connection events and one line per command; nil discards them.
	Logger *slog.Logger
	// Metrics counts commands; nil counts nothing.
	Metrics Recorder
}

// shutdownWait bounds how long RunSocketMode waits for slack-go to close once ctx is done.
const shutdownWait = 5 * time.Second

// RunSocketMode connects to Slack over Socket Mode and answers slash commands until ctx is
// done, then returns nil. slack-go reconnects by itself when Slack asks it to or the connection
// drops; RunSocketMode returns an error only if the tokens are missing or Slack refuses them.
// Each command is answered in its acknowledgement, with the same JSON as the HTTP handler;
// other requests that need an acknowledgement get an empty one.
func RunSocketMode(ctx context.Context, a Answerer, o SocketOptions) error {
	if o.BotToken == "" {
		return errors.New("slack socket mode: no bot token (SLACK_BOT_TOKEN)")
	}
	if !strings.HasPrefix(o.AppToken, "xapp-") {
		return errors.New("slack socket mode: the app token (SLACK_APP_TOKEN) must be an app-level token starting with xapp-")
	}
	opts := []slack.Option{slack.OptionAppLevelToken(o.AppToken)}
	if o.APIURL != "" {
		u := o.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slack.OptionAPIURL(u))
	}
	client := socketmode.New(slack.New(o.BotToken, opts...))
	rs := newResponder(a, o.Command, o.Logger, o.Metrics, "socket")

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- client.RunContext(runCtx) }()
	for {
		select {
		case evt := <-client.Events:
			rs.handleEvent(runCtx, evt, client.Ack)
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack socket mode: %w", err)
		case <-ctx.Done():
			cancel()
			select {
			case <-done:
			case <-time.After(shutdownWait):
				rs.log.Warn("socket mode did not close in time")
			}
			return nil
		}
	}
}

// ackFunc acknowledges a Socket Mode request, as socketmode.Client.Ack does.
type ackFunc func(req socketmode.Request, payload ...any) error

// handleEvent answers slash commands, acknowledges other requests, and logs connection events.
// It never logs payloads: they hold message text.
func (rs *responder) handleEvent(ctx context.Context, evt socketmode.Event, ack ackFunc) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			rs.log.Warn("slash command event without a command")
			return
		}
		start := time.Now()
		body, outcome, responseType, err := rs.respond(ctx, cmd)
		if err == nil {
			err = ack(*evt.Request, json.RawMessage(body))
		}
		if err != nil {
			rs.log.LogAttrs(ctx, slog.LevelError, "slash command not answered", slog.String("error", err.Error()))
			_ = ack(*evt.Request)
			outcome = "failed"
		}
		rs.logCommand(ctx, cmd, outcome, responseType, time.Since(start))
	case socketmode.EventTypeConnecting:
		rs.log.Debug("connecting")
	case socketmode.EventTypeConnected:
		rs.log.Info("connected")
	case socketmode.EventTypeHello:
		rs.log.Debug("hello")
	case socketmode.EventTypeConnectionError:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*slack.ConnectionErrorEvent); ok && e.ErrorObj != nil {
			attrs = append(attrs, slog.Int("attempt", e.Attempt), slog.Duration("backoff", e.Backoff), slog.String("error", e.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "connection failed; retrying", attrs...)
	case socketmode.EventTypeInvalidAuth:
		rs.log.Error("slack refused the tokens")
	case socketmode.EventTypeIncomingError:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*slack.IncomingEventError); ok && e.ErrorObj != nil {
			attrs = append(attrs, slog.String("error", e.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "read failed", attrs...)
	case socketmode.EventTypeErrorBadMessage:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*socketmode.ErrorBadMessage); ok && e.Cause != nil {
			attrs = append(attrs, slog.String("error", e.Cause.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "unreadable message from slack", attrs...)
	case socketmode.EventTypeErrorWriteFailed:
		attrs := []slog.Attr{}
		if e, ok := evt.Data.(*socketmode.ErrorWriteFailed); ok && e.Cause != nil {
			attrs = append(attrs, slog.String("error", e.Cause.Error()))
		}
		rs.log.LogAttrs(ctx, slog.LevelWarn, "write failed", attrs...)
	default:
		// Events API and interactive requests: not used by this app, but Slack retries
		// anything not acknowledged.
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			if err := ack(*evt.Request); err != nil {
				rs.log.LogAttrs(ctx, slog.LevelWarn, "ack failed", slog.String("type", string(evt.Type)), slog.String("error", err.Error()))
			}
		}
	}
}
