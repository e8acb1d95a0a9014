package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/history"
)

// porcupineModule is the directory of porcupine's module in the module
// cache, whose test data and tests the agreement test reads (never copies).
func porcupineModule(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	require.NoError(t, err)
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "anishathalye", "porcupine@v1.3.1")
	_, err = os.Stat(filepath.Join(dir, "test_data"))
	require.NoError(t, err, "porcupine's module is not in the module cache: run go mod download")
	return dir
}

// porcupineExpectations reads, from porcupine's own tests, whether each of
// its test logs is linearizable, by the file's base name.
func porcupineExpectations(t *testing.T, dir string) map[string]bool {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "porcupine_test.go"))
	require.NoError(t, err)
	want := map[string]bool{}
	add := func(file, verdict string) {
		v := verdict == "true"
		if old, ok := want[file]; ok {
			require.Equal(t, old, v, "porcupine's tests expect two verdicts of %s", file)
		}
		want[file] = v
	}
	for _, m := range regexp.MustCompile(`checkJepsen\(t, (\d+), (true|false)\)`).FindAllStringSubmatch(string(src), -1) {
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		add(filepath.Join("jepsen", "etcd_"+leftPad(n)+".log"), m[2])
	}
	for _, m := range regexp.MustCompile(`checkKv\(t, "([\w-]+)", (true|false), (?:true|false)\)`).FindAllStringSubmatch(string(src), -1) {
		add(filepath.Join("kv", m[1]+".txt"), m[2])
	}
	return want
}

func leftPad(n int) string { return strconv.Itoa(1000 + n)[1:] }

// TestCheck_AgreesWithPorcupineOnItsTestData judges every Jepsen etcd log
// and key-value log of porcupine's test data, as weft check does, and
// requires the verdict porcupine's own tests expect of each. With -short
// (make test) it judges every tenth log and the small key-value ones; the
// whole set takes a few seconds, a minute under the race detector.
func TestCheck_AgreesWithPorcupineOnItsTestData(t *testing.T) {
	dir := porcupineModule(t)
	want := porcupineExpectations(t, dir)
	etcd, err := filepath.Glob(filepath.Join(dir, "test_data", "jepsen", "etcd_*.log"))
	require.NoError(t, err)
	kv, err := filepath.Glob(filepath.Join(dir, "test_data", "kv", "*.txt"))
	require.NoError(t, err)
	require.Len(t, etcd, 103)
	require.Len(t, kv, 6)
	require.Len(t, want, 102+6, "porcupine's tests expect a verdict of every log but etcd_095")

	var total, longest time.Duration
	var slowest string
	agree, judged := 0, 0
	for i, file := range slices.Concat(etcd, kv) {
		rel, err := filepath.Rel(filepath.Join(dir, "test_data"), file)
		require.NoError(t, err)
		if testing.Short() && i%10 != 0 && !strings.HasPrefix(rel, "kv/c01") && !strings.HasPrefix(rel, "kv/c10") {
			continue
		}
		expected, ok := want[rel]
		c := checkFile(file, time.Minute)
		if !ok {
			// "etcd cluster failed to start up in test 95": its log is
			// empty, and check says it holds no history.
			require.Equal(t, filepath.Join("jepsen", "etcd_095.log"), rel)
			assert.ErrorContains(t, c.err, "etcd_095.log: not a history")
			continue
		}
		require.NoError(t, c.err, rel)
		judged++
		wantVerdict := map[bool]string{true: linearizable, false: notLinearizable}[expected]
		if assert.Equal(t, wantVerdict, c.verdict, rel) {
			agree++
		}
		t.Logf("%-22s %-13s %5d calls  %-17s %v", rel, c.format, c.calls, c.verdict, c.took)
		total += c.took
		if c.took > longest {
			longest, slowest = c.took, rel
		}
	}
	t.Logf("%d logs judged, %d agree with porcupine's tests; checks took %v in all, at most %v (%s)", judged, agree, total, longest, slowest)
}

