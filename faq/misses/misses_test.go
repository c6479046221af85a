package misses

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

// The log is the bot's miss recorder.
var _ bot.MissRecorder = (*Log)(nil)

const day = 24 * time.Hour

// clock is a settable time for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 24, 16, 20, 30, 123, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func open(t *testing.T, path string, retention time.Duration, c *clock) (*Log, *bytes.Buffer) {
	t.Helper()
	l, err := Open(path, retention, c.now)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	l.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	return l, &logs
}

func read(t *testing.T, path string) []Entry {
	t.Helper()
	es, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func questions(es []Entry) []string {
	var qs []string
	for _, e := range es {
		qs = append(qs, e.Question)
	}
	return qs
}

func TestLineFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	l, _ := open(t, path, 30*day, c)
	l.RecordMiss(context.Background(), "slack", "<@U024BE7LH> can I swim? mail bob@example.com", faq.Candidate{ID: "exercise", Question: "q", Score: 0.3149})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"time":"2026-11-24T16:20:30Z","platform":"slack","question":"[mention] can I swim? mail [email]","nearest":"exercise","score":0.31}` + "\n"
	if string(data) != want {
		t.Errorf("line\n got %s\nwant %s", data, want)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"nearest", "platform", "question", "score", "time"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want exactly %v", keys, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestRecordMissEdges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	l, _ := open(t, path, 30*day, newClock())
	ctx := context.Background()
	l.RecordMiss(ctx, "discord", "   ", faq.Candidate{})                 // nothing left to keep
	l.RecordMiss(ctx, "Discord Guild 123", "back pain", faq.Candidate{}) // odd platform names are not kept
	l.RecordMiss(ctx, "cli", "what about <@123456789>", faq.Candidate{}) // no nearest entry
	es := read(t, path)
	if len(es) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(es), es)
	}
	if es[0].Platform != "other" || es[1].Platform != "cli" || es[1].Nearest != "" || es[1].Question != "what about [mention]" {
		t.Errorf("entries %+v", es)
	}
}

func TestOpenTightensMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, day, nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if _, err := Open(path, 0, nil); err == nil {
		t.Error("Open with no retention succeeded, want an error")
	}
}

func TestRetention(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	// A file left from before: one entry past retention, one damaged line, one recent entry.
	old := fmt.Sprintf(`{"time":%q,"platform":"slack","question":"old","nearest":"","score":0}`, c.now().Add(-31*day).Format(time.RFC3339))
	recent := fmt.Sprintf(`{"time":%q,"platform":"slack","question":"recent","nearest":"","score":0}`, c.now().Add(-30*day+10*time.Minute).Format(time.RFC3339))
	if err := os.WriteFile(path, []byte(old+"\n{\"time\":\"2026-11\n"+recent+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, _ := open(t, path, 30*day, c)
	if got, want := questions(read(t, path)), []string{"recent"}; !slices.Equal(got, want) {
		t.Fatalf("after Open: %q, want %q", got, want)
	}

	ctx := context.Background()
	l.RecordMiss(ctx, "slack", "first", faq.Candidate{})
	c.advance(20 * time.Minute) // "recent" has now expired, but the last prune was 20 minutes ago
	l.RecordMiss(ctx, "slack", "second", faq.Candidate{})
	if got, want := questions(read(t, path)), []string{"recent", "first", "second"}; !slices.Equal(got, want) {
		t.Errorf("within the hour: %q, want %q (no prune yet)", got, want)
	}
	c.advance(45 * time.Minute)
	l.RecordMiss(ctx, "slack", "third", faq.Candidate{})
	if got, want := questions(read(t, path)), []string{"first", "second", "third"}; !slices.Equal(got, want) {
		t.Errorf("an hour on: %q, want %q", got, want)
	}

	c.advance(30*day - 30*time.Minute) // first and second expire, third is 30 minutes younger
	if err := l.Prune(); err != nil {
		t.Fatal(err)
	}
	if got, want := questions(read(t, path)), []string{"third"}; !slices.Equal(got, want) {
		t.Errorf("after Prune: %q, want %q", got, want)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("after a rewrite mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestRecordMissNeverFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "misses.jsonl")
	l, logs := open(t, path, day, newClock())
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	l.RecordMiss(context.Background(), "slack", "my secret back question", faq.Candidate{})
	if !strings.Contains(logs.String(), "not recorded") {
		t.Errorf("write failure not logged: %s", logs)
	}
	if strings.Contains(logs.String(), "secret") {
		t.Errorf("the log names the question: %s", logs)
	}
}

func TestRead(t *testing.T) {
	if _, err := Read(filepath.Join(t.TempDir(), "nope.jsonl")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read of a missing file = %v, want fs.ErrNotExist", err)
	}
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	long := `{"time":"2026-11-24T16:20:30Z","question":"` + strings.Repeat("x", maxLine) + `"}`
	data := "\n" + long + "\n" + `{"time":"2026-11-24T16:20:30Z","platform":"cli","question":"ok","nearest":"a","score":0.5}` + "\nnot json\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	es := read(t, path)
	if len(es) != 1 || es[0].Question != "ok" || es[0].Score != 0.5 || !es[0].Time.Equal(time.Date(2026, 11, 24, 16, 20, 30, 0, time.UTC)) {
		t.Errorf("Read = %+v, want the one good line", es)
	}
}

// TestConcurrentRecord records from many goroutines while the clock moves past the prune
// interval, so appends and rewrites interleave. Run with -race.
func TestConcurrentRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misses.jsonl")
	c := newClock()
	l, logs := open(t, path, 30*day, c)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if g == 0 && i%10 == 0 {
					c.advance(2 * time.Hour)
				}
				l.RecordMiss(context.Background(), "slack", fmt.Sprintf("question %d from %d", i, g), faq.Candidate{ID: "x", Score: 0.2})
			}
		}()
	}
	wg.Wait()
	es := read(t, path)
	if len(es) != 400 {
		t.Errorf("%d entries, want 400", len(es))
	}
	if logs.Len() > 0 {
		t.Errorf("errors logged: %s", logs)
	}
}
