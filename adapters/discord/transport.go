package discord

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// discordHost is the host discordgo sends every REST request to.
const discordHost = "discord.com"

// rewriter sends requests meant for discord.com to another base URL instead, keeping the path
// and query. discordgo's endpoints are package variables computed at init, so rewriting in the
// transport is how a session is pointed at a fake without touching globals.
type rewriter struct {
	base *url.URL
	next http.RoundTripper
}

// newRewriter returns a transport sending discord.com requests to base, such as
// "http://127.0.0.1:8081/" (a path in base is put before the request's path).
func newRewriter(base string, next http.RoundTripper) (*rewriter, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("api url is not an absolute http or https URL")
	}
	if next == nil {
		next = http.DefaultTransport
	}
	return &rewriter{base: u, next: next}, nil
}

// RoundTrip implements http.RoundTripper.
func (rw *rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != discordHost {
		return rw.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = rw.base.Scheme
	r.URL.Host = rw.base.Host
	r.URL.Path = strings.TrimSuffix(rw.base.Path, "/") + req.URL.Path
	if req.URL.RawPath != "" {
		r.URL.RawPath = strings.TrimSuffix(rw.base.EscapedPath(), "/") + req.URL.RawPath
	}
	r.Host = ""
	return rw.next.RoundTrip(r)
}
