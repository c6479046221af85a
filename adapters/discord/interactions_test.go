package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/backpainbot/backpainbot/bot"
)

// slow is an Answerer that takes delay to answer.
type slow struct {
	stub
	delay time.Duration
}

func (s slow) Answer(ctx context.Context, q bot.Question) bot.Reply {
	time.Sleep(s.delay)
	return s.reply
}

// TestSlowSlashCommandIsDeferred: an answer not ready within DeferAfter is deferred (type 5,
// keeping the ephemeral flag) and then edited into the original response, with the rest of a
// long reply as follow-ups, the disclaimer at the end.
func TestSlowSlashCommandIsDeferred(t *testing.T) {
	t.Parallel()
	r := longReply()
	want := render(r)
	h := start(t, slow{stub{r}, 300 * time.Millisecond}, func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	h.fake.dispatch("INTERACTION_CREATE", command("801", "tok1", "701", "tell me everything"))
	cb := h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/801/tok1/callback"))
	var c struct {
		Type int `json:"type"`
		Data struct {
			Flags int `json:"flags"`
		} `json:"data"`
	}
	cb[0].decode(t, &c)
	if c.Type != 5 || c.Data.Flags != 64 {
		t.Fatalf("first response %s; want a deferral (type 5) with flags 64", cb[0].Body)
	}
	h.metrics.wait(t, 1)
	edits := h.fake.all(isPath(http.MethodPatch, "/api/v10/webhooks/"+fakeAppID+"/tok1/messages/@original"))
	if len(edits) != 1 {
		t.Fatalf("%d edits of the original response; want 1", len(edits))
	}
	msgs := []sent{sentMessage(t, edits[0])}
	for _, f := range h.fake.all(isPath(http.MethodPost, "/api/v10/webhooks/"+fakeAppID+"/tok1")) {
		msgs = append(msgs, sentMessage(t, f))
	}
	if len(msgs) != len(want) {
		t.Fatalf("sent %d messages; want %d", len(msgs), len(want))
	}
	for i := range msgs {
		if msgs[i].Content != want[i].Content {
			t.Errorf("message %d differs from part %d", i, i)
		}
	}
	checkMessages(t, msgs, r.Disclaimer)
}

// autocompleteEvent is an INTERACTION_CREATE for autocomplete on the question option.
func autocompleteEvent(id, token, typed string) map[string]any {
	return map[string]any{
		"id": id, "application_id": fakeAppID, "type": 4, "token": token, "version": 1,
		"guild_id": fakeGuild, "channel_id": "700", "member": map[string]any{"user": map[string]any{"id": "701"}},
		"data": map[string]any{"id": "1", "name": "backpain", "type": 1, "options": []any{
			map[string]any{"name": "question", "type": 3, "value": typed, "focused": true},
		}},
	}
}

// autocompleteBody is a type 8 response.
type autocompleteBody struct {
	Type int `json:"type"`
	Data struct {
		Choices []choice `json:"choices"`
	} `json:"data"`
}

// checkChoices checks a type 8 response against Discord's limits.
func checkChoices(t *testing.T, raw []byte) []choice {
	t.Helper()
	var b autocompleteBody
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatalf("autocomplete response %s: %v", raw, err)
	}
	if b.Type != 8 || b.Data.Choices == nil {
		t.Errorf("autocomplete response %s; want type 8 with a choices array", raw)
	}
	if len(b.Data.Choices) > 25 {
		t.Errorf("%d choices; want at most 25", len(b.Data.Choices))
	}
	for _, c := range b.Data.Choices {
		if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 || utf8.RuneCountInString(c.Value) > 100 {
			t.Errorf("choice %+v: name or value out of 1..100 characters", c)
		}
	}
	return b.Data.Choices
}

func TestAutocompleteOverTheGateway(t *testing.T) {
	t.Parallel()
	b := realBot()
	h := start(t, b, nil)
	tests := []struct {
		name  string
		typed string
		want  string // a question that must be offered; "" for none
		count int    // exact number of choices; -1 for any
	}{
		{"nothing typed", "", "", 25},
		{"half a word", "sciat", "What is sciatica?", -1},
		{"nothing matches", "zzqx", "", 0},
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := string(rune('a' + n))
			h.fake.dispatch("INTERACTION_CREATE", autocompleteEvent(id, "tok", tt.typed))
			req := h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/interactions/"+id+"/tok/callback"))[0]
			choices := checkChoices(t, req.Body)
			if tt.count >= 0 && len(choices) != tt.count {
				t.Errorf("%d choices for %q; want %d", len(choices), tt.typed, tt.count)
			}
			if tt.want != "" && (len(choices) == 0 || choices[0].Name != tt.want || choices[0].Value != tt.want) {
				t.Errorf("choices %+v; want %q first", choices, tt.want)
			}
		})
	}
	if len(h.fake.all(isPrefix(http.MethodPost, "/api/v10/channels/"))) != 0 {
		t.Error("autocomplete sent a message")
	}
}

