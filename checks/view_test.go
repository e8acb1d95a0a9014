package checks

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteView_LabelsRowsAsTheReport(t *testing.T) {
	tg := counterTarget(t)
	panicked := inc(0, 1, 0)
	panicked.panic = &panicInfo{Where: "operation", Value: "boom"}
	panicked.part = partParallel
	pending := inc(1, 2, 0)
	pending.pending, pending.part = true, partParallel
	post := get(2, 3, 4, 1)
	post.part = partPost
	e := &execution{clients: 2, history: []record{panicked, pending, post}}
	r := &runner{tg: tg}
	dir := t.TempDir()
	f := &failure{verdict: Panic, exec: e, files: outputFiles{view: filepath.Join(dir, "v.html")}}
	_, info := porcupine.CheckOperationsVerbose(tg.checker, tg.operations(e), time.Second)
	require.NoError(t, r.writeView(f, info))
	data, err := os.ReadFile(filepath.Join(dir, "v.porcupine.html"))
	require.NoError(t, err)
	page := string(data)

	assert.Contains(t, page, "<title>weft: counter — panic (porcupine&#39;s view)</title>")
	assert.NotContains(t, page, "Porcupine")
	assert.Contains(t, page, `const weftRows = ["client 0","client 1","init, post","client 0, fire-and-forget","client 1, fire-and-forget"]`)
	for _, s := range rowLabelSites {
		assert.NotContains(t, page, s.from, "a row still labelled by porcupine's client number")
	}
	// Calls say how they failed, and the harness's calls are named as in
	// the report's scenario table.
	assert.Contains(t, page, `"Description":"inc() ✗ panicked: boom"`)
	assert.Contains(t, page, `"Description":"inc() … never returned"`)
	assert.Contains(t, page, `"Description":"post 1: get() → 1"`)
	// The badges are on rows of their own, not over the calls.
	assert.Contains(t, page, `"Tag":"panicked","Start":`)
	assert.Contains(t, page, `"Tag":"never returned","Start":`)
	assert.Contains(t, page, `"Description":"client 0, call 1","Details":"client 0, call 1 (inc() ✗ panicked): boom"`)
	assert.Contains(t, page, `"Description":"client 1, call 1","Details":"client 1, call 1 (inc() … never returned)"`)
}

// A failure's view is weft's own page, which links to porcupine's.
func TestWriteView_IsWeftsPageLinkingToPorcupines(t *testing.T) {
	tg := counterTarget(t)
	a, b := inc(0, 1, 4), inc(1, 2, 3)
	a.part, b.part = partParallel, partParallel
	post := get(2, 5, 6, 1) // two increments, then get → 1: a lost update
	post.part = partPost
	e := &execution{clients: 2, history: []record{a, b, post}}
	r := &runner{tg: tg, cfg: config{checkTimeout: time.Second}}
	dir := t.TempDir()
	f := &failure{verdict: NotLinearizable, exec: e, files: outputFiles{view: filepath.Join(dir, "v.html")}}
	_, info := porcupine.CheckOperationsVerbose(tg.checker, tg.operations(e), time.Second)
	require.NoError(t, r.writeView(f, info))
	data, err := os.ReadFile(f.files.view)
	require.NoError(t, err)
	page := string(data)

	assert.Contains(t, page, "<title>weft: counter — not linearizable</title>")
	assert.Contains(t, page, `<a href="v.porcupine.html">`)
	for _, label := range []string{">client 0</div>", ">client 1</div>", ">init, post</div>"} {
		assert.Contains(t, page, label)
	}
	assert.Contains(t, page, "Where linearization gets stuck")
	assert.Contains(t, page, `<span class="why">the model says get() → 2</span>`)
	assert.Contains(t, page, `<span class="label">client 1, call 1</span>`, "calls are named as in the report's scenario table")
	assert.Contains(t, page, `<span class="name">post 1: get() → 1</span>`, "the model's description names the harness's calls already")
	assert.NotContains(t, page, `<span class="label">post 1</span>`, "and the label does not repeat it")
	assert.FileExists(t, filepath.Join(dir, "v.porcupine.html"))
}
