package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/casref"
	"github.com/weftlab/weft/models"
)

// reference is what the AtomicReference variants share.
type reference interface {
	Load() int
	Store(v int)
	CompareAndSet(old, new int) bool
}

// referenceOps draws configuration versions from a small range, so that
// compare-and-set often finds the value it expects.
func referenceOps[R reference]() []checks.Op[R, models.RegisterInput, models.RegisterOutput] {
	version := rapid.IntRange(0, 3)
	return []checks.Op[R, models.RegisterInput, models.RegisterOutput]{
		{
			Name:  "load",
			Input: rapid.Just(models.RegisterInput{Op: models.RegisterLoad}),
			Run: func(r R, _ models.RegisterInput) models.RegisterOutput {
				return models.RegisterOutput{Value: r.Load()}
			},
		},
		{
			Name: "store",
			Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
				return models.RegisterInput{Op: models.RegisterStore, Value: version.Draw(t, "value")}
			}),
			Run: func(r R, in models.RegisterInput) models.RegisterOutput {
				r.Store(in.Value)
				return models.RegisterOutput{}
			},
		},
		{
			Name: "cas",
			Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
				return models.RegisterInput{Op: models.RegisterCAS, Old: version.Draw(t, "old"), New: version.Draw(t, "new")}
			}),
			Run: func(r R, in models.RegisterInput) models.RegisterOutput {
				return models.RegisterOutput{OK: r.CompareAndSet(in.Old, in.New)}
			},
		},
	}
}

var references = []Entry{
	entry("9.4", checks.Ok, "casref/atomic-pointer", models.Register, zero[casref.Ref[int]], referenceOps),
	entry("9.4", checks.NotLinearizable, "casref/load-then-store", models.Register, zero[casref.LoadThenStoreRef[int]], referenceOps),
}