func TestCheck_PrintsEachFileAndExitsOnTheVerdicts(t *testing.T) {
	files, err := filepath.Glob("../../histories/corpus/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run(append([]string{"check"}, files...), &out, &errs), "the corpus holds histories that are not linearizable")
	assert.Empty(t, errs.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 1+len(files)+1, "a header, a line per file and a summary")
	assert.Regexp(t, `^FILE\s+FORMAT\s+CALLS\s+VERDICT\s+TIME\s+RECORDED$`, lines[0])
	assert.Regexp(t, `counter-split-lock.json\s+weft\s+3\s+not linearizable\s+\S+\s+agrees with the recorded not linearizable`, out.String())
	assert.Regexp(t, `counter-split-lock-ok.json\s+weft\s+3\s+linearizable\s+\S+\s+agrees with the recorded ok`, out.String())
	assert.NotContains(t, out.String(), "DISAGREES")
	assert.Regexp(t, `^\d+ linearizable, \d+ not linearizable; checks took`, lines[len(lines)-1])

	out.Reset()
	assert.Equal(t, 0, run(append([]string{"check", "-agree"}, files...), &out, &errs), "every verdict agrees with its file's")
	out.Reset()
	assert.Equal(t, 0, run([]string{"check", "../../histories/corpus/counter-split-lock-ok.json"}, &out, &errs))
}

func TestCheck_UnknownIsNeverAPass(t *testing.T) {
	log := filepath.Join(porcupineModule(t), "test_data", "kv", "c50-ok.txt")
	for _, flags := range [][]string{nil, {"-agree"}} {
		var out, errs bytes.Buffer
		status := run(append(append([]string{"check", "-timeout", "1ms"}, flags...), log), &out, &errs)
		assert.Equal(t, 1, status, out.String())
		assert.Regexp(t, `c50-ok.txt\s+porcupine-kv\s+1712\s+unknown\s+`, out.String())
		assert.Contains(t, out.String(), "1 unknown")
	}
}

func TestCheck_UsageAndUnreadableInput(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run([]string{"check", "-h"}, &out, &errs))
	assert.Contains(t, out.String(), "usage: weft check")
	assert.Contains(t, out.String(), "Exit status: 0 every history is linearizable")
	for _, format := range history.Formats() {
		assert.Contains(t, out.String(), "  "+format+" ", "weft check -h describes every format it reads")
	}
	for _, args := range [][]string{{"check"}, {"check", "-timeout", "0", "f"}, {"check", "-bogus", "f"}} {
		errs.Reset()
		assert.Equal(t, 2, run(args, &out, &errs), args)
		assert.Contains(t, errs.String(), "usage: weft check", args)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.log")
	require.NoError(t, os.WriteFile(bad, []byte("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\tpurple\n"), 0o644))
	good := "../../histories/corpus/counter-split-lock-ok.json"
	out.Reset()
	errs.Reset()
	assert.Equal(t, 2, run([]string{"check", bad, filepath.Join(dir, "absent.json"), good}, &out, &errs))
	assert.Contains(t, errs.String(), bad+":2: ")
	assert.Contains(t, errs.String(), "absent.json: no such file or directory")
	assert.Contains(t, out.String(), "counter-split-lock-ok.json", "the readable files are still judged")
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		verdict, recorded string
		agrees            bool
		says              string
	}{
		{linearizable, "ok", true, "agrees with the recorded ok"},
		{notLinearizable, "not linearizable", true, "agrees"},
		{linearizable, "not linearizable", false, "DISAGREES"},
		{notLinearizable, "ok", false, "DISAGREES"},
		{linearizable, "", true, "none recorded"},
		{notLinearizable, "", false, "none recorded"},
		{unknown, "ok", false, "cannot compare"},
		{notJudged, "panic", false, "cannot compare"},
		{linearizable, "panic", true, "recorded panic, which check does not judge"},
		{notLinearizable, "deadlock", false, "DISAGREES: recorded deadlock"},
		{linearizable, "data race", false, "check does not judge races"},
		{linearizable, "unknown", true, "recorded unknown"},
		{notLinearizable, "unknown", false, "recorded unknown"},
	} {
		agrees, says := compare(c.verdict, c.recorded)
		assert.Equal(t, c.agrees, agrees, "%s vs %s", c.verdict, c.recorded)
		assert.Contains(t, says, c.says, "%s vs %s", c.verdict, c.recorded)
	}
}

// A history weft cannot judge (a call that never returned, on a model that
// cannot say what it did) is neither linearizable nor agreeing.
func TestCheck_AnUnjudgeableHistoryIsNotAPass(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hang.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"weftHistoryFormat": 1, "structure": "bankactor/supervised", "model": "m", "verdict": "hang",
 "scenario": {"clients": [[{"op": "balance", "input": {"op": "balance"}}]]},
 "history": [{"part": "parallel", "client": 0, "index": 0, "op": "balance", "input": {"op": "balance"}, "call": 1, "return": null}]}`), 0o644))
	for _, flags := range [][]string{nil, {"-agree"}} {
		var out, errs bytes.Buffer
		assert.Equal(t, 1, run(append(append([]string{"check"}, flags...), file), &out, &errs))
		assert.Contains(t, out.String(), "not judged: calls panicked or never returned")
		assert.Contains(t, out.String(), "cannot compare")
	}
}
