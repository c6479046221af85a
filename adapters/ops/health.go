package ops

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Health answers GET /healthz. The report is healthy (200) once SetReady(true) has been called
// and every check passes, and unhealthy (503) otherwise; the body has the same shape either way:
//
//	{
//	  "status": "ok",               // or "not_ready", "failing"
//	  "faq": {"version": "v1-3fa2c1d0", "entries": 33},
//	  "reload": null,               // or {"ok": false, "at": "...", "last_error": "..."}
//	  "checks": {"discord": {"ok": true, "detail": "connected"}}
//	}
//
// A failed FAQ reload shows in "reload" but does not make the report unhealthy: the previous FAQ
// is still live and answering, and restarting the process would only load the broken file again.
//
// The zero value is not usable; call NewHealth. Methods are safe for concurrent use.
type Health struct {
	mu     sync.Mutex
	ready  bool
	faq    FAQStatus
	reload *ReloadStatus
	checks map[string]func() (bool, string)
}

// FAQStatus identifies the live FAQ in the report.
type FAQStatus struct {
	Version string `json:"version"`
	Entries int    `json:"entries"`
}

// ReloadStatus is the outcome of the latest FAQ reload.
type ReloadStatus struct {
	OK        bool      `json:"ok"`
	At        time.Time `json:"at"`
	LastError string    `json:"last_error,omitempty"`
}

// CheckStatus is the result of one check.
type CheckStatus struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// Report is the body of /healthz.
type Report struct {
	Status string                 `json:"status"`
	FAQ    FAQStatus              `json:"faq"`
	Reload *ReloadStatus          `json:"reload"`
	Checks map[string]CheckStatus `json:"checks"`
}

// Report statuses.
const (
	StatusOK       = "ok"
	StatusNotReady = "not_ready"
	StatusFailing  = "failing"
)

// NewHealth returns a Health that is not ready and has no checks.
func NewHealth() *Health {
	return &Health{checks: make(map[string]func() (bool, string))}
}

// SetFAQ records which FAQ is live: its version (such as "v1-3fa2c1d0") and number of entries.
// Use it for the FAQ loaded at start; use ReloadOK for a reload.
func (h *Health) SetFAQ(version string, entries int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.faq = FAQStatus{Version: version, Entries: entries}
}

// ReloadOK records that a reload at time at made the FAQ version, with entries entries, live.
// It clears any earlier reload error.
func (h *Health) ReloadOK(at time.Time, version string, entries int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.faq = FAQStatus{Version: version, Entries: entries}
	h.reload = &ReloadStatus{OK: true, At: at.UTC()}
}

// ReloadFailed records that a reload at time at failed with problem; the FAQ reported stays the
// one that is still live. problem must not contain secrets or message text.
func (h *Health) ReloadFailed(at time.Time, problem string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.reload = &ReloadStatus{OK: false, At: at.UTC(), LastError: problem}
}

// AddCheck adds (or replaces) the check called name. fn runs on every request to /healthz,
// outside any lock, and must be fast and safe for concurrent use; detail, such as "connected",
// is shown as is.
func (h *Health) AddCheck(name string, fn func() (ok bool, detail string)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.checks[name] = fn
}

// SetReady marks the process as ready to serve (true), or as starting up or shutting down (false).
func (h *Health) SetReady(ready bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ready = ready
}

// Check runs the checks and returns the report; healthy is true when the status is StatusOK.
func (h *Health) Check() (r Report, healthy bool) {
	h.mu.Lock()
	ready := h.ready
	r.FAQ = h.faq
	if h.reload != nil {
		rs := *h.reload
		r.Reload = &rs
	}
	checks := make(map[string]func() (bool, string), len(h.checks))
	for name, fn := range h.checks {
		checks[name] = fn
	}
	h.mu.Unlock()

	r.Checks = make(map[string]CheckStatus, len(checks))
	allOK := true
	for name, fn := range checks {
		ok, detail := fn()
		r.Checks[name] = CheckStatus{OK: ok, Detail: detail}
		allOK = allOK && ok
	}
	switch {
	case !ready:
		r.Status = StatusNotReady
	case !allOK:
		r.Status = StatusFailing
	default:
		r.Status = StatusOK
	}
	return r, r.Status == StatusOK
}

// Handler serves the report as JSON to GET and HEAD requests: 200 when healthy, 503 otherwise.
func (h *Health) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		r, healthy := h.Check()
		body, err := json.Marshal(r)
		if err != nil {
			http.Error(w, "encode health report", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if healthy {
			w.WriteHeader(http.StatusOK)
		} else {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		if req.Method == http.MethodGet {
			w.Write(append(body, '\n'))
		}
	})
}
