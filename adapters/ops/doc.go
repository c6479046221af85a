// Package ops serves the operations endpoints of "backpainbot serve": Prometheus metrics at
// /metrics (Metrics) and a health report at /healthz (Health).
//
// Neither knows about Slack, Discord or the FAQ format: adapters report each request through
// Metrics.Request, the command reports FAQ loads and reloads, and the command registers health
// checks and gateway gauges as plain functions. Nothing here sees or records message text.
package ops
