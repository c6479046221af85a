package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backpainbot/backpainbot/bot"
	"github.com/backpainbot/backpainbot/faq"
)

// question is answered by the bed-rest entry of every version of the test FAQ.
const question = "should i rest in bed"

// faqYAML returns a valid FAQ file whose entry ids, answers and disclaimer all name version v,
// so a reply shows which version made it.
func faqYAML(v string) string {
	return fmt.Sprintf(`version: 1
disclaimer: Disclaimer %[1]s.
fallback: Sorry, version %[1]s has no answer.
entries:
  - id: bed-rest-%[1]s
    question: Should I rest in bed?
    variants: [bed rest for back pain, stay in bed, lie down all day, is bed rest good, rest in bed]
    answer: Answer from version %[1]s about bed rest.
    tips: [Keep moving gently.]
  - id: heat-%[1]s
    question: Does heat help back pain?
    variants: [hot water bottle, heat pad, warm bath, heating pad for my back, is heat good]
    answer: Answer from version %[1]s about heat.
    tips: [Wrap it in a towel.]
`, v)
}

const brokenYAML = "version: 1\ndisclaimer: x\nentries:\n  - id: [unclosed\n"

// syncBuffer is a log destination the watcher's goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type result struct {
	ok  bool
	f   *faq.FAQ
	err error
}

// fixture is an FAQ file in a temporary directory, a bot answering from it, and a Watcher.
type fixture struct {
	path    string
	bot     *bot.Bot
	w       *Watcher
	log     *syncBuffer
	results chan result
}

func newFixture(t *testing.T, first string) *fixture {
	t.Helper()
	fx := &fixture{
		path:    filepath.Join(t.TempDir(), "faq.yaml"),
		log:     &syncBuffer{},
		results: make(chan result, 1000),
	}
	fx.write(t, faqYAML(first))
	f, err := faq.Load(fx.path)
	if err != nil {
		t.Fatal(err)
	}
	fx.bot = bot.New(f, bot.Options{})
	fx.w = New(fx.path, fx.bot.Swap, Options{
		Logger:   slog.New(slog.NewTextHandler(fx.log, nil)),
		OnResult: func(ok bool, f *faq.FAQ, err error) { fx.results <- result{ok, f, err} },
	})
	return fx
}

// write replaces the file's content in place, as most editors' plain save does.
func (fx *fixture) write(t *testing.T, content string) {
	t.Helper()
	if err := os.WriteFile(fx.path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replace saves by writing a temporary file in the same directory and renaming it over the
// original, as vim (with backupcopy=no), many IDEs and atomic writers do.
func (fx *fixture) replace(t *testing.T, content string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(fx.path), ".faq.yaml.tmp")
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, fx.path); err != nil {
		t.Fatal(err)
	}
}

// run starts Run and stops it when the test ends.
func (fx *fixture) run(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fx.w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v, want nil after cancel", err)
		}
	})
}

