// Package slack connects the bot to Slack through the /backpain slash command, in either of
// Slack's two delivery modes:
//
//   - HTTP: NewHandler serves POST /slack/commands. Every request is checked against the app's
//     signing secret before anything else, replays inside Slack's five-minute window are
//     refused, and the reply goes back in the HTTP response.
//   - Socket Mode: RunSocketMode holds a WebSocket to Slack (no public URL needed) and answers
//     each slash command in its acknowledgement.
//
// "/backpain QUESTION" answers privately (ephemeral), "/backpain share QUESTION" answers in the
// channel, and "/backpain" or "/backpain help" lists the topics. Blocks renders a bot.Reply as
// Block Kit within Slack's limits, escapes all text for mrkdwn, and always ends with the
// disclaimer.
//
// Only this package imports slack-go. It never logs message text or secrets: logs carry the
// team id, a hash of the user, the command, the outcome and timings.
package slack
