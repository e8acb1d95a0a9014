package explain

import (
	"bytes"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/internal/hist"
	"github.com/weftlab/weft/models"
)

// drawHistory draws a small history of register or counter calls by up to
// three clients, each client's calls one after another, with results that
// are often wrong, so that both verdicts come up.
func drawHistory(t *testing.T, rt *rapid.T) *hist.History {
	clients := rapid.IntRange(1, 3).Draw(rt, "clients")
	n := rapid.IntRange(0, 7).Draw(rt, "calls")
	free := make([]int64, clients) // when each client may call again
	type timing struct {
		client    int
		call, ret int64
	}
	var ts []timing
	for range n {
		c := rapid.IntRange(0, clients-1).Draw(rt, "client")
		start := free[c] + rapid.Int64Range(0, 3).Draw(rt, "gap")
		end := start + rapid.Int64Range(0, 4).Draw(rt, "length")
		free[c] = end + 1
		ts = append(ts, timing{c, start, end})
	}
	labels := []string{"client A", "client B", "client C"}
	if rapid.Bool().Draw(rt, "counter") {
		var calls []call[models.CounterInput, models.CounterOutput]
		for _, x := range ts {
			key := rapid.SampledFrom([]string{"x", "y"}).Draw(rt, "key")
			if rapid.Bool().Draw(rt, "inc") {
				calls = append(calls, inc(x.client, key, x.call, x.ret))
			} else {
				calls = append(calls, get(x.client, key, rapid.IntRange(0, 3).Draw(rt, "value"), x.call, x.ret))
			}
		}
		return fromModel(t, models.Counter, "counter", labels, calls)
	}
	var calls []call[models.RegisterInput, models.RegisterOutput]
	for _, x := range ts {
		v := rapid.IntRange(0, 2).Draw(rt, "value")
		if rapid.Bool().Draw(rt, "store") {
			calls = append(calls, store(x.client, v, x.call, x.ret))
		} else {
			calls = append(calls, load(x.client, v, x.call, x.ret))
		}
	}
	return fromModel(t, models.Register, "register", labels, calls)
}

// TestExplain_ClaimsHold checks, on drawn histories, that the verdict is
// porcupine's, that every claim of the explanation holds (Verify, which
// replays the orders with the model's Step), and that the text is the
// same every time.
func TestExplain_ClaimsHold(t *testing.T) {
	verdicts := map[string]int{}
	rapid.Check(t, func(rt *rapid.T) {
		h := drawHistory(t, rt)
		e, err := Explain(h, 10*time.Second)
		require.NoError(rt, err)
		want := map[bool]string{true: Linearizable, false: NotLinearizable}[porcupine.CheckOperations(h.Model, h.Operations)]
		require.Equal(rt, want, e.Verdict)
		require.NoError(rt, e.Verify())
		verdicts[e.Verdict]++
		for _, p := range e.Parts {
			if p.Verdict == NotLinearizable {
				require.Equal(rt, longestLegal(h, p.Calls), len(p.Order), "the text says no legal order is longer")
			}
			for _, c := range p.Next {
				ok, _ := h.Model.Step(stateAfter(h, p), h.Operations[c.Call].Input, h.Operations[c.Call].Output)
				require.False(rt, ok, "the model allows candidate %s", ref(c.Call))
			}
		}
		var first, again bytes.Buffer
		require.NoError(rt, e.WriteText(&first))
		e2, err := Explain(h, 10*time.Second)
		require.NoError(rt, err)
		require.NoError(rt, e2.WriteText(&again))
		require.Equal(rt, first.String(), again.String())
	})
	// Both verdicts must have come up, or the property says little.
	assert.Positive(t, verdicts[Linearizable])
	assert.Positive(t, verdicts[NotLinearizable])
}

// longestLegal is the length of the longest legal order of some of calls,
// by trying every order: each call after the calls that returned before it
// was called, each allowed by the model in turn.
func longestLegal(h *hist.History, calls []int) int {
	done := map[int]bool{}
	var try func(state any) int
	try = func(state any) int {
		best := 0
		for _, i := range calls {
			if done[i] {
				continue
			}
			op := h.Operations[i]
			callable := true
			for _, j := range calls {
				if !done[j] && j != i && h.Operations[j].Return < op.Call {
					callable = false
				}
			}
			if ok, next := h.Model.Step(state, op.Input, op.Output); ok && callable {
				done[i] = true
				best = max(best, 1+try(next))
				done[i] = false
			}
		}
		return best
	}
	return try(h.Model.Init())
}

