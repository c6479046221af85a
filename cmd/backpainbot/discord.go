package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/backpainbot/backpainbot/adapters/discord"
	"github.com/backpainbot/backpainbot/config"
)

const discordUsage = `Usage: backpainbot discord COMMAND

Commands for setting up the Discord bot:
  invite-url [--config FILE] [--app-id ID]   print the link a server admin opens to add the bot
`

const inviteSynopsis = "discord invite-url [--config FILE] [--app-id ID]"

// runDiscord runs the "discord" commands.
func runDiscord(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, discordUsage)
		return &exitError{code: 2}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, discordUsage)
		return nil
	case "invite-url":
		return runDiscordInvite(rest, stdout, stderr, getenv)
	}
	return usageError("discord: unknown command %q; run backpainbot discord --help", cmd)
}

// runDiscordInvite prints the OAuth2 link that adds the bot to a server, for the application
// given by --app-id or else by the configuration (discord.application_id in the file, or
// BACKPAINBOT_DISCORD_APPLICATION_ID).
func runDiscordInvite(args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("discord invite-url", inviteSynopsis, stderr)
	cfgPath := fs.String("config", "", "config `FILE` to read discord.application_id from")
	appID := fs.String("app-id", "", "Discord application `ID` (overrides the config)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("discord invite-url: unexpected argument %q (see backpainbot discord invite-url --help)", fs.Arg(0))
	}
	id := strings.TrimSpace(*appID)
	if id == "" {
		cfg, err := config.Load(*cfgPath, getenv)
		if err != nil {
			return failure("discord invite-url: %v", err)
		}
		id = strings.TrimSpace(cfg.Discord.ApplicationID)
	}
	if id == "" {
		return usageError("discord invite-url: no application id; pass --app-id ID or set discord.application_id in the --config file (it is on the General Information page of your app in the Discord developer portal)")
	}
	if !isSnowflake(id) {
		return usageError("discord invite-url: application id %q is not a Discord id (digits only)", id)
	}
	fmt.Fprintln(stdout, discord.InviteURL(id))
	return nil
}

// isSnowflake reports whether s looks like a Discord id: 1 to 20 digits.
func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
