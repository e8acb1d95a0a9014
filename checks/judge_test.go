package checks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

// counterTarget is a target whose ops are get (0) and inc (1) on
// models.Counter, for judging hand-written histories.
func counterTarget(t testing.TB) *target {
	t.Helper()
	s := Structure[*int, models.CounterInput, models.CounterOutput]{
		Name: "counter", Model: models.Counter, New: func() *int { return new(int) },
		Ops: []Op[*int, models.CounterInput, models.CounterOutput]{
			{Name: "get", Input: rapid.Just(models.CounterInput{}), Run: func(*int, models.CounterInput) models.CounterOutput { return models.CounterOutput{} }},
			{Name: "inc", Input: rapid.Just(models.CounterInput{Op: models.CounterInc}), Run: func(*int, models.CounterInput) models.CounterOutput { return models.CounterOutput{} }},
		},
	}
	tg, err := s.target()
	require.NoError(t, err)
	return tg
}

func get(client, call, ret int64, value int) record {
	return record{client: int(client), op: 0, input: models.CounterInput{}, output: models.CounterOutput{Value: value}, call: call, ret: ret}
}

func inc(client, call, ret int64) record {
	return record{client: int(client), op: 1, input: models.CounterInput{Op: models.CounterInc}, output: models.CounterOutput{}, call: call, ret: ret}
}

func TestJudge(t *testing.T) {
	tg := counterTarget(t)
	pendingInc := inc(1, 1, 0)
	pendingInc.pending = true
	panickedInc := inc(1, 1, 0)
	panickedInc.panic = &panicInfo{Where: "operation", Value: "boom"}

	cases := []struct {
		name    string
		history []record
		hang    bool
		want    Verdict
	}{
		{"overlapping calls may go either way", []record{inc(0, 1, 4), get(1, 2, 3, 0)}, false, Ok},
		{"a get after an inc returned must see it", []record{inc(0, 1, 2), get(1, 3, 4, 0)}, false, NotLinearizable},
		{"a call that never returned may have taken effect", []record{pendingInc, get(0, 2, 3, 1)}, true, Hang},
		{"or not", []record{pendingInc, get(0, 2, 3, 0)}, true, Hang},
		{"but it cannot explain the impossible", []record{pendingInc, get(0, 2, 3, 2)}, true, NotLinearizable},
		{"a panicked call is a wildcard too", []record{panickedInc, get(0, 2, 3, 1)}, false, Panic},
		{"and the history still has to make sense", []record{panickedInc, get(0, 2, 3, 5)}, false, NotLinearizable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &execution{history: tc.history}
			if tc.hang {
				e.hang = &hangInfo{phase: "parallel"}
			}
			assert.Equal(t, tc.want, tg.judge(e, time.Second))
		})
	}
}

func TestJudge_GoroutinePanicWithACleanHistoryIsPanic(t *testing.T) {
	tg := counterTarget(t)
	e := &execution{history: []record{inc(0, 1, 2), get(1, 3, 4, 1)}, panics: []panicInfo{{Where: "goroutine started by the structure"}}}
	assert.Equal(t, Panic, tg.judge(e, time.Second))
}

