package checks_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/internal/judging"
)

// helperFile records a failure of the off-by-one box and rewrites its
// file as if TestHelperProcess had written it, so that the helper's
// checks may claim it.
func helperFile(t *testing.T) string {
	t.Helper()
	res := checks.Run(t, boxStructure("off-by-one", func() *box { return &box{onLoad: func() int { return 1 }} }), quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	var hf map[string]any
	data, err := os.ReadFile(res.Failure.HistoryFile)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &hf))
	hf["test"] = "TestHelperProcess"
	file := filepath.Join(t.TempDir(), "off-by-one.json")
	data, err = json.Marshal(hf)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	return file
}

// TestCLI_JudgeWritesTheJudgementOfTheFilesStructure: under -weft.judge,
// the check of the file's structure searches nothing, judges the file and
// writes its verdict, explanation and page; the test passes.
func TestCLI_JudgeWritesTheJudgementOfTheFilesStructure(t *testing.T) {
	file := helperFile(t)
	dir := filepath.Join(t.TempDir(), "judgement")
	out, code := helper(t, "check-broken", nil, "-weft.judge="+file, "-weft.judgeout="+dir)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "weft: judging "+file+": test TestHelperProcess, structure off-by-one")
	assert.NotContains(t, out, "weft: not linearizable: off-by-one", "no check searched, so none failed")

	j, err := judging.Read(dir)
	require.NoError(t, err)
	assert.Equal(t, "off-by-one", j.Structure)
	assert.Equal(t, "TestHelperProcess", j.Test)
	assert.Equal(t, judging.NotLinearizable, j.Verdict)
	assert.Equal(t, j.Recorded, j.Verdict)
	assert.Equal(t, judging.NotLinearizable, j.Explained)
	assert.Equal(t, "not linearizable", j.ViewVerdict)
	assert.False(t, j.ViewOK)
	assert.Positive(t, j.Calls)
	text, err := os.ReadFile(filepath.Join(dir, judging.Explanation))
	require.NoError(t, err)
	assert.Contains(t, string(text), "off-by-one: not linearizable")
	assert.Contains(t, string(text), "the model says load() → 0")
	brief, err := os.ReadFile(filepath.Join(dir, judging.BriefExplanation))
	require.NoError(t, err, "the brief text, for weft explain -brief")
	assert.True(t, strings.HasPrefix(string(brief), "off-by-one: not linearizable\n"), string(brief))
	assert.Contains(t, string(brief), "the model says load() → 0")
	assert.Contains(t, string(brief), "Without -brief")
	assert.Less(t, len(brief), len(text))
	page, err := os.ReadFile(filepath.Join(dir, judging.View))
	require.NoError(t, err)
	assert.Contains(t, string(page), "off-by-one")
}

// TestCLI_AJudgementNoCheckClaimsFails: a test whose checks are all of
// other structures neither passes nor writes a judgement.
func TestCLI_AJudgementNoCheckClaimsFails(t *testing.T) {
	file := helperFile(t)
	dir := filepath.Join(t.TempDir(), "judgement")
	out, code := helper(t, "check-correct", nil, "-weft.judge="+file, "-weft.judgeout="+dir)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "weft: box not checked: -weft.judge="+file+" is a history of structure off-by-one")
	assert.Contains(t, out, "no check of test TestHelperProcess is of it (checks that ran: box)")
	assert.Contains(t, out, "The file was not judged.")
	_, err := judging.Read(dir)
	assert.ErrorIs(t, err, os.ErrNotExist)

	out, code = helper(t, "check-broken", nil, "-weft.judge="+file)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "needs -weft.judgeout")
}

// TestCLI_SequentialDoesNotRunUnderJudge: Sequential judges no file, so
// it does not run (this one would stop at a call that blocks), and claims
// none: the weft command, finding no judgement, says so.
func TestCLI_SequentialDoesNotRunUnderJudge(t *testing.T) {
	file := helperFile(t)
	dir := filepath.Join(t.TempDir(), "judgement")
	out, code := helper(t, "sequential-blocking", nil, "-weft.judge="+file, "-weft.judgeout="+dir)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "weft: self-locking: Sequential not run: -weft.judge="+file)
	assert.NotContains(t, out, "did not return within")
	_, err := judging.Read(dir)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
