package ops

import (
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// State is where a long-running adapter (a gateway or socket connection) is in its life.
type State string

// Adapter states.
const (
	// StateStarting: connecting for the first time, or again after a restart.
	StateStarting State = "starting"
	// StateConnected: up and answering.
	StateConnected State = "connected"
	// StateRetrying: the connection failed or dropped; the adapter is trying again.
	StateRetrying State = "retrying"
	// StateStopped: the adapter stopped for good (a refused token, say) or was shut down.
	StateStopped State = "stopped"
)

var allStates = []State{StateStarting, StateConnected, StateRetrying, StateStopped}

// AdapterStatus is a snapshot of an AdapterState.
type AdapterStatus struct {
	State     State     `json:"state"`
	Since     time.Time `json:"since"`
	LastError string    `json:"last_error,omitempty"`
	Restarts  int       `json:"restarts"`
}

// AdapterState is one adapter's state as /healthz and /metrics show it: a check named for the
// adapter that passes only while it is connected, with the state and last error as its detail,
// and backpainbot_adapter_state and backpainbot_adapter_restarts_total. Adapters (or the
// Supervisor running them) report with Starting, Connected, Retrying and Stopped. Errors must
// not hold secrets or message text. Methods are safe for concurrent use.
type AdapterState struct {
	name string
	m    *Metrics
	now  func() time.Time

	mu sync.Mutex
	st AdapterStatus
}

// NewAdapterState registers the adapter called name with h (a check, replacing one of the same
// name) and m; either may be nil. It starts in StateStarting.
func NewAdapterState(name string, h *Health, m *Metrics) *AdapterState {
	a := &AdapterState{name: name, m: m, now: time.Now}
	a.set(StateStarting, nil, false)
	if h != nil {
		h.AddCheck(name, a.check)
	}
	return a
}

// Starting records that the adapter is connecting.
func (a *AdapterState) Starting() { a.set(StateStarting, nil, false) }

// Connected records that the adapter is up; it keeps the last error for the record.
func (a *AdapterState) Connected() { a.set(StateConnected, nil, false) }

// Retrying records that the adapter lost its connection, or failed, with err, and is trying
// again.
func (a *AdapterState) Retrying(err error) { a.set(StateRetrying, err, false) }

// Stopped records that the adapter stopped, with err when it stopped for good on an error.
func (a *AdapterState) Stopped(err error) { a.set(StateStopped, err, false) }

// restarted records a restart by the supervisor after err.
func (a *AdapterState) restarted(err error) { a.set(StateRetrying, err, true) }

// Status returns the current state.
func (a *AdapterState) Status() AdapterStatus {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.st
}

func (a *AdapterState) set(s State, err error, restart bool) {
	a.mu.Lock()
	if a.st.State != s {
		a.st.Since = a.now().UTC()
	}
	a.st.State = s
	if err != nil {
		a.st.LastError = oneLine(err.Error())
	}
	if restart {
		a.st.Restarts++
	}
	a.mu.Unlock()
	if a.m != nil {
		a.m.adapterState(a.name, s, restart)
	}
}

// check is the /healthz check: ok while connected; the detail is the state and last error.
func (a *AdapterState) check() (bool, string) {
	st := a.Status()
	detail := string(st.State)
	if st.LastError != "" && st.State != StateConnected {
		detail += ": " + st.LastError
	}
	return st.State == StateConnected, detail
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", "; ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// adapterMetrics are the per-adapter metrics, registered with the first AdapterState.
type adapterMetrics struct {
	once     sync.Once
	state    *prometheus.GaugeVec
	restarts *prometheus.CounterVec
}

func (m *Metrics) adapterState(name string, s State, restart bool) {
	am := &m.adapters
	am.once.Do(func() {
		am.state = prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "backpainbot_adapter_state",
			Help: "The adapter's state (starting, connected, retrying, stopped): 1 for the current one, 0 for the others.",
		}, []string{"adapter", "state"})
		am.restarts = prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "backpainbot_adapter_restarts_total",
			Help: "Times the adapter was restarted after it failed.",
		}, []string{"adapter"})
		m.reg.MustRegister(am.state, am.restarts)
	})
	for _, st := range allStates {
		v := 0.0
		if st == s {
			v = 1
		}
		am.state.WithLabelValues(name, string(st)).Set(v)
	}
	c := am.restarts.WithLabelValues(name)
	if restart {
		c.Inc()
	}
}
