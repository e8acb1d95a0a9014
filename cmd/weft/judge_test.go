package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/history"
	"github.com/weftlab/weft/internal/judging"
	"github.com/weftlab/weft/internal/repro"
)

// splitHitsHistory records a failure of the README's broken twin,
// hits/split, a structure outside weft's catalog, unshrunk (a few
// seconds), and returns its history file.
func splitHitsHistory(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	record := exec.Command("go", "test", "./examples/hits", "-run", "^TestSplitHits$", "-count=1",
		"-weft.strategy=pct", "-weft.shrinktime=0", "-weft.out="+out)
	record.Dir = filepath.Join("..", "..")
	log, err := record.CombinedOutput()
	require.NoError(t, err, string(log))
	files, err := filepath.Glob(filepath.Join(out, "*.json"))
	require.NoError(t, err)
	require.Len(t, files, 1, string(log))
	_, err = history.Read(files[0])
	require.ErrorAs(t, err, new(*history.NotInCatalogError), "hits/split is not in the catalog: the weft command cannot judge it itself")
	return files[0]
}

// TestJudge_AStructureOutsideTheCatalogIsJudgedByItsOwnTest: check,
// explain and view of a history of hits/split run its test with
// -weft.judge, and show its verdict, its explanation and its page as for a
// structure of the catalog, with the same exit status. Each go test of
// examples/hits takes about 4 s (its TestMain rebuilds it through the
// rewrite): with -short, only the recording and check run, about 9 s;
// explain and view differ from check only in which file of the judgement
// they show, and checks' TestCLI_JudgeWritesTheJudgementOfTheFilesStructure
// checks those files.
func TestJudge_AStructureOutsideTheCatalogIsJudgedByItsOwnTest(t *testing.T) {
	file := splitHitsHistory(t)
	slow := func(t *testing.T) {
		if testing.Short() {
			t.Skip("another go test of examples/hits, 4 s: check's is enough with -short")
		}
	}
	t.Run("check", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 1, run([]string{"check", file}, &stdout, &stderr), stdout.String()+stderr.String())
		assert.Regexp(t, `(?m)^`+file+`\s+weft\s+\d+\s+not linearizable\s.*agrees with the recorded not linearizable$`, stdout.String())
		assert.Contains(t, stdout.String(), file+": structure hits/split is not in weft's catalog: judged by its own test TestSplitHits")
		assert.Contains(t, stdout.String(), "-weft.judge="+file)
		assert.Contains(t, stdout.String(), "1 not linearizable; checks took")
	})
	t.Run("explain", func(t *testing.T) {
		slow(t)
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 1, run([]string{"explain", file}, &stdout, &stderr), stdout.String()+stderr.String())
		assert.True(t, strings.HasPrefix(stdout.String(), "hits/split: not linearizable\n"), stdout.String())
		assert.Regexp(t, `It is stuck (there|at the start), in state`, stdout.String())
		assert.Regexp(t, `the model says get\(/(about)?\) → \d`, stdout.String(), "the stuck point, in the model's words")
		assert.Contains(t, stderr.String(), "judged by its own test TestSplitHits")
	})
	t.Run("explain -brief", func(t *testing.T) {
		slow(t)
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 1, run([]string{"explain", "-brief", file}, &stdout, &stderr), stdout.String()+stderr.String())
		assert.True(t, strings.HasPrefix(stdout.String(), "hits/split: not linearizable\n"), stdout.String())
		assert.Regexp(t, `It is stuck (there|at the start), in state`, stdout.String())
		assert.Contains(t, stdout.String(), "Without -brief, weft explain shows more")
		assert.NotContains(t, stdout.String(), "The calls, each with its interval", "the brief text, not the full one")
	})
	t.Run("view", func(t *testing.T) {
		slow(t)
		page := filepath.Join(t.TempDir(), "split.html")
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 1, run([]string{"view", "-o", page, file}, &stdout, &stderr), stdout.String()+stderr.String())
		assert.Equal(t, page+"\n", stdout.String())
		assert.Contains(t, stderr.String(), file+": not linearizable")
		data, err := os.ReadFile(page)
		require.NoError(t, err)
		assert.Contains(t, string(data), "<title>weft: hits/split — not linearizable</title>")
		assert.Contains(t, string(data), "Where linearization gets stuck")
	})
}

