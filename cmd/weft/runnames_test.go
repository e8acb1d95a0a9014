package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testCatalog is a small catalog for the matching tests.
var testCatalog = []catalogEntry{
	{Name: "counter/mutex-map", Group: "counter", Expect: "ok"},
	{Name: "counter/racy", Group: "counter", Expect: "not linearizable", RaceExpect: "data race"},
	{Name: "actor/counter", Group: "actor", Expect: "ok"},
	{Name: "fairness/test-and-set", Group: "fairness", Expect: "starvation", OnlyControlled: "needs identities"},
	{Name: "worksteal/racy-pop", Group: "worksteal", Expect: "not linearizable"},
}

func names(entries []catalogEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name)
	}
	return out
}

func TestMatchEntries(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		want  []string
		err   string   // in the error, if any
		close []string // names the error suggests
	}{
		{args: []string{"counter/racy"}, want: []string{"counter/racy"}},
		{args: []string{"counter"}, want: []string{"counter/mutex-map", "counter/racy"}},
		{args: []string{"actor", "counter/racy"}, want: []string{"actor/counter", "counter/racy"}},
		{args: []string{"counter/racy", "counter"}, want: []string{"counter/racy", "counter/mutex-map"}},
		{args: []string{"counter", "counter/racy"}, want: []string{"counter/mutex-map", "counter/racy"}},
		{args: []string{"countr"}, err: `"countr" is in no entry`, close: []string{"counter", "actor/counter"}},
		{args: []string{"racy"}, err: `"racy" is in no entry`, close: []string{"counter/racy", "worksteal/racy-pop"}},
		{args: []string{"counter/racey"}, err: "no entry", close: []string{"counter/racy"}},
		{args: []string{"counter/"}, err: "no entry", close: []string{"counter"}},
		{args: []string{"zzzzzzzzzz"}, err: "no entry"},
		{args: []string{"counter", "nope/nothing"}, err: `"nope/nothing" is in no entry`},
	} {
		got, err := matchEntries(testCatalog, tc.args)
		if tc.err == "" {
			require.NoError(t, err, "%v", tc.args)
			assert.Equal(t, tc.want, names(got), "%v", tc.args)
			continue
		}
		require.Error(t, err, "%v", tc.args)
		assert.Contains(t, err.Error(), tc.err, "%v", tc.args)
		for _, c := range tc.close {
			assert.Contains(t, err.Error(), c, "%v suggests %s", tc.args, c)
		}
		if len(tc.close) == 0 {
			assert.NotContains(t, err.Error(), "close:", "%v", tc.args)
		}
	}
}

func TestPlanRun_StressByDefaultPortfolioForControlledOnly(t *testing.T) {
	batches, err := planRun(testCatalog, "")
	require.NoError(t, err)
	require.Len(t, batches, 2)
	assert.Equal(t, "stress", batches[0].strategy)
	assert.Equal(t, []string{"counter/mutex-map", "counter/racy", "actor/counter", "worksteal/racy-pop"}, names(batches[0].entries))
	assert.Equal(t, "portfolio", batches[1].strategy)
	assert.Equal(t, []string{"fairness/test-and-set"}, names(batches[1].entries))

	batches, err = planRun(testCatalog, "pct")
	require.NoError(t, err)
	require.Len(t, batches, 1)
	assert.Equal(t, "pct", batches[0].strategy)
	assert.Len(t, batches[0].entries, len(testCatalog))

	_, err = planRun(testCatalog, "stress+race")
	require.Error(t, err, "stress would skip an entry only control catches: no verdict")
	assert.Contains(t, err.Error(), "fairness/test-and-set can only be caught under a controlled strategy (needs identities)")
}

// The pattern selects exactly the entries' subtests, as go test matches
// -run: alternatives, each split at its slashes into one pattern per level.
func TestRunPattern_SelectsExactlyTheEntries(t *testing.T) {
	pattern := runPattern([]catalogEntry{testCatalog[1], testCatalog[4]})
	assert.Equal(t, `^TestCatalog$/^counter$/^racy$|^TestCatalog$/^worksteal$/^racy-pop$`, pattern)
	matches := func(name string) bool {
		levels := strings.Split(name, "/")
		for _, alt := range strings.Split(pattern, "|") {
			parts := strings.Split(alt, "/")
			ok := len(parts) == len(levels)
			for i := 0; ok && i < len(parts); i++ {
				ok = regexp.MustCompile(parts[i]).MatchString(levels[i])
			}
			if ok {
				return true
			}
		}
		return false
	}
	assert.True(t, matches("TestCatalog/counter/racy"))
	assert.True(t, matches("TestCatalog/worksteal/racy-pop"))
	assert.False(t, matches("TestCatalog/counter/racy-pop"))
	assert.False(t, matches("TestCatalog/worksteal/racy"))
	assert.False(t, matches("TestCatalogControlled/counter/racy"))
}
