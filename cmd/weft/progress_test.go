package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestLiveLine_OnATerminalRedrawsTheSumOfTheProcessesOfTheTest(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var w bytes.Buffer
	l := newLiveLine(&w, true, clock.now)

	l.setLabel("building")
	clock.advance(1500 * time.Millisecond)
	w.Reset()
	l.tick()
	assert.Equal(t, "\rbuilding… 1.5s\x1b[K", w.String(), "before any row: the label and the time since")

	// Two portfolio workers of one test: their counts add up, the elapsed
	// time is the longest, the rate is executions over it.
	l.add(tools.ProgressRow{Test: "TestCatalog/a/b", Structure: "a/b", Strategy: "pct", PID: 1, Phase: "search",
		Scenarios: 3, Executions: 300, Elapsed: 1, Budget: 15})
	l.add(tools.ProgressRow{Test: "TestCatalog/a/b", Structure: "a/b", Strategy: "random", PID: 2, Phase: "search",
		Scenarios: 4, Executions: 500, Elapsed: 2, Budget: 15})
	l.add(tools.ProgressRow{Test: "TestCatalog/a/b", Structure: "a/b", Strategy: "pct", PID: 1, Phase: "search",
		Scenarios: 5, Executions: 700, Elapsed: 2, Budget: 15}) // replaces pid 1's first row
	w.Reset()
	l.tick()
	assert.Equal(t, "\ra/b (pct,random): 9 scenarios, 1200 executions, 600 executions/s, 2s of 15s\x1b[K", w.String())

	// A row of the next test starts afresh.
	l.add(tools.ProgressRow{Test: "TestCatalog/a/c", Structure: "a/c", Strategy: "stress", PID: 3, Phase: "shrink",
		Scenarios: 1, Executions: 1, Elapsed: 0.5, Budget: 60})
	w.Reset()
	l.tick()
	assert.Equal(t, "\ra/c (stress): 1 scenario, 1 execution, 500ms of 1m0s, shrinking a failure\x1b[K", w.String())

	// A line printed above erases the live one, then redraws it.
	w.Reset()
	l.print("a/b: ok as expected\n")
	assert.Equal(t, "\r\x1b[Ka/b: ok as expected\n\ra/c (stress): 1 scenario, 1 execution, 500ms of 1m0s, shrinking a failure\x1b[K", w.String())
	w.Reset()
	l.clear()
	assert.Equal(t, "\r\x1b[K", w.String())
	w.Reset()
	l.clear()
	assert.Empty(t, w.String(), "nothing drawn, nothing to clear")
}

func TestLiveLine_ElsewhereWritesOnlyThePrintedLines(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var w bytes.Buffer
	l := newLiveLine(&w, false, clock.now)
	l.setLabel("building")
	clock.advance(time.Second)
	l.add(tools.ProgressRow{Test: "T/a/b", Structure: "a/b", Strategy: "stress", PID: 1, Executions: 9, Elapsed: 1, Budget: 3})
	l.tick()
	l.print("a/b: ok as expected\n")
	l.clear()
	assert.Equal(t, "a/b: ok as expected\n", w.String())
}

func TestIsTerminal_PipesFilesAndDevNullAreNot(t *testing.T) {
	assert.False(t, isTerminal(&bytes.Buffer{}))
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f))
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, isTerminal(null))
	r, pw, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer pw.Close()
	assert.False(t, isTerminal(pw))
}

func TestProgressTail_ReadsOnlyCompleteNewLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.jsonl")
	tail := &progressTail{path: path}
	assert.Empty(t, tail.read(), "no file yet: no rows")

	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.WriteString(`{"test":"T/a/b","pid":1,"executions":1}` + "\n" + `not json` + "\n" + `{"test":"T/a/b","pid":1,"exec`)
	require.NoError(t, err)
	rows := tail.read()
	require.Len(t, rows, 1, "the garbage line is skipped, the half-written one waits")
	assert.Equal(t, 1, rows[0].Executions)

	_, err = f.WriteString(`utions":2}` + "\n")
	require.NoError(t, err)
	rows = tail.read()
	require.Len(t, rows, 1)
	assert.Equal(t, 2, rows[0].Executions)
	assert.Empty(t, tail.read(), "nothing new")
}

// follow feeds what a check appends to the live line until stopped.
func TestFollow_RendersTheRowsOfTheFileUntilStopped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.jsonl")
	require.NoError(t, tools.AppendProgressRow(path, tools.ProgressRow{Test: "T/a/b", Structure: "a/b", Strategy: "stress",
		PID: 1, Phase: "search", Scenarios: 2, Executions: 40, Elapsed: 2, Budget: 4}))
	var buf bytes.Buffer
	w := &lockedWriter{w: &buf} // follow's goroutine writes while the test reads
	l := newLiveLine(w, true, time.Now)
	stop, done := make(chan struct{}), make(chan struct{})
	go follow(&progressTail{path: path}, l, time.Millisecond, stop, done)
	require.Eventually(t, func() bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		return bytes.Contains(buf.Bytes(), []byte("a/b (stress): 2 scenarios, 40 executions, 20 executions/s, 2s of 4s"))
	}, 5*time.Second, time.Millisecond)
	close(stop)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("follow did not return once stopped")
	}
}
