// Package ops serves the operations endpoints of "backpainbot serve": Prometheus metrics at
// /metrics (Metrics) and a health report at /healthz (Health), and keeps the adapters
// independent: a Supervisor restarts a failed adapter with backoff, or leaves it stopped when
// its error is permanent, and an AdapterState shows each adapter's state (starting, connected,
// retrying, stopped) and last error on both endpoints.
//
// Nothing here knows about Slack, Discord or the FAQ format: adapters report each request through
// Metrics.Request and their state through an AdapterState, the command reports FAQ loads and
// reloads, and registers health checks and gateway gauges as plain functions. Nothing here sees
// or records message text.
package ops
