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
	entry("9.1", checks.Ok, checks.Structure[*counter.SafeCounter, models.CounterInput, models.CounterOutput]{
		Name: "counter/mutex-map", Model: models.Counter,
		New: counter.NewSafeCounter, Ops: keyedCounterOps[*counter.SafeCounter](),
	}),
	entry("9.4", checks.Ok, checks.Structure[*counter.AtomicCounter, models.CounterInput, models.CounterOutput]{
		Name: "counter/atomic", Model: models.Counter,
		New: func() *counter.AtomicCounter { return new(counter.AtomicCounter) }, Ops: singleCounterOps[*counter.AtomicCounter](),
	}),
	entry("11.2", checks.Ok, checks.Structure[*counter.ChanCounter, models.CounterInput, models.CounterOutput]{
		Name: "counter/channel", Model: models.Counter,
		New: counter.NewChanCounter, Stop: (*counter.ChanCounter).Stop, Ops: singleCounterOps[*counter.ChanCounter](),
	}),
	racy(entry("11.2", checks.NotLinearizable, checks.Structure[*counter.RacyCounter, models.CounterInput, models.CounterOutput]{
		Name: "counter/racy", Model: models.Counter,
		New: func() *counter.RacyCounter { return new(counter.RacyCounter) }, Ops: singleCounterOps[*counter.RacyCounter](),
	})),
	entry("11.2", checks.NotLinearizable, checks.Structure[*counter.SplitLockCounter, models.CounterInput, models.CounterOutput]{
		Name: "counter/split-lock", Model: models.Counter,
		New: counter.NewSplitLockCounter, Ops: keyedCounterOps[*counter.SplitLockCounter](),
	}),
}