// TestJudge_CannotJudgeSaysWhy: a file whose test or structure its
// module no longer has, or one read outside any module, cannot be judged:
// exit status 2 and the reason, never a pass.
func TestJudge_CannotJudgeSaysWhy(t *testing.T) {
	// A complete history file, of a catalog structure, whose header is
	// edited to name a structure outside the catalog, and a test that its
	// package, which has no tests, does not have (internal/judging was
	// that package until it got tests: its test binary then refused
	// -weft.judge, an error that does not say the test is missing).
	var hf map[string]any
	data, err := os.ReadFile(corpus + "counter-split-lock.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &hf))
	hf["test"], hf["package"], hf["structure"] = "TestGone", "./checks/internal/israce", "hits/gone"
	data, err = json.Marshal(hf)
	require.NoError(t, err)
	gone := filepath.Join(t.TempDir(), "gone.json")
	require.NoError(t, os.WriteFile(gone, data, 0o644))

	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"check", gone}, &stdout, &stderr), stdout.String()+stderr.String())
	assert.Contains(t, stderr.String(), gone+" is a history of a structure outside weft's catalog, which only the test binary of its own module can judge, and it did not")
	assert.Contains(t, stderr.String(), "package ./checks/internal/israce has no test TestGone")
	assert.NotContains(t, stdout.String(), "linearizable;", "no verdict")

	t.Chdir(t.TempDir())
	for _, cmd := range []string{"explain", "view"} {
		stdout.Reset()
		stderr.Reset()
		assert.Equal(t, 2, run([]string{cmd, gone}, &stdout, &stderr), cmd+": "+stdout.String()+stderr.String())
		assert.Contains(t, stderr.String(), "is not inside a Go module: run weft from the module whose test wrote the file", cmd)
		assert.Empty(t, stdout.String(), cmd)
	}
	assert.NoFileExists(t, "gone.html", "no page for a history not judged")
}

// TestWhyNotJudged reads go test's output as judgeOutside does when no
// judgement was written; the wording it looks for is package checks' (the
// unclaimed file) and go's (no test).
func TestWhyNotJudged(t *testing.T) {
	h := repro.Header{Test: "TestX", Package: "./x", Structure: "hits/split"}
	for _, c := range []struct{ name, out, why string }{
		{"no such test", "ok  \tm/x\t0.01s [no tests to run]\n", "package ./x has no test TestX (renamed?"},
		{"no tests at all", "?   \tm/x\t[no test files]\n", "package ./x has no test TestX"},
		{"renamed structure", "--- FAIL: TestX\n    replayed.go:93: weft: -weft.judge=f.json is a history of structure hits/split, and no check of test TestX is of it (checks that ran: hits): was the structure renamed? The file was not judged.\nFAIL\n",
			"test TestX of package ./x has no check of structure hits/split (renamed?)"},
		{"build failure", "# m/x\nx/x_test.go:3:1: syntax error\nFAIL\tm/x [build failed]\n", "package ./x does not build"},
		{"anything else", "panic: boom\nFAIL\tm/x\t0.1s\n", "no check of test TestX of package ./x judged it"},
	} {
		err := whyNotJudged(h, "go test ./x", c.out)
		require.Error(t, err, c.name)
		assert.Contains(t, err.Error(), c.why, c.name)
		assert.Contains(t, err.Error(), "go test ./x said:\n    ", c.name)
		assert.Contains(t, err.Error(), strings.TrimSpace(strings.Split(c.out, "\n")[0]), c.name+": go test's output is shown")
	}
}

// TestJudge_BriefOfAnOlderBinary: a judgement without the brief text (its
// binary built with a weft older than -brief) makes explain -brief fail
// with the reason, never print the full text instead.
func TestJudge_BriefOfAnOlderBinary(t *testing.T) {
	o := &outside{dir: t.TempDir()}
	o.Test = "TestSplitHits"
	require.NoError(t, os.WriteFile(filepath.Join(o.dir, judging.Explanation), []byte("full\n"), 0o644))
	text, err := o.explanation(false)
	require.NoError(t, err)
	assert.Equal(t, "full\n", text)
	_, err = o.explanation(true)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "test TestSplitHits wrote no brief explanation: the weft its module requires predates -brief")
	require.NoError(t, os.WriteFile(filepath.Join(o.dir, judging.BriefExplanation), []byte("brief\n"), 0o644))
	text, err = o.explanation(true)
	require.NoError(t, err)
	assert.Equal(t, "brief\n", text)
}
