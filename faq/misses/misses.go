// Package misses keeps the opt-in log of questions the bot could not answer with confidence,
// so that moderators can see what people ask that the FAQ does not cover, and groups those
// questions for `backpainbot faq misses`.
//
// Questions about back pain are health information, so the log is built to keep as little as
// it can. It is off unless configured. Each line holds only the time, the platform name, the
// question with personal details scrubbed out (see Scrub), and the id and score of the nearest
// FAQ entry: never a user, channel or server id, which RecordMiss does not even receive. The
// file is readable by its owner only (mode 0600), and entries older than the retention period
// are deleted when the log is opened and at most once an hour after that.
//
// A line looks like this:
//
//	{"time":"2026-11-24T16:20:30Z","platform":"slack","question":"can i swim with sciatica","nearest":"sciatica","score":0.31}
package misses

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/backpainbot/backpainbot/faq"
)

// pruneEvery is how often RecordMiss drops expired entries.
const pruneEvery = time.Hour

// maxLine bounds one line of the file; a longer line cannot have been written by Log and is
// dropped as damaged.
const maxLine = 64 << 10

// Entry is one recorded miss, one line of the file. These five fields are all a line holds.
type Entry struct {
	// Time is when the question was asked, in UTC to the second.
	Time time.Time `json:"time"`
	// Platform is where it was asked: "slack", "discord" or "cli".
	Platform string `json:"platform"`
	// Question is the question with personal details replaced by placeholders.
	Question string `json:"question"`
	// Nearest is the id of the entry that came closest, or "" when none shared a word.
	Nearest string `json:"nearest"`
	// Score is how well Nearest fit, from 0 to 1, to two decimal places.
	Score float64 `json:"score"`
}

// Log appends misses to a JSON Lines file and drops them after the retention period. It
// implements the bot's MissRecorder. It is safe for concurrent use.
type Log struct {
	path      string
	retention time.Duration
	now       func() time.Time

	mu     sync.Mutex
	log    *slog.Logger
	pruned time.Time // when expired entries were last dropped
}

// Open returns the log kept in the file at path, creating the file (mode 0600) if needed and
// tightening its mode if others can read it. Entries older than retention are dropped now and
// then at most once an hour as misses are recorded. now tells the time; nil means time.Now.
func Open(path string, retention time.Duration, now func() time.Time) (*Log, error) {
	if retention <= 0 {
		return nil, fmt.Errorf("open misses log %s: retention is %v; want a positive duration", path, retention)
	}
	if now == nil {
		now = time.Now
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open misses log: %w", err)
	}
	fi, err := fh.Stat()
	if err == nil && fi.Mode().Perm()&0o077 != 0 {
		err = fh.Chmod(0o600)
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("open misses log: %w", err)
	}
	l := &Log{path: path, retention: retention, now: now, log: slog.Default()}
	if err := l.Prune(); err != nil {
		return nil, err
	}
	return l, nil
}

// SetLogger sets where the log reports its own failures (never question text). The default is
// slog.Default().
func (l *Log) SetLogger(log *slog.Logger) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.log = log
}

// RecordMiss appends one line for a question that got no confident answer: the time, the
// platform, the scrubbed question, and the nearest entry's id and score. It never fails the
// caller: a write error is logged (without the question) and the miss is lost.
func (l *Log) RecordMiss(ctx context.Context, platform, question string, nearest faq.Candidate) {
	l.record(time.Time{}, platform, question, nearest)
}

// record is RecordMiss for a miss asked at (zero means now).
func (l *Log) record(at time.Time, platform, question string, nearest faq.Candidate) {
	q := Scrub(question)
	if q == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if at.IsZero() {
		at = now
	}
	e := Entry{
		Time:     at.UTC().Truncate(time.Second),
		Platform: cleanPlatform(platform),
		Question: q,
		Nearest:  nearest.ID,
		Score:    math.Round(nearest.Score*100) / 100,
	}
	if now.Sub(l.pruned) >= pruneEvery || now.Before(l.pruned) {
		if err := l.prune(); err != nil {
			l.log.Error("misses log: dropping expired entries failed", "err", err)
		}
	}
	if err := appendLine(l.path, e); err != nil {
		l.log.Error("misses log: a miss was not recorded", "err", err)
	}
}

// Prune drops the entries older than the retention period, and any damaged lines, by writing
// the rest to a temporary file and renaming it over the log, so the log is never half written.
func (l *Log) Prune() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prune()
}

func (l *Log) prune() error {
	now := l.now()
	l.pruned = now
	cutoff := now.Add(-l.retention)
	in, err := os.Open(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("prune misses log: %w", err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(l.path), "."+filepath.Base(l.path)+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("prune misses log: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	w := bufio.NewWriter(tmp)
	dropped := 0
	err = eachLine(in, func(line []byte) error {
		e, ok := parseLine(line)
		if !ok || e.Time.Before(cutoff) {
			dropped++
			return nil
		}
		w.Write(line)
		return w.WriteByte('\n')
	})
	if err == nil {
		err = w.Flush()
	}
	if err == nil && dropped > 0 {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && dropped > 0 {
		err = os.Rename(tmp.Name(), l.path)
	}
	if err != nil {
		return fmt.Errorf("prune misses log: %w", err)
	}
	return nil
}

// Read returns the entries in the file at path, oldest first as they were written. Blank and
// damaged lines (such as a line cut short by a crash) are skipped. A missing file is an error
// wrapping fs.ErrNotExist.
func Read(path string) ([]Entry, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read misses log: %w", err)
	}
	defer fh.Close()
	var out []Entry
	err = eachLine(fh, func(line []byte) error {
		if e, ok := parseLine(line); ok {
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read misses log: %w", err)
	}
	return out, nil
}

func parseLine(line []byte) (Entry, bool) {
	var e Entry
	if len(bytes.TrimSpace(line)) == 0 || json.Unmarshal(line, &e) != nil || e.Time.IsZero() {
		return Entry{}, false
	}
	return e, true
}

// appendLine appends e as one JSON line. The file is opened for each line, so a log rotated or
// deleted by hand is simply started again.
func appendLine(path string, e Entry) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return err
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	_, err = fh.Write(buf.Bytes())
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	return err
}

// eachLine calls fn with each line of r, without its newline. A line longer than maxLine
// cannot have been written by Log; fn gets nil for it, which parseLine rejects. fn must not keep
// line.
func eachLine(r io.Reader, fn func(line []byte) error) error {
	br := bufio.NewReaderSize(r, maxLine)
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n') // skip the rest of the line
			}
			line = nil
			if ferr := fn(nil); ferr != nil {
				return ferr
			}
		}
		if len(line) > 0 {
			if ferr := fn(bytes.TrimSuffix(line, []byte{'\n'})); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// cleanPlatform keeps platform names to short lower-case words, so the field cannot carry
// anything else.
func cleanPlatform(p string) string {
	if p == "" || len(p) > 16 {
		return "other"
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return "other"
		}
	}
	return p
}

func (l *Log) logger() *slog.Logger {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.log
}
