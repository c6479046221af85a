// Package redistest starts a throwaway redis-server on loopback for tests.
package redistest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// EnvURL names the variable that, when set, points tests at a running Redis instead of
// starting one, such as "redis://127.0.0.1:6379/15". Tests flush nothing; they use fresh keys.
const EnvURL = "BACKPAINBOT_TEST_REDIS"

// URL returns the URL of a Redis for t: BACKPAINBOT_TEST_REDIS if set, or a redis-server
// started on a free loopback port (no persistence) and stopped when t ends. It skips t only
// when no redis-server binary is installed, and fails it if one is installed but will not start.
func URL(t testing.TB) string {
	t.Helper()
	if u := os.Getenv(EnvURL); u != "" {
		return u
	}
	return Start(t).URL
}

// Server is a redis-server started by Start.
type Server struct {
	// URL is "redis://127.0.0.1:PORT/0".
	URL string
	cmd *exec.Cmd
}

// Stop ends the server by its process id, as if Redis went away. Start's cleanup calls it too.
func (s *Server) Stop() { stop(s.cmd) }

// Start starts a redis-server of its own for t, whatever BACKPAINBOT_TEST_REDIS says, for
// tests that stop it. It skips t when no redis-server binary is installed.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skipf("no redis-server binary on PATH (install the redis-server package, or set %s)", EnvURL)
	}
	port := freePort(t)
	cmd := exec.Command(bin, "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	srv := &Server{cmd: cmd}
	t.Cleanup(srv.Stop)
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Ready to accept connections") {
				close(ready)
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatalf("redis-server did not start on port %s", port)
	}
	srv.URL = "redis://127.0.0.1:" + port + "/0"
	return srv
}

// stop kills the process once and reaps it.
func stop(cmd *exec.Cmd) {
	if cmd.Process == nil || cmd.ProcessState != nil {
		return
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
}

// freePort asks the kernel for a free loopback port.
func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
