package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

const (
	// maxBody bounds an interaction request's body; real ones are a few kB.
	maxBody = 64 << 10
	// maxSkew is how old (or how far ahead) a request's signed timestamp may be. The signature
	// alone does not expire, so without this a captured request could be replayed for ever.
	maxSkew = 5 * time.Minute
	// firstResponseWait bounds how long the endpoint holds the request open for the first
	// response; answerInteraction defers well before it.
	firstResponseWait = 2900 * time.Millisecond
)

var errAnswered = errors.New("the interaction's HTTP request has been answered already")

// Handler returns the HTTP interactions endpoint, for "POST /discord/interactions": Discord
// sends each interaction there, signed with the application's key, instead of over the gateway.
// Requests with a bad signature, or a timestamp more than five minutes off, get 401. PING gets
// {"type":1}; slash commands, buttons and autocomplete are answered in the response (deferred
// when the answer is slow), and the rest of a long reply follows through the interaction's
// webhook, which needs no bot token. The handler keeps no state between requests, so replicas
// behind a load balancer can share the endpoint. It answers 404 unless Options.PublicKey is set.
func (a *Adapter) Handler() http.Handler { return http.HandlerFunc(a.serveInteraction) }

func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	if a.pubKey == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "request body too large or unreadable", http.StatusRequestEntityTooLarge)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, a.pubKey) || !fresh(r.Header.Get("X-Signature-Timestamp"), a.now()) {
		a.log.Warn("refused a Discord interaction request: bad signature or stale timestamp", "remote", r.RemoteAddr)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	i, err := parseInteraction(body)
	if err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	received := a.now()
	switch i.Type {
	case discordgo.InteractionPing:
		writeJSON(w, map[string]int{"type": int(discordgo.InteractionResponsePong)})
	case discordgo.InteractionApplicationCommandAutocomplete:
		writeJSON(w, a.autocompleteFor(i))
		a.done("autocomplete", OutcomeAutocomplete, 1, received, "guild_id", i.GuildID, "interaction_id", i.ID)
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		a.serveAnswer(w, r, i, received)
	default:
		http.Error(w, "unsupported interaction type", http.StatusBadRequest)
	}
}

// serveAnswer answers a command or button in the HTTP response, handing the rest of the reply
// (or the edit after a deferral) to a goroutine that outlives the request.
func (a *Adapter) serveAnswer(w http.ResponseWriter, r *http.Request, i *discordgo.Interaction, received time.Time) {
	first := make(chan any, 1)
	gone := make(chan struct{})
	respond := func(ctx context.Context, resp any) (restResult, error) {
		select {
		case <-gone:
			return restResult{}, errAnswered
		default:
		}
		select {
		case first <- resp:
			return restResult{remaining: -1}, nil
		default:
			return restResult{}, errAnswered
		}
	}
	if !a.spawn(func() { a.answerInteraction(i, received, respond) }) {
		a.done("interaction", OutcomeOverloaded, 0, received, "interaction_id", i.ID)
		rep := render(a.note(busyText))[0]
		writeJSON(w, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: rep.Content, AllowedMentions: noPings(), Flags: discordgo.MessageFlagsEphemeral},
		})
		return
	}
	t := time.NewTimer(firstResponseWait)
	defer t.Stop()
	select {
	case resp := <-first:
		close(gone)
		writeJSON(w, resp)
	case <-t.C:
		close(gone)
		http.Error(w, "no answer in time", http.StatusServiceUnavailable)
	case <-r.Context().Done():
		close(gone)
	}
}

// parseInteraction decodes an interaction request's body.
func parseInteraction(body []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, err
	}
	if i.Type == 0 {
		return nil, errors.New("interaction has no type")
	}
	return &i, nil
}

// fresh reports whether a signed timestamp (Unix seconds) is within maxSkew of now.
func fresh(ts string, now time.Time) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := now.Sub(time.Unix(sec, 0))
	return d <= maxSkew && d >= -maxSkew
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}
