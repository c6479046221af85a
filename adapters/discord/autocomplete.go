package discord

import (
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on autocomplete choices.
const (
	maxChoices    = 25
	maxChoiceName = 100
)

// choice is one autocomplete choice: the name shown and the value filled in.
type choice struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// autocompleteResponse is the type 8 response. It is not discordgo's InteractionResponse,
// whose choices are omitted when empty; Discord wants the (possibly empty) array.
type autocompleteResponse struct {
	Type int `json:"type"`
	Data struct {
		Choices []choice `json:"choices"`
	} `json:"data"`
}

// choices are the FAQ questions that fit what someone has typed into the question option.
func (a *Adapter) choices(typed string) []choice {
	out := []choice{}
	s, ok := a.answerer.(Suggester)
	if !ok {
		return out
	}
	for _, t := range s.Suggest(typed, maxChoices) {
		q := truncate(t.Question, maxChoiceName)
		if q == "" || len(out) == maxChoices {
			continue
		}
		out = append(out, choice{Name: q, Value: q})
	}
	return out
}

// focusedText is what the person has typed into the focused option of an autocomplete.
func focusedText(i *discordgo.Interaction) string {
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return ""
	}
	for _, o := range d.Options {
		if o != nil && o.Focused {
			s, _ := o.Value.(string)
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// autocompleteFor builds the type 8 response for i. Autocomplete cannot be deferred, and it
// does not count against the per-user limit: typing sends one interaction a keystroke or so.
func (a *Adapter) autocompleteFor(i *discordgo.Interaction) *autocompleteResponse {
	r := &autocompleteResponse{Type: int(discordgo.InteractionApplicationCommandAutocompleteResult)}
	r.Data.Choices = a.choices(focusedText(i))
	return r
}

// autocomplete answers an autocomplete interaction received over the gateway.
func (a *Adapter) autocomplete(i *discordgo.Interaction, received time.Time, respond responder) {
	ctx, cancel := a.handlerContext(3 * time.Second)
	defer cancel()
	outcome := OutcomeAutocomplete
	if _, err := respond(ctx, a.autocompleteFor(i)); err != nil {
		a.log.Warn("answering a Discord autocomplete failed", "interaction_id", i.ID, "err", describe(err))
		outcome = OutcomeError
	}
	a.done("autocomplete", outcome, 1, received, "guild_id", i.GuildID, "interaction_id", i.ID)
}
