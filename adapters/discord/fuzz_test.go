package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// fakeRest records what the handlers send instead of calling Discord.
type fakeRest struct {
	mu   sync.Mutex
	sent []request
}

func (f *fakeRest) record(path string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	f.mu.Lock()
	f.sent = append(f.sent, request{Method: "POST", Path: path, Body: b})
	f.mu.Unlock()
}

func (f *fakeRest) sendMessage(_ context.Context, _ string, m *discordgo.MessageSend) (restResult, error) {
	f.record("message", m)
	return restResult{remaining: -1}, nil
}

func (f *fakeRest) callback(_ context.Context, _ *discordgo.Interaction, r any) (restResult, error) {
	f.record("callback", r)
	return restResult{remaining: -1}, nil
}

func (f *fakeRest) editOriginal(_ context.Context, _, _ string, e *discordgo.WebhookEdit) (restResult, error) {
	f.record("edit", e)
	return restResult{remaining: -1}, nil
}

func (f *fakeRest) followup(_ context.Context, _, _ string, p *discordgo.WebhookParams) (restResult, error) {
	f.record("followup", p)
	return restResult{remaining: -1}, nil
}

func (f *fakeRest) registerCommands(context.Context, string, string, []*discordgo.ApplicationCommand) error {
	return nil
}

func (f *fakeRest) gatewayBot(context.Context) (string, int, error) {
	return "", 0, errors.New("offline")
}

// take returns and forgets what was sent.
func (f *fakeRest) take() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.sent
	f.sent = nil
	return s
}

// offlineAdapter is an adapter with the real bot whose handlers send to a fakeRest; it never
// connects.
func offlineAdapter(t testing.TB) (*Adapter, *fakeRest) {
	t.Helper()
	a, err := New(realBot(), Options{Token: fakeToken, Ephemeral: true, PerMinute: 1e9, Burst: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	fr := &fakeRest{}
	a.api = fr
	id := fakeBotID
	a.selfID.Store(&id)
	return a, fr
}

// FuzzMessageText sends arbitrary text as a mention, a DM and a slash command, and checks that
// nothing panics, every reply ends with the disclaimer in its last message, and every message
// is within Discord's limits and pings nobody.
func FuzzMessageText(f *testing.F) {
	seeds := []string{
		"", "help", "HELP?", "what is sciatica", "how long does lower back pain last",
		"i cant pee and my back hurts", "numb down there", "fell off a ladder",
		"<@" + fakeBotID + ">", "<@!" + fakeBotID + "> what is sciatica", "<@123> <@&456> @everyone @here",
		"**bold** _it_ ~~s~~ ||spoiler|| `code` > quote # heading - list 1. one",
		"https://example.com/a_b", "\x00\xff\xfe invalid", "🙂🙃" + strings.Repeat("é", 600),
		strings.Repeat("back pain ", 500), strings.Repeat("x", 5000), "\n\n\n", "   ",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	a, fr := offlineAdapter(f)
	disclaimer := realBot().FAQ().Disclaimer
	f.Fuzz(func(t *testing.T, text string) {
		now := time.Now()
		for _, m := range []*discordgo.Message{
			{ID: "1", ChannelID: "2", GuildID: "3", Content: "<@" + fakeBotID + "> " + text, Author: &discordgo.User{ID: "4"}},
			{ID: "1", ChannelID: "2", Content: text, Author: &discordgo.User{ID: "4"}},
		} {
			a.answerMessage(m, now)
			var msgs []sent
			for _, r := range fr.take() {
				msgs = append(msgs, sentMessage(t, r))
			}
			checkMessages(t, msgs, disclaimer)
		}

		i := &discordgo.Interaction{ID: "5", Token: "tok", Type: discordgo.InteractionApplicationCommand,
			User: &discordgo.User{ID: "4"},
			Data: discordgo.ApplicationCommandInteractionData{Name: "backpain", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: text},
			}}}
		press := &discordgo.Interaction{ID: "6", Token: "tok", Type: discordgo.InteractionMessageComponent,
			User: &discordgo.User{ID: "4"}, Data: discordgo.MessageComponentInteractionData{CustomID: text}}
		for _, i := range []*discordgo.Interaction{i, press} {
			a.answerInteraction(i, now, a.gatewayResponder(i))
			var msgs []sent
			for n, r := range fr.take() {
				if n == 0 {
					msgs = append(msgs, sentCallback(t, r))
				} else {
					msgs = append(msgs, sentMessage(t, r))
				}
			}
			checkMessages(t, msgs, disclaimer)
		}
	})
}

func TestOfflineReplies(t *testing.T) {
	a, fr := offlineAdapter(t)
	b := realBot()
	help := render(b.Help())
	now := time.Now()
	tests := []struct {
		name    string
		content string
		want    []part
	}{
		{"mention only", "<@" + fakeBotID + ">", help},
		{"help", "<@!" + fakeBotID + "> help", help},
		{"help with a question mark", "<@" + fakeBotID + "> Help?", help},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.answerMessage(&discordgo.Message{ID: "1", ChannelID: "2", GuildID: "3", Content: tt.content, Author: &discordgo.User{ID: "4"}}, now)
			got := fr.take()
			if len(got) != len(tt.want) {
				t.Fatalf("sent %d messages; want %d", len(got), len(tt.want))
			}
			for i, r := range got {
				if m := sentMessage(t, r); m.Content != tt.want[i].Content {
					t.Errorf("message %d:\n%s\nwant:\n%s", i, m.Content, tt.want[i].Content)
				}
			}
		})
	}

	t.Run("unknown command", func(t *testing.T) {
		i := &discordgo.Interaction{ID: "5", Token: "tok", Type: discordgo.InteractionApplicationCommand,
			User: &discordgo.User{ID: "4"}, Data: discordgo.ApplicationCommandInteractionData{Name: "other"}}
		a.answerInteraction(i, now, a.gatewayResponder(i))
		got := fr.take()
		if len(got) != 1 {
			t.Fatalf("sent %d messages; want 1", len(got))
		}
		m := sentCallback(t, got[0])
		checkMessages(t, []sent{m}, b.FAQ().Disclaimer)
		if !strings.HasPrefix(m.Content, "Sorry") || m.Flags != 64 {
			t.Errorf("reply %q flags %d; want an ephemeral apology", m.Content, m.Flags)
		}
	})
	t.Run("interaction without data", func(t *testing.T) {
		i := &discordgo.Interaction{ID: "5", Token: "tok", Type: discordgo.InteractionApplicationCommand}
		a.answerInteraction(i, now, a.gatewayResponder(i))
		if got := fr.take(); len(got) != 1 {
			t.Fatalf("sent %d messages; want 1", len(got))
		}
	})
}

