package discord

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"strings"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/bwmarrin/discordgo"
)

// dispatch handles one gateway event, in the gateway's reading goroutine, so events are
// filtered in order; the slow work goes to goroutines of its own (spawn).
func (a *Adapter) dispatch(event string, data json.RawMessage) {
	switch event {
	case "READY":
		var r discordgo.Ready
		if json.Unmarshal(data, &r) == nil {
			a.onReady(&r)
		}
	case "MESSAGE_CREATE":
		var m discordgo.MessageCreate
		if json.Unmarshal(data, &m) == nil {
			a.onMessage(&m)
		}
	case "INTERACTION_CREATE":
		var i discordgo.InteractionCreate
		if json.Unmarshal(data, &i) == nil {
			a.onInteraction(&i)
		}
	}
}

// onReady notes the bot's user id and registers the slash command, once per adapter.
func (a *Adapter) onReady(r *discordgo.Ready) {
	if r.User != nil && r.User.ID != "" {
		id := r.User.ID
		a.selfID.Store(&id)
	}
	if a.application() == "" && r.Application != nil && r.Application.ID != "" {
		id := r.Application.ID
		a.appID.Store(&id)
	}
	appID := a.application()
	a.log.Info("Discord gateway ready", "bot_id", a.self(), "application_id", appID, "shard_id", a.opts.ShardID)
	if a.opts.ShardID != 0 || a.registered.Load() || !a.registering.CompareAndSwap(false, true) {
		return
	}
	if appID == "" {
		a.registering.Store(false)
		a.log.Error("cannot register /backpain: no application id (set discord.application_id)")
		return
	}
	if !a.spawn(func() { a.register(appID) }) {
		a.registering.Store(false)
	}
}

// onMessage answers a direct message or a message mentioning the bot. It decides in the
// gateway's goroutine, so messages are filtered in order, and answers in another.
func (a *Adapter) onMessage(m *discordgo.MessageCreate) {
	if m.Message == nil || !a.forMe(m.Message) {
		return
	}
	received := a.now()
	msg := m.Message
	if !a.spawn(func() { a.answerMessage(msg, received) }) {
		a.done("message", OutcomeOverloaded, 0, received, "guild_id", msg.GuildID, "channel_id", msg.ChannelID, "message_id", msg.ID)
	}
}

// forMe reports whether m is a message the bot answers: a person's DM to it, or a message in a
// server (a channel, thread or forum post) that mentions it. A reply to one of the bot's own
// messages mentions it by default ("thanks!"), so it is answered only when its text mentions the
// bot itself or asks a question.
func (a *Adapter) forMe(m *discordgo.Message) bool {
	self := a.self()
	if self == "" || m.Author == nil || m.Author.ID == self || m.Author.Bot || m.Author.System || m.WebhookID != "" {
		return false
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return false
	}
	toBot := m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == self
	if toBot {
		return mentionedInText(m.Content, self) || asksQuestion(stripMention(m.Content, self))
	}
	return m.GuildID == "" || mentions(m, self)
}

// mentions reports whether m mentions the user id.
func mentions(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return mentionedInText(m.Content, id)
}

// mentionedInText reports whether text holds a mention of the user id.
func mentionedInText(text, id string) bool {
	return strings.Contains(text, "<@"+id+">") || strings.Contains(text, "<@!"+id+">")
}

//go:embed question_words.txt
var questionWordsFile string

// questionWords are words that start a question, from question_words.txt.
var questionWords = func() map[string]bool {
	words := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(questionWordsFile))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, w := range strings.Fields(line) {
			words[strings.ToLower(w)] = true
		}
	}
	return words
}()

// asksQuestion reports whether text asks something: it has a question mark, or one of its
// sentences starts with a question word.
func asksQuestion(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return true
	}
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '\n' }) {
		words := strings.Fields(strings.ToLower(sent))
		if len(words) > 0 && questionWords[strings.Trim(words[0], ",;:\"'")] {
			return true
		}
	}
	return false
}

// stripMention removes every mention of the user id ("<@id>" and "<@!id>") from text.
func stripMention(text, id string) string {
	text = strings.ReplaceAll(text, "<@!"+id+">", " ")
	text = strings.ReplaceAll(text, "<@"+id+">", " ")
	return strings.TrimSpace(text)
}

// isHelp reports whether a question asks for the help text: nothing at all, or "help".
func isHelp(text string) bool {
	t := strings.Trim(strings.TrimSpace(text), "?!.")
	return t == "" || strings.EqualFold(t, "help")
}

// noPings allows no mentions at all; it marshals as {"parse":[],"replied_user":false}.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// note is a short reply carrying the bot's disclaimer.
func (a *Adapter) note(text string) bot.Reply {
	return bot.Reply{Intro: text, Disclaimer: a.answerer.Help().Disclaimer}
}

// reply decides what to say to user: the answer, help, the rate-limit notice, or nothing
// (ok false).
func (a *Adapter) reply(ctx context.Context, user, text string, received time.Time) (r bot.Reply, outcome string, ok bool) {
	switch a.limit(ctx, user, received) {
	case notify:
		return a.note(noticeText), OutcomeRateLimited, true
	case drop:
		return bot.Reply{}, OutcomeRateLimited, false
	}
	if isHelp(text) {
		return a.answerer.Help(), OutcomeHelp, true
	}
	r = a.answerer.Answer(ctx, bot.Question{Text: text, Platform: adapterName})
	return r, r.Outcome(), true
}

// answerMessage answers m in its channel, as a reply to it.
func (a *Adapter) answerMessage(m *discordgo.Message, received time.Time) {
	ctx, cancel := a.handlerContext(requestTimeout)
	defer cancel()
	r, outcome, ok := a.reply(ctx, m.Author.ID, stripMention(m.Content, a.self()), received)
	sent := 0
	if ok {
		var err error
		var short bool
		sent, short, err = a.deliver(ctx, render(r), disclaimerOf(r), func(ctx context.Context, n int, p part) (restResult, error) {
			ms := &discordgo.MessageSend{Content: p.Content, Components: p.Components, AllowedMentions: noPings()}
			if n == 0 {
				ms.Reference = m.SoftReference()
			}
			return a.api.sendMessage(ctx, m.ChannelID, ms)
		})
		switch {
		case err != nil:
			a.log.Error("sending a Discord message failed", "channel_id", m.ChannelID, "message_id", m.ID, "part", sent+1, "err", describe(err))
			outcome = OutcomeError
		case short:
			outcome = OutcomeShortened
		}
	}
	a.done("message", outcome, sent, received, "guild_id", m.GuildID, "channel_id", m.ChannelID, "message_id", m.ID)
}