// stateAfter is the model's state after part p's order.
func stateAfter(h *hist.History, p Part) any {
	if len(p.Order) == 0 {
		return h.Model.Init()
	}
	return p.Order[len(p.Order)-1].State
}

// TestVerify_CatchesFalseClaims breaks explanations one claim at a time:
// Verify must reject each, or it could not catch a lying explanation.
func TestVerify_CatchesFalseClaims(t *testing.T) {
	var stale, twin, counter *hist.History
	for _, c := range handBuilt(t) {
		switch c.name {
		case "stale-read":
			stale = c.h
		case "stale-read-twin":
			twin = c.h
		case "lost-update":
			counter = c.h
		}
	}
	explain := func(h *hist.History) *Explanation {
		e, err := Explain(h, 10*time.Second)
		require.NoError(t, err)
		require.NoError(t, e.Verify())
		return e
	}
	for _, c := range []struct {
		name  string
		h     *hist.History
		lie   func(e *Explanation)
		error string
	}{
		{"a verdict the parts do not give", twin, func(e *Explanation) { e.Verdict = NotLinearizable }, "the verdict"},
		{"a witness against real time", fromModel(t, models.Register, "register", twoClients,
			[]call[models.RegisterInput, models.RegisterOutput]{store(0, 1, 0, 1), store(1, 1, 2, 3)}),
			func(e *Explanation) {
				o := e.Parts[0].Order
				o[0], o[1] = o[1], o[0]
			}, "#1 comes after #2, called after it returned"},
		{"a point outside its interval", twin, func(e *Explanation) { e.Parts[0].Order[2].Point = 9 }, "outside its interval"},
		{"points that go back", twin, func(e *Explanation) { e.Parts[0].Order[0].Point = 3 }, "before the previous point"},
		{"a wrong state", twin, func(e *Explanation) { e.Parts[0].Order[1].State = 5 }, "not what the model does"},
		{"a short witness", twin, func(e *Explanation) { e.Parts[0].Order = e.Parts[0].Order[:2] }, "a witness of 2 of 3"},
		{"a candidate the model allows", stale, func(e *Explanation) {
			p := &e.Parts[0]
			p.Order = p.Order[:1]
			p.Next = []Candidate{{Call: 1, Why: "made up"}}
			p.Later = []Later{{Call: 2, After: 1}, {Call: 3, After: 1}}
		}, "the model allows #2"},
		{"a candidate that cannot come next", stale, func(e *Explanation) {
			p := &e.Parts[0]
			p.Next = append(p.Next, Candidate{Call: p.Later[0].Call, Why: "made up"})
			p.Later = nil
		}, "cannot come next"},
		{"a call left out", stale, func(e *Explanation) { e.Parts[0].Later = nil }, "neither candidates nor later"},
		{"a wait for a call that did not return first", stale, func(e *Explanation) {
			e.Parts[0].Later[0].After = 0
		}, "not a remaining call"},
		{"a part lost", counter, func(e *Explanation) { e.Parts = e.Parts[:1] }, "is in no part"},
	} {
		e := explain(c.h)
		c.lie(e)
		err := e.Verify()
		if assert.Error(t, err, c.name) {
			assert.Contains(t, err.Error(), c.error, c.name)
		}
	}
}

// TestExplain_UnknownIsNeverLinearizable gives porcupine a history it
// cannot finish in a millisecond: many overlapping stores and a load of a
// value none of them stored. The verdict must be unknown, its order legal.
func TestExplain_UnknownIsNeverLinearizable(t *testing.T) {
	var calls []call[models.RegisterInput, models.RegisterOutput]
	for i := range 40 {
		calls = append(calls, store(i%2, i+1, int64(i), 100))
	}
	calls = append(calls, load(0, 1000, 50, 101))
	h := fromModel(t, models.Register, "register", twoClients, calls)
	start := time.Now()
	e, err := Explain(h, time.Millisecond)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "the timeout bounds the search")
	assert.Equal(t, Unknown, e.Verdict)
	require.NoError(t, e.Verify())
	var out bytes.Buffer
	require.NoError(t, e.WriteText(&out))
	assert.Contains(t, out.String(), "register: unknown\n")
	assert.Contains(t, out.String(), "Unknown: the search did not finish within 1ms")
	assert.NotContains(t, out.String(), "A legal order of all the calls")

	_, err = Explain(h, 0)
	assert.ErrorContains(t, err, "the timeout must be positive")
}