// FuzzInteractionBody signs arbitrary bodies with the endpoint's key and serves them: nothing
// panics or hangs, a signed fresh request is never refused as forged, anything that is not an
// interaction gets 400, and every answer (the response and its follow-ups) ends with the
// disclaimer within Discord's limits.
func FuzzInteractionBody(f *testing.F) {
	for _, seed := range []map[string]any{
		{"id": "1", "type": 1},
		command("2", "tok", "5", "what is sciatica"),
		command("3", "tok", "5", strings.Repeat("back pain ", 300)),
		press("4", "tok", "5", showPrefix+"sciatica"),
		press("5", "tok", "5", "forged"),
		autocompleteEvent("6", "tok", "sciat"),
		{"id": "7", "type": 2, "data": map[string]any{"name": "other"}},
		{"id": "8", "type": 3, "data": "not an object"},
	} {
		b, _ := json.Marshal(seed)
		f.Add(string(b))
	}
	for _, s := range []string{"", "{", "null", "[]", `{"type":99}`, `{"type":2,"data":null}`, "\x00\xff"} {
		f.Add(s)
	}
	pub, priv, _ := ed25519.GenerateKey(nil)
	a, err := New(realBot(), Options{PublicKey: hex.EncodeToString(pub), ApplicationID: fakeAppID, PerMinute: 1e9, Burst: 1 << 30})
	if err != nil {
		f.Fatal(err)
	}
	fr := &fakeRest{}
	a.api = fr
	disclaimer := realBot().FAQ().Disclaimer
	f.Fuzz(func(t *testing.T, body string) {
		w := httptest.NewRecorder()
		a.Handler().ServeHTTP(w, signed(body, priv, time.Now()))
		a.wg.Wait()
		followups := fr.take()
		switch w.Code {
		case http.StatusOK:
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			return
		default:
			t.Fatalf("status %d for a signed, fresh request: %s", w.Code, w.Body)
		}
		var c callback
		if err := json.Unmarshal(w.Body.Bytes(), &c); err != nil {
			t.Fatalf("response is not JSON: %s", w.Body)
		}
		switch c.Type {
		case 1, 8:
			return
		case 4:
			msgs := []sent{sentCallback(t, request{Path: "response", Body: w.Body.Bytes()})}
			for _, r := range followups {
				msgs = append(msgs, sentMessage(t, r))
			}
			checkMessages(t, msgs, disclaimer)
		default:
			t.Fatalf("response type %d: %s", c.Type, w.Body)
		}
	})
}
