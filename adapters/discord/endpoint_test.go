package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/bot"
)

// endpoint is an adapter in the HTTP endpoint mode, with no bot token, whose follow-ups go to a
// fake Discord.
type endpoint struct {
	a    *Adapter
	key  ed25519.PrivateKey
	fake *fakeDiscord
	rec  *recorder
}

func newEndpoint(t *testing.T, answerer Answerer, edit func(*Options)) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &endpoint{key: priv, fake: newFakeDiscord(t), rec: newRecorder()}
	o := Options{PublicKey: hex.EncodeToString(pub), ApplicationID: fakeAppID, APIURL: e.fake.URL(), Ephemeral: true,
		PerMinute: 600, Burst: 100, Metrics: e.rec}
	if edit != nil {
		edit(&o)
	}
	if e.a, err = New(answerer, o); err != nil {
		t.Fatal(err)
	}
	return e
}

// signed builds a request signed with key at time at.
func signed(body string, key ed25519.PrivateKey, at time.Time) *http.Request {
	ts := strconv.FormatInt(at.Unix(), 10)
	r := httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader(body))
	r.Header.Set("X-Signature-Timestamp", ts)
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(ts+body))))
	return r
}

func (e *endpoint) serve(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	e.a.Handler().ServeHTTP(w, r)
	return w
}

// interactionJSON marshals an interaction payload from the helpers in fake_test.go.
func interactionJSON(t testing.TB, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEndpointRefusesForgedAndStale(t *testing.T) {
	t.Parallel()
	e := newEndpoint(t, realBot(), nil)
	_, other, _ := ed25519.GenerateKey(nil)
	ping := `{"id":"1","application_id":"` + fakeAppID + `","type":1,"token":"t","version":1}`
	now := time.Now()
	tests := []struct {
		name string
		req  func() *http.Request
		code int
		body string
	}{
		{"signed ping", func() *http.Request { return signed(ping, e.key, now) }, 200, `{"type":1}`},
		{"four minutes old", func() *http.Request { return signed(ping, e.key, now.Add(-4*time.Minute)) }, 200, `{"type":1}`},
		{"another key", func() *http.Request { return signed(ping, other, now) }, 401, ""},
		{"six minutes old", func() *http.Request { return signed(ping, e.key, now.Add(-6*time.Minute)) }, 401, ""},
		{"six minutes ahead", func() *http.Request { return signed(ping, e.key, now.Add(6*time.Minute)) }, 401, ""},
		{"tampered body", func() *http.Request {
			r := signed(ping, e.key, now)
			r.Body = httptestBody(strings.Replace(ping, `"type":1`, `"type":2`, 1))
			return r
		}, 401, ""},
		{"no signature", func() *http.Request {
			r := signed(ping, e.key, now)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}, 401, ""},
		{"timestamp not a number", func() *http.Request {
			ts := "yesterday"
			r := httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader(ping))
			r.Header.Set("X-Signature-Timestamp", ts)
			r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(e.key, []byte(ts+ping))))
			return r
		}, 401, ""},
		{"GET", func() *http.Request { return httptest.NewRequest(http.MethodGet, "/discord/interactions", nil) }, 405, ""},
		{"too large", func() *http.Request { return signed(strings.Repeat(" ", maxBody+1)+ping, e.key, now) }, 413, ""},
		{"signed junk", func() *http.Request { return signed(`{"type":`, e.key, now) }, 400, ""},
		{"signed, no type", func() *http.Request { return signed(`{"id":"1"}`, e.key, now) }, 400, ""},
		{"signed, unknown type", func() *http.Request { return signed(`{"id":"1","type":99}`, e.key, now) }, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := e.serve(tt.req())
			if w.Code != tt.code {
				t.Errorf("status %d; want %d (body %s)", w.Code, tt.code, w.Body)
			}
			if tt.body != "" && strings.TrimSpace(w.Body.String()) != tt.body {
				t.Errorf("body %s; want %s", w.Body, tt.body)
			}
		})
	}
}

func httptestBody(s string) *readCloser { return &readCloser{bytes.NewReader([]byte(s))} }

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

func TestEndpointWithoutPublicKey(t *testing.T) {
	a, err := New(realBot(), Options{Token: fakeToken})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	a.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader("{}")))
	if w.Code != http.StatusNotFound {
		t.Errorf("status %d; want 404 when no public key is set", w.Code)
	}
}

