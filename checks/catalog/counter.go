package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/counter"
	"github.com/weftlab/weft/models"
)

// keyedCounter is what SafeCounter and SplitLockCounter share.
type keyedCounter interface {
	Inc(key string)
	Value(key string) int
}

// singleCounter is what the counters without keys share.
type singleCounter interface {
	Inc()
	Value() int
}

func keyedCounterOps[C keyedCounter]() []checks.Op[C, models.CounterInput, models.CounterOutput] {
	key := rapid.SampledFrom([]string{"a", "b"})
	return []checks.Op[C, models.CounterInput, models.CounterOutput]{
		{
			Name: "get",
			Input: rapid.Custom(func(t *rapid.T) models.CounterInput {
				return models.CounterInput{Op: models.CounterGet, Key: key.Draw(t, "key")}
			}),
			Run: func(c C, in models.CounterInput) models.CounterOutput {
				return models.CounterOutput{Value: c.Value(in.Key)}
			},
		},
		{
			Name: "inc",
			Input: rapid.Custom(func(t *rapid.T) models.CounterInput {
				return models.CounterInput{Op: models.CounterInc, Key: key.Draw(t, "key")}
			}),
			Run: func(c C, in models.CounterInput) models.CounterOutput { c.Inc(in.Key); return models.CounterOutput{} },
		},
	}
}

func singleCounterOps[C singleCounter]() []checks.Op[C, models.CounterInput, models.CounterOutput] {
	return []checks.Op[C, models.CounterInput, models.CounterOutput]{
		{
			Name:  "get",
			Input: rapid.Just(models.CounterInput{Op: models.CounterGet}),
			Run:   func(c C, _ models.CounterInput) models.CounterOutput { return models.CounterOutput{Value: c.Value()} },
		},
		{
			Name:  "inc",
			Input: rapid.Just(models.CounterInput{Op: models.CounterInc}),
			Run:   func(c C, _ models.CounterInput) models.CounterOutput { c.Inc(); return models.CounterOutput{} },
		},
	}
}

var counters = []Entry{
	entry("9.1", checks.Ok, "counter/mutex-map", models.Counter, counter.NewSafeCounter, keyedCounterOps),
	entry("9.4", checks.Ok, "counter/atomic", models.Counter, zero[counter.AtomicCounter], singleCounterOps),
	entry("11.2", checks.Ok, "counter/channel", models.Counter, counter.NewChanCounter, singleCounterOps, (*counter.ChanCounter).Stop),
	entry("11.2", checks.NotLinearizable, "counter/racy", models.Counter, zero[counter.RacyCounter], singleCounterOps).DataRace(),
	entry("11.2", checks.NotLinearizable, "counter/split-lock", models.Counter, counter.NewSplitLockCounter, keyedCounterOps),
}
