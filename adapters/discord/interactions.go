package discord

import (
	"context"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/bwmarrin/discordgo"
)

// responder sends the first response to an interaction: a REST callback for one received over
// the gateway, the HTTP response for one received at the endpoint. r is an
// *discordgo.InteractionResponse or an autocomplete response.
type responder func(ctx context.Context, r any) (restResult, error)

// onInteraction answers the /backpain command, its autocomplete and topic buttons received
// over the gateway.
func (a *Adapter) onInteraction(ic *discordgo.InteractionCreate) {
	if ic.Interaction == nil {
		return
	}
	i := ic.Interaction
	received := a.now()
	respond := a.gatewayResponder(i)
	var f func()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		f = func() { a.autocomplete(i, received, respond) }
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		f = func() { a.answerInteraction(i, received, respond) }
	default:
		return
	}
	if !a.spawn(f) {
		a.done("interaction", OutcomeOverloaded, 0, received, "guild_id", i.GuildID, "interaction_id", i.ID)
	}
}

// gatewayResponder answers an interaction received over the gateway with a REST callback.
func (a *Adapter) gatewayResponder(i *discordgo.Interaction) responder {
	return func(ctx context.Context, r any) (restResult, error) { return a.api.callback(ctx, i, r) }
}

// interactionUser returns the id of the user who triggered i.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// stringOption returns the string value of the named option, or "".
func stringOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o != nil && o.Name == name {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

// answerFunc makes the reply to an interaction and names its outcome.
type answerFunc func(ctx context.Context) (bot.Reply, string)

func fixed(r bot.Reply, outcome string) answerFunc {
	return func(context.Context) (bot.Reply, string) { return r, outcome }
}

// compose decides at once how to answer interaction i: its kind for the log, whether the answer
// is ephemeral (needed before a deferral), and the function that makes the answer, which may be
// slow.
func (a *Adapter) compose(ctx context.Context, i *discordgo.Interaction, received time.Time) (kind string, ephemeral bool, answer answerFunc) {
	user := interactionUser(i)
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		if d.Name != commandName {
			return "command", true, fixed(a.note(unknownCmd), OutcomeRejected)
		}
		if a.limit(ctx, user, received) != allow {
			// An unanswered interaction shows the user an error, so always send the notice.
			return "command", true, fixed(a.note(noticeText), OutcomeRateLimited)
		}
		text := stringOption(d.Options, optionName)
		if isHelp(text) {
			return "command", a.opts.Ephemeral, fixed(a.answerer.Help(), OutcomeHelp)
		}
		return "command", a.opts.Ephemeral, func(ctx context.Context) (bot.Reply, string) {
			r := a.answerer.Answer(ctx, bot.Question{Text: text, Platform: adapterName})
			return r, r.Outcome()
		}
	case discordgo.MessageComponentInteractionData:
		if a.limit(ctx, user, received) != allow {
			return "button", true, fixed(a.note(noticeText), OutcomeRateLimited)
		}
		id := d.CustomID
		return "button", true, func(context.Context) (bot.Reply, string) { return a.show(id) }
	}
	return "command", true, fixed(a.note(unknownCmd), OutcomeRejected)
}

// answerInteraction answers a slash command or button press. When the answer is not ready
// DeferAfter after the interaction arrived, it defers (type 5, "thinking...") and then edits
// the answer into the original response; the rest of a long reply follows as follow-ups.
func (a *Adapter) answerInteraction(i *discordgo.Interaction, received time.Time, respond responder) {
	ctx, cancel := a.handlerContext(requestTimeout)
	defer cancel()
	kind, ephemeral, answer := a.compose(ctx, i, received)
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	ids := []any{"guild_id", i.GuildID, "channel_id", i.ChannelID, "interaction_id", i.ID}

	ready := a.startAnswer(ctx, i, answer)
	res, deferred, ok := a.awaitAnswer(ctx, kind, flags, ids, received, ready, respond)
	if !ok {
		return
	}

	sent, short, err := a.deliver(ctx, render(res.r), disclaimerOf(res.r), a.interactionSender(i, respond, deferred, flags))
	outcome := res.outcome
	switch {
	case err != nil:
		a.log.Error("responding to a Discord interaction failed", append(ids, "part", sent+1, "deferred", deferred, "err", describe(err))...)
		outcome = OutcomeError
	case short:
		outcome = OutcomeShortened
	}
	a.done(kind, outcome, sent, received, append(ids, "deferred", deferred)...)
}