// TestEndpointAnswers: slash commands, buttons and autocomplete are answered in the HTTP
// response; the rest of a long reply goes to the interaction's webhook, with no bot token.
func TestEndpointAnswers(t *testing.T) {
	t.Parallel()
	b := realBot()
	t.Run("slash command", func(t *testing.T) {
		t.Parallel()
		e := newEndpoint(t, b, nil)
		q := "is it safe to exercise with back pain"
		w := e.serve(signed(interactionJSON(t, command("801", "tok1", "701", q)), e.key, time.Now()))
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("status %d %q; want 200 JSON", w.Code, w.Header().Get("Content-Type"))
		}
		msg := sentCallback(t, request{Path: "response", Body: w.Body.Bytes()})
		want := render(b.Answer(context.Background(), bot.Question{Text: q}))
		if msg.Content != want[0].Content || msg.Flags != 64 {
			t.Errorf("response %q flags %d; want the answer, ephemeral", msg.Content, msg.Flags)
		}
		checkMessages(t, []sent{msg}, b.FAQ().Disclaimer)
		if got := e.rec.wait(t, 1); got[0] != "answered" {
			t.Errorf("outcome %v; want answered", got)
		}
	})
	t.Run("long reply", func(t *testing.T) {
		t.Parallel()
		r := longReply()
		want := render(r)
		e := newEndpoint(t, stub{r}, nil)
		w := e.serve(signed(interactionJSON(t, command("802", "tok2", "701", "everything")), e.key, time.Now()))
		msgs := []sent{sentCallback(t, request{Path: "response", Body: w.Body.Bytes()})}
		for _, f := range e.fake.waitRequests(len(want)-1, isPath(http.MethodPost, "/api/v10/webhooks/"+fakeAppID+"/tok2")) {
			msgs = append(msgs, sentMessage(t, f))
		}
		if len(msgs) != len(want) {
			t.Fatalf("%d messages; want %d", len(msgs), len(want))
		}
		checkMessages(t, msgs, r.Disclaimer)
	})
	t.Run("button", func(t *testing.T) {
		t.Parallel()
		e := newEndpoint(t, b, nil)
		w := e.serve(signed(interactionJSON(t, press("803", "tok3", "701", showPrefix+"sciatica")), e.key, time.Now()))
		msg := sentCallback(t, request{Path: "response", Body: w.Body.Bytes()})
		checkMessages(t, []sent{msg}, b.FAQ().Disclaimer)
		if msg.Flags != 64 {
			t.Errorf("button answer flags %d; want 64", msg.Flags)
		}
	})
	t.Run("autocomplete", func(t *testing.T) {
		t.Parallel()
		e := newEndpoint(t, b, nil)
		w := e.serve(signed(interactionJSON(t, autocompleteEvent("804", "tok4", "sciat")), e.key, time.Now()))
		choices := checkChoices(t, w.Body.Bytes())
		if len(choices) == 0 || choices[0].Value != "What is sciatica?" {
			t.Errorf("choices %+v; want What is sciatica? first", choices)
		}
	})
	t.Run("slow answer deferred", func(t *testing.T) {
		t.Parallel()
		r := longReply()
		e := newEndpoint(t, slow{stub{r}, 200 * time.Millisecond}, func(o *Options) { o.DeferAfter = 30 * time.Millisecond })
		w := e.serve(signed(interactionJSON(t, command("805", "tok5", "701", "everything")), e.key, time.Now()))
		var c callback
		if err := json.Unmarshal(w.Body.Bytes(), &c); err != nil || c.Type != 5 {
			t.Fatalf("response %s; want a deferral (type 5)", w.Body)
		}
		edit := e.fake.waitRequests(1, isPath(http.MethodPatch, "/api/v10/webhooks/"+fakeAppID+"/tok5/messages/@original"))
		e.rec.wait(t, 1)
		msgs := []sent{sentMessage(t, edit[0])}
		for _, f := range e.fake.all(isPath(http.MethodPost, "/api/v10/webhooks/"+fakeAppID+"/tok5")) {
			msgs = append(msgs, sentMessage(t, f))
		}
		checkMessages(t, msgs, r.Disclaimer)
	})
}

// BenchmarkEndpointAutocomplete measures one signed autocomplete request through the endpoint:
// signature check, parsing, matching and the response, the work a replica does per keystroke.
func BenchmarkEndpointAutocomplete(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	a, err := New(realBot(), Options{PublicKey: hex.EncodeToString(pub), ApplicationID: fakeAppID})
	if err != nil {
		b.Fatal(err)
	}
	body := interactionJSON(b, autocompleteEvent("1", "tok", "does sitting make sciat"))
	h := a.Handler()
	ref := signed(body, priv, time.Now()) // signed once: the benchmark measures the bot's side
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader(body))
		r.Header = ref.Header
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
