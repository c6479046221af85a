// Package slack connects the bot to Slack through the /backpain slash command, in either of
// Slack's two delivery modes:
//
//   - HTTP: NewHandler serves POST /slack/commands. Every request is checked against the app's
//     signing secret before anything else (only Slack's unsigned ssl_check gets an empty 200),
//     replays inside Slack's five-minute window are refused by every replica sharing a store
//     (adapters/store), each user is rate limited, and the reply goes back in the HTTP
//     response, or, if it takes over 2 s, to the command's response_url on hooks.slack.com.
//   - Socket Mode: a Socket holds a WebSocket to Slack (no public URL needed, only the app-level
//     token), answers each slash command in its acknowledgement, replaces a lost connection
//     after a jittered backoff, stops if Slack refuses the token, and reports its state for
//     /healthz and /metrics.
//
// "/backpain QUESTION" answers privately (ephemeral), "/backpain share QUESTION" answers in the
// channel, and "/backpain" or "/backpain help" lists the topics. Blocks renders a bot.Reply as
// Block Kit within Slack's limits, escapes all text for mrkdwn, and always ends with the
// disclaimer.
//
// Only this package imports slack-go. It never logs message text or secrets: logs carry the
// team id, a hash of the user, the command, the outcome and timings.
package slack
