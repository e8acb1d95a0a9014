package checks_test

import (
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
)

// boxFile is a history of the box structure: client 0 stores 1, then
// client 1 loads load. Its recorded verdict is verdict.
func boxFile(load, verdict string) []byte {
	return []byte(`{"weftHistoryFormat": 1, "structure": "box", "model": "register", "verdict": "` + verdict + `",
 "scenario": {"clients": [[{"op": "store", "input": {"op": "store", "value": 1}}], [{"op": "load", "input": {"op": "load"}}]]},
 "history": [
  {"part": "parallel", "client": 0, "index": 0, "op": "store", "input": {"op": "store", "value": 1}, "output": {}, "call": 1, "return": 2},
  {"part": "parallel", "client": 1, "index": 0, "op": "load", "input": {"op": "load"}, "output": {"value": ` + load + `}, "call": 3, "return": 4}]}`)
}

func TestHistoryOf_GivesTheCallsAndModelVerifyJudges(t *testing.T) {
	box := boxStructure("box", func() *box { return &box{} })
	name, err := checks.HistoryStructure("f.json", boxFile("2", "not linearizable"))
	require.NoError(t, err)
	assert.Equal(t, "box", name)

	h, err := checks.HistoryOf(box, "f.json", boxFile("2", "not linearizable"))
	require.NoError(t, err)
	assert.Equal(t, "box", h.Structure)
	assert.Equal(t, checks.NotLinearizable, h.Verdict)
	assert.Equal(t, []string{"client 0", "client 1", "init, post", "client 0, fire-and-forget", "client 1, fire-and-forget"}, h.Clients)
	require.Len(t, h.Operations, 2)
	assert.Equal(t, porcupine.Illegal, porcupine.CheckOperationsTimeout(h.Checker, h.Operations, time.Second))
	load := h.Operations[1]
	_, afterStore := h.Checker.Step(h.Checker.Init(), h.Operations[0].Input, h.Operations[0].Output)
	assert.NotEmpty(t, h.Explain(afterStore, load.Input, load.Output))
	assert.Empty(t, h.Unjudgeable)

	h, err = checks.HistoryOf(box, "f.json", boxFile("1", "ok"))
	require.NoError(t, err)
	assert.Equal(t, porcupine.Ok, porcupine.CheckOperationsTimeout(h.Checker, h.Operations, time.Second))
}

func TestHistoryOf_RejectsWhatItCannotJudge(t *testing.T) {
	_, err := checks.HistoryOf(boxStructure("crate", func() *box { return &box{} }), "f.json", boxFile("1", "ok"))
	assert.ErrorContains(t, err, `f.json is a history of structure "box", not "crate"`)
	_, err = checks.HistoryOf(boxStructure("box", func() *box { return &box{} }), "f.json", []byte("{\n\"weftHistoryFormat\": [}"))
	assert.ErrorContains(t, err, "f.json:2:")
	_, err = checks.HistoryOf(checks.Program("box", func() {}), "f.json", boxFile("1", "ok"))
	assert.ErrorContains(t, err, "has no calls to judge")
}
