package ops

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// scrape returns the text exposition served by m.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: status %d, want 200", resp.StatusCode)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

func TestMetrics(t *testing.T) {
	m := NewMetrics()
	m.Request("slack", "answered", 20*time.Millisecond)
	m.Request("slack", "answered", 30*time.Millisecond)
	m.Request("discord", "triaged", time.Millisecond)
	m.Reload(true, 33)
	m.Reload(false, 0)
	m.Reload(false, 99)
	var connected atomic.Bool
	m.AddGateway("discord", connected.Load)

	body := scrape(t, m)
	tests := []struct {
		name string
		want string // a regular expression matched against whole lines
	}{
		{"slack answered", `^backpainbot_requests_total\{adapter="slack",outcome="answered"\} 2$`},
		{"discord triaged", `^backpainbot_requests_total\{adapter="discord",outcome="triaged"\} 1$`},
		{"slack duration count", `^backpainbot_request_duration_seconds_count\{adapter="slack"\} 2$`},
		{"slack duration sum", `^backpainbot_request_duration_seconds_sum\{adapter="slack"\} 0\.05\d*$`},
		{"slack duration bucket", `^backpainbot_request_duration_seconds_bucket\{adapter="slack",le="0\.025"\} 1$`},
		{"reload ok", `^backpainbot_faq_reloads_total\{result="ok"\} 1$`},
		{"reload failed", `^backpainbot_faq_reloads_total\{result="failed"\} 2$`},
		{"entries keep last good", `^backpainbot_faq_entries 33$`},
		{"gateway down", `^backpainbot_gateway_connected\{adapter="discord"\} 0$`},
		{"go collector", `^go_goroutines \d+$`},
		{"help text", `^# HELP backpainbot_requests_total `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !regexp.MustCompile(`(?m)` + tt.want).MatchString(body) {
				t.Errorf("/metrics has no line matching %s; got:\n%s", tt.want, grep(body, "backpainbot_"))
			}
		})
	}

	t.Run("gateway is read at scrape time", func(t *testing.T) {
		connected.Store(true)
		if got := scrape(t, m); !strings.Contains(got, `backpainbot_gateway_connected{adapter="discord"} 1`) {
			t.Errorf("after connecting, /metrics has:\n%s", grep(got, "gateway"))
		}
	})
	t.Run("testutil agrees", func(t *testing.T) {
		if got := testutil.ToFloat64(m.requests.WithLabelValues("slack", "answered")); got != 2 {
			t.Errorf("requests{slack,answered} = %v, want 2", got)
		}
	})
	t.Run("lint", func(t *testing.T) {
		problems, err := testutil.GatherAndLint(m.reg)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			if strings.HasPrefix(p.Metric, "backpainbot_") {
				t.Errorf("lint %s: %s", p.Metric, p.Text)
			}
		}
	})
}

func TestMetricsZeroReloads(t *testing.T) {
	body := scrape(t, NewMetrics())
	for _, want := range []string{
		`backpainbot_faq_reloads_total{result="ok"} 0`,
		`backpainbot_faq_reloads_total{result="failed"} 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("fresh /metrics lacks %s", want)
		}
	}
}

func TestMetricsSeparateRegistries(t *testing.T) {
	a, b := NewMetrics(), NewMetrics()
	a.Request("slack", "answered", time.Millisecond)
	a.AddGateway("discord", func() bool { return true })
	b.AddGateway("discord", func() bool { return true }) // would panic on a shared registry
	if got := scrape(t, b); strings.Contains(got, "backpainbot_requests_total{") {
		t.Errorf("second Metrics shows the first one's requests:\n%s", grep(got, "requests_total"))
	}
}

func grep(body, substr string) string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		if strings.Contains(line, substr) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
