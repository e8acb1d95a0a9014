package view

import (
	"bytes"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/hist"
)

func render(t *testing.T, h *hist.History, opt Options) (*Analysis, string) {
	t.Helper()
	a := Check(h, time.Second)
	var b bytes.Buffer
	require.NoError(t, Write(&b, h, a, opt))
	return a, b.String()
}

func TestCheck_FindsWhereALostUpdateGetsStuck(t *testing.T) {
	a := Check(lostUpdate(), time.Second)
	assert.Equal(t, porcupine.Illegal, a.Result)
	require.Len(t, a.Orders, 1)
	assert.Len(t, a.Orders[0].Calls, 2, "both increments fit, the get does not")
	assert.ElementsMatch(t, []int{0, 1}, a.Orders[0].Calls)
	assert.Equal(t, []string{"1", "2"}, a.Orders[0].States)
	assert.Equal(t, []int{2}, a.Orders[0].Left)
	require.NotNil(t, a.Stuck)
	assert.Equal(t, "2", a.Stuck.State)
	assert.Equal(t, []Candidate{{Call: 2, Why: "the model says get() → 2"}}, a.Stuck.Next)
}

func TestCheck_ALinearizableHistoryHasACompleteOrderAndIsNotStuck(t *testing.T) {
	a := Check(twoIncs(), time.Second)
	assert.Equal(t, porcupine.Ok, a.Result)
	require.Len(t, a.Orders, 1)
	assert.Len(t, a.Orders[0].Calls, 3)
	assert.Equal(t, 2, a.Orders[0].Calls[2], "the get comes last")
	assert.Equal(t, []string{"1", "2", "2"}, a.Orders[0].States)
	assert.Nil(t, a.Stuck)
}

func TestCheck_MapsPartitionsBackToTheHistorysCalls(t *testing.T) {
	a := Check(staleRead(), time.Second)
	assert.Equal(t, porcupine.Illegal, a.Result)
	assert.Equal(t, 2, a.Partitions)
	require.Len(t, a.Orders, 1, "only the rejected partition's order is drawn")
	assert.Equal(t, 1, a.Orders[0].Partition, "key b")
	assert.Equal(t, []int{1, 3}, a.Orders[0].Calls, "key b: both puts")
	assert.Equal(t, []int{4}, a.Orders[0].Left)
	require.NotNil(t, a.Stuck)
	assert.Equal(t, "2", a.Stuck.State)
	assert.Equal(t, []Candidate{{Call: 4, Why: "the model does not allow this result here"}}, a.Stuck.Next,
		"without an Explain the view says so plainly")

	fixed := staleRead()
	fixed.Operations[4].Output = 2
	a = Check(fixed, time.Second)
	assert.Equal(t, porcupine.Ok, a.Result)
	require.Len(t, a.Orders, 2, "every partition of a linearizable history has its order")
	assert.Equal(t, []int{0, 2}, a.Orders[0].Calls, "key a: put then get")
	assert.Equal(t, []int{1, 3, 4}, a.Orders[1].Calls, "key b")
	assert.Nil(t, a.Stuck)
}

func TestWrite_NumbersEachPartitionsOrderApart(t *testing.T) {
	_, page := render(t, staleRead(), Options{})
	assert.Contains(t, page, "Where linearization gets stuck (partition 2 of 2)")
	assert.Contains(t, page, `<span class="rank">2.2</span><span class="name">put(b, 2)</span>`)
	assert.Contains(t, page, `class="call none" data-call="0"`, "key a's calls are in no order shown")
	assert.Contains(t, page, "in no order shown</span>")
}

func TestCheck_ATimeoutIsUnknownAndShowsNoOrder(t *testing.T) {
	h := twoIncs()
	slow := h.Model
	slow.Step = func(state, in, out any) (bool, any) {
		time.Sleep(50 * time.Millisecond)
		return counter.Step(state, in, out)
	}
	h.Model = slow
	a := Check(h, time.Millisecond)
	assert.Equal(t, porcupine.Unknown, a.Result)
	assert.Empty(t, a.Orders)
	assert.Contains(t, Verdict(a.Result), "not a pass")
}

func TestWrite_ShowsTitleClientsOrderAndWhereItGetsStuck(t *testing.T) {
	_, page := render(t, lostUpdate(), Options{Links: []Link{{"porcupine's view", "x.porcupine.html"}}})
	assert.Contains(t, page, "<title>weft: counter/split-lock — not linearizable</title>")
	for _, s := range []string{
		">client 0</div>", ">client 1</div>", ">init, post</div>",
		`<span class="name">get() → 1</span> <span class="iv">[5, 6]</span>`,
		"Where linearization gets stuck",
		"The longest legal order covers 2 of 3 calls.",
		`<span class="why">the model says get() → 2</span>`,
		`<a href="x.porcupine.html">porcupine&#39;s view</a>`,
	} {
		assert.Contains(t, page, s)
	}
	assert.Contains(t, page, `class="call stuck" data-call="2"`, "the stuck call is marked on the grid")
	assert.NotContains(t, page, "Interleaving, step by step", "a history without an interleaving shows none")
}

