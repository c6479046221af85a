// Package watch reloads the FAQ file while the bot runs, so that a moderator's edit goes live
// within a second and a broken edit never takes the bot down.
//
// A Watcher watches the file's directory rather than the file, because many editors save by
// writing a temporary file and renaming it over the original (or by renaming the original away
// and writing a new one), which replaces the file a per-file watch would follow. Events for
// other names in the directory are ignored, bursts of events are debounced into one reload, and
// a reload that fails to load or validate keeps the last good FAQ live. A file that is deleted
// is reported and the last good FAQ stays live until the file comes back.
//
// When the path is a symbolic link, as with a Kubernetes ConfigMap volume, the Watcher also
// notices when the link is pointed at a new file, and watches the directory of the file it
// points to, so edits made there go live too.
//
// The package knows the FAQ format but not the bot: the caller says how to make a new FAQ live
// (the bot's Swap) and how to report outcomes (metrics, /healthz).
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/backpainbot/backpainbot/faq"
)

// DefaultDebounce is how long a Watcher waits after the last change to the file before it
// reloads, so an editor's burst of writes leads to one reload of the finished file.
const DefaultDebounce = 100 * time.Millisecond

// maxProblems is how many problems of a refused file are logged one by one.
const maxProblems = 20

// retryEvery is how often Run tries to watch the directory again after it disappeared.
const retryEvery = time.Second

// Options tune a Watcher. The zero value is fine.
type Options struct {
	// Logger receives each reload's outcome and every problem of a refused file as
	// "file:line:col: message". Nil discards them.
	Logger *slog.Logger
	// OnResult, when set, is called after every reload attempt, for metrics and health
	// reports: ok with the FAQ now live, or not ok with the error (an *faq.InvalidError for a
	// file that does not validate; one wrapping fs.ErrNotExist for a missing file) while the
	// previous FAQ stays live. Calls never overlap.
	OnResult func(ok bool, f *faq.FAQ, err error)
	// Check, when set, is a further check a loaded file must pass to go live (the command's
	// disclaimer and red-flag checks); its error refuses the file like a validation problem.
	Check func(*faq.FAQ) error
	// Debounce is how long to wait after the last change before reloading; 0 means
	// DefaultDebounce. A file that keeps changing is still reloaded within 5×Debounce.
	Debounce time.Duration
}

// Watcher reloads one FAQ file when it changes. Create it with New, start it with Run, and call
// Reload to reload on demand (for example on SIGHUP). Its methods are safe for concurrent use.
type Watcher struct {
	path  string
	apply func(*faq.FAQ)
	opts  Options
	log   *slog.Logger
	start fileStamp // the file when New was called, to catch a change before Run watches

	mu      sync.Mutex // serialises reloads, so the last one to finish loaded the newest file
	missing bool       // the last reload found no file
}

// New returns a Watcher for the FAQ file at path. Each reload that loads and validates the file
// calls apply with the new FAQ (the bot's Swap); a failed one leaves the live FAQ alone. The
// caller loads the first FAQ itself; New does not read the file beyond noting its size and
// modification time.
func New(path string, apply func(*faq.FAQ), opts Options) *Watcher {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	path = filepath.Clean(path)
	return &Watcher{
		path:  path,
		apply: apply,
		opts:  opts,
		log:   log.With("file", path),
		start: stamp(path),
	}
}

// Reload loads and validates the file now. On success it makes the new FAQ live with apply and
// returns nil. Otherwise it logs why, leaves the live FAQ as it was, and returns the error: an
// *faq.InvalidError listing every problem, or an error wrapping fs.ErrNotExist when the file is
// missing.
func (w *Watcher) Reload() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	f, err := faq.Load(w.path)
	if err == nil && w.opts.Check != nil {
		err = w.opts.Check(f)
	}
	if err != nil {
		w.refused(err)
		if w.opts.OnResult != nil {
			w.opts.OnResult(false, nil, err)
		}
		return err
	}
	w.apply(f)
	if w.missing {
		w.log.Info("faq file is back")
	}
	w.missing = false
	w.log.Info("faq reloaded", "faq", f.Label(), "warnings", len(f.Warnings))
	for i, p := range f.Warnings {
		if i == maxProblems {
			w.log.Warn(fmt.Sprintf("faq warning: ... and %d more; run `backpainbot faq lint %s`", len(f.Warnings)-i, w.path))
			break
		}
		w.log.Warn("faq warning: " + p.String())
	}
	if w.opts.OnResult != nil {
		w.opts.OnResult(true, f, nil)
	}
	return nil
}

// refused logs why a reload failed. Problems in the FAQ file are the moderators' text, not
// users' messages, so they are logged in full.
func (w *Watcher) refused(err error) {
	var inv *faq.InvalidError
	switch {
	case errors.As(err, &inv):
		w.missing = false
		w.log.Error("faq reload refused; still serving the last good version", "problems", len(inv.Problems))
		for i, p := range inv.Problems {
			if i == maxProblems {
				w.log.Error(fmt.Sprintf("faq problem: ... and %d more; run `backpainbot faq lint %s`", len(inv.Problems)-i, w.path))
				break
			}
			w.log.Error("faq problem: " + p.String())
		}
	case errors.Is(err, fs.ErrNotExist):
		if !w.missing {
			w.log.Warn("faq file is missing; still serving the last good version until it is back")
		}
		w.missing = true
	default:
		w.log.Error("faq reload failed; still serving the last good version", "err", err)
	}
}

