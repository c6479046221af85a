package slack

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestManifest keeps manifest.yaml in step with the adapter: the command, the path the serve
// command mounts, the scopes, and HTTP mode by default.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		DisplayInformation struct {
			Name        string `yaml:"name"`
			Description string `yaml:"description"`
		} `yaml:"display_information"`
		Features struct {
			BotUser struct {
				DisplayName string `yaml:"display_name"`
			} `yaml:"bot_user"`
			SlashCommands []struct {
				Command     string `yaml:"command"`
				Description string `yaml:"description"`
				UsageHint   string `yaml:"usage_hint"`
				URL         string `yaml:"url"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuthConfig struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			SocketModeEnabled *bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.DisplayInformation.Name == "" || len(m.DisplayInformation.Description) > 140 {
		t.Errorf("display_information: name %q, description of %d characters (Slack allows 140)", m.DisplayInformation.Name, len(m.DisplayInformation.Description))
	}
	if m.Features.BotUser.DisplayName == "" {
		t.Error("features.bot_user.display_name is empty")
	}
	if len(m.Features.SlashCommands) != 1 {
		t.Fatalf("got %d slash commands, want 1", len(m.Features.SlashCommands))
	}
	c := m.Features.SlashCommands[0]
	if c.Command != defaultCommand || c.URL != "https://YOUR-HOST/slack/commands" || c.Description == "" || c.UsageHint == "" {
		t.Errorf("slash command: got %+v", c)
	}
	// Only what is used: replies go back in the response, to response_url or in the Socket
	// Mode acknowledgement, none through chat.postMessage, so no chat:write.
	if got := m.OAuthConfig.Scopes.Bot; !slices.Equal(got, []string{"commands"}) {
		t.Errorf("bot scopes: got %v, want [commands]", got)
	}
	if s := m.Settings.SocketModeEnabled; s == nil || *s {
		t.Error("settings.socket_mode_enabled: want false")
	}
}