// reply is a MESSAGE_CREATE replying to the message ref by author; Discord lists the replied
// user in mentions when the reply pings them, which is the default.
func replyTo(id, user, content, refAuthor string) map[string]any {
	m := message(id, fakeGuild, "601", user, content, false)
	m["type"] = 19
	m["referenced_message"] = map[string]any{"id": "400", "channel_id": "601", "content": "", "author": map[string]any{"id": refAuthor, "bot": refAuthor == fakeBotID}}
	m["mentions"] = []any{map[string]any{"id": refAuthor}}
	return m
}

// TestRepliesToTheBot: a reply to one of the bot's answers is answered only when it mentions
// the bot in its text or asks a question; messages in threads and forum posts are answered.
func TestRepliesToTheBot(t *testing.T) {
	t.Parallel()
	h := start(t, realBot(), nil)
	tests := []struct {
		name   string
		event  map[string]any
		answer bool
	}{
		{"thanks", replyTo("501", "701", "thanks!", fakeBotID), false},
		{"ok cool", replyTo("502", "702", "ok cool, that helps", fakeBotID), false},
		{"question mark", replyTo("503", "703", "and sitting all day?", fakeBotID), true},
		{"question word", replyTo("504", "704", "Thanks. Does swimming help", fakeBotID), true},
		{"explicit mention", replyTo("505", "705", "<@"+fakeBotID+"> lifting heavy boxes", fakeBotID), true},
		{"reply to a person, mentioning the bot", func() map[string]any {
			m := replyTo("506", "706", "<@"+fakeBotID+"> sciatica", "123")
			return m
		}(), true},
		{"thread or forum post", message("507", fakeGuild, "thread-1", "707", "<@"+fakeBotID+"> what is sciatica", true), true},
	}
	for _, tt := range tests {
		h.fake.dispatch("MESSAGE_CREATE", tt.event)
	}
	// Events are filtered in order: once this DM is answered, the others have been decided.
	h.fake.dispatch("MESSAGE_CREATE", message("599", "", "699", "799", "what is sciatica", false))
	h.fake.waitRequests(1, isPath(http.MethodPost, "/api/v10/channels/699/messages"))
	wantAnswers := 1
	for _, tt := range tests {
		if tt.answer {
			wantAnswers++
		}
	}
	h.metrics.wait(t, wantAnswers)
	answered := map[string]bool{}
	for _, r := range h.fake.all(isPrefix(http.MethodPost, "/api/v10/channels/")) {
		var m sent
		r.decode(t, &m)
		if m.Reference != nil {
			answered[m.Reference.MessageID] = true
		}
	}
	for _, tt := range tests {
		if got := answered[tt.event["id"].(string)]; got != tt.answer {
			t.Errorf("%s: answered %v; want %v", tt.name, got, tt.answer)
		}
	}
	if !answered["507"] || len(h.fake.all(isPath(http.MethodPost, "/api/v10/channels/thread-1/messages"))) == 0 {
		t.Error("the message in a thread was not answered in the thread")
	}
}

// gate is an Answerer that holds every answer until released, counting how many run at once.
type gate struct {
	stub
	release chan struct{}
	mu      sync.Mutex
	now     int
	most    int
}

func (g *gate) Answer(ctx context.Context, q bot.Question) bot.Reply {
	g.mu.Lock()
	g.now++
	g.most = max(g.most, g.now)
	g.mu.Unlock()
	<-g.release
	g.mu.Lock()
	g.now--
	g.mu.Unlock()
	return g.reply
}

func (g *gate) running() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.now
}

// TestBoundedConcurrency: at most MaxConcurrent events are answered at once and as many wait;
// the rest are dropped and counted as overloaded, not queued without bound.
func TestBoundedConcurrency(t *testing.T) {
	t.Parallel()
	const limit, events = 2, 10
	g := &gate{stub: stub{bot.Reply{Answer: "Keep moving.", Disclaimer: "Not medical advice."}}, release: make(chan struct{})}
	h := start(t, g, func(o *Options) { o.MaxConcurrent = limit })
	// The command's registration takes a slot too; let it finish first.
	h.fake.waitRequests(1, isPrefix(http.MethodPut, "/api/v10/applications/"))
	waitUntil(t, "registration done", func() bool { return h.adapter.inFlight.Load() == 0 })
	for i := range events {
		id := string(rune('a' + i))
		h.fake.dispatch("MESSAGE_CREATE", message("50"+id, "", "60"+id, "70"+id, "what is sciatica", false))
	}
	dropped := h.metrics.wait(t, events-2*limit)
	waitUntil(t, "answers running", func() bool { return g.running() == limit })
	close(g.release)
	all := h.metrics.wait(t, events)
	count := map[string]int{}
	for _, o := range all {
		count[o]++
	}
	if count[OutcomeOverloaded] != events-2*limit || count["no_match"] != 2*limit {
		t.Errorf("outcomes %v (first %v); want %d overloaded and %d answered", count, dropped, events-2*limit, 2*limit)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.most != limit {
		t.Errorf("%d answers ran at once; want at most %d", g.most, limit)
	}
}
