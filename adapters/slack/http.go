package slack

import (
	"context"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/backpainbot/backpainbot/adapters/store"
)

const (
	// maxBody bounds a slash command request; real ones are well under 4 KiB.
	maxBody = 64 << 10
	// replayWindow is how long a signature is remembered. Slack's verifier accepts a
	// timestamp up to five minutes either side of now, so a request stamped five minutes
	// ahead stays acceptable for ten.
	replayWindow = 10 * time.Minute
	// maxSSLCheck bounds the unsigned body read to answer Slack's certificate check.
	maxSSLCheck = 1 << 10
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
	// Now is the clock for timings; nil means time.Now. (slack-go checks the request
	// timestamp against the real clock.)
	Now func() time.Time
	// Store remembers signatures (replay protection) and rate-limit buckets. Share one
	// Redis-backed store between replicas so that each refuses what another has seen; nil
	// keeps them in this process. When the store fails, requests are refused with 503.
	Store Shared
	// RateLimit limits each user's questions; the zero value does not limit them.
	RateLimit store.Rate
	// AckAfter is how long an answer may take before the request is acknowledged with an
	// empty 200 and the answer posted to the command's response_url instead (Slack waits 3 s
	// at most); 0 means 2 s.
	AckAfter time.Duration
	// ResponseClient posts late answers to response_url; nil uses a client with a 10 s timeout.
	ResponseClient *http.Client
	// AllowResponseURL says which response_url may receive a late answer; nil allows only
	// https://hooks.slack.com/..., so a forged form cannot make the bot post elsewhere. Tests
	// inject their own.
	AllowResponseURL func(*url.URL) bool
}

// Shared is what the handler needs from a store shared by replicas; store.Store has it.
type Shared interface {
	SeenFirst(ctx context.Context, key string, ttl time.Duration) (bool, error)
	Allow(ctx context.Context, key string, r store.Rate) (bool, error)
}

var _ Shared = store.Store(nil)

// handler serves Slack slash commands over HTTP.
type handler struct {
	responder
	secret    string
	now       func() time.Time
	storeDown atomic.Bool
}

// NewHandler returns the HTTP handler for the slash command; mount it at /slack/commands
// (the Request URL in the app manifest). It checks, in order: the method is POST (else 405);
// the signature headers are present and the timestamp within five minutes (else 401, except
// that Slack's unsigned certificate check, a small form with ssl_check=1, gets an empty 200);
// the body is at most 64 KiB (else 413); the signature matches the body (else 401) and was
// not seen before by any replica sharing the store (else 401; 503 if the store cannot say);
// the body is a well-formed URL-encoded form (else 400). Nothing but the method and the
// certificate check is judged before the signature is verified. Rejections say only the
// status, never echo the body, and log one line with the reason.
//
// A valid command is answered in the response as JSON, or, if the answer is not ready within
// AckAfter, acknowledged with an empty 200 and posted to its response_url when ready. A user
// over the rate limit gets a short notice instead of an answer.
func NewHandler(a Answerer, o Options) http.Handler {
	h := &handler{
		responder: newResponder(a, o.Command, o.Logger, o.Metrics, "http"),
		secret:    o.SigningSecret,
		now:       o.Now,
	}
	h.delivery = delivery{
		store:    o.Store,
		rate:     o.RateLimit,
		ackAfter: o.AckAfter,
		client:   o.ResponseClient,
		allowURL: o.AllowResponseURL,
	}.withDefaults()
	if h.now == nil {
		h.now = time.Now
	}
	return h
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
	reasonStoreDown     = "store_unavailable"
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
	if r.Body == nil {
		r.Body = http.NoBody
	}
	if unsigned(r.Header) && h.sslCheck(w, r) {
		return
	}
	// The signature comes first: headers and freshness now, the body as it is read.
	sv, err := slack.NewSecretsVerifier(r.Header, h.secret)
	if err != nil {
		h.reject(w, r, start, http.StatusUnauthorized, verifierReason(err))
		return
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
	fresh, err := h.store.SeenFirst(r.Context(), replayKey(r.Header), replayWindow)
	if err != nil {
		// Fail closed: a request the store cannot vouch for may be a replay.
		h.storeFailed(r, err)
		h.reject(w, r, start, http.StatusServiceUnavailable, reasonStoreDown)
		return
	}
	h.storeOK()
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
	if r.PostForm.Get("ssl_check") == "1" {
		w.WriteHeader(http.StatusOK)
		return
	}
	h.answer(w, r, cmd, start)
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

// replayKey names the signature a verified request carries in the store: decoded and
// re-encoded, so that the same signature spelt in upper case is still the same.
func replayKey(h http.Header) string {
	var k [32]byte
	sig, _ := strings.CutPrefix(h.Get("X-Slack-Signature"), "v0=")
	_, _ = hex.Decode(k[:], []byte(sig))
	return "slack:replay:" + hex.EncodeToString(k[:])
}

// unsigned reports whether a request carries neither signature header, as Slack's
// certificate check does.
func unsigned(h http.Header) bool {
	return h.Get("X-Slack-Signature") == "" && h.Get("X-Slack-Request-Timestamp") == ""
}

// sslCheck answers Slack's certificate check, an unsigned POST of a small form with
// ssl_check=1, with an empty 200, as Slack's own SDKs do, and reports whether it did. It reads
// at most 1 KiB and judges nothing else; anything that is not a certificate check goes on to
// be refused for its missing signature.
func (h *handler) sslCheck(w http.ResponseWriter, r *http.Request) bool {
	if !isForm(r.Header.Get("Content-Type")) || r.ContentLength > maxSSLCheck {
		return false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxSSLCheck+1))
	if err != nil || len(data) > maxSSLCheck {
		return false
	}
	v, err := url.ParseQuery(string(data))
	if err != nil || v.Get("ssl_check") != "1" {
		return false
	}
	h.log.LogAttrs(r.Context(), slog.LevelDebug, "ssl check answered")
	w.WriteHeader(http.StatusOK)
	return true
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