func TestOperations_AsyncCallsHaveNoReturn(t *testing.T) {
	b, err := models.ActorCounter.Behaviour()
	require.NoError(t, err)
	s := Structure[*int, models.ActorInput, models.ActorOutput]{
		Name: "actor", Model: b, New: func() *int { return new(int) },
		Ops: []Op[*int, models.ActorInput, models.ActorOutput]{
			{Name: "get", Input: rapid.Just(models.ActorInput{}), Run: func(*int, models.ActorInput) models.ActorOutput { return models.ActorOutput{} }},
			{Name: "inc", Async: true, Input: rapid.Just(models.ActorInput{Op: models.ActorInc}), Run: func(*int, models.ActorInput) models.ActorOutput { return models.ActorOutput{} }},
		},
	}
	tg, err := s.target()
	require.NoError(t, err)
	incRec := record{client: 0, op: 1, input: models.ActorInput{Op: models.ActorInc}, output: models.ActorOutput{}, call: 1, ret: 2}
	getRec := func(client int, call, ret int64, v int) record {
		return record{client: client, op: 0, input: models.ActorInput{}, output: models.ActorOutput{Value: v}, call: call, ret: ret}
	}
	ops := tg.operations(&execution{clients: 2, history: []record{incRec, getRec(0, 3, 4, 1)}})
	assert.Equal(t, int64(5), ops[0].Return, "no return: the end of the history")
	assert.Equal(t, 3, ops[0].ClientId, "fire-and-forget calls get rows of their own, after the harness's")
	assert.Equal(t, models.Sent[models.ActorInput]{Sender: 0, Prior: 0, Async: true, In: models.ActorInput{Op: models.ActorInc}}, ops[0].Input.(*checkCall).in)
	assert.Equal(t, 1, ops[1].Input.(*checkCall).in.(models.Sent[models.ActorInput]).Prior)

	cases := []struct {
		name    string
		history []record
		want    Verdict
	}{
		{"the sender's get sees its increment", []record{incRec, getRec(0, 3, 4, 1)}, Ok},
		{"the sender's get cannot miss it", []record{incRec, getRec(0, 3, 4, 0)}, NotLinearizable},
		{"another client's later get may miss it", []record{incRec, getRec(1, 3, 4, 0)}, Ok},
		{"or see it", []record{incRec, getRec(1, 3, 4, 1)}, Ok},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tg.judge(&execution{history: tc.history}, time.Second))
		})
	}
}

func TestSnapshot_CallsThatDidNotReturnArePending(t *testing.T) {
	l := newClientLog(partParallel, 2, []call{{op: 1, input: "a"}, {op: 0, input: "b"}, {op: 1, input: "c"}})
	l.recs[0].call, l.recs[0].ret, l.recs[0].output = 1, 2, "out"
	l.recs[1].call = 3
	l.called.Store(2)
	l.returned.Store(1)
	recs := l.snapshot()
	require.Len(t, recs, 2, "the third call never started")
	assert.True(t, recs[0].returned())
	assert.Equal(t, "out", recs[0].output)
	assert.True(t, recs[1].pending)
	assert.Equal(t, int64(3), recs[1].call)
	assert.Nil(t, recs[1].output)
	assert.Equal(t, 2, recs[1].client)
	assert.Equal(t, 1, recs[1].index)
}

func TestTarget_RejectsIncompleteStructures(t *testing.T) {
	_, err := Structure[*int, models.CounterInput, models.CounterOutput]{}.target()
	require.Error(t, err)
	for _, want := range []string{"no Name", "no Model", "no New", "no Ops"} {
		assert.Contains(t, err.Error(), want)
	}
	s := Structure[*int, models.CounterInput, models.CounterOutput]{
		Name: "x", Model: models.Counter, New: func() *int { return nil },
		Ops: []Op[*int, models.CounterInput, models.CounterOutput]{{Name: "a"}, {Name: "a"}},
	}
	_, err = s.target()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `two ops are named "a"`)
	assert.Contains(t, err.Error(), `op "a" has no Input generator`)
	assert.Contains(t, err.Error(), `op "a" has no Run`)

	run := func(*int, models.CounterInput) models.CounterOutput { return models.CounterOutput{} }
	s.Ops = []Op[*int, models.CounterInput, models.CounterOutput]{
		{Name: "constant", Input: rapid.Just(models.CounterInput{}), Run: run},
		{Name: "draws-nothing", Input: rapid.Custom(func(*rapid.T) models.CounterInput { return models.CounterInput{} }), Run: run},
	}
	_, err = s.target()
	require.Error(t, err)
	assert.Equal(t, `structure "x": op "draws-nothing": its Input generator draws nothing: a rapid.Custom generator must `+
		`draw from at least one other generator (for a constant input, use rapid.Just(input))`, err.Error())

	blocksOnly := models.BlockingQueue(1)
	blocksOnly.Step = func(q []int, _ models.QueueInput, _ models.QueueOutput) (bool, []int) { return true, q }
	blocksOnly.Apply = nil
	q := Structure[*int, models.QueueInput, models.QueueOutput]{
		Name: "q", Model: blocksOnly, New: func() *int { return nil },
		Ops: []Op[*int, models.QueueInput, models.QueueOutput]{{Name: "take", Input: rapid.Just(models.QueueInput{}),
			Run: func(*int, models.QueueInput) models.QueueOutput { return models.QueueOutput{} }}},
	}
	_, err = q.target()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Blocks")
}
