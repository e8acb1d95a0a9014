package checks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
)

func TestProperties_EachVerdictOnceWithAnExplanation(t *testing.T) {
	seen := map[Verdict]bool{}
	for _, p := range properties {
		assert.False(t, seen[p.verdict], "%s is registered twice", p.verdict)
		seen[p.verdict] = true
		assert.NotEmpty(t, p.explain, p.verdict)
		assert.True(t, p.detect != nil || p.collect != nil, "%s has no detector", p.verdict)
		assert.True(t, p.verdict.Failed(false), p.verdict)
	}
	var order []Verdict
	for _, p := range properties {
		order = append(order, p.verdict)
	}
	// As the package documentation lists them.
	assert.Equal(t, []Verdict{DataRace, NotLinearizable, Violated, Panic, Deadlock, Livelock, Hang, Leak, Starvation, PriorityInversion,
		NotObstructionFree, PotentialDeadlock, Unknown}, order)
}

// An execution that fails every property at once gets the verdict of the
// first; taking them away one by one walks down the table.
func TestJudge_PrecedenceIsTheOrderOfTheTable(t *testing.T) {
	tg := counterTarget(t)
	e := &execution{
		history: []record{inc(0, 1, 2), get(1, 3, 4, 1)},
		panics:  []panicInfo{{Where: "New"}, {Where: "program", Value: violation("at most 3").String()}},
		hang:    &hangInfo{phase: "parallel"},
		leaks:   []leakInfo{{Goroutine: "g"}},
		control: &controlInfo{outcome: engine.Deadlock, found: map[Verdict]any{}},
		race:    &raceInfo{},
	}
	for _, p := range properties {
		if p.collect != nil {
			e.control.found[p.verdict] = "found"
		}
	}
	var got []Verdict
	for {
		v := tg.judge(e, time.Second)
		if v == Ok {
			break
		}
		got = append(got, v)
		switch v {
		case DataRace:
			e.race = nil
		case Violated:
			e.panics = e.panics[:1]
		case Panic:
			e.panics = nil
		case Deadlock:
			e.control.outcome = engine.StepCap
		case Livelock:
			e.control.outcome = engine.Finished
		case Hang:
			e.hang = nil
		case Leak:
			e.leaks = nil
		default:
			require.Contains(t, e.control.found, v, "judge returned %s, which is not found", v)
			delete(e.control.found, v)
		}
	}
	var want []Verdict
	for _, p := range properties {
		if p.verdict != NotLinearizable && p.verdict != Unknown { // the history is linearizable
			want = append(want, p.verdict)
		}
	}
	assert.Equal(t, want, got)
}

func TestResolve_Bounds(t *testing.T) {
	c, err := resolve(Options{Bounds: map[string]int{"bypass": 3}}, env(map[string]string{"WEFT_INVERSION": "5"}), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"bypass": 3, "inversion": 5}, c.bounds)

	c, err = resolve(Options{Bounds: map[string]int{"bypass": 3}}, env(nil), map[string]string{"weft.bypass": "9"})
	require.NoError(t, err)
	assert.Equal(t, 9, c.bounds["bypass"], "flag over Options")
	assert.Equal(t, engine.DefaultInversionBound, c.bounds["inversion"], "default")

	_, err = resolve(Options{Bounds: map[string]int{"patience": 3}}, env(nil), nil)
	assert.ErrorContains(t, err, `unknown bound "patience" (want one of [bypass inversion])`)
	_, err = resolve(Options{Bounds: map[string]int{"bypass": -1}}, env(nil), nil)
	assert.ErrorContains(t, err, "bound bypass must be at least 1 (got -1)")
	_, err = resolve(Options{}, env(nil), map[string]string{"weft.inversion": "0"})
	assert.ErrorContains(t, err, "below the minimum 1")
}