// TestExplain_AFailingPartStopsTheSearch: a part too hard to search in
// time (40 overlapping increments and a read of 41) must not keep an easy
// failing part from being explained: the search stops after the round in
// which a part fails, and the hard part is unknown, said to be stopped.
func TestExplain_AFailingPartStopsTheSearch(t *testing.T) {
	var calls []call[models.CounterInput, models.CounterOutput]
	for i := range 40 {
		calls = append(calls, inc(i%2, "a", int64(i), 100))
	}
	calls = append(calls, get(0, "a", 41, 50, 101), get(1, "b", 1, 0, 1), get(1, "c", 0, 2, 3))
	h := fromModel(t, models.Counter, "counter", twoClients, calls)
	start := time.Now()
	e, err := Explain(h, time.Minute)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 10*time.Second, "the hard part's search stopped after its first round")
	require.NoError(t, e.Verify())
	var out bytes.Buffer
	require.NoError(t, e.WriteText(&out))
	assert.Equal(t, NotLinearizable, e.Verdict)
	require.Len(t, e.Parts, 3)
	assert.Equal(t, []string{`key "b"`, `key "a"`, `key "c"`}, []string{e.Parts[0].Name, e.Parts[1].Name, e.Parts[2].Name})
	assert.Equal(t, []string{NotLinearizable, Unknown, Linearizable}, []string{e.Parts[0].Verdict, e.Parts[1].Verdict, e.Parts[2].Verdict})
	assert.Equal(t, OtherPartFails, e.Parts[1].Unfinished)
	assert.Contains(t, out.String(), "Unknown: the search of this part stopped early, as key \"b\" is not\nlinearizable")

	// Out of time before any part fails: unknown, whatever was searched.
	e, err = Explain(h, 50*time.Millisecond)
	require.NoError(t, err)
	require.NoError(t, e.Verify())
	assert.Equal(t, Unknown, e.Verdict)
	assert.Equal(t, OutOfTime, e.Parts[0].Unfinished)
}

// TestExplain_LongHistory explains a history of 3,000 calls by three
// clients with a stale read near the end, in well under the timeout:
// neither the explanation nor its verification may grow with the square
// of the calls beyond what a student's machine does in a moment.
func TestExplain_LongHistory(t *testing.T) {
	var calls []call[models.RegisterInput, models.RegisterOutput]
	for i := range 1000 {
		at := int64(10 * i)
		calls = append(calls, store(0, i, at, at+5), load(1, i, at+6, at+8), load(2, max(i-1, 0), at+4, at+7))
	}
	calls[len(calls)-2].out.Value = -1 // read a value never stored
	h := fromModel(t, models.Register, "register", []string{"A", "B", "C"}, calls)
	start := time.Now()
	e, err := Explain(h, time.Minute)
	require.NoError(t, err)
	require.NoError(t, e.Verify())
	var out bytes.Buffer
	require.NoError(t, e.WriteText(&out))
	t.Logf("%d calls explained and verified in %v", len(calls), time.Since(start))
	assert.Equal(t, NotLinearizable, e.Verdict)
	assert.Equal(t, len(calls)-1, len(e.Parts[0].Order), "all calls but the stale read")
	assert.Contains(t, out.String(), "#2999  B  load() → -1:\n      the model says load() → 999\n")
	assert.Less(t, time.Since(start), 20*time.Second)
}

// TestVerify_CatchesAModelThatIsNotAFunction: a Step whose answer changes
// between calls (a model bug) gives porcupine's order a state Verify does
// not reach again, and Verify says so rather than let it be printed.
func TestVerify_CatchesAModelThatIsNotAFunction(t *testing.T) {
	h := fromModel(t, models.Register, "register", twoClients,
		[]call[models.RegisterInput, models.RegisterOutput]{store(0, 1, 0, 1), load(1, 1, 2, 3)})
	step, calls := h.Model.Step, 0
	h.Model.Step = func(s, in, out any) (bool, any) {
		calls++
		ok, next := step(s, in, out)
		if calls > 4 { // after the search and Explain's replay: another state
			return ok, next.(int) + 10
		}
		return ok, next
	}
	e, err := Explain(h, 10*time.Second)
	if err == nil { // porcupine's search and Explain's replay take 4 steps
		err = e.Verify()
	}
	assert.ErrorContains(t, err, "is not what the model does")
}
