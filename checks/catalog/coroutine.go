package catalog

import (
	"iter"
	"sync/atomic"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/coroutine"
	"github.com/weftlab/weft/models"
)

// generatorLength is how many values the generators produce: enough for
// a scenario's calls to run past the end.
const generatorLength = 5

// countTo yields 1, ..., n.
func countTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; i <= n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

type generator interface {
	Next() (int, bool)
	Stop()
}

func generatorOps[G generator]() []checks.Op[G, models.GeneratorInput, models.GeneratorOutput] {
	return []checks.Op[G, models.GeneratorInput, models.GeneratorOutput]{
		{
			Name:  "next",
			Input: rapid.Just(models.GeneratorInput{Op: models.GeneratorNext}),
			Run: func(g G, _ models.GeneratorInput) models.GeneratorOutput {
				v, ok := g.Next()
				return models.GeneratorOutput{Value: v, OK: ok}
			},
		},
		{
			Name:  "stop",
			Input: rapid.Just(models.GeneratorInput{Op: models.GeneratorStop}),
			Run:   func(g G, _ models.GeneratorInput) models.GeneratorOutput { g.Stop(); return models.GeneratorOutput{} },
		},
	}
}

// alternation is the guide's coroutine as a program: a consumer takes two
// of the generator's values, then breaks out and stops it. Each side
// counts itself in while it runs its own code (the producer between a
// resume and its yield, the consumer outside Next and Stop) and requires
// to be alone; the consumer requires the values in order. A producer left
// behind by Stop is a leak.
func alternation[G generator](newGenerator func(iter.Seq[int]) G) func() {
	return func() {
		var running atomic.Int32
		enter := func(who string) {
			n := running.Add(1)
			checks.Require(n == 1, "the producer and the consumer never run at the same time: the %s runs while the other side does", who)
		}
		leave := func() { running.Add(-1) }
		g := newGenerator(func(yield func(int) bool) {
			enter("producer")
			for i := 1; i <= generatorLength; i++ {
				leave()
				if !yield(i) {
					return
				}
				enter("producer")
			}
			leave()
		})
		enter("consumer")
		for want := 1; want <= 2; want++ {
			leave()
			v, ok := g.Next()
			enter("consumer")
			checks.Require(ok && v == want, "the consumer receives the sequence in order: value %d is %d, %v", want, v, ok)
		}
		leave()
		g.Stop()
	}
}

var coroutines = []Entry{
	entry("3", checks.Ok, "coroutine/handoff", models.Generator(generatorLength),
		func() *coroutine.Generator[int] { return coroutine.NewHandoff(countTo(generatorLength)) }, generatorOps, (*coroutine.Generator[int]).Stop),
	entry("3", checks.Ok, "coroutine/pull", models.Generator(generatorLength),
		func() *coroutine.Pulled[int] { return coroutine.NewPull(countTo(generatorLength)) }, generatorOps, (*coroutine.Pulled[int]).Stop),
	programEntry[*coroutine.Generator[int]]("3", checks.Ok, "coroutine/handoff-alternation", alternation(coroutine.NewHandoff[int])),
	programEntry[*coroutine.Pulled[int]]("3", checks.Ok, "coroutine/pull-alternation", alternation(coroutine.NewPull[int])),
	programEntry[*coroutine.Buffered[int]]("3", checks.Violated, "coroutine/buffered", alternation(coroutine.NewBuffered[int])),
	programEntry[coroutine.Forgetful[int]]("3", checks.Leak, "coroutine/forgetful-stop", alternation(coroutine.NewForgetful[int])),
	programEntry[coroutine.ForgetfulPull[int]]("3", checks.Leak, "coroutine/forgetful-pull", alternation(coroutine.NewForgetfulPull[int])),
}
