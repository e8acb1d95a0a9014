package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/polite"
	"github.com/weftlab/weft/models"
)

type twoSided interface {
	Inc(side int)
	Value() int
}

// sidedOps increments from either side (an op each, so that rapid draws
// which side a client comes from) and reads the count.
func sidedOps[C twoSided]() []checks.Op[C, models.CounterInput, models.CounterOutput] {
	inc := func(side int) func(C, models.CounterInput) models.CounterOutput {
		return func(c C, _ models.CounterInput) models.CounterOutput { c.Inc(side); return models.CounterOutput{} }
	}
	return []checks.Op[C, models.CounterInput, models.CounterOutput]{
		{Name: "get", Input: rapid.Just(models.CounterInput{Op: models.CounterGet}),
			Run: func(c C, _ models.CounterInput) models.CounterOutput { return models.CounterOutput{Value: c.Value()} }},
		{Name: "inc-left", Input: rapid.Just(models.CounterInput{Op: models.CounterInc}), Run: inc(0)},
		{Name: "inc-right", Input: rapid.Just(models.CounterInput{Op: models.CounterInc}), Run: inc(1)},
	}
}

var polites = []Entry{
	entry("11", checks.Ok, "polite/jittered", models.Counter, func() *polite.Jittered { return polite.NewJittered(1) }, sidedOps),
	entry("11", checks.Livelock, "polite/fixed-backoff", models.Counter, zero[polite.Polite], sidedOps).
		OnlyControlled("a livelock needs both sides in step, which only the virtual clock guarantees: on real cores timing noise breaks the tie"),
}
