package ops

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// get serves GET /healthz from h and decodes the body.
func get(t *testing.T, h *Health) (int, Report, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	body := rec.Body.String()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var r Report
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return rec.Code, r, body
}

func TestHealth(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		setup      func(h *Health)
		wantCode   int
		wantStatus string
		check      func(t *testing.T, r Report, body string)
	}{
		{
			name:       "before ready",
			setup:      func(h *Health) {},
			wantCode:   http.StatusServiceUnavailable,
			wantStatus: StatusNotReady,
		},
		{
			name:       "ready",
			setup:      func(h *Health) { h.SetReady(true) },
			wantCode:   http.StatusOK,
			wantStatus: StatusOK,
			check: func(t *testing.T, r Report, body string) {
				if r.FAQ != (FAQStatus{Version: "v1-3fa2c1d0", Entries: 33}) {
					t.Errorf("faq = %+v, want v1-3fa2c1d0 with 33 entries", r.FAQ)
				}
				if !strings.Contains(body, `"reload":null`) {
					t.Errorf("body = %s, want \"reload\":null", body)
				}
				if !strings.Contains(body, `"checks":{}`) {
					t.Errorf("body = %s, want \"checks\":{}", body)
				}
			},
		},
		{
			name: "ready with passing check",
			setup: func(h *Health) {
				h.SetReady(true)
				h.AddCheck("discord", func() (bool, string) { return true, "connected" })
			},
			wantCode:   http.StatusOK,
			wantStatus: StatusOK,
			check: func(t *testing.T, r Report, body string) {
				if want := `"checks":{"discord":{"ok":true,"detail":"connected"}}`; !strings.Contains(body, want) {
					t.Errorf("body = %s, want it to contain %s", body, want)
				}
			},
		},
		{
			name: "failing check",
			setup: func(h *Health) {
				h.SetReady(true)
				h.AddCheck("discord", func() (bool, string) { return false, "disconnected" })
				h.AddCheck("other", func() (bool, string) { return true, "" })
			},
			wantCode:   http.StatusServiceUnavailable,
			wantStatus: StatusFailing,
			check: func(t *testing.T, r Report, body string) {
				if got, want := r.Checks["discord"], (CheckStatus{OK: false, Detail: "disconnected"}); got != want {
					t.Errorf("checks[discord] = %+v, want %+v", got, want)
				}
				if got := r.Checks["other"]; !got.OK {
					t.Errorf("checks[other] = %+v, want ok", got)
				}
				if r.FAQ.Entries != 33 {
					t.Errorf("faq.entries = %d, want 33 in an unhealthy report too", r.FAQ.Entries)
				}
			},
		},
		{
			name: "reload failed keeps old faq and stays healthy",
			setup: func(h *Health) {
				h.SetReady(true)
				h.ReloadFailed(at, "faq.yaml:3:1: unknown field \"anwser\"")
			},
			wantCode:   http.StatusOK,
			wantStatus: StatusOK,
			check: func(t *testing.T, r Report, body string) {
				want := ReloadStatus{OK: false, At: at, LastError: "faq.yaml:3:1: unknown field \"anwser\""}
				if r.Reload == nil || *r.Reload != want {
					t.Errorf("reload = %+v, want %+v", r.Reload, want)
				}
				if r.FAQ.Version != "v1-3fa2c1d0" {
					t.Errorf("faq.version = %q, want the still-live v1-3fa2c1d0", r.FAQ.Version)
				}
				if !strings.Contains(body, `"at":"2026-03-01T12:00:00Z"`) {
					t.Errorf("body = %s, want RFC 3339 \"at\"", body)
				}
			},
		},
		{
			name: "reload ok after failure clears the error",
			setup: func(h *Health) {
				h.SetReady(true)
				h.ReloadFailed(at, "broken")
				h.ReloadOK(at.Add(time.Minute), "v1-00ff00ff", 34)
			},
			wantCode:   http.StatusOK,
			wantStatus: StatusOK,
			check: func(t *testing.T, r Report, body string) {
				if r.FAQ != (FAQStatus{Version: "v1-00ff00ff", Entries: 34}) {
					t.Errorf("faq = %+v, want v1-00ff00ff with 34 entries", r.FAQ)
				}
				want := ReloadStatus{OK: true, At: at.Add(time.Minute)}
				if r.Reload == nil || *r.Reload != want {
					t.Errorf("reload = %+v, want %+v", r.Reload, want)
				}
				if strings.Contains(body, "last_error") {
					t.Errorf("body = %s, want no last_error", body)
				}
			},
		},
		{
			name: "ready then not ready (shutting down)",
			setup: func(h *Health) {
				h.SetReady(true)
				h.SetReady(false)
			},
			wantCode:   http.StatusServiceUnavailable,
			wantStatus: StatusNotReady,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHealth()
			h.SetFAQ("v1-3fa2c1d0", 33)
			tt.setup(h)
			code, r, body := get(t, h)
			if code != tt.wantCode {
				t.Errorf("status code = %d, want %d", code, tt.wantCode)
			}
			if r.Status != tt.wantStatus {
				t.Errorf("status = %q, want %q", r.Status, tt.wantStatus)
			}
			for _, key := range []string{`"status":`, `"faq":`, `"reload":`, `"checks":`} {
				if !strings.Contains(body, key) {
					t.Errorf("body = %s, want key %s", body, key)
				}
			}
			if tt.check != nil {
				tt.check(t, r, body)
			}
		})
	}
}

func TestHealthMethods(t *testing.T) {
	h := NewHealth()
	h.SetReady(true)
	tests := []struct {
		method   string
		wantCode int
		wantBody bool
	}{
		{http.MethodGet, http.StatusOK, true},
		{http.MethodHead, http.StatusOK, false},
		{http.MethodPost, http.StatusMethodNotAllowed, true},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.Handler().ServeHTTP(rec, httptest.NewRequest(tt.method, "/healthz", nil))
			if rec.Code != tt.wantCode {
				t.Errorf("status code = %d, want %d", rec.Code, tt.wantCode)
			}
			if got := rec.Body.Len() > 0; got != tt.wantBody {
				t.Errorf("has body = %v, want %v", got, tt.wantBody)
			}
		})
	}
}

// TestHealthConcurrent is for the race detector.
func TestHealthConcurrent(t *testing.T) {
	h := NewHealth()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				h.SetReady(j%2 == 0)
				h.SetFAQ("v", i)
				h.ReloadFailed(time.Now(), "x")
				h.ReloadOK(time.Now(), "v", j)
				h.AddCheck("c", func() (bool, string) { return true, "" })
				get(t, h)
			}
		})
	}
	wg.Wait()
}
