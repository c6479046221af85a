package ops

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the bot's Prometheus metrics in a registry of its own, so that two Metrics (two
// servers in one test binary, say) never collide and nothing registered globally by a library
// leaks into /metrics. Its methods are safe for concurrent use.
//
// It exports:
//
//	backpainbot_requests_total{adapter,outcome}        counter
//	backpainbot_request_duration_seconds{adapter}      histogram
//	backpainbot_faq_reloads_total{result="ok"|"failed"} counter
//	backpainbot_faq_entries                            gauge
//	backpainbot_gateway_connected{adapter}             gauge, 1 or 0, one per AddGateway call
//	backpainbot_adapter_state{adapter,state}           gauge, 1 for the adapter's current state
//	backpainbot_adapter_restarts_total{adapter}        counter, restarts by a Supervisor
//
// and the standard go_* and process_* collectors.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	reloads  *prometheus.CounterVec
	entries  prometheus.Gauge

	adapters adapterMetrics // see adapter.go
}

// NewMetrics returns Metrics with every metric registered and the reload counters at zero.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "backpainbot_requests_total",
			Help: "Questions handled, by adapter (slack, discord) and outcome (answered, no_match, triaged, rejected).",
		}, []string{"adapter", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "backpainbot_request_duration_seconds",
			Help:    "Time from receiving a question to handing the reply to the platform, by adapter.",
			Buckets: prometheus.DefBuckets,
		}, []string{"adapter"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "backpainbot_faq_reloads_total",
			Help: "FAQ loads and reloads, by result (ok, failed).",
		}, []string{"result"}),
		entries: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "backpainbot_faq_entries",
			Help: "Entries in the live FAQ.",
		}),
	}
	m.reg.MustRegister(
		m.requests, m.duration, m.reloads, m.entries,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Export both results from the start, so rate() and alerts work before the first failure.
	m.reloads.WithLabelValues("ok")
	m.reloads.WithLabelValues("failed")
	return m
}

// Request records one question handled by adapter ("slack", "discord") with outcome
// ("answered", "no_match", "triaged", "rejected") after elapsed. It satisfies the adapters'
// Recorder interfaces.
func (m *Metrics) Request(adapter, outcome string, elapsed time.Duration) {
	m.requests.WithLabelValues(adapter, outcome).Inc()
	m.duration.WithLabelValues(adapter).Observe(elapsed.Seconds())
}

// Reload records an FAQ load or reload. When ok, entries is the size of the FAQ now live; when
// not, the previous FAQ stays live and entries is ignored.
func (m *Metrics) Reload(ok bool, entries int) {
	if !ok {
		m.reloads.WithLabelValues("failed").Inc()
		return
	}
	m.reloads.WithLabelValues("ok").Inc()
	m.entries.Set(float64(entries))
}

// AddGateway exports backpainbot_gateway_connected{adapter=adapter}, read from connected at
// each scrape: 1 when it returns true, 0 otherwise. connected must be fast and safe for
// concurrent use. Calling AddGateway twice for one adapter panics.
func (m *Metrics) AddGateway(adapter string, connected func() bool) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "backpainbot_gateway_connected",
		Help:        "Whether the adapter's gateway connection is up (1) or not (0).",
		ConstLabels: prometheus.Labels{"adapter": adapter},
	}, func() float64 {
		if connected() {
			return 1
		}
		return 0
	}))
}

// Handler serves the metrics in the Prometheus text (or negotiated) exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
