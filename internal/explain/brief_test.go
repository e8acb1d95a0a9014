package explain

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

// TestWriteBrief_Golden pins the brief text of hand-built histories: a
// stuck order with a call waiting for another, a stuck partitioned
// history with a part that passes, a history stuck at its first call, a
// linearizable one, one with no calls and one that cannot be judged.
func TestWriteBrief_Golden(t *testing.T) {
	briefed := map[string]bool{"stale-read": true, "lost-update": true, "stuck-first": true, "stale-read-twin": true,
		"empty": true, "unjudgeable": true}
	for _, c := range handBuilt(t) {
		if !briefed[c.name] {
			continue
		}
		delete(briefed, c.name)
		t.Run(c.name, func(t *testing.T) {
			e, err := Explain(c.h, 10*time.Second)
			require.NoError(t, err)
			require.NoError(t, e.Verify())
			var out bytes.Buffer
			require.NoError(t, e.WriteBrief(&out))
			golden(t, filepath.Join("testdata", c.name+".brief.golden"), out.Bytes())
		})
	}
	assert.Empty(t, briefed, "hand-built histories renamed?")
}

// TestWriteBrief_SelectsFromTheFullText checks, on drawn histories, that
// the brief text claims nothing the full text does not: the same verdict
// line, each stuck point verbatim, each call of an order it shows as a
// row of the full text's order (alignment aside), and each call it says
// must wait as the full text says it (where the full text lists it).
func TestWriteBrief_SelectsFromTheFullText(t *testing.T) {
	stuck := 0
	rapid.Check(t, func(rt *rapid.T) {
		h := drawHistory(t, rt)
		e, err := Explain(h, 10*time.Second)
		require.NoError(rt, err)
		require.NoError(rt, e.Verify())
		var full, brief bytes.Buffer
		require.NoError(rt, e.WriteText(&full))
		require.NoError(rt, e.WriteBrief(&brief))
		fullLines := strings.Split(full.String(), "\n")
		briefLines := strings.Split(brief.String(), "\n")
		require.Equal(rt, fullLines[0], briefLines[0], "the verdict line")
		require.Contains(rt, brief.String(), "Without -brief, weft explain shows more")

		normal := map[string]bool{} // the full text's lines, spaces collapsed
		for _, l := range fullLines {
			normal[strings.Join(strings.Fields(l), " ")] = true
		}
		row := regexp.MustCompile(`^  \d+\. `)
		for _, l := range briefLines {
			if row.MatchString(l) {
				require.True(rt, normal[strings.Join(strings.Fields(l), " ")], "row %q is not the full text's", l)
			}
		}
		for i := range e.Parts {
			p := &e.Parts[i]
			if p.Verdict != NotLinearizable {
				if p.Name != "" {
					require.NotContains(rt, brief.String(), "== "+p.Name+":", "a part that is not stuck is only counted")
				}
				continue
			}
			stuck++
			var b strings.Builder
			e.writeStuck(&b, p)
			require.Contains(rt, full.String(), b.String())
			require.Contains(rt, brief.String(), b.String())
			for _, l := range p.Later[:min(len(p.Later), maxLater)] {
				require.Contains(rt, full.String(), fmt.Sprintf("%s must come first: it returned at %d, before %s was called",
					ref(l.After), h.Operations[l.After].Return, ref(l.Call)))
			}
			require.Contains(rt, brief.String(), fmt.Sprintf("places %s of the %d calls", placed(len(p.Order)), len(p.Calls)))
		}
		if e.Verdict == Linearizable && len(e.Parts) > 0 {
			require.NotRegexp(rt, `(?m)^  \d+\. `, brief.String(), "no witness order")
			require.Contains(rt, brief.String(), fmt.Sprintf("%d calls", len(h.Operations)))
		}
	})
	assert.Positive(t, stuck, "no stuck part came up: the property says little")
}

// placed words how many calls an order places, as the brief text does.
func placed(n int) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprint(n)
}

// TestWriteBrief_GroupsTheCallsThatWait: a stuck order's remaining calls
// that cannot come next are counted and grouped by the call that must come
// before them, the first few named with the time each was called.
func TestWriteBrief_GroupsTheCallsThatWait(t *testing.T) {
	// A's store of 1 returns, then B reads 0: stuck there, and the six
	// reads B makes after that one returned wait for it.
	calls := []call[models.RegisterInput, models.RegisterOutput]{store(0, 1, 0, 2), load(1, 0, 3, 3)}
	for k := range 6 {
		at := int64(10 * (k + 1))
		calls = append(calls, load(1, 1, at, at+1))
	}
	e, err := Explain(fromModel(t, models.Register, "register", twoClients, calls), 10*time.Second)
	require.NoError(t, err)
	require.NoError(t, e.Verify())
	require.Equal(t, NotLinearizable, e.Verdict)
	var out bytes.Buffer
	require.NoError(t, e.WriteBrief(&out))
	assert.Contains(t, out.String(), "#2 must come before 6 calls: it returned at 3, before each was called:\n  #3 at 10, #4 at 20, #5 at 30 and 3 more.")
	assert.NotContains(t, out.String(), "#6 at", "only the first few are named")
}
