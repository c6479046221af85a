package discord

import (
	"context"
	"net/http"
	"net/url"

	"github.com/bwmarrin/discordgo"
)

// api is the part of Discord's REST API the adapter uses, so that tests can answer it without a
// network. *restClient implements it.
type api interface {
	// sendMessage posts a message in a channel (a thread or forum post is a channel too).
	sendMessage(ctx context.Context, channelID string, m *discordgo.MessageSend) (restResult, error)
	// callback is the first response to an interaction received over the gateway.
	callback(ctx context.Context, i *discordgo.Interaction, r any) (restResult, error)
	// editOriginal replaces the first response to an interaction (after a deferral).
	editOriginal(ctx context.Context, appID, token string, e *discordgo.WebhookEdit) (restResult, error)
	// followup posts another message after the first response to an interaction.
	followup(ctx context.Context, appID, token string, p *discordgo.WebhookParams) (restResult, error)
	// registerCommands overwrites the application's commands, in one guild or ("") globally.
	registerCommands(ctx context.Context, appID, guildID string, cmds []*discordgo.ApplicationCommand) error
	// gatewayBot returns the gateway URL and the shard count Discord recommends.
	gatewayBot(ctx context.Context) (gatewayURL string, shards int, err error)
}

var _ api = (*restClient)(nil)

func esc(s string) string { return url.PathEscape(s) }

func (c *restClient) sendMessage(ctx context.Context, channelID string, m *discordgo.MessageSend) (restResult, error) {
	return c.call(ctx, http.MethodPost, "/channels/"+esc(channelID)+"/messages", m, nil, true)
}

func (c *restClient) callback(ctx context.Context, i *discordgo.Interaction, r any) (restResult, error) {
	return c.call(ctx, http.MethodPost, "/interactions/"+esc(i.ID)+"/"+esc(i.Token)+"/callback", r, nil, false)
}

func (c *restClient) editOriginal(ctx context.Context, appID, token string, e *discordgo.WebhookEdit) (restResult, error) {
	return c.call(ctx, http.MethodPatch, "/webhooks/"+esc(appID)+"/"+esc(token)+"/messages/@original", e, nil, false)
}

func (c *restClient) followup(ctx context.Context, appID, token string, p *discordgo.WebhookParams) (restResult, error) {
	return c.call(ctx, http.MethodPost, "/webhooks/"+esc(appID)+"/"+esc(token), p, nil, false)
}

func (c *restClient) registerCommands(ctx context.Context, appID, guildID string, cmds []*discordgo.ApplicationCommand) error {
	path := "/applications/" + esc(appID) + "/commands"
	if guildID != "" {
		path = "/applications/" + esc(appID) + "/guilds/" + esc(guildID) + "/commands"
	}
	_, err := c.call(ctx, http.MethodPut, path, cmds, nil, true)
	return err
}

func (c *restClient) gatewayBot(ctx context.Context) (string, int, error) {
	var g struct {
		URL    string `json:"url"`
		Shards int    `json:"shards"`
	}
	if _, err := c.call(ctx, http.MethodGet, "/gateway/bot", nil, &g, true); err != nil {
		return "", 0, err
	}
	return g.URL, g.Shards, nil
}