// answerResult is an interaction's reply and its outcome, once made.
type answerResult struct {
	r       bot.Reply
	outcome string
}

// startAnswer makes the answer in a goroutine of its own and returns the channel it arrives on
// (buffered, so the goroutine never waits for a reader). A panic while answering is logged
// and answered with an apology.
func (a *Adapter) startAnswer(ctx context.Context, i *discordgo.Interaction, answer answerFunc) <-chan answerResult {
	ready := make(chan answerResult, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				a.log.Error("panic while answering a Discord interaction", "interaction_id", i.ID)
				ready <- answerResult{a.note("Sorry, something went wrong. Please try again."), OutcomeError}
			}
		}()
		r, o := answer(ctx)
		ready <- answerResult{r, o}
	}()
	return ready
}

// awaitAnswer waits for the answer on ready. When it is not there DeferAfter after received, it
// defers the response (type 5, with flags) and waits on until ctx is done. deferred says whether
// it deferred; ok is false when deferring failed or the answer never came, which it has
// already logged and recorded.
func (a *Adapter) awaitAnswer(ctx context.Context, kind string, flags discordgo.MessageFlags, ids []any, received time.Time, ready <-chan answerResult, respond responder) (res answerResult, deferred, ok bool) {
	timer := time.NewTimer(max(0, a.opts.DeferAfter-a.now().Sub(received)))
	defer timer.Stop()
	select {
	case res = <-ready:
		return res, false, true
	case <-timer.C:
	}
	_, err := respond(ctx, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	})
	if err != nil {
		a.log.Error("deferring a Discord interaction failed", append(ids, "err", describe(err))...)
		a.done(kind, OutcomeError, 0, received, ids...)
		return res, false, false
	}
	select {
	case res = <-ready:
		return res, true, true
	case <-ctx.Done():
		a.log.Error("a deferred Discord answer took too long", ids...)
		a.done(kind, OutcomeError, 0, received, ids...)
		return res, true, false
	}
}

// interactionSender sends part n of the answer to i: the first as the response (or, when
// deferred, as an edit of the original response), the rest as follow-ups, none pinging anyone.
func (a *Adapter) interactionSender(i *discordgo.Interaction, respond responder, deferred bool, flags discordgo.MessageFlags) func(ctx context.Context, n int, p part) (restResult, error) {
	appID := i.AppID
	if appID == "" {
		appID = a.application()
	}
	return func(ctx context.Context, n int, p part) (restResult, error) {
		switch {
		case n == 0 && !deferred:
			return respond(ctx, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content: p.Content, Components: p.Components, AllowedMentions: noPings(), Flags: flags,
				},
			})
		case n == 0:
			e := &discordgo.WebhookEdit{Content: &p.Content, AllowedMentions: noPings()}
			if len(p.Components) > 0 {
				e.Components = &p.Components
			}
			return a.api.editOriginal(ctx, appID, i.Token, e)
		}
		return a.api.followup(ctx, appID, i.Token, &discordgo.WebhookParams{
			Content: p.Content, Components: p.Components, AllowedMentions: noPings(), Flags: flags,
		})
	}
}

// show answers a topic button: the entry named in its custom_id, or an apology for an unknown
// or forged one.
func (a *Adapter) show(customID string) (bot.Reply, string) {
	if id, ok := showID(customID); ok {
		if r, found := a.answerer.Show(id); found {
			return r, r.Outcome()
		}
	}
	return a.note(unknownShow), OutcomeRejected
}
