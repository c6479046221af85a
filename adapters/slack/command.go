package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strings"
	"time"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/backpainbot/backpainbot/bot"
)

// Answerer is what the adapter needs from the bot.
type Answerer interface {
	Answer(ctx context.Context, q bot.Question) bot.Reply
	Help() bot.Reply
}

var _ Answerer = (*bot.Bot)(nil)

// Recorder counts requests for /metrics. The adapter reports "slack" with the reply's outcome
// ("answered", "no_match", "triaged"), "help" for the topic list, "rejected" for an HTTP
// request refused before answering, or "failed" when a Socket Mode acknowledgement could not
// be sent.
type Recorder interface {
	Request(adapter, outcome string, elapsed time.Duration)
}

// defaultCommand is the slash command used when none is configured.
const defaultCommand = "/backpain"

const (
	adapterName = "slack"
	platform    = "slack"
	// maxLogged bounds the command name in logs; Slack's are at most 32 characters.
	maxLogged = 40
)

// Outcomes the adapter reports besides bot.Reply.Outcome.
const (
	outcomeHelp     = "help"
	outcomeRejected = "rejected"
)

// request is what a slash command's text asks for.
type request struct {
	help     bool
	share    bool
	question string
}

// parseText reads "help", "share QUESTION" or "QUESTION". An empty command, "help", and
// "share" with nothing after it all ask for help.
func parseText(text string) request {
	t := strings.TrimSpace(text)
	if t == "" || strings.EqualFold(t, "help") {
		return request{help: true}
	}
	word, rest := t, ""
	if i := strings.IndexFunc(t, unicode.IsSpace); i >= 0 {
		word, rest = t[:i], strings.TrimSpace(t[i:])
	}
	if strings.EqualFold(word, "share") {
		if rest == "" || strings.EqualFold(rest, "help") {
			return request{help: true}
		}
		return request{share: true, question: rest}
	}
	return request{question: t}
}

// responder answers slash commands; the HTTP handler and Socket Mode share it.
type responder struct {
	delivery
	a       Answerer
	command string
	usage   string
	log     *slog.Logger
	metrics Recorder
}

func newResponder(a Answerer, command string, logger *slog.Logger, metrics Recorder, mode string) responder {
	if command == "" {
		command = defaultCommand
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := escape(command)
	return responder{
		delivery: delivery{}.withDefaults(),
		a:        a,
		command:  command,
		usage: "*How to ask*\n`" + c + " your question` answers you privately.\n`" + c +
			" share your question` posts the question and answer in this channel.",
		log:     logger.With("adapter", adapterName, "mode", mode),
		metrics: metrics,
	}
}

// respond answers cmd and returns the JSON reply, the outcome and the response type.
func (rs *responder) respond(ctx context.Context, cmd slack.SlashCommand) (body []byte, outcome, responseType string, err error) {
	req := parseText(cmd.Text)
	responseType = slack.ResponseTypeEphemeral
	var r bot.Reply
	extra := ""
	if req.help {
		r, outcome, extra = rs.a.Help(), outcomeHelp, rs.usage
	} else {
		r = rs.a.Answer(ctx, bot.Question{Text: req.question, Platform: platform})
		outcome = r.Outcome()
		if req.share {
			responseType = slack.ResponseTypeInChannel
		}
	}
	body, err = payload(r, responseType, extra)
	return body, outcome, responseType, err
}

// logCommand writes the one log line of an answered command: ids, never text.
func (rs *responder) logCommand(ctx context.Context, cmd slack.SlashCommand, outcome, responseType string, elapsed time.Duration) {
	if rs.metrics != nil {
		rs.metrics.Request(adapterName, outcome, elapsed)
	}
	level := slog.LevelInfo
	if cmd.Command != rs.command {
		// Still answered: the request is signed by this app, so the command is one of ours.
		level = slog.LevelWarn
	}
	rs.log.LogAttrs(ctx, level, "slash command",
		slog.String("team_id", clip(cmd.TeamID)),
		slog.Any("user", userRef{team: cmd.TeamID, user: cmd.UserID}),
		slog.String("command", clip(cmd.Command)),
		slog.String("outcome", outcome),
		slog.String("response_type", responseType),
		slog.Duration("duration", elapsed),
	)
}

// userRef logs a user as a short hash of team and user id, so logs can tell repeat askers
// apart without naming them. It is computed only if the line is logged.
type userRef struct{ team, user string }

// LogValue implements slog.LogValuer.
func (u userRef) LogValue() slog.Value {
	if u.user == "" {
		return slog.StringValue("")
	}
	sum := sha256.Sum256([]byte(u.team + "/" + u.user))
	return slog.StringValue(hex.EncodeToString(sum[:6]))
}

// clip keeps an id short and valid UTF-8 for logs.
func clip(s string) string {
	if len(s) > maxLogged {
		s = s[:maxLogged]
	}
	return strings.ToValidUTF8(s, "?")
}
