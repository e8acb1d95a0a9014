package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/history"
)

const corpus = "../../histories/corpus/"

func TestView_WritesThePageAndPrintsItsPath(t *testing.T) {
	for _, tc := range []struct {
		file, verdict string
		status        int
	}{
		{"counter-split-lock.json", "not linearizable", 1},
		{"counter-split-lock-ok.json", "linearizable", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "v.html")
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tc.status, run([]string{"view", "-o", page, corpus + tc.file}, &stdout, &stderr), stderr.String())
			assert.Equal(t, page+"\n", stdout.String())
			data, err := os.ReadFile(page)
			require.NoError(t, err)
			assert.Contains(t, string(data), "<title>weft: counter/split-lock — "+tc.verdict+"</title>")
			if tc.status == 1 {
				assert.Contains(t, stderr.String(), "counter-split-lock.json: not linearizable")
				assert.Contains(t, string(data), "Where linearization gets stuck")
			}
		})
	}
}

func TestView_NamesThePageAfterTheFileInTheWorkingDirectory(t *testing.T) {
	abs, err := filepath.Abs(corpus + "counter-split-lock-ok.json")
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"view", abs}, &stdout, &stderr), stderr.String())
	assert.Equal(t, "counter-split-lock-ok.html\n", stdout.String())
	assert.FileExists(t, "counter-split-lock-ok.html")
}

func TestView_UsageAndBadInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"view", "-h"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "usage: weft view")
	assert.Contains(t, stdout.String(), "Exit status: 0")
	assert.Contains(t, stdout.String(), "formats weft reads: "+strings.Join(history.Formats(), ", ")+".")
	assert.Contains(t, history.Formats(), "weft")
	assert.Empty(t, stderr.String())

	dir := t.TempDir()
	notHistory := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(notHistory, []byte("hello\n"), 0o644))
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no file":        {nil, "usage: weft view"},
		"two files":      {[]string{"a", "b"}, "usage: weft view"},
		"bad flag":       {[]string{"-x", "a"}, "-x"},
		"bad timeout":    {[]string{"-timeout", "0s", "a"}, "-timeout must be positive"},
		"missing file":   {[]string{filepath.Join(dir, "missing.json")}, "missing.json"},
		"not a history":  {[]string{notHistory}, notHistory + ": not a history"},
		"unwritable out": {[]string{"-o", filepath.Join(dir, "no", "such", "dir.html"), corpus + "counter-split-lock.json"}, "dir.html"},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, 2, run(append([]string{"view"}, tc.args...), &stdout, &stderr))
			assert.Contains(t, stderr.String(), tc.want)
			assert.False(t, strings.Contains(stderr.String(), "panic"))
		})
	}
}

// weft view draws porcupine's own test data, read from the module cache:
// the verdict of porcupine's tests, and for a rejected log where it gets
// stuck.
func TestView_DrawsPorcupinesLogs(t *testing.T) {
	data := filepath.Join(porcupineModule(t), "test_data")
	for _, tc := range []struct {
		file   string
		status int
	}{
		{"jepsen/etcd_000.log", 1},
		{"jepsen/etcd_002.log", 0},
		{"kv/c10-bad.txt", 1},
		{"kv/c10-ok.txt", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "v.html")
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tc.status, run([]string{"view", "-o", page, filepath.Join(data, tc.file)}, &stdout, &stderr), stderr.String())
			html, err := os.ReadFile(page)
			require.NoError(t, err)
			if tc.status == 1 {
				assert.Contains(t, string(html), "not linearizable</title>")
				assert.Contains(t, string(html), `<h2 id="stuck">Where linearization gets stuck`)
				assert.Contains(t, string(html), `class="call stuck"`)
			} else {
				assert.Contains(t, string(html), "— linearizable</title>")
				assert.Contains(t, string(html), "A legal order of every call")
			}
		})
	}
}