func TestWrite_ALinearizableHistoryShowsItsWitnessAndNoStuckPoint(t *testing.T) {
	_, page := render(t, twoIncs(), Options{})
	assert.Contains(t, page, `<span class="verdict ok">linearizable</span>`)
	assert.Contains(t, page, "A legal order of every call")
	assert.Contains(t, page, `<span class="callref">get() → 2</span> by init, post → state <span class="state">2</span>`)
	assert.NotContains(t, page, "gets stuck")
}

func TestWrite_AVerdictOfWeftsChecksShowsTheCheckersBeside(t *testing.T) {
	_, page := render(t, twoIncs(), Options{Verdict: "panic"})
	assert.Contains(t, page, "<title>weft: counter/locked — panic</title>")
	assert.Contains(t, page, "The checker alone finds the history linearizable.")
}

func TestWrite_ShowsTheInterleavingAndEscapesEverything(t *testing.T) {
	h := lostUpdate()
	h.Title = "<b>x</b>"
	h.Interleaving = "  1  lock <mu>  ⇢ preempted\n"
	_, page := render(t, h, Options{})
	assert.Contains(t, page, "Interleaving, step by step")
	assert.Contains(t, page, "lock &lt;mu&gt;  ⇢ preempted")
	assert.NotContains(t, page, "<b>x</b>")
	assert.NotContains(t, page, "<mu>")
}

func TestWrite_NeedsNothingFromTheNetwork(t *testing.T) {
	_, page := render(t, lostUpdate(), Options{})
	for _, s := range []string{"http://", "https://", "src=", "<link", "@import"} {
		assert.NotContains(t, page, s)
	}
}

func TestLayout_PendingAndOverlappingCallsGetRoomsOfTheirOwn(t *testing.T) {
	h := wideAndPending()
	g := layout(h, nil, nil)
	require.Len(t, g.Columns, 2)
	assert.Equal(t, column{Label: "client 0", Col: 2, Lanes: 1}, g.Columns[0])
	assert.Equal(t, column{Label: "client 1", Col: 3, Lanes: 2}, g.Columns[1], "client 1's two calls overlap")
	// times 1..5 are lines 2..6; "never" is the row below them.
	assert.Equal(t, tick{Row: 7, Time: "never"}, g.Ticks[len(g.Ticks)-1])
	byIndex := map[int]box{}
	for _, b := range g.Boxes {
		byIndex[b.Index] = b
	}
	assert.Equal(t, longName, byIndex[0].Name)
	assert.Equal(t, "[2, never returned]", byIndex[1].Interval)
	assert.Equal(t, 8, byIndex[1].Row+byIndex[1].Rows, "a pending call reaches the bottom")
	assert.NotEqual(t, byIndex[1].Col, byIndex[2].Col)
	assert.Equal(t, 3, g.Lanes, "one lane for client 0, two for client 1")
}

func TestWrite_AnUnjudgeableHistoryIsNeitherPassNorFailOfTheChecker(t *testing.T) {
	h := lostUpdate()
	h.Unjudgeable = "calls panicked, and the model cannot say what such a call did"
	a, page := render(t, h, Options{})
	assert.Equal(t, "cannot be judged", a.Verdict())
	assert.Empty(t, a.Orders, "the checker's orders would mean nothing")
	assert.Contains(t, page, "<title>weft: counter/split-lock — cannot be judged</title>")
	assert.Contains(t, page, "Linearizability cannot be judged: calls panicked, and the model cannot say what such a call did.")
	assert.NotContains(t, page, "ran out of time")
}

func TestWrite_AProgramsFailureShowsItsInterleavingAndNoCalls(t *testing.T) {
	h := &hist.History{Title: "pipeline/closes-early", Model: counter, Interleaving: "  1  main  close ch\n"}
	_, page := render(t, h, Options{Verdict: "deadlock"})
	assert.Contains(t, page, "<title>weft: pipeline/closes-early — deadlock</title>")
	assert.Contains(t, page, "The history has no calls.")
	assert.Contains(t, page, "close ch")
	assert.NotContains(t, page, "The checker alone finds")
}

func TestWrite_LabelsCallsAsTheReportWhenTheHistorySays(t *testing.T) {
	h := lostUpdate()
	h.Labels = []string{"client 0, call 1", "client 1, call 1", "post 1"}
	_, page := render(t, h, Options{})
	assert.Contains(t, page, `<span class="label">post 1</span> <span class="name">get() → 1</span>`)
	assert.Contains(t, page, `<li data-call="2">post 1: <span class="callref">get() → 1</span> by init, post: <span class="why">`)
	assert.Contains(t, page, `client 1, call 1: <span class="callref">inc()</span> by client 1 → state`)
}

func TestWrite_ALabelTheNameStartsWithIsNotRepeated(t *testing.T) {
	h := lostUpdate()
	m := h.Model
	m.DescribeOperation = func(in, out any) string {
		if in.(counterIn).op == "get" {
			return "post 1: " + counter.DescribeOperation(in, out)
		}
		return counter.DescribeOperation(in, out)
	}
	h.Model = m
	h.Labels = []string{"client 0, call 1", "client 1, call 1", "post 1"}
	_, page := render(t, h, Options{})
	assert.Contains(t, page, `<span class="name">post 1: get() → 1</span>`)
	assert.NotContains(t, page, `<span class="label">post 1</span>`)
	assert.NotContains(t, page, "post 1: <span")
	assert.Contains(t, page, `<span class="label">client 0, call 1</span>`)
}
