package slack

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"
)

// discardResponse is a ResponseWriter that keeps only the status, so the benchmark measures
// the handler rather than a recorder.
type discardResponse struct {
	header http.Header
	status int
}

func (d *discardResponse) Header() http.Header         { return d.header }
func (d *discardResponse) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardResponse) WriteHeader(status int)      { d.status = status }

// BenchmarkSlashCommand measures one slash command end to end in the handler: signature
// check, form parsing, replay check, answering with the real FAQ, rendering and JSON.
// Each request is distinct (the replay check would refuse repeats) and signed beforehand.
func BenchmarkSlashCommand(b *testing.B) {
	questions := []string{
		"what is sciatica",
		"how should I set up my desk",
		"my lower back hurts when I lift my leg",
		"share is it ok to exercise with back pain",
		"can a bad mattress cause back pain",
		"help",
	}
	h := NewHandler(realBot(), Options{SigningSecret: testSecret, ResponseClient: loopbackOnly})
	ts := now()
	type signed struct {
		body []byte
		sig  string
	}
	reqs := make([]signed, b.N)
	for i := range reqs {
		body := form(questions[i%len(questions)], "trigger_id", strconv.Itoa(i))
		reqs[i] = signed{body, sign(testSecret, ts, body)}
	}
	w := &discardResponse{header: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		req, _ := http.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(reqs[i].body))
		req.Header = http.Header{
			"Content-Type":              {formType},
			"X-Slack-Request-Timestamp": {ts},
			"X-Slack-Signature":         {reqs[i].sig},
		}
		clear(w.header)
		w.status = http.StatusOK
		h.ServeHTTP(w, req)
		if w.status != http.StatusOK {
			b.Fatalf("request %d: status %d", i, w.status)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
