package checks

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

// The parsers of what a person or another run hands to weft: the schedule
// of a history file and the file itself. No input may panic or hang them;
// a rejection says what is wrong. make fuzz runs these longer.

func FuzzDecodeSchedule(f *testing.F) {
	for _, s := range []string{"", "0", "1*3.0.2*2", "0.1.0.1*20", "3*65536", "1.x", "-1", "1*0", "2*1e9", "..", "*", "1**2", "+1", "007*02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := decodeSchedule(s)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "schedule: "), err.Error())
			require.Nil(t, ds)
			return
		}
		// Plain loops, not testify's reflection per element: a schedule
		// can hold millions of decisions.
		require.LessOrEqual(t, len(ds), maxScheduleDecisions)
		if i := slices.IndexFunc(ds, func(d int) bool { return d < 0 }); i >= 0 {
			t.Fatalf("decision %d is %d", i, ds[i])
		}
		// What was accepted means one thing: its canonical encoding
		// decodes to the same decisions.
		again, err := decodeSchedule(encodeSchedule(ds))
		require.NoError(t, err)
		require.True(t, slices.Equal(ds, again), "the decisions of %q change through encodeSchedule", s)
	})
}

// A schedule of a few bytes could ask for gigabytes of decisions: each
// count is bounded, but there was no bound on their sum.
func TestDecodeSchedule_BoundsTheDecisionsOfManyCounts(t *testing.T) {
	s := strings.Repeat("0*1048576.", 5000) + "0"
	_, err := decodeSchedule(s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "schedule: more than 4194304 decisions")
	ds, err := decodeSchedule(strings.Repeat("1*1048576.", 3) + "1*1048576")
	require.NoError(t, err)
	assert.Len(t, ds, maxScheduleDecisions, "the bound itself is allowed")
}

// fuzzHistoryName is the file name FuzzReadHistoryFile gives its inputs;
// every error must start with it.
const fuzzHistoryName = "fuzz.json"

func FuzzReadHistoryFile(f *testing.F) {
	// The corpus of recorded failures: weft's real files, of the counter
	// (which the fuzz target rebuilds) and of other structures.
	tools.AddSeedFiles(f, "../histories/corpus/*.json")
	for _, s := range []string{
		"", "{", "null", "[]", `{"weftHistoryFormat":1}`,
		`{"weftHistoryFormat":1,"structure":"counter","model":"counter","scenario":{"clients":[[{"op":"inc","input":{"op":"inc"}}]]},` +
			`"history":[{"part":"parallel","client":0,"index":0,"op":"inc","input":{"op":"inc"},"output":{},"call":1,"return":2}],` +
			`"schedule":{"decisions":"0*3.1","steps":4,"preemptions":1}}`,
		`{"weftHistoryFormat":1,"structure":"counter","model":"counter","scenario":{"clients":[[{"op":"get","input":{}}]]},` +
			`"history":[{"part":"parallel","client":7,"index":-1,"op":"get","input":{},"output":{"value":3},"call":5,"return":1},` +
			`{"part":"post","client":-2,"index":0,"op":"inc","input":{"op":"inc"},"call":9,"return":null}],` +
			`"hang":{"phase":"parallel","stacks":"goroutine 1"}}`,
		`{"weftHistoryFormat":1,"structure":"counter","model":"counter","scenario":{"clients":[[{"op":"get","input":{}}]]},` +
			`"history":[{"part":"parallel","client":1000000000,"index":99999999,"op":"get","input":{},"output":{"value":3},` +
			`"call":-9223372036854775808,"return":9223372036854775807}],"panics":[{}],"leaks":[{}]}`,
	} {
		f.Add([]byte(s))
	}
	tg := counterTarget(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		hf, err := parseHistoryFile(fuzzHistoryName, data)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), fuzzHistoryName), err.Error())
			return
		}
		// What replay and Verify do next with a file of the counter: any
		// error is fine, a panic or a hang is not.
		_, _ = tg.scenarioFrom(hf.Scenario)
		e, err := tg.executionFrom(hf)
		if err != nil || len(e.history) > 12 {
			return // a longer history could take porcupine the timeout
		}
		start := time.Now()
		v := tg.judge(e, 100*time.Millisecond)
		require.NotEmpty(t, v)
		require.Less(t, time.Since(start), 2*time.Second, "the judgement of %d calls outran its timeout", len(e.history))
	})
}
