package history

import (
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

// The fuzz tests feed each reader arbitrary bytes: it must return a
// history or an error that starts with the file's name, never panic or
// hang; and porcupine must be able to judge what it returns, so that every
// model's Step, descriptions and partition accept the inputs and outputs
// the reader built. Seeds: the files of histories/corpus, the readers'
// test logs, and near misses of each format.

// fuzzParse is the property every fuzz test checks of data.
func fuzzParse(t *testing.T, data []byte) {
	const name = "fuzz.in"
	h, err := Parse(name, data)
	if err != nil {
		require.True(t, strings.HasPrefix(err.Error(), name), "the error names the file: %v", err)
		return
	}
	require.NotNil(t, h.Model.Step)
	require.NotNil(t, h.Model.DescribeOperation)
	// A weft file may hold no call: its structure's constructor hung.
	for _, op := range h.Operations {
		require.LessOrEqual(t, op.Call, op.Return)
		require.GreaterOrEqual(t, op.ClientId, 0)
		h.Model.DescribeOperation(op.Input, op.Output)
		h.Explain(h.Model.Init(), op.Input, op.Output)
	}
	if h.Model.DescribeState != nil {
		h.Model.DescribeState(h.Model.Init())
	}
	if len(h.Operations) <= 40 && h.Unjudgeable == "" {
		porcupine.CheckOperationsTimeout(h.Model, h.Operations, 100*time.Millisecond)
	}
}

func FuzzWeftJSON(f *testing.F) {
	tools.AddSeedFiles(f, "../../histories/corpus/*.json")
	f.Add([]byte(`{"weftHistoryFormat": 1}`))
	f.Add([]byte(`{"weftHistoryFormat": 1, "structure": "counter/atomic", "model": "counter", "scenario": {"clients": [[{"op": "inc", "input": {"op": "inc", "key": "a"}}]]},
"history": [{"part": "parallel", "client": 0, "op": "inc", "input": {"op": "inc", "key": "a"}, "call": 1, "return": null}]}`))
	f.Fuzz(fuzzParse)
}

func FuzzEtcdLog(f *testing.F) {
	f.Add([]byte(etcdLog))
	f.Add([]byte("INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2]\nINFO  jepsen.util - 0\t:ok\t:cas\t[1 2]\n"))
	f.Add([]byte("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\tnil\n"))
	f.Add([]byte("INFO  jepsen.util - 9\t:invoke\t:write\t99999999999999999999\n"))
	f.Fuzz(fuzzParse)
}

func FuzzKVLog(f *testing.F) {
	f.Add([]byte(kvLog))
	f.Add([]byte(`{:process 0, :type :invoke, :f :get, :key "", :value nil}` + "\n" + `{:process 0, :type :ok, :f :get, :key "", :value "ab"}`))
	f.Add([]byte(`{:process 0, :type :invoke, :f :put, :key "k", :value "\"}`))
	f.Fuzz(fuzzParse)
}
