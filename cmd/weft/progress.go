package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/weftlab/weft/internal/tools"
)

// liveLine is weft run's progress line: the check running, its scenarios,
// executions per second and elapsed time against its budget, redrawn in
// place. It draws only on a terminal (live); elsewhere (a pipe, a file, a
// test under go test -json) it writes nothing, so that logs hold the
// verdicts alone. Its methods may be called from several goroutines.
type liveLine struct {
	mu    sync.Mutex
	w     io.Writer
	live  bool
	now   func() time.Time
	start time.Time // when the run began, for the line shown before any row
	label string    // what is built or run, before any row comes
	test  string    // the test the rows are of
	rows  map[int]tools.ProgressRow
	drawn bool // a line is on the screen
}

func newLiveLine(w io.Writer, live bool, now func() time.Time) *liveLine {
	return &liveLine{w: w, live: live, now: now, start: now(), rows: map[int]tools.ProgressRow{}}
}

// isTerminal reports whether w is a terminal, on which a line can be
// redrawn: a character device other than /dev/null (the standard library
// has no isatty; a false positive, such as a serial port, only shows the
// line), unless TERM is dumb. A pipe, a file, go test -json's capture of a
// test's output are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	// /dev/null is a character device too, and no terminal.
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}

// setLabel shows what happens before the check's first row, such as the
// build.
func (l *liveLine) setLabel(label string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.label, l.start = label, l.now()
	l.draw()
}

// add takes a row of the progress file: rows of a new test replace those
// of the last one; the processes of one test (the portfolio's workers) add
// up.
func (l *liveLine) add(row tools.ProgressRow) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if row.Test != l.test {
		l.test, l.rows = row.Test, map[int]tools.ProgressRow{}
	}
	l.rows[row.PID] = row
}

// tick redraws the line.
func (l *liveLine) tick() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.draw()
}

// text is the line: the sum of the latest row of each process of the test.
func (l *liveLine) text() string {
	if len(l.rows) == 0 {
		return fmt.Sprintf("%s… %s", l.label, seconds(l.now().Sub(l.start).Seconds()))
	}
	var scenarios, executions int
	var elapsed, budget float64
	var strategies []string
	shrinking := false
	var structure string
	for _, r := range l.rows {
		scenarios += r.Scenarios
		executions += r.Executions
		elapsed, budget = max(elapsed, r.Elapsed), max(budget, r.Budget)
		shrinking = shrinking || r.Phase == "shrink"
		structure = r.Structure
		if !slices.Contains(strategies, r.Strategy) {
			strategies = append(strategies, r.Strategy)
		}
	}
	s := fmt.Sprintf("%s (%s): %s, %s", structure, strings.Join(slices.Sorted(slices.Values(strategies)), ","),
		count(scenarios, "scenario"), count(executions, "execution"))
	if shrinking {
		// Shrinking's executions are not counted: a rate would only fall.
		return s + fmt.Sprintf(", %s of %s, shrinking a failure", seconds(elapsed), seconds(budget))
	}
	rate := 0.0
	if elapsed > 0 {
		rate = float64(executions) / elapsed
	}
	return s + fmt.Sprintf(", %.0f executions/s, %s of %s", rate, seconds(elapsed), seconds(budget))
}

// draw writes the line over the last one; the caller holds mu.
func (l *liveLine) draw() {
	if !l.live {
		return
	}
	fmt.Fprintf(l.w, "\r%s\x1b[K", l.text())
	l.drawn = true
}

// clear removes the line, so that a verdict is printed on a clean line.
func (l *liveLine) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.drawn {
		fmt.Fprint(l.w, "\r\x1b[K")
		l.drawn = false
	}
}

// print writes s, go test's output or a verdict, above the live line: it
// erases the line, writes s and, once s ends a line, draws it again below.
// One lock for both keeps the follower's redraws out of s.
func (l *liveLine) print(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.drawn {
		fmt.Fprint(l.w, "\r\x1b[K")
		l.drawn = false
	}
	fmt.Fprint(l.w, s)
	if strings.HasSuffix(s, "\n") {
		l.draw()
	}
}

func seconds(s float64) string {
	return time.Duration(s * float64(time.Second)).Round(100 * time.Millisecond).String()
}

// progressTail reads the rows the checks append to a progress file, from
// where it stopped last: only complete lines, as a writer may be midway
// through one.
type progressTail struct {
	path    string
	offset  int64
	partial []byte
}

// read returns the rows appended since the last call; a file not yet
// created has none.
func (t *progressTail) read() []tools.ProgressRow {
	f, err := os.Open(t.path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(t.offset, io.SeekStart); err != nil {
		return nil
	}
	data, _ := io.ReadAll(f)
	t.offset += int64(len(data))
	return parseRows(&t.partial, data)
}

// parseRows parses the complete lines of *partial followed by data, keeping
// the incomplete last one in *partial; lines that are not rows are skipped.
func parseRows(partial *[]byte, data []byte) []tools.ProgressRow {
	buf := append(*partial, data...)
	end := bytes.LastIndexByte(buf, '\n')
	if end < 0 {
		*partial = buf
		return nil
	}
	*partial = append([]byte(nil), buf[end+1:]...)
	var rows []tools.ProgressRow
	sc := bufio.NewScanner(bytes.NewReader(buf[:end+1]))
	for sc.Scan() {
		var r tools.ProgressRow
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Test != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

// follow feeds the rows of tail to line and redraws it every interval
// until stop is closed; done is closed when it returns.
func follow(tail *progressTail, line *liveLine, interval time.Duration, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		for _, r := range tail.read() {
			line.add(r)
		}
		line.tick()
		select {
		case <-stop:
			return
		case <-ticker.C:
		}
	}
}
