package slack

import (
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
)

const (
	// maxBody bounds a slash command request; real ones are well under 4 KiB.
	maxBody = 64 << 10
	// replayWindow is how long a signature is remembered. Slack's verifier accepts a
	// timestamp up to five minutes either side of now, so a request stamped five minutes
	// ahead stays acceptable for ten.
	replayWindow = 10 * time.Minute
	// replayLimit bounds the remembered signatures (about 10 MB at most): 218 requests a
	// second, sustained, before the oldest are forgotten early.
	replayLimit = 1 << 17
	formType    = "application/x-www-form-urlencoded"
)

// Options configure the HTTP slash command handler.
type Options struct {
	// SigningSecret is the app's signing secret (Basic Information > App Credentials). Every
	// request must be signed with it. Empty means every request fails with 500.
	SigningSecret string
	// Command is the slash command as registered in the app, default "/backpain". It is named
	// in the help text; a request for another command of the same app is still answered.
	Command string
	// Logger receives one line per request; nil discards them.
	Logger *slog.Logger
	// Metrics counts requests; nil counts nothing.
	Metrics Recorder
	// Now is the clock for the replay window and timings; nil means time.Now. (slack-go
	// checks the request timestamp against the real clock.)
	Now func() time.Time
}

// handler serves Slack slash commands over HTTP.
type handler struct {
	responder
	secret  string
	now     func() time.Time
	seen    *seenSet
	evicted atomic.Bool
}

// NewHandler returns the HTTP handler for the slash command; mount it at /slack/commands
// (the Request URL in the app manifest). It checks, in order: the method is POST (else 405);
// the signature headers are present and the timestamp within five minutes (else 401); the
// body is at most 64 KiB (else 413); the signature matches the body (else 401) and was not
// seen before (else 401); the body is a well-formed URL-encoded form (else 400). Nothing but
// the method is judged before the signature is verified. Rejections say only the status, never
// echo the body, and log one line with the reason. A valid command is answered in the response
// as JSON.
//
// The server's timeouts are the caller's; answering takes well under a millisecond.
func NewHandler(a Answerer, o Options) http.Handler {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	return &handler{
		responder: newResponder(a, o.Command, o.Logger, o.Metrics, "http"),
		secret:    o.SigningSecret,
		now:       now,
		seen:      newSeenSet(replayWindow, replayLimit),
	}
}

// Reasons a request is rejected, as logged.
const (
	reasonMethod        = "method_not_allowed"
	reasonNoSecret      = "signing_secret_not_set"
	reasonMissingHeader = "missing_signature_headers"
	reasonExpired       = "timestamp_out_of_window"
	reasonBadHeader     = "malformed_signature_headers"
	reasonBadSignature  = "bad_signature"
	reasonReplay        = "replayed_signature"
	reasonTooLarge      = "body_too_large"
	reasonReadError     = "body_read_error"
	reasonContentType   = "unsupported_content_type"
	reasonMalformedForm = "malformed_form"
	reasonRender        = "render_failed"
)

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := h.now()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.reject(w, r, start, http.StatusMethodNotAllowed, reasonMethod)
		return
	}
	if h.secret == "" {
		h.reject(w, r, start, http.StatusInternalServerError, reasonNoSecret)
		return
	}
	// The signature comes first: headers and freshness now, the body as it is read.
	sv, err := slack.NewSecretsVerifier(r.Header, h.secret)
	if err != nil {
		h.reject(w, r, start, http.StatusUnauthorized, verifierReason(err))
		return
	}
	if r.Body == nil {
		r.Body = http.NoBody
	}
	r.Body = io.NopCloser(io.TeeReader(http.MaxBytesReader(w, r.Body, maxBody), &sv))
	form := isForm(r.Header.Get("Content-Type"))
	var cmd slack.SlashCommand
	var parseErr error
	if form {
		cmd, parseErr = slack.SlashCommandParse(r)
	}
	// Read what parsing left, so the signature covers the whole body whatever its type.
	_, readErr := io.Copy(io.Discard, r.Body)
	switch {
	case tooLarge(parseErr) || tooLarge(readErr):
		h.reject(w, r, start, http.StatusRequestEntityTooLarge, reasonTooLarge)
		return
	case readErr != nil:
		h.reject(w, r, start, http.StatusBadRequest, reasonReadError)
		return
	}
	if sv.Ensure() != nil {
		h.reject(w, r, start, http.StatusUnauthorized, reasonBadSignature)
		return
	}
	fresh, evicted := h.seen.add(signatureKey(r.Header), start)
	if evicted && !h.evicted.Swap(true) {
		h.log.LogAttrs(r.Context(), slog.LevelWarn, "replay cache full: forgetting the oldest signatures early",
			slog.Int("limit", replayLimit))
	}
	if !fresh {
		h.reject(w, r, start, http.StatusUnauthorized, reasonReplay)
		return
	}
	if !form {
		h.reject(w, r, start, http.StatusBadRequest, reasonContentType)
		return
	}
	if parseErr != nil {
		h.reject(w, r, start, http.StatusBadRequest, reasonMalformedForm)
		return
	}

	body, outcome, responseType, err := h.respond(r.Context(), cmd)
	if err != nil {
		h.reject(w, r, start, http.StatusInternalServerError, reasonRender)
		return
	}
	h.logCommand(r.Context(), cmd, outcome, responseType, h.now().Sub(start))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

// reject answers with status and its standard text only, and logs one line without the body.
func (h *handler) reject(w http.ResponseWriter, r *http.Request, start time.Time, status int, reason string) {
	elapsed := h.now().Sub(start)
	if h.metrics != nil {
		h.metrics.Request(adapterName, outcomeRejected, elapsed)
	}
	level := slog.LevelWarn
	if status >= 500 {
		level = slog.LevelError
	}
	h.log.LogAttrs(r.Context(), level, "request rejected",
		slog.String("reason", reason),
		slog.Int("status", status),
		slog.Duration("duration", elapsed),
	)
	http.Error(w, http.StatusText(status), status)
}

func verifierReason(err error) string {
	switch {
	case errors.Is(err, slack.ErrMissingHeaders):
		return reasonMissingHeader
	case errors.Is(err, slack.ErrExpiredTimestamp):
		return reasonExpired
	case errors.Is(err, slack.ErrInvalidSignature):
		return reasonBadSignature
	}
	// A signature that is not hex, or a timestamp that is not a number.
	return reasonBadHeader
}

// signatureKey is the signature a verified request carries, decoded, so that the same
// signature spelt in upper case is still the same.
func signatureKey(h http.Header) [32]byte {
	var k [32]byte
	sig, _ := strings.CutPrefix(h.Get("X-Slack-Signature"), "v0=")
	_, _ = hex.Decode(k[:], []byte(sig))
	return k
}

func isForm(contentType string) bool {
	if contentType == formType {
		return true
	}
	t, _, err := mime.ParseMediaType(contentType)
	return err == nil && t == formType
}

func tooLarge(err error) bool {
	var mb *http.MaxBytesError
	return errors.As(err, &mb)
}
