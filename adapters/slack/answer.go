package slack

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/slack-go/slack"

	"github.com/backpainbot/backpainbot/adapters/store"
	"github.com/backpainbot/backpainbot/bot"
)

const (
	// defaultAckAfter leaves a second of Slack's three for the network.
	defaultAckAfter = 2 * time.Second
	// lateAnswerTimeout bounds an answer that missed AckAfter, and its post to response_url.
	// Slack accepts posts to a response_url for 30 minutes; nothing here should take that long.
	lateAnswerTimeout = 20 * time.Second
	// postTimeout bounds one post to response_url.
	postTimeout = 10 * time.Second
	// slackHooksHost is the only host a response_url may name.
	slackHooksHost = "hooks.slack.com"
	// Outcome of a user over the rate limit; and of a late answer that could not be posted.
	outcomeRateLimited = "rate_limited"
	outcomeFailed      = "failed"
	// rateNotice is what a user over the rate limit is told.
	rateNotice = "You have asked several questions in a short time. Please wait a minute and ask again."
)

// slackResponseURL reports whether u is a response_url Slack would issue:
// https://hooks.slack.com/... with no credentials and the default port.
func slackResponseURL(u *url.URL) bool {
	return u.Scheme == "https" && u.Hostname() == slackHooksHost && u.Port() == "" && u.User == nil
}

// delivery is how a finished answer reaches Slack, the same in both modes: the store and
// rate for the per-user limit, and the late path through response_url.
type delivery struct {
	store    Shared
	rate     store.Rate
	ackAfter time.Duration
	client   *http.Client
	allowURL func(*url.URL) bool
}

// withDefaults fills in what is unset: an in-process store, 2 s, a client with a timeout that
// follows no redirects, and Slack's hooks host only.
func (d delivery) withDefaults() delivery {
	if d.store == nil {
		d.store = store.NewMemory()
	}
	if d.ackAfter <= 0 {
		d.ackAfter = defaultAckAfter
	}
	if d.client == nil {
		// No redirects: the answer goes to the allowed host or nowhere.
		d.client = &http.Client{
			Timeout:       postTimeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	if d.allowURL == nil {
		d.allowURL = slackResponseURL
	}
	return d
}

// result is a finished answer.
type result struct {
	body                  []byte
	outcome, responseType string
	err                   error
}

// sendFunc hands a reply to Slack the way the command came (HTTP response, Socket Mode
// acknowledgement); a nil body is an empty acknowledgement.
type sendFunc func(body []byte) error

// deliver answers cmd through send if the answer is ready within ackAfter, or else
// acknowledges it now with send(nil) and posts the answer to response_url once ready. It logs
// the command when it is answered. It returns the error, outcome and response type only when
// the answer could not be made or sent, for the caller to report its own way.
func (rs *responder) deliver(ctx context.Context, cmd slack.SlashCommand, start time.Time, send sendFunc) (res result) {
	// The answer may outlive the request, so it gets its own deadline.
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), lateAnswerTimeout)
	done := make(chan result, 1)
	go func() {
		var r result
		r.body, r.outcome, r.responseType, r.err = rs.limitedRespond(actx, cmd)
		done <- r
	}()
	timer := time.NewTimer(rs.ackAfter)
	defer timer.Stop()
	select {
	case res = <-done:
	case <-timer.C:
		if u, ok := rs.responseURL(cmd.ResponseURL); ok {
			if err := send(nil); err != nil { // Slack's acknowledgement: nothing shown yet
				cancel()
				return result{err: err, outcome: outcomeFailed}
			}
			go func() {
				defer cancel()
				rs.postLate(actx, u, cmd, <-done, start)
			}()
			return result{}
		}
		// Nowhere to post later: answer here, late as it is.
		rs.log.LogAttrs(ctx, slog.LevelWarn, "slow answer and no usable response_url; answering in time or not at all")
		res = <-done
	}
	cancel()
	if res.err == nil {
		res.err = send(res.body)
	}
	if res.err != nil {
		return res
	}
	rs.logCommand(ctx, cmd, res.outcome, res.responseType, time.Since(start))
	return result{}
}

