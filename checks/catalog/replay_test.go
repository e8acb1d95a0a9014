package catalog_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/reporttest"
)

// TestReplay_ControlledFailuresReplayExactly replays the failure of every
// broken variant under every controlled strategy (found once in the test
// binary: see detect) from its history file several times: every replay
// must give the same verdict, the same history (every call, result and
// clock tick) and the same schedule.
func TestReplay_ControlledFailuresReplayExactly(t *testing.T) {
	const replays = 3
	for _, strategy := range []string{"random", "pct"} { // replay does not depend on the strategy
		for _, e := range catalog.All() {
			if e.Expect == checks.Ok {
				continue
			}
			t.Run(subtestName(strategy, e), func(t *testing.T) {
				if why, ok := e.Misses[strategy]; ok {
					t.Skip("not expected to catch it: " + why)
				}
				res := detect(t, e, strategy)
				want := historyFields(t, res.Failure.HistoryFile)
				require.Contains(t, want, "schedule")
				out := t.TempDir()
				for range replays {
					replay := e.Options // the same checks (such as ObstructionFree)
					replay.Replay, replay.OutDir = res.Failure.HistoryFile, out
					// The history file names the test that found the failure.
					again := checks.Run(renamed{TB: t, name: controlledTestName(strategy, e)}, e.Target, replay)
					require.NotNil(t, again.Failure, "the replay did not fail")
					assert.Equal(t, res.Verdict, again.Verdict)
					assert.Equal(t, reporttest.Replayable(res.Failure.Report), reporttest.Replayable(again.Failure.Report),
						"the same history, schedule and interleaving")
				}
				assert.Equal(t, want, historyFields(t, res.Failure.HistoryFile), "replays leave the file as it was")
			})
		}
	}
}

func historyFields(t *testing.T, path string) map[string]json.RawMessage {
	t.Helper()
	if !filepath.IsAbs(path) {
		path = filepath.Join("..", "..", path)
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}
