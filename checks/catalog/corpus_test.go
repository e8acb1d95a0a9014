package catalog_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/reporttest"
)

// TestCorpus_RecordedVerdictsStand judges every history of histories/corpus
// again: failures recorded by earlier runs, and hand-made variants of them
// with results a correct implementation could return. Unlike a stress run,
// this is deterministic: the checker must reach each recorded verdict.
func TestCorpus_RecordedVerdictsStand(t *testing.T) {
	files, err := filepath.Glob("../../histories/corpus/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files, "the corpus is empty")
	entries := map[string]catalog.Entry{}
	for _, e := range catalog.All() {
		entries[e.Name] = e
	}
	verdicts := map[checks.Verdict]int{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			var head struct {
				Structure string         `json:"structure"`
				Verdict   checks.Verdict `json:"verdict"`
			}
			require.NoError(t, json.Unmarshal(data, &head))
			e, ok := entries[head.Structure]
			require.True(t, ok, "no catalog entry %q", head.Structure)
			got := checks.Verify(t, e.Target, file, checks.Options{CheckTimeout: 10 * time.Second})
			assert.Equal(t, head.Verdict, got)
			verdicts[got]++
		})
	}
	assert.Positive(t, verdicts[checks.Ok], "the corpus should hold linearizable histories too")
	assert.Positive(t, verdicts[checks.NotLinearizable])
}

func TestVerify_RejectsAHistoryOfAnotherStructure(t *testing.T) {
	split, atomic := entryNamed(t, "counter/split-lock"), entryNamed(t, "counter/atomic")
	opts := checks.Options{CheckTimeout: time.Second}
	fatal := reporttest.FatalOf(t, func(tb testing.TB) {
		checks.Verify(tb, atomic.Target, "../../histories/corpus/counter-split-lock.json", opts)
	})
	assert.Contains(t, fatal, `is a history of structure "counter/split-lock", not "counter/atomic"`)
	fatal = reporttest.FatalOf(t, func(tb testing.TB) { checks.Verify(tb, split.Target, "../../histories/corpus/absent.json", opts) })
	assert.Contains(t, fatal, "no such file or directory")
}
