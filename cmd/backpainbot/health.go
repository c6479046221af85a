package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/backpainbot/backpainbot/config"
)

const healthSynopsis = "health [--addr HOST:PORT] [--config FILE] [--timeout DURATION]"

// runHealth asks a running "backpainbot serve" for /healthz and exits 0 when it is healthy, 1
// when not. It is the container's health check: a scratch or distroless image has no curl.
// The address is --addr, or else http.ops_addr (or http.addr when that is empty) from the
// config (--config or $BACKPAINBOT_CONFIG, and the environment), with a wildcard host such as
// ":9090" asked on loopback.
func runHealth(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("health", healthSynopsis, stderr)
	addr := fs.String("addr", "", "ask the server at `HOST:PORT` (default: http.ops_addr, or http.addr, from the config)")
	configPath := fs.String("config", "", "read the address from `FILE` (default $BACKPAINBOT_CONFIG)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after `DURATION`")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("health: unexpected argument %q (see backpainbot health --help)", fs.Arg(0))
	}
	target := *addr
	if target == "" {
		path := *configPath
		if path == "" {
			path = strings.TrimSpace(getenv("BACKPAINBOT_CONFIG"))
		}
		cfg, err := config.Load(path, getenv)
		if err != nil {
			return printLines(stderr, "backpainbot: config: ", err)
		}
		target = cfg.HTTP.OpsAddr // where /healthz is, unless it shares http.addr
		if target == "" {
			target = cfg.HTTP.Addr
		}
	}
	u, err := healthURL(target)
	if err != nil {
		return usageError("health: %v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return failure("health: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return failure("health: %s: not answering: %v", target, unwrapURL(err))
	}
	defer resp.Body.Close()
	var r struct {
		Status string `json:"status"`
		Checks map[string]struct {
			OK     bool   `json:"ok"`
			Detail string `json:"detail"`
		} `json:"checks"`
	}
	_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&r)
	if resp.StatusCode == http.StatusOK {
		fmt.Fprintln(stdout, "ok")
		return nil
	}
	var failing []string
	for name, c := range r.Checks {
		if !c.OK {
			failing = append(failing, name+": "+c.Detail)
		}
	}
	msg := fmt.Sprintf("health: %s (HTTP %d)", r.Status, resp.StatusCode)
	if len(failing) > 0 {
		msg += "; " + strings.Join(failing, "; ")
	}
	return failure("%s", msg)
}

// healthURL is the /healthz URL for a listen address; a wildcard host is asked on loopback.
func healthURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("address %q is not host:port", addr)
	}
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}

// unwrapURL drops net/http's "Get URL:" prefix, which repeats the address.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
