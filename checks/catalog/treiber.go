package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/treiber"
	"github.com/weftlab/weft/models"
)

// intStack is what the Treiber stack variants share.
type intStack interface {
	Push(v int)
	Pop() (int, bool)
}

// arenaCapacity bounds the values on an arena stack at once. The default
// scenarios push at most 19 values; 4096 leaves room for larger ones
// (-weft.clients, -weft.ops) while keeping New cheap: the arena is
// allocated for every execution. A scenario that pushes more fails with a
// panic that says so.
const arenaCapacity = 4096

func stackOps[S intStack]() []checks.Op[S, models.StackInput, models.StackOutput] {
	return []checks.Op[S, models.StackInput, models.StackOutput]{
		{
			Name:  "pop",
			Input: rapid.Just(models.StackInput{Op: models.StackPop}),
			Run: func(s S, _ models.StackInput) models.StackOutput {
				v, ok := s.Pop()
				return models.StackOutput{Value: v, OK: ok}
			},
		},
		{
			Name: "push",
			Input: rapid.Custom(func(t *rapid.T) models.StackInput {
				return models.StackInput{Op: models.StackPush, Value: value.Draw(t, "value")}
			}),
			Run: func(s S, in models.StackInput) models.StackOutput {
				s.Push(in.Value)
				return models.StackOutput{}
			},
		},
	}
}

var stacks = []Entry{
	entry("10.3", checks.Ok, "treiber/gc", models.Stack, zero[treiber.Stack[int]], stackOps),
	entry("10.2", checks.Ok, "treiber/stamped", models.Stack,
		func() *treiber.StampedStack { return treiber.NewStampedStack(arenaCapacity) }, stackOps),
	entry("10.2", checks.NotLinearizable, "treiber/recycling-aba", models.Stack,
		func() *treiber.RecyclingStack { return treiber.NewRecyclingStack(arenaCapacity) }, stackOps),
}