// Run watches the file until ctx is done and reloads it after each change, debounced. It
// returns nil when ctx is done, or an error if the watch cannot be set up at all, such as when
// the system's limit on watches is reached (the live FAQ stays, and Reload still works). If the
// directory is missing or disappears, Run logs it and keeps trying to watch it again.
func (w *Watcher) Run(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch faq %s: %w", w.path, err)
	}
	defer fw.Close()
	l := &loop{w: w, fw: fw, dir: filepath.Dir(w.path)}
	retry := time.NewTicker(retryEvery)
	retry.Stop()
	defer retry.Stop()
	switch err := fw.Add(l.dir); {
	case errors.Is(err, fs.ErrNotExist):
		w.log.Warn("faq directory is gone; still serving the last good version and retrying", "dir", l.dir)
		retry.Reset(retryEvery)
	case err != nil:
		return fmt.Errorf("watch faq %s: %w", w.path, err)
	default:
		l.follow()
		w.log.Debug("watching faq file", "dir", l.dir)
	}
	if !stamp(w.path).same(w.start) {
		l.changed() // changed between New and now
	}
	for {
		select {
		case <-ctx.Done():
			l.stopTimer()
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if l.lostDir(ev) {
				w.log.Warn("faq directory is gone; still serving the last good version and retrying", "dir", l.dir)
				retry.Reset(retryEvery)
				continue
			}
			if l.relevant(ev) {
				l.changed()
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				l.changed() // events were lost; reload to be sure
				continue
			}
			w.log.Warn("watching the faq file", "err", err)
		case <-retry.C:
			if fw.Add(l.dir) == nil {
				retry.Stop()
				w.log.Info("watching the faq directory again", "dir", l.dir)
				l.follow()
				l.changed()
			}
		case <-l.fire():
			l.timer, l.first = nil, time.Time{}
			w.Reload() // logged and reported by Reload
		}
	}
}

// loop is the state of one Run, owned by its goroutine.
type loop struct {
	w      *Watcher
	fw     *fsnotify.Watcher
	dir    string      // the directory of the path
	target string      // where the path leads when it is a symbolic link, else ""
	tdir   string      // the directory of target, when it is watched as well
	timer  *time.Timer // the pending reload, nil when none
	first  time.Time   // when the first change of the pending reload was seen
}

// relevant reports whether ev may have changed what the path holds.
func (l *loop) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false // touch, chmod: the content is the same
	}
	name := filepath.Clean(ev.Name)
	if filepath.Base(name) == filepath.Base(l.w.path) && filepath.Dir(name) == l.dir {
		l.follow()
		return true
	}
	if l.target != "" && name == l.target {
		return true
	}
	// A symbolic link in the chain may have been swapped (Kubernetes renames ..data).
	return l.target != "" && l.follow()
}

// lostDir reports whether ev says the watched directory itself was removed or moved away.
func (l *loop) lostDir(ev fsnotify.Event) bool {
	if !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
		return false
	}
	if filepath.Clean(ev.Name) != l.dir {
		return false
	}
	l.fw.Remove(l.dir) // may already be gone
	return true
}

// follow resolves the path when it is a symbolic link, watching the directory of its target
// when that is elsewhere, and reports whether the target changed.
func (l *loop) follow() bool {
	target := ""
	if fi, err := os.Lstat(l.w.path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if t, err := filepath.EvalSymlinks(l.w.path); err == nil {
			target = filepath.Clean(t)
		}
	}
	if target == l.target {
		return false
	}
	l.target = target
	tdir := ""
	if target != "" && filepath.Dir(target) != l.dir {
		tdir = filepath.Dir(target)
	}
	if tdir != l.tdir {
		if l.tdir != "" {
			l.fw.Remove(l.tdir) // may already be gone
		}
		l.tdir = ""
		if tdir != "" {
			if err := l.fw.Add(tdir); err != nil {
				l.w.log.Warn("cannot watch the directory the faq file links to; edits there need a SIGHUP", "dir", tdir, "err", err)
			} else {
				l.tdir = tdir
			}
		}
	}
	return true
}

// changed schedules a reload Debounce after now, but no later than 5×Debounce after the first
// change since the last reload.
func (l *loop) changed() {
	d := l.w.opts.Debounce
	now := time.Now()
	if l.timer == nil {
		l.first = now
		l.timer = time.NewTimer(d)
		return
	}
	l.timer.Reset(min(d, l.first.Add(5*d).Sub(now)))
}

func (l *loop) stopTimer() {
	if l.timer != nil {
		l.timer.Stop()
	}
}

// fire returns the channel of the pending reload, or nil (which blocks) when none is pending.
func (l *loop) fire() <-chan time.Time {
	if l.timer == nil {
		return nil
	}
	return l.timer.C
}

// fileStamp is enough of a file's identity to tell that it changed.
type fileStamp struct {
	fi os.FileInfo // nil when the file is missing
}

func stamp(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{fi}
}

func (a fileStamp) same(b fileStamp) bool {
	if a.fi == nil || b.fi == nil {
		return a.fi == nil && b.fi == nil
	}
	return os.SameFile(a.fi, b.fi) && a.fi.Size() == b.fi.Size() && a.fi.ModTime().Equal(b.fi.ModTime())
}
