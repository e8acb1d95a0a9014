package history

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verdictOf is porcupine's verdict on h in the words of weft's files.
func verdictOf(t *testing.T, h *History) string {
	t.Helper()
	switch porcupine.CheckOperationsTimeout(h.Model, h.Operations, 10*time.Second) {
	case porcupine.Ok:
		return "ok"
	case porcupine.Illegal:
		return "not linearizable"
	default:
		return "unknown"
	}
}

// Every file of histories/corpus reads, and porcupine judges it to the
// verdict it records, as checks.Verify does in the catalog's tests.
func TestWeft_CorpusJudgesToItsRecordedVerdicts(t *testing.T) {
	files, err := filepath.Glob("../../histories/corpus/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seen := map[string]int{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			h, err := Read(file)
			require.NoError(t, err)
			assert.Equal(t, "weft", h.Format)
			assert.Equal(t, file, h.File)
			assert.NotEmpty(t, h.Title)
			assert.NotEmpty(t, h.Operations)
			assert.Empty(t, h.Unjudgeable)
			require.NotEmpty(t, h.Recorded)
			assert.Equal(t, h.Recorded, verdictOf(t, h))
			seen[h.Recorded]++
			for _, op := range h.Operations {
				require.Less(t, op.ClientId, len(h.Clients), "every client has a label")
				assert.NotEmpty(t, h.Model.DescribeOperation(op.Input, op.Output))
			}
		})
	}
	assert.Positive(t, seen["ok"])
	assert.Positive(t, seen["not linearizable"])
}

func TestWeft_LabelsClientsAndTitlesAsTheReport(t *testing.T) {
	h, err := Read("../../histories/corpus/counter-split-lock.json")
	require.NoError(t, err)
	assert.Equal(t, "counter/split-lock", h.Title)
	assert.Equal(t, []string{"client 0", "client 1", "init, post", "client 0, fire-and-forget", "client 1, fire-and-forget"}, h.Clients)
	assert.Equal(t, "not linearizable", h.Recorded)
	// The model explains a rejected call in its own words.
	op := h.Operations[2] // get(b) → 1 after two incs
	ok, _ := h.Model.Step(h.Model.Init(), op.Input, op.Output)
	assert.False(t, ok)
	assert.NotEmpty(t, h.Explain(h.Model.Init(), op.Input, op.Output))
}

func TestWeft_RejectsBrokenFilesNamingFileAndProblem(t *testing.T) {
	good, err := os.ReadFile("../../histories/corpus/counter-split-lock.json")
	require.NoError(t, err)
	cases := map[string]struct{ data, want string }{
		"bad JSON":          {"{\"weftHistoryFormat\": 1,\n\"structure\": oops}", "f.json:2:15"},
		"unknown structure": {strings.Replace(string(good), `"counter/split-lock"`, `"no/such"`, 1), `structure "no/such" is not in weft's catalog`},
		"unknown op":        {strings.Replace(string(good), `"op": "get"`, `"op": "pop"`, -1), `has no op "pop"`},
		"bad output":        {strings.Replace(string(good), `"value": 1`, `"value": "x"`, 1), "bad output"},
		"other version":     {strings.Replace(string(good), `"weftHistoryFormat": 1`, `"weftHistoryFormat": 9`, 1), "history format 9"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("f.json", []byte(tc.data))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "f.json"), err.Error())
			assert.Contains(t, err.Error(), tc.want)
			var outside *NotInCatalogError
			assert.Equal(t, name == "unknown structure", errors.As(err, &outside), "only a structure outside the catalog is one for its own module's test binary")
		})
	}
}

// A call that never returned, on a model that cannot say what such a call
// did (the bank account actor's has no Apply), leaves the history
// unjudgeable, as weft itself does not judge it; on a model that can, the
// call is judged as one that may have taken effect.
func TestWeft_SaysWhenAHistoryCannotBeJudged(t *testing.T) {
	const file = `{"weftHistoryFormat": 1, "structure": %q, "model": "m", "verdict": "hang",
 "scenario": {"clients": [[{"op": %q, "input": %s}]]},
 "history": [{"part": "parallel", "client": 0, "index": 0, "op": %q, "input": %s, "call": 1, "return": null}]}`
	h, err := Parse("f.json", []byte(fmt.Sprintf(file, "bankactor/supervised", "balance", `{"op": "balance"}`, "balance", `{"op": "balance"}`)))
	require.NoError(t, err)
	assert.Contains(t, h.Unjudgeable, "cannot say what such a call did")
	assert.Equal(t, "hang", h.Recorded)

	h, err = Parse("f.json", []byte(fmt.Sprintf(file, "counter/atomic", "inc", `{"op": "inc", "key": "a"}`, "inc", `{"op": "inc", "key": "a"}`)))
	require.NoError(t, err)
	assert.Empty(t, h.Unjudgeable)
	require.Len(t, h.Operations, 1)
	assert.Equal(t, int64(math.MaxInt64), h.Operations[0].Return)
	assert.Contains(t, h.Model.DescribeOperation(h.Operations[0].Input, h.Operations[0].Output), "never returned")
}
