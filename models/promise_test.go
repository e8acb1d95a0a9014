package models_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

// promiseSteps are single steps of models.Promises.
type promiseStep = step[models.PromiseState, models.PromiseInput, models.PromiseOutput]

func promises(outcomes ...models.PromiseOutcome) models.PromiseState {
	s := models.PromiseState{N: len(outcomes)}
	copy(s.Slots[:], outcomes)
	return s
}

var (
	pending = models.PromiseOutcome{}
	ok5     = models.PromiseOutcome{Status: models.Fulfilled, Value: 5}
	ok7     = models.PromiseOutcome{Status: models.Fulfilled, Value: 7}
	no8     = models.PromiseOutcome{Status: models.Rejected, Value: 8}
	no9     = models.PromiseOutcome{Status: models.Rejected, Value: 9}
)

func on(op models.PromiseOp, index, value int) models.PromiseInput {
	return models.PromiseInput{Op: op, Index: index, Value: value}
}

func outcome(o models.PromiseOutcome) models.PromiseOutput { return models.PromiseOutput{Outcome: o} }

func TestPromise_SettlesOnce(t *testing.T) {
	settled := models.PromiseOutput{OK: true}
	checkSteps(t, models.Promises(1), []promiseStep{
		{"the first resolve settles", promises(pending), on(models.PromiseResolve, 0, 5), settled, true, promises(ok5)},
		{"the first reject settles", promises(pending), on(models.PromiseReject, 0, 8), settled, true, promises(no8)},
		{"a later resolve changes nothing", promises(no8), on(models.PromiseResolve, 0, 5), models.PromiseOutput{}, true, promises(no8)},
		{"a later reject changes nothing", promises(ok5), on(models.PromiseReject, 0, 8), models.PromiseOutput{}, true, promises(ok5)},
		{"a second settlement cannot win", promises(ok5), on(models.PromiseResolve, 0, 7), settled, false, promises()},
		{"the first cannot lose", promises(pending), on(models.PromiseResolve, 0, 5), models.PromiseOutput{}, false, promises()},
	})
}

func TestPromise_EveryAwaiterSeesTheSettlement(t *testing.T) {
	await, then, timeout := on(models.PromiseAwait, 0, 0), on(models.PromiseThen, 0, 0), on(models.PromiseTimeout, 0, 0)
	checkSteps(t, models.Promises(1), []promiseStep{
		{"await returns the value", promises(ok5), await, outcome(ok5), true, promises(ok5)},
		{"await returns the rejection", promises(no8), await, outcome(no8), true, promises(no8)},
		{"await of another value", promises(ok5), await, outcome(ok7), false, promises()},
		{"await waits while pending", promises(pending), await, outcome(pending), false, promises()},
		{"then maps the value", promises(ok5), then, outcome(models.PromiseOutcome{Status: models.Fulfilled, Value: 5 + models.ThenOffset}), true, promises(ok5)},
		{"then passes a rejection on", promises(no8), then, outcome(no8), true, promises(no8)},
		{"then does not skip its callback", promises(ok5), then, outcome(ok5), false, promises()},
		{"then waits while pending", promises(pending), then, outcome(pending), false, promises()},
		{"timeout while pending", promises(pending), timeout, outcome(pending), true, promises(pending)},
		{"timeout returns a settlement", promises(ok5), timeout, outcome(ok5), true, promises(ok5)},
		{"no timeout once settled", promises(ok5), timeout, outcome(pending), false, promises()},
	})
}

