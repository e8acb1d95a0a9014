package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
)

// The table lists every entry of the catalog exactly once, under its
// section of the guide, with its expected verdict.
func TestCatalog_ListsEveryEntryOnceWithItsVerdict(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"catalog"}, &out, &errs), errs.String())

	type listed struct{ section, expect, notes string }
	seen := map[string][]listed{}
	section := ""
	var sections []string
	for _, line := range strings.Split(out.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "§"):
			section = strings.TrimPrefix(line, "§")
			sections = append(sections, section)
		case strings.HasPrefix(line, "  ") && section != "":
			fields := strings.SplitN(strings.TrimSpace(line), "  ", 2)
			rest := strings.TrimSpace(fields[1])
			// The expect column ends at two spaces, or the line's end.
			expect, notes, _ := strings.Cut(rest, "  ")
			seen[fields[0]] = append(seen[fields[0]], listed{section, expect, strings.TrimSpace(notes)})
		}
	}
	all := catalog.All()
	require.Len(t, seen, len(all), "one listed name per entry")
	for _, e := range all {
		got := seen[e.Name]
		require.Len(t, got, 1, "%s is listed once", e.Name)
		assert.Equal(t, e.Guide, got[0].section, "%s's section", e.Name)
		assert.Equal(t, string(e.Expect), got[0].expect, "%s's verdict", e.Name)
		if e.Racy {
			assert.Contains(t, got[0].notes, "race: "+string(e.RaceExpect()), e.Name)
		}
		if e.Options.OnlyControlled != "" {
			assert.Contains(t, got[0].notes, "only controlled", e.Name)
		}
		for s := range e.Misses {
			assert.Contains(t, got[0].notes, "missed by "+s, e.Name)
		}
	}
	for i := 1; i < len(sections); i++ {
		assert.Negative(t, compareSections(sections[i-1], sections[i]), "sections in the guide's order, each once: %v", sections)
	}
	groups := map[string]bool{}
	for _, e := range all {
		group, _, _ := strings.Cut(e.Name, "/")
		groups[group] = true
	}
	assert.Contains(t, out.String(), fmt.Sprintf("%d variants of %d structures", len(all), len(groups)))
}

func TestCatalog_JSONHoldsEveryEntryInOrder(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"catalog", "-json"}, &out, &errs), errs.String())
	var got []catalogEntry
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	all := catalog.All()
	require.Len(t, got, len(all))
	for i, e := range all {
		assert.Equal(t, e.Name, got[i].Name)
		assert.Equal(t, e.Guide, got[i].Guide)
		assert.Equal(t, e.Package, got[i].Package)
		assert.Equal(t, string(e.Expect), got[i].Expect)
		assert.Equal(t, e.Options.OnlyControlled, got[i].OnlyControlled)
		assert.Equal(t, e.Misses, got[i].Misses)
		if e.Racy {
			assert.Equal(t, string(e.RaceExpect()), got[i].RaceExpect)
			assert.Equal(t, e.RaceMayNotShow, got[i].RaceMayNotShow)
		} else {
			assert.Empty(t, got[i].RaceExpect)
		}
		assert.True(t, strings.HasPrefix(e.Name, got[i].Group+"/"), e.Name)
	}
	assert.Contains(t, out.String(), `"expect": "`+string(checks.NotLinearizable)+`"`)
}

func TestCatalog_VerboseGivesTheReasons(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"catalog", "-v"}, &out, &errs), errs.String())
	for _, e := range catalog.All() {
		if e.Options.OnlyControlled != "" {
			assert.Contains(t, out.String(), "only controlled: "+e.Options.OnlyControlled)
		}
		for s, why := range e.Misses {
			assert.Contains(t, out.String(), "missed by "+s+": "+oneLine(why))
		}
	}
}

func TestCatalog_Usage(t *testing.T) {
	assertUsage(t, []usageCase{
		{args: []string{"catalog", "-h"}, status: 0, out: "usage: weft catalog"},
		{args: []string{"catalog", "-bogus"}, status: 2, errs: "usage: weft catalog"},
		{args: []string{"catalog", "counter"}, status: 2, errs: `unexpected argument "counter"`},
		{args: []string{"-h"}, status: 0, out: "catalog [-json]"},
	})
}

// A usageCase is a command line and what weft does with it.
type usageCase struct {
	args   []string
	status int
	out    string // in stdout
	errs   string // in stderr
}

// assertUsage runs weft on each case's arguments.
func assertUsage(t *testing.T, cases []usageCase) {
	t.Helper()
	for _, tc := range cases {
		var out, errs bytes.Buffer
		assert.Equal(t, tc.status, run(tc.args, &out, &errs), "%v", tc.args)
		assert.Contains(t, out.String(), tc.out, "%v", tc.args)
		assert.Contains(t, errs.String(), tc.errs, "%v", tc.args)
	}
}

func TestCompareSections_OrdersNumberByNumber(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		less bool
	}{
		{"2", "11", true},
		{"4.3", "5", true},
		{"9.1", "9.4", true},
		{"9", "9.1", true},
		{"11.3", "11.2", false},
		{"12", "12", false},
	} {
		assert.Equal(t, tc.less, compareSections(tc.a, tc.b) < 0, "%s < %s", tc.a, tc.b)
	}
}