// version returns the version of the FAQ that answered question, checking that the whole reply
// came from that one version.
func (fx *fixture) version(t *testing.T) string {
	t.Helper()
	v, err := replyVersion(fx.bot.Answer(context.Background(), bot.Question{Text: question, Platform: "test"}))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// replyVersion returns the FAQ version a reply came from, or an error if its parts disagree.
func replyVersion(r bot.Reply) (string, error) {
	if r.Match == nil {
		return "", fmt.Errorf("no match for %q: %+v", question, r)
	}
	v, ok := strings.CutPrefix(r.Match.ID, "bed-rest-")
	if !ok {
		return "", fmt.Errorf("matched %q, want a bed-rest entry", r.Match.ID)
	}
	if want := "Answer from version " + v + " about bed rest."; r.Answer != want {
		return "", fmt.Errorf("mixed reply: id %s with answer %q", r.Match.ID, r.Answer)
	}
	if want := "Disclaimer " + v + "."; r.Disclaimer != want {
		return "", fmt.Errorf("mixed reply: id %s with disclaimer %q", r.Match.ID, r.Disclaimer)
	}
	return v, nil
}

// patience is how long a test waits for a reload. A reload builds a whole index, which under
// -race on a busy machine can take seconds; the waits poll, so a passing test does not wait it out.
const patience = 20 * time.Second

// waitVersion polls for up to patience until version want answers.
func (fx *fixture) waitVersion(t *testing.T, want string) {
	t.Helper()
	fx.waitVersionFor(t, want, patience)
}

func (fx *fixture) waitVersionFor(t *testing.T, want string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		got := fx.version(t)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v version %q answers, want %q; log:\n%s", d, got, want, fx.log)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// nextResult waits for the next reload outcome.
func (fx *fixture) nextResult(t *testing.T) result {
	t.Helper()
	select {
	case r := <-fx.results:
		return r
	case <-time.After(patience):
		t.Fatalf("no reload within %v; log:\n%s", patience, fx.log)
		return result{}
	}
}

// waitFailure waits for a failed reload, skipping successful ones (an in-place write can be
// seen half done, so a save may reload more than once).
func (fx *fixture) waitFailure(t *testing.T) result {
	t.Helper()
	for {
		if r := fx.nextResult(t); !r.ok {
			return r
		}
	}
}

func TestTestFAQ(t *testing.T) {
	for _, v := range []string{"a", "b"} {
		f, err := faq.Parse(v, []byte(faqYAML(v)))
		if err != nil {
			t.Fatalf("version %s: %v", v, err)
		}
		r := bot.New(f, bot.Options{}).Answer(context.Background(), bot.Question{Text: question})
		if got, err := replyVersion(r); err != nil || got != v {
			t.Fatalf("version %s answers as %q, %v", v, got, err)
		}
	}
}

func TestGoodEditGoesLive(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	fx.write(t, faqYAML("b"))
	// The reload itself is quick (the watcher debounces bursts of events); the wait is generous
	// so a loaded CI machine does not fail it. Speed is for benchmarks, not this test.
	fx.waitVersionFor(t, "b", patience)
}

func TestRenameAndReplace(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	fx.replace(t, faqYAML("b"))
	fx.waitVersion(t, "b")
	// The new file is a new inode; the directory watch still sees the next save.
	fx.replace(t, faqYAML("c"))
	fx.waitVersion(t, "c")
}

func TestBrokenSaveKeepsLastGood(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	fx.write(t, brokenYAML)
	r := fx.waitFailure(t)
	var inv *faq.InvalidError
	if !errors.As(r.err, &inv) || r.f != nil {
		t.Fatalf("OnResult(false, %v, %v), want nil and an *faq.InvalidError", r.f, r.err)
	}
	if got := fx.version(t); got != "a" {
		t.Errorf("after a broken save version %q answers, want the last good, a", got)
	}
	if want := fx.path + ":4:9: YAML syntax: this list starts with [ but has no closing ]"; !strings.Contains(fx.log.String(), want) {
		t.Errorf("log does not name the problem as %s...:\n%s", want, fx.log)
	}
	fx.write(t, faqYAML("b"))
	fx.waitVersion(t, "b")
}

func TestDeletedFileKeepsLastGood(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	if err := os.Remove(fx.path); err != nil {
		t.Fatal(err)
	}
	r := fx.waitFailure(t)
	if !errors.Is(r.err, fs.ErrNotExist) {
		t.Errorf("OnResult error = %v, want one wrapping fs.ErrNotExist", r.err)
	}
	if got := fx.version(t); got != "a" {
		t.Errorf("after delete version %q answers, want the last good, a", got)
	}
	if !strings.Contains(fx.log.String(), "faq file is missing") {
		t.Errorf("log does not report the missing file:\n%s", fx.log)
	}
	fx.write(t, faqYAML("b"))
	fx.waitVersion(t, "b")
}

func TestReload(t *testing.T) {
	fx := newFixture(t, "a")

	fx.write(t, faqYAML("b"))
	if err := fx.w.Reload(); err != nil {
		t.Fatalf("Reload() = %v", err)
	}
	if r := fx.nextResult(t); !r.ok || r.f == nil || r.f.Entries[0].ID != "bed-rest-b" || r.err != nil {
		t.Errorf("OnResult(%v, %v, %v), want true, version b, nil", r.ok, r.f, r.err)
	}
	if got := fx.version(t); got != "b" {
		t.Errorf("version %q answers, want b", got)
	}

	fx.write(t, brokenYAML)
	err := fx.w.Reload()
	var inv *faq.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("Reload() of a broken file = %v, want an *faq.InvalidError", err)
	}
	if r := fx.nextResult(t); r.ok || r.f != nil || r.err != err {
		t.Errorf("OnResult(%v, %v, %v), want false, nil, the error", r.ok, r.f, r.err)
	}
	if got := fx.version(t); got != "b" {
		t.Errorf("after a refused reload version %q answers, want b", got)
	}
	for _, p := range inv.Problems {
		if !strings.Contains(fx.log.String(), p.String()) {
			t.Errorf("log lacks problem %q:\n%s", p, fx.log)
		}
	}

	if err := os.Remove(fx.path); err != nil {
		t.Fatal(err)
	}
	if err := fx.w.Reload(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Reload() of a missing file = %v, want one wrapping fs.ErrNotExist", err)
	}
	if got := fx.version(t); got != "b" {
		t.Errorf("after the file went missing version %q answers, want b", got)
	}
}

// TestReloadWhileAnswering reloads 100 times, alternating two versions, while 8 goroutines ask
// the same question: every reply must come wholly from one version, and after the last reload
// from the last one. Run with -race.
func TestReloadWhileAnswering(t *testing.T) {
	fx := newFixture(t, "a")
	var stop atomic.Bool
	var wg sync.WaitGroup
	var answered atomic.Int64
	seen := map[string]*atomic.Bool{"a": new(atomic.Bool), "b": new(atomic.Bool)} // read-only map
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				r := fx.bot.Answer(context.Background(), bot.Question{Text: question, Platform: "test"})
				v, err := replyVersion(r)
				if err != nil {
					errs <- err
					return
				}
				seen[v].Store(true)
				answered.Add(1)
				// A short pause leaves the reloads some CPU: each one builds a new index,
				// and thousands of answers still overlap every swap.
				time.Sleep(50 * time.Microsecond)
			}
		}()
	}
	last := ""
	for i := range 20 {
		last = []string{"a", "b"}[i%2]
		fx.write(t, faqYAML(last))
		if err := fx.w.Reload(); err != nil {
			t.Fatalf("reload %d: %v", i, err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if !seen["a"].Load() || !seen["b"].Load() {
		t.Errorf("answers came from a: %v, b: %v; want both while reloading", seen["a"].Load(), seen["b"].Load())
	}
	t.Logf("%d answers during 20 reloads", answered.Load())
	if got := fx.version(t); got != last {
		t.Errorf("after the last reload version %q answers, want %q", got, last)
	}
}

// TestSymlinkSwap follows a path that is a symbolic link re-pointed at a new file, the way a
// Kubernetes ConfigMap volume is updated (the file is never written, a link is renamed).
func TestSymlinkSwap(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, "..v"+v), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "..v"+v, "faq.yaml"), []byte(faqYAML(v)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	symlink("..va", "..data")
	symlink("..data/faq.yaml", "faq.yaml")
	path := filepath.Join(dir, "faq.yaml")
	f, err := faq.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	fx := &fixture{path: path, bot: bot.New(f, bot.Options{}), log: &syncBuffer{}}
	fx.w = New(path, fx.bot.Swap, Options{Logger: slog.New(slog.NewTextHandler(fx.log, nil))})
	fx.run(t)
	time.Sleep(50 * time.Millisecond) // let Run resolve the link before it changes

	symlink("..vb", "..data_tmp")
	if err := os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	fx.waitVersion(t, "b")
}

// TestEditBeforeRun catches a change made after New but before Run watches the directory.
func TestEditBeforeRun(t *testing.T) {
	fx := newFixture(t, "a")
	fx.replace(t, faqYAML("b"))
	fx.run(t)
	fx.waitVersion(t, "b")
}

func TestDebounce(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	for i := range 5 {
		fx.write(t, faqYAML(fmt.Sprint("v", i)))
	}
	fx.waitVersion(t, "v4")
	time.Sleep(3 * DefaultDebounce)
	if n := len(fx.results); n > 2 {
		t.Errorf("%d reloads for one burst of 5 writes, want 1 (or 2 if the burst straddled the debounce)", n)
	}
}

// TestDirectoryRecreated keeps serving when the whole directory goes away, and watches it again
// once it is back.
func TestDirectoryRecreated(t *testing.T) {
	fx := newFixture(t, "a")
	fx.run(t)
	dir := filepath.Dir(fx.path)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	fx.waitFailure(t)
	if got := fx.version(t); got != "a" {
		t.Errorf("with the directory gone version %q answers, want the last good, a", got)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3*retryEvery + patience)
	for !strings.Contains(fx.log.String(), "watching the faq directory again") {
		if time.Now().After(deadline) {
			t.Fatalf("directory not watched again after %v; log:\n%s", 3*retryEvery+patience, fx.log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	fx.write(t, faqYAML("b"))
	fx.waitVersion(t, "b")
}

// TestDirectoryMissingAtStart does not give up when the directory is gone before Run starts.
func TestDirectoryMissingAtStart(t *testing.T) {
	fx := newFixture(t, "a")
	dir := filepath.Dir(fx.path)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	fx.run(t)
	if r := fx.waitFailure(t); !errors.Is(r.err, fs.ErrNotExist) {
		t.Errorf("OnResult error = %v, want one wrapping fs.ErrNotExist", r.err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fx.write(t, faqYAML("b"))
	fx.waitVersionFor(t, "b", 3*retryEvery+patience)
}

// TestReloadShowsLintMessages: the reloader logs exactly what `faq lint` prints, for a refused
// file (errors) and for a file that loads with warnings.
func TestReloadShowsLintMessages(t *testing.T) {
	fx := newFixture(t, "a")
	tabbed := strings.Replace(faqYAML("b"), "    tips:", "\ttips:", 1)
	for _, tt := range []struct {
		name, content string
		wantOK        bool
	}{
		{"tab in the indentation", tabbed, false},
		{"warnings only", faqYAML("c"), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fx.write(t, tt.content)
			err := fx.w.Reload()
			if (err == nil) != tt.wantOK {
				t.Fatalf("Reload() = %v, want ok %v", err, tt.wantOK)
			}
			_, lint := faq.Lint(fx.path, []byte(tt.content))
			if len(lint) == 0 {
				t.Fatal("faq.Lint found nothing; the case tests nothing")
			}
			for _, p := range lint {
				prefix := "faq problem: "
				if p.Severity == faq.Warning {
					prefix = "faq warning: "
				}
				// The text handler quotes a message that has quote marks in it.
				if want := prefix + p.String(); !strings.Contains(fx.log.String(), "msg="+strconv.Quote(want)) &&
					!strings.Contains(fx.log.String(), "msg="+want) {
					t.Errorf("log lacks %q, which faq lint prints:\n%s", want, fx.log)
				}
			}
		})
	}
}