func TestPromise_Combinators(t *testing.T) {
	all, settled := on(models.PromiseAll, 0, 0), on(models.PromiseAllSettled, 0, 0)
	anyOf, race := on(models.PromiseAny, 0, 0), on(models.PromiseRace, 0, 0)
	values := func(os ...models.PromiseOutcome) models.PromiseOutput {
		var out models.PromiseOutput
		copy(out.Outcomes[:], os)
		return out
	}
	fulfilled := func(os ...models.PromiseOutcome) models.PromiseOutput {
		out := values(os...)
		out.Outcome.Status = models.Fulfilled
		return out
	}
	rejected := func(os ...models.PromiseOutcome) models.PromiseOutput {
		out := values(os...)
		out.Outcome.Status = models.Rejected
		return out
	}
	three := promises(ok5, no8, ok7)
	checkSteps(t, models.Promises(3), []promiseStep{
		{"all: every value in order", promises(ok7, ok5, ok5), all, fulfilled(ok7, ok5, ok5), true, promises(ok7, ok5, ok5)},
		{"all: not before every value", promises(ok7, pending, ok5), all, fulfilled(ok7, pending, ok5), false, promises()},
		{"all: not in another order", promises(ok7, ok5, ok5), all, fulfilled(ok5, ok5, ok7), false, promises()},
		{"all: a rejection rejects", promises(pending, no8, pending), all, outcome(no8), true, promises(pending, no8, pending)},
		{"all: either rejection", promises(no9, no8, pending), all, outcome(no8), true, promises(no9, no8, pending)},
		{"all: not a reason no input has", promises(no9, pending, pending), all, outcome(no8), false, promises()},
		{"all-settled: every outcome", three, settled, values(ok5, no8, ok7), true, three},
		{"all-settled: waits for every one", promises(ok5, pending, ok7), settled, values(ok5, pending, ok7), false, promises()},
		{"any: a value", promises(no8, ok7, ok5), anyOf, outcome(ok5), true, promises(no8, ok7, ok5)},
		{"any: not a rejection while a value exists", promises(no8, ok7, pending), anyOf, outcome(no8), false, promises()},
		{"any: every reason once all rejected", promises(no8, no9, no8), anyOf, rejected(no8, no9, no8), true, promises(no8, no9, no8)},
		{"any: waits while one may still fulfil", promises(no8, pending, no9), anyOf, rejected(no8, pending, no9), false, promises()},
		{"race: a rejection", promises(pending, no8, ok7), race, outcome(no8), true, promises(pending, no8, ok7)},
		{"race: or a value", promises(pending, no8, ok7), race, outcome(ok7), true, promises(pending, no8, ok7)},
		{"race: not a pending one", promises(pending, no8, pending), race, outcome(pending), false, promises()},
		{"race: waits for one", promises(pending, pending, pending), race, outcome(pending), false, promises()},
	})
}

func TestPromise_Blocks(t *testing.T) {
	b, err := models.Promises(3).Behaviour()
	require.NoError(t, err)
	assert.True(t, b.Blocks(promises(pending, ok5, ok5), on(models.PromiseAwait, 0, 0)))
	assert.False(t, b.Blocks(promises(pending, ok5, ok5), on(models.PromiseAwait, 1, 0)))
	assert.False(t, b.Blocks(promises(pending, ok5, ok5), on(models.PromiseTimeout, 0, 0)))
	assert.False(t, b.Blocks(promises(pending, pending, no8), on(models.PromiseAll, 0, 0)), "a rejection settles all")
	assert.True(t, b.Blocks(promises(pending, pending, no8), on(models.PromiseAllSettled, 0, 0)))
	assert.True(t, b.Blocks(promises(no8, pending, no9), on(models.PromiseAny, 0, 0)))
	assert.False(t, b.Blocks(promises(pending, pending, no8), on(models.PromiseRace, 0, 0)))
	assert.Panics(t, func() { models.Promises(models.MaxPromises + 1) })
}

func TestPromise_Describe(t *testing.T) {
	b, err := models.Promises(3).Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "resolve(p1, 5) → settled", b.DescribeOperation(on(models.PromiseResolve, 1, 5), models.PromiseOutput{OK: true}))
	assert.Equal(t, "reject(p0, 8) → already settled", b.DescribeOperation(on(models.PromiseReject, 0, 8), models.PromiseOutput{}))
	assert.Equal(t, "await(p2) → rejected(8)", b.DescribeOperation(on(models.PromiseAwait, 2, 0), outcome(no8)))
	assert.Equal(t, "timeout(p0) → timed out", b.DescribeOperation(on(models.PromiseTimeout, 0, 0), outcome(pending)))
	out := models.PromiseOutput{Outcome: models.PromiseOutcome{Status: models.Fulfilled}, Outcomes: [3]models.PromiseOutcome{ok5, ok7, ok5}}
	assert.Equal(t, "all() → [5 7 5]", b.DescribeOperation(on(models.PromiseAll, 0, 0), out))
	assert.Equal(t, "all() → rejected(9)", b.DescribeOperation(on(models.PromiseAll, 0, 0), outcome(no9)))
	assert.Equal(t, "race()", b.DescribeInput(on(models.PromiseRace, 0, 0)))
	assert.Equal(t, "p0: 5, p1: rejected(8), p2: pending", b.DescribeState(promises(ok5, no8, pending)))
	assert.Equal(t, "promise", models.Promises(1).Name)
}

func TestPromise_JSON(t *testing.T) {
	in := on(models.PromiseAllSettled, 0, 0)
	data, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op":"all-settled"}`, string(data))
	var back models.PromiseInput
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, in, back)

	out := outcome(no8)
	data, err = json.Marshal(out)
	require.NoError(t, err)
	assert.JSONEq(t, `{"outcome":{"status":"rejected","value":8}}`, string(data))
	var backOut models.PromiseOutput
	require.NoError(t, json.Unmarshal(data, &backOut))
	assert.Equal(t, out, backOut)
}
