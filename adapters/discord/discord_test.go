package discord

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

// realBot is the bot with the built-in FAQ.
func realBot() *bot.Bot { return bot.New(faq.Default(), bot.Options{}) }

// sent is a message as the bot sent it: a channel message, an interaction response's data or a
// follow-up. Flags and ephemerality only apply to the latter two.
type sent struct {
	Content         string `json:"content"`
	Flags           int    `json:"flags"`
	AllowedMentions *struct {
		Parse       []string `json:"parse"`
		RepliedUser bool     `json:"replied_user"`
	} `json:"allowed_mentions"`
	Components []struct {
		Type       int `json:"type"`
		Components []struct {
			Type     int    `json:"type"`
			Label    string `json:"label"`
			Style    int    `json:"style"`
			CustomID string `json:"custom_id"`
		} `json:"components"`
	} `json:"components"`
	Embeds    []json.RawMessage `json:"embeds"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	raw string
}

// callback is an interaction response.
type callback struct {
	Type int             `json:"type"`
	Data json.RawMessage `json:"data"`
}

// sentMessage decodes a channel message or follow-up.
func sentMessage(t testing.TB, r request) sent {
	t.Helper()
	var s sent
	r.decode(t, &s)
	s.raw = string(r.Body)
	return s
}

// sentCallback decodes an interaction response of type 4 and returns its message.
func sentCallback(t testing.TB, r request) sent {
	t.Helper()
	var c callback
	r.decode(t, &c)
	if c.Type != 4 {
		t.Errorf("%s: interaction response type %d; want 4 (channel message with source)", r.Path, c.Type)
	}
	s := sent{raw: string(c.Data)}
	if err := json.Unmarshal(c.Data, &s); err != nil {
		t.Fatalf("%s: %v", r.Path, err)
	}
	return s
}

// customIDs lists the buttons of a message.
func (s sent) customIDs() []string {
	var ids []string
	for _, row := range s.Components {
		for _, b := range row.Components {
			ids = append(ids, b.CustomID)
		}
	}
	return ids
}

// checkMessages checks one reply's messages against Discord's limits and our rules: nobody is
// pinged, the disclaimer ends the last message and appears in no other, buttons only on the last.
func checkMessages(t testing.TB, msgs []sent, disclaimer string) {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatal("no messages")
	}
	disclaimer = escapeMarkdown(strings.TrimSpace(disclaimer))
	for i, m := range msgs {
		if n := utf8.RuneCountInString(m.Content); n == 0 || n > 2000 || len(m.Content) > 2000 {
			t.Errorf("message %d: content is %d characters (%d bytes); want 1..2000", i, n, len(m.Content))
		}
		if !utf8.ValidString(m.Content) {
			t.Errorf("message %d: content is not valid UTF-8", i)
		}
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 || m.AllowedMentions.RepliedUser {
			t.Errorf("message %d: allowed_mentions is not {parse: [], replied_user: false}: %s", i, m.raw)
		}
		if !strings.Contains(m.raw, `"parse":[]`) {
			t.Errorf("message %d: JSON lacks \"parse\":[]: %s", i, m.raw)
		}
		if len(m.Embeds) > 10 {
			t.Errorf("message %d: %d embeds; want at most 10", i, len(m.Embeds))
		}
		if len(m.Components) > 5 {
			t.Errorf("message %d: %d action rows; want at most 5", i, len(m.Components))
		}
		seen := map[string]bool{}
		for _, row := range m.Components {
			if row.Type != 1 || len(row.Components) == 0 || len(row.Components) > 5 {
				t.Errorf("message %d: action row of type %d with %d buttons; want type 1 with 1..5", i, row.Type, len(row.Components))
			}
			for _, b := range row.Components {
				if n := utf8.RuneCountInString(b.Label); b.Type != 2 || n == 0 || n > 80 || b.CustomID == "" || len(b.CustomID) > 100 || seen[b.CustomID] {
					t.Errorf("message %d: bad button %+v", i, b)
				}
				seen[b.CustomID] = true
			}
		}
		last := i == len(msgs)-1
		if !last && len(m.Components) > 0 {
			t.Errorf("message %d of %d has buttons; want them on the last message only", i+1, len(msgs))
		}
		if disclaimer == "" {
			continue
		}
		if last && !strings.HasSuffix(m.Content, disclaimer) {
			t.Errorf("the last message does not end with the disclaimer:\n%s", m.Content)
		}
		if !last && len(disclaimer) > 40 && strings.Contains(m.Content, disclaimer) {
			t.Errorf("message %d of %d holds the disclaimer; want it in the last only", i+1, len(msgs))
		}
	}
}

func TestInviteURL(t *testing.T) {
	got := InviteURL("1234567890")
	want := "https://discord.com/oauth2/authorize?client_id=1234567890&permissions=277025475584&scope=bot+applications.commands"
	if got != want {
		t.Errorf("InviteURL = %s\nwant        %s", got, want)
	}
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if scope := u.Query().Get("scope"); scope != "bot applications.commands" {
		t.Errorf("scope = %q; want %q", scope, "bot applications.commands")
	}
	// View Channels, Send Messages, Send Messages in Threads, Embed Links, Read Message
	// History, Use Application Commands: what answering in channels, threads and forum posts needs.
	if want := int64(1<<10 | 1<<11 | 1<<38 | 1<<14 | 1<<16 | 1<<31); InvitePermissions != want {
		t.Errorf("InvitePermissions = %d; want %d", InvitePermissions, want)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name string
		a    Answerer
		o    Options
	}{
		{"no answerer", nil, Options{Token: "t"}},
		{"no token", realBot(), Options{}},
		{"only the Bot prefix", realBot(), Options{Token: "Bot "}},
		{"shard id too high", realBot(), Options{Token: "t", ShardID: 2, ShardCount: 2}},
		{"negative shard id", realBot(), Options{Token: "t", ShardID: -1}},
		{"relative api url", realBot(), Options{Token: "t", APIURL: "/api"}},
		{"api url with another scheme", realBot(), Options{Token: "t", APIURL: "ftp://example.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.a, tt.o); err == nil {
				t.Errorf("New(%+v) succeeded; want an error", tt.o)
			}
		})
	}
}

// rewriteTransport is the recipe's way of pointing discordgo at a fake: rewrite the scheme and
// host of every request.
type rewriteTransport struct{ to *url.URL }

func (rt rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rt.to.Scheme, rt.to.Host, ""
	return http.DefaultTransport.RoundTrip(r)
}

func TestRegistersCommandOnReady(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		guild string
		path  string
	}{
		{"guild", fakeGuild, "/api/v10/applications/" + fakeAppID + "/guilds/" + fakeGuild + "/commands"},
		{"global", "", "/api/v10/applications/" + fakeAppID + "/commands"},
		{"application id from READY", fakeGuild, "/api/v10/applications/" + fakeAppID + "/guilds/" + fakeGuild + "/commands"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, realBot(), func(o *Options) {
				// Route with an injected client instead of APIURL (which start set to the fake).
				u, err := url.Parse(o.APIURL)
				if err != nil {
					t.Fatal(err)
				}
				o.APIURL = ""
				o.GuildID = tt.guild
				if tt.name == "application id from READY" {
					o.ApplicationID = ""
				}
				o.HTTPClient = &http.Client{Transport: rewriteTransport{to: u}}
			})
			fake := h.fake
			reqs := fake.waitRequests(1, isPath(http.MethodPut, tt.path))
			var cmds []struct {
				Name    string `json:"name"`
				Options []struct {
					Type     int    `json:"type"`
					Name     string `json:"name"`
					Required bool   `json:"required"`
				} `json:"options"`
			}
			reqs[0].decode(t, &cmds)
			if len(cmds) != 1 || cmds[0].Name != "backpain" || len(cmds[0].Options) != 1 {
				t.Fatalf("registered %s; want one command /backpain with one option", reqs[0].Body)
			}
			if o := cmds[0].Options[0]; o.Type != 3 || o.Name != "question" || !o.Required {
				t.Errorf("option = %+v; want a required string (type 3) named question", o)
			}

			hs := fake.handshakes()
			if len(hs) == 0 || hs[0].Op != 2 {
				t.Fatalf("first handshake = %+v; want an Identify (op 2)", hs)
			}
			var id struct {
				Token   string `json:"token"`
				Intents int    `json:"intents"`
			}
			if err := json.Unmarshal(hs[0].D, &id); err != nil {
				t.Fatal(err)
			}
			if id.Token != "Bot "+fakeToken {
				t.Errorf("Identify token is not %q", "Bot <token>")
			}
			if want := 1 | 1<<9 | 1<<12; id.Intents != want {
				t.Errorf("Identify intents = %d; want %d (Guilds | GuildMessages | DirectMessages)", id.Intents, want)
			}
			if id.Intents&(1<<15) != 0 {
				t.Error("Identify asks for the privileged MessageContent intent")
			}
			waitUntil(t, "Connected", h.adapter.Connected)
		})
	}
}

// waitUntil polls cond until it is true or waitFor passes.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAnswersMentionsAndDMs(t *testing.T) {
	t.Parallel()
	b := realBot()
	question := "how long does lower back pain usually last"
	want := render(b.Answer(context.Background(), bot.Question{Text: question}))
	tests := []struct {
		name    string
		guild   string
		content string
		mention bool
	}{
		{"mention", fakeGuild, "<@" + fakeBotID + "> " + question, true},
		{"nickname mention", fakeGuild, "<@!" + fakeBotID + ">  " + question, true},
		{"mention at the end", fakeGuild, question + " <@" + fakeBotID + ">", true},
		{"mention in the text only", fakeGuild, "<@" + fakeBotID + "> " + question, false},
		{"direct message", "", question, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, b, nil)
			h.secrets = append(h.secrets, question)
			h.fake.dispatch("MESSAGE_CREATE", message("501", tt.guild, "601", "701", tt.content, tt.mention))
			reqs := h.fake.waitRequests(len(want), isPath(http.MethodPost, "/api/v10/channels/601/messages"))
			var msgs []sent
			for _, r := range reqs {
				msgs = append(msgs, sentMessage(t, r))
			}
			checkMessages(t, msgs, b.FAQ().Disclaimer)
			if got := msgs[0].Content; got != want[0].Content {
				t.Errorf("reply:\n%s\nwant the answer to the question without the mention:\n%s", got, want[0].Content)
			}
			if msgs[0].Reference == nil || msgs[0].Reference.MessageID != "501" {
				t.Errorf("reply does not reference message 501: %s", msgs[0].raw)
			}
			if got := h.metrics.wait(t, 1); got[0] != "answered" {
				t.Errorf("outcome = %q; want answered", got[0])
			}
		})
	}
}

func TestIgnoresMessagesNotForTheBot(t *testing.T) {
	t.Parallel()
	h := start(t, realBot(), nil)
	fromBot := message("502", fakeGuild, "602", "702", "<@"+fakeBotID+"> what is sciatica", true)
	fromBot["author"] = map[string]any{"id": "702", "username": "otherbot", "bot": true}
	ignored := []map[string]any{
		message("501", fakeGuild, "601", "701", "what is sciatica", false), // no mention
		fromBot, // another bot
		message("503", fakeGuild, "603", fakeBotID, "<@"+fakeBotID+"> what is sciatica", true), // itself
		message("504", fakeGuild, "604", "704", "<@123> what is sciatica", false),              // someone else
		message("505", fakeGuild, "605", "705", "@everyone what is sciatica", false),           // everyone
	}
	webhook := message("506", fakeGuild, "606", "706", "<@"+fakeBotID+"> what is sciatica", true)
	webhook["webhook_id"] = "9"
	ignored = append(ignored, webhook)
	for _, m := range ignored {
		h.fake.dispatch("MESSAGE_CREATE", m)
	}
	// Events are filtered in order, so once a later message is answered the earlier ones
	// have been decided.
	h.fake.dispatch("MESSAGE_CREATE", message("599", "", "699", "799", "what is sciatica", false))
	h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/channels/699/messages"))
	if got := h.fake.all(isPrefix(http.MethodPost, "/api/v10/channels/")); len(got) != 1 {
		for _, r := range got {
			t.Errorf("unexpected %s %s", r.Method, r.Path)
		}
	}
	if got := h.metrics.wait(t, 1); len(got) != 1 {
		t.Errorf("recorded %v; want one request", got)
	}
}

func TestSlashCommand(t *testing.T) {
	t.Parallel()
	b := realBot()
	question := "is it safe to exercise with back pain"
	want := render(b.Answer(context.Background(), bot.Question{Text: question}))
	for _, ephemeral := range []bool{true, false} {
		name := "public"
		if ephemeral {
			name = "ephemeral"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, b, func(o *Options) { o.Ephemeral = ephemeral })
			h.secrets = append(h.secrets, question, "itoken-secret")
			h.fake.dispatch("INTERACTION_CREATE", command("801", "itoken-secret", "701", question))
			reqs := h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/801/itoken-secret/callback"))
			msg := sentCallback(t, reqs[0])
			checkMessages(t, []sent{msg}, b.FAQ().Disclaimer)
			if msg.Content != want[0].Content {
				t.Errorf("response:\n%s\nwant:\n%s", msg.Content, want[0].Content)
			}
			wantFlags := 0
			if ephemeral {
				wantFlags = 64
			}
			if msg.Flags != wantFlags {
				t.Errorf("flags = %d; want %d", msg.Flags, wantFlags)
			}
			h.metrics.wait(t, 1)
		})
	}
}

func TestButtons(t *testing.T) {
	t.Parallel()
	b := realBot()
	h := start(t, b, func(o *Options) { o.Ephemeral = false })
	// A question the FAQ cannot answer gets topics to try, as buttons.
	h.fake.dispatch("INTERACTION_CREATE", command("801", "tok1", "701", "zzqx wibble frob"))
	reply := sentCallback(t, h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/801/tok1/callback"))[0])
	ids := reply.customIDs()
	if len(ids) == 0 {
		t.Fatalf("no buttons on a no-match reply: %s", reply.raw)
	}
	entry, ok := showID(ids[0])
	if !ok {
		t.Fatalf("button custom_id %q does not name an entry", ids[0])
	}
	shown, _ := b.Show(entry)
	want := render(shown)

	h.fake.dispatch("INTERACTION_CREATE", press("802", "tok2", "701", ids[0]))
	got := sentCallback(t, h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/802/tok2/callback"))[0])
	checkMessages(t, []sent{got}, b.FAQ().Disclaimer)
	if got.Content != want[0].Content {
		t.Errorf("button reply:\n%s\nwant entry %s:\n%s", got.Content, entry, want[0].Content)
	}
	if got.Flags != 64 {
		t.Errorf("button reply flags = %d; want 64 (ephemeral)", got.Flags)
	}

	forged := []string{"backpain:show:no-such-entry", "backpain:show:", "backpain:show:../../etc/passwd", "something-else", "", strings.Repeat("x", 500)}
	for n, id := range forged {
		iid := string(rune('a'+n)) + "9"
		h.fake.dispatch("INTERACTION_CREATE", press(iid, "tok", "70"+iid, id))
		got := sentCallback(t, h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/"+iid+"/tok/callback"))[0])
		checkMessages(t, []sent{got}, b.FAQ().Disclaimer)
		if !strings.HasPrefix(got.Content, "Sorry") || got.Flags != 64 {
			t.Errorf("custom_id %q: reply %q with flags %d; want a short ephemeral apology", id, got.Content, got.Flags)
		}
	}
	// Outcomes are recorded after Discord accepts the response, so their order may vary.
	count := map[string]int{}
	for _, o := range h.metrics.wait(t, 2+len(forged)) {
		count[o]++
	}
	if want := map[string]int{"no_match": 1, "answered": 1, OutcomeRejected: len(forged)}; !maps.Equal(count, want) {
		t.Errorf("outcomes %v; want %v", count, want)
	}
}

// stub is an Answerer with fixed replies.
type stub struct{ reply bot.Reply }

func (s stub) Answer(context.Context, bot.Question) bot.Reply { return s.reply }
func (s stub) Help() bot.Reply                                { return bot.Reply{Intro: "help", Disclaimer: s.reply.Disclaimer} }
func (s stub) Show(id string) (bot.Reply, bool)               { return s.reply, id == "long" }

// longReply is a reply far too long for one Discord message.
func longReply() bot.Reply {
	para := strings.Repeat("Gentle movement usually helps more than rest. ", 30) // about 1400 bytes
	r := bot.Reply{
		Match:      &bot.Topic{ID: "long", Question: "A question with a very long answer?"},
		Answer:     para + "\n\n" + para + "\n\n" + para + strings.Repeat("x", 2500),
		Related:    []bot.Topic{{ID: "long", Question: "Again"}, {ID: "other", Question: "Other"}},
		Disclaimer: "This is general information, not medical advice; see a doctor about your own symptoms.",
	}
	for i := 0; i < 30; i++ {
		r.Tips = append(r.Tips, "Keep moving gently and build up your activity a little every day.")
	}
	for i := 0; i < 40; i++ {
		r.Suggestions = append(r.Suggestions, bot.Topic{ID: "topic-" + strings.Repeat("y", i), Question: strings.Repeat("Is this question number "+string(rune('A'+i%26))+"? ", 1+i%6)})
	}
	return r
}

func TestLongReplySplits(t *testing.T) {
	t.Parallel()
	r := longReply()
	want := render(r)
	if len(want) < 3 {
		t.Fatalf("long reply renders as %d parts; the test wants at least 3", len(want))
	}
	t.Run("message", func(t *testing.T) {
		t.Parallel()
		h := start(t, stub{r}, nil)
		h.fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "tell me everything", false))
		h.fake.waitRequests(len(want), isPath(http.MethodPost, "/api/v10/channels/601/messages"))
		h.metrics.wait(t, 1)
		reqs := h.fake.all(isPath(http.MethodPost, "/api/v10/channels/601/messages"))
		var msgs []sent
		for i, req := range reqs {
			m := sentMessage(t, req)
			if m.Content != want[i].Content {
				t.Errorf("message %d differs from part %d", i, i)
			}
			if (m.Reference != nil) != (i == 0) {
				t.Errorf("message %d: reference %v; want one on the first message only", i, m.Reference)
			}
			msgs = append(msgs, m)
		}
		if len(msgs) != len(want) {
			t.Errorf("sent %d messages; want %d", len(msgs), len(want))
		}
		checkMessages(t, msgs, r.Disclaimer)
	})
	t.Run("slash command", func(t *testing.T) {
		t.Parallel()
		h := start(t, stub{r}, nil)
		h.fake.dispatch("INTERACTION_CREATE", command("801", "tok1", "701", "tell me everything"))
		first := h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/801/tok1/callback"))
		h.metrics.wait(t, 1)
		follow := h.fake.all(isPath(http.MethodPost, "/api/v10/webhooks/"+fakeAppID+"/tok1"))
		msgs := []sent{sentCallback(t, first[0])}
		for _, req := range follow {
			msgs = append(msgs, sentMessage(t, req))
		}
		if len(msgs) != len(want) {
			t.Fatalf("sent a response and %d follow-ups; want %d messages in all", len(follow), len(want))
		}
		for i, m := range msgs {
			if m.Content != want[i].Content {
				t.Errorf("message %d differs from part %d", i, i)
			}
			if m.Flags != 64 {
				t.Errorf("message %d: flags %d; want 64 (ephemeral)", i, m.Flags)
			}
		}
		checkMessages(t, msgs, r.Disclaimer)
	})
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	const burst, extra = 2, 4
	h := start(t, realBot(), func(o *Options) { o.PerMinute, o.Burst = 0.5, burst })
	for i := 0; i < burst+extra; i++ {
		id := string(rune('a' + i))
		h.fake.dispatch("MESSAGE_CREATE", message("50"+id, fakeGuild, "601", "701", "<@"+fakeBotID+"> what is sciatica", true))
	}
	outcomes := h.metrics.wait(t, burst+extra)
	msgs := h.fake.all(isPath(http.MethodPost, "/api/v10/channels/601/messages"))
	notices := 0
	for _, req := range msgs {
		m := sentMessage(t, req)
		checkMessages(t, []sent{m}, faq.Default().Disclaimer)
		if strings.Contains(m.Content, "asking quickly") {
			notices++
		}
	}
	if len(msgs) != burst+1 || notices != 1 {
		t.Errorf("sent %d messages with %d notices; want %d answers and exactly one notice", len(msgs), notices, burst)
	}
	limited := 0
	for _, o := range outcomes {
		if o == OutcomeRateLimited {
			limited++
		}
	}
	if limited != extra {
		t.Errorf("outcomes %v; want %d %s", outcomes, extra, OutcomeRateLimited)
	}

	// Another user is not affected; a slash command over the limit still gets the notice,
	// privately, because Discord shows an error for an unanswered interaction.
	h.fake.dispatch("MESSAGE_CREATE", message("601", "", "602", "702", "what is sciatica", false))
	h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/channels/602/messages"))
	h.fake.dispatch("INTERACTION_CREATE", command("801", "tok1", "701", "what is sciatica"))
	got := sentCallback(t, h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/801/tok1/callback"))[0])
	if !strings.Contains(got.Content, "asking quickly") || got.Flags != 64 {
		t.Errorf("slash command over the limit: %q flags %d; want the ephemeral notice", got.Content, got.Flags)
	}
}

func TestReconnects(t *testing.T) {
	t.Parallel()
	h := start(t, realBot(), nil)
	waitUntil(t, "Connected", h.adapter.Connected)
	h.fake.drop()
	h.fake.waitConnections(2)
	hs := h.fake.handshakes()
	if hs[1].Op != 6 && hs[1].Op != 2 {
		t.Errorf("second handshake is op %d; want Resume (6) or Identify (2)", hs[1].Op)
	}
	var resume struct {
		SessionID string `json:"session_id"`
	}
	if hs[1].Op == 6 {
		if err := json.Unmarshal(hs[1].D, &resume); err != nil || resume.SessionID != "session-1" {
			t.Errorf("Resume %s; want session_id session-1", hs[1].D)
		}
	}
	h.fake.dispatch("MESSAGE_CREATE", message("501", "", "601", "701", "what is sciatica", false))
	h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/channels/601/messages"))
	waitUntil(t, "Connected after reconnecting", h.adapter.Connected)
}

func TestRunFailsWhenDiscordRefusesTheToken(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"message": "401: Unauthorized", "code": 0}`))
	}))
	defer srv.Close()
	a, err := New(realBot(), Options{Token: fakeToken, APIURL: srv.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	err = a.Run(ctx)
	if err == nil || !strings.HasPrefix(err.Error(), "discord: ") || !strings.Contains(err.Error(), "401") {
		t.Errorf("Run = %v; want a discord: error with the 401", err)
	}
	if err != nil && strings.Contains(err.Error(), fakeToken) {
		t.Errorf("the error holds the token: %v", err)
	}
	if a.Connected() {
		t.Error("Connected after a failed start")
	}
	if err := a.Run(ctx); err == nil {
		t.Error("a second Run succeeded; want an error")
	}
}

func TestShutdownWhileReconnecting(t *testing.T) {
	t.Parallel()
	fake := newFakeDiscord(t)
	a, err := New(realBot(), Options{Token: fakeToken, ApplicationID: fakeAppID, APIURL: fake.URL()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	fake.waitConnections(1)
	waitUntil(t, "Connected", a.Connected)
	fake.close() // Discord goes away: the connection drops and every reconnection fails
	waitUntil(t, "not Connected", func() bool { return !a.Connected() })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return soon after cancel while reconnecting")
	}
}
