package slack

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/slack-go/slack"
)

// Slack's documented signing example (docs.slack.dev, "Verifying requests from Slack").
const (
	docSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	docTimestamp = "1531420618"
	docBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	docSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

// TestSignDocumentedExample checks the tests' signer against Slack's own example, so every
// other test signs requests exactly as Slack does.
func TestSignDocumentedExample(t *testing.T) {
	if got := sign(docSecret, docTimestamp, []byte(docBody)); got != docSignature {
		t.Fatalf("sign: got %s, want %s", got, docSignature)
	}
}

// TestVerifierDocumentedExample runs the example through slack-go's verifier. Its timestamp is
// years old, so the verifier must refuse it as expired; re-stamped now and signed the same
// way, it must pass, and any change to the body must fail.
func TestVerifierDocumentedExample(t *testing.T) {
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", docTimestamp)
	h.Set("X-Slack-Signature", docSignature)
	if _, err := slack.NewSecretsVerifier(h, docSecret); !errors.Is(err, slack.ErrExpiredTimestamp) {
		t.Fatalf("documented example: got %v, want ErrExpiredTimestamp (the verifier uses the real clock)", err)
	}

	ts := now()
	for _, tc := range []struct {
		name string
		body string
		want error
	}{
		{"same body", docBody, nil},
		{"body changed", docBody + "x", slack.ErrInvalidSignature},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			h.Set("X-Slack-Request-Timestamp", ts)
			h.Set("X-Slack-Signature", sign(docSecret, ts, []byte(docBody)))
			sv, err := slack.NewSecretsVerifier(h, docSecret)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = sv.Write([]byte(tc.body))
			if err := sv.Ensure(); !errors.Is(err, tc.want) {
				t.Errorf("Ensure: got %v, want %v", err, tc.want)
			}
		})
	}
}

// TestHandlerDocumentedExample sends the documented body, signed fresh, through the handler:
// its empty text asks for help, and its other command name is still answered.
func TestHandlerDocumentedExample(t *testing.T) {
	h := NewHandler(realBot(), Options{SigningSecret: docSecret, ResponseClient: loopbackOnly})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, signedRequest(t, "/slack/commands", docSecret, now(), []byte(docBody)))
	if rec.Code != http.StatusOK {
		t.Fatalf("status: got %d, want 200", rec.Code)
	}
	r := decodeReply(t, rec.Body.Bytes())
	checkReply(t, r, realBot().FAQ().Disclaimer)
	if !bytes.Contains(rec.Body.Bytes(), []byte("How to ask")) {
		t.Errorf("empty text: want the help reply with usage, got %s", tail(rec.Body.String()))
	}
}
