package slack

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/backpainbot/backpainbot/adapters/store"
)

// FuzzHandler throws arbitrary bodies and header values at the handler. With sign set, the
// body is signed properly (at a fresh timestamp), so the fuzzer also reaches the form parser,
// the bot and the renderer. The handler must never panic, every 200 must be a valid reply
// ending with the disclaimer, and no rejection may echo the body.
func FuzzHandler(f *testing.F) {
	seeds := []struct {
		body, sig, ts, ctype string
		sign                 bool
	}{
		{string(form("what is sciatica")), "", "", formType, true},
		{string(form("share what is sciatica")), "", "", formType, true},
		{string(form("")), "", "", formType, true},
		{string(form("<@U123> & <script> <!channel>")), "", "", formType, true},
		{string(form("numb down there and can't pee")), "", "", formType + "; charset=utf-8", true},
		{"text=%zz", "", "", formType, true},
		{"text=a;b", "", "", formType, true},
		{docBody, docSignature, docTimestamp, formType, false},
		{string(form("what is sciatica")), "v0=00", "1", formType, false},
		{string(form("what is sciatica")), "", "", "application/json", true},
		{"", "", "", "", false},
		{"\x00\xff", "v0=zz", "-1", "multipart/form-data; boundary=x", false},
		{"ssl_check=1&token=x", "", "", formType, false},
		{"ssl_check=1&token=x", "", "", formType, true},
		{"ssl_check=%zz", "", "", formType, false},
	}
	for _, s := range seeds {
		f.Add([]byte(s.body), s.sig, s.ts, s.ctype, s.sign)
	}
	// A small burst, so that the rate-limit notice is fuzzed too.
	h := NewHandler(realBot(), Options{SigningSecret: testSecret, ResponseClient: loopbackOnly, RateLimit: store.Rate{PerMinute: 60, Burst: 3}})
	disclaimer := realBot().FAQ().Disclaimer

	f.Fuzz(func(t *testing.T, body []byte, sig, ts, ctype string, signIt bool) {
		if signIt {
			ts = now()
			sig = sign(testSecret, ts, body)
		}
		req := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body))
		for k, v := range map[string]string{"X-Slack-Signature": sig, "X-Slack-Request-Timestamp": ts, "Content-Type": ctype} {
			if v != "" {
				req.Header.Set(k, v)
			}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		switch rec.Code {
		case http.StatusOK:
			if rec.Body.Len() == 0 {
				// Only Slack's certificate check is answered with nothing.
				if !strings.Contains(string(body), "ssl_check=1") {
					t.Errorf("empty 200 for a request that is not an ssl_check")
				}
				return
			}
			checkReply(t, decodeReply(t, rec.Body.Bytes()), disclaimer)
		case http.StatusUnauthorized, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if want := http.StatusText(rec.Code) + "\n"; rec.Body.String() != want {
				t.Errorf("rejection body: got %q, want %q", rec.Body.String(), want)
			}
			if len(body) >= 4 && strings.Contains(rec.Body.String(), string(body)) && !strings.Contains(http.StatusText(rec.Code), string(body)) {
				t.Errorf("rejection echoes the body")
			}
		default:
			t.Errorf("status: got %d", rec.Code)
		}
	})
}
