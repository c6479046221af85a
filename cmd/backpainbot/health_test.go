package main

import (
	"strings"
	"testing"
)

func TestHealthURL(t *testing.T) {
	tests := []struct {
		addr, want string
		wantErr    bool
	}{
		{":8080", "http://127.0.0.1:8080/healthz", false},
		{"0.0.0.0:9000", "http://127.0.0.1:9000/healthz", false},
		{"[::]:8080", "http://127.0.0.1:8080/healthz", false},
		{"10.0.0.5:8080", "http://10.0.0.5:8080/healthz", false},
		{"[::1]:8080", "http://[::1]:8080/healthz", false},
		{"8080", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			got, err := healthURL(tt.addr)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("healthURL(%q) = %q, %v; want %q, error %v", tt.addr, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestHealthCommand probes a real serve: healthy, then stopped.
func TestHealthCommand(t *testing.T) {
	sv := startServe(t, env(nil), "--config", writeConfig(t, loopbackConfig))
	var out, errOut syncBuffer
	if err := run(t.Context(), []string{"health", "--addr", sv.opsAddr}, strings.NewReader(""), &out, &errOut, env(nil)); err != nil {
		t.Fatalf("health against a running serve = %v; stderr %s", err, errOut.String())
	}
	if out.String() != "ok\n" {
		t.Errorf("stdout = %q, want \"ok\\n\"", out.String())
	}
	// From the config, as the container's HEALTHCHECK does it.
	cfg := writeConfig(t, "http:\n  ops_addr: \""+sv.opsAddr+"\"\n")
	if err := run(t.Context(), []string{"health", "--config", cfg}, strings.NewReader(""), &out, &errOut, env(nil)); err != nil {
		t.Errorf("health --config = %v", err)
	}
	if err := run(t.Context(), []string{"health"}, strings.NewReader(""), &out, &errOut, env(map[string]string{"BACKPAINBOT_HTTP_OPS_ADDR": sv.opsAddr})); err != nil {
		t.Errorf("health with BACKPAINBOT_HTTP_OPS_ADDR = %v", err)
	}
	if err := sv.stop(t); err != nil {
		t.Fatal(err)
	}
	err := run(t.Context(), []string{"health", "--addr", sv.opsAddr, "--timeout", "500ms"}, strings.NewReader(""), &out, &errOut, env(nil))
	if code, msg := exitCodeOf(t, err); code != 1 || !strings.Contains(msg, "not answering") {
		t.Errorf("health against a stopped serve = exit %d %q, want exit 1 \"not answering\"", code, msg)
	}
}

// TestHealthCommandUnhealthy: a 503 from /healthz exits 1 naming the failing check.
func TestHealthCommandUnhealthy(t *testing.T) {
	// A Socket Mode adapter that never connects keeps /healthz failing.
	path := writeConfig(t, loopbackConfig+"slack:\n  enabled: true\n  api_url: http://127.0.0.1:1/\n")
	sv := startServe(t, env(map[string]string{"SLACK_APP_TOKEN": "xapp-1-x"}), "--config", path)
	var out, errOut syncBuffer
	err := run(t.Context(), []string{"health", "--addr", sv.opsAddr}, strings.NewReader(""), &out, &errOut, env(nil))
	if code, msg := exitCodeOf(t, err); code != 1 || !strings.Contains(msg, "slack: ") {
		t.Errorf("health = exit %d %q, want exit 1 naming the slack check", code, msg)
	}
}