// answer replies to a verified HTTP command: in the response if the answer is ready within
// ackAfter, or else with an empty 200 now and a post to response_url once it is.
func (h *handler) answer(w http.ResponseWriter, r *http.Request, cmd slack.SlashCommand, start time.Time) {
	res := h.deliver(r.Context(), cmd, start, func(body []byte) error {
		if body == nil {
			w.WriteHeader(http.StatusOK)
			return nil
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(body)
		return nil
	})
	if res.err != nil {
		h.reject(w, r, start, http.StatusInternalServerError, reasonRender)
	}
}

// responseURL parses raw and reports whether a late answer may be posted there.
func (rs *responder) responseURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(raw)
	if err != nil || raw == "" || !rs.allowURL(u) {
		return nil, false
	}
	return u, true
}

// postLate posts a finished answer to response_url and logs the outcome. The URL is never
// logged: it is a credential for posting into the channel.
func (rs *responder) postLate(ctx context.Context, u *url.URL, cmd slack.SlashCommand, res result, start time.Time) {
	err := res.err
	if err == nil {
		err = rs.post(ctx, u, res.body)
	}
	if err != nil {
		rs.log.LogAttrs(ctx, slog.LevelError, "late answer not delivered to response_url", slog.String("error", err.Error()))
		res.outcome = outcomeFailed
	}
	rs.log.LogAttrs(ctx, slog.LevelInfo, "answer was late: acknowledged, then posted to response_url",
		slog.Bool("delivered", err == nil))
	rs.logCommand(ctx, cmd, res.outcome, res.responseType, time.Since(start))
}

// post sends body as JSON to u.
func (rs *responder) post(ctx context.Context, u *url.URL, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, postTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("post to response_url: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := rs.client.Do(req)
	if err != nil {
		// The error names the URL; say only what went wrong.
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err
		}
		return fmt.Errorf("post to response_url: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("post to response_url: status %d", resp.StatusCode)
	}
	return nil
}

// limitedRespond answers cmd, or tells a user over the rate limit to wait. The rate limit
// fails open: a store that cannot be reached is already refusing requests at the replay check.
func (rs *responder) limitedRespond(ctx context.Context, cmd slack.SlashCommand) (body []byte, outcome, responseType string, err error) {
	if rs.rate.PerMinute > 0 {
		ok, err := rs.store.Allow(ctx, rateKey(cmd.TeamID, cmd.UserID), rs.rate)
		if err != nil {
			rs.log.LogAttrs(ctx, slog.LevelWarn, "rate limit not checked", slog.String("error", err.Error()))
		} else if !ok {
			notice := bot.Reply{Intro: rateNotice, Disclaimer: rs.a.Help().Disclaimer}
			body, err = payload(notice, slack.ResponseTypeEphemeral, "")
			return body, outcomeRateLimited, slack.ResponseTypeEphemeral, err
		}
	}
	return rs.respond(ctx, cmd)
}

// rateKey names a user's bucket: a hash of team and user, so the store holds no raw ids.
func rateKey(team, user string) string {
	sum := sha256.Sum256([]byte(team + "/" + user))
	return "slack:user:" + hex.EncodeToString(sum[:12])
}

// storeFailed logs the store's failure once until it recovers.
func (h *handler) storeFailed(r *http.Request, err error) {
	if !h.storeDown.Swap(true) {
		h.log.LogAttrs(r.Context(), slog.LevelError, "store unavailable: refusing slash commands until it is back",
			slog.String("error", err.Error()))
	}
}

// storeOK notes that the store answered.
func (h *handler) storeOK() {
	if h.storeDown.Swap(false) {
		h.log.Info("store available again")
	}
}
