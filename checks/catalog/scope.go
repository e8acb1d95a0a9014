package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/scope"
	"github.com/weftlab/weft/models"
)

var scopes = []Entry{
	entry("12", checks.Ok, "scope/structured", models.Register, zero[scope.Scoped], registerOps),
	entry("12", checks.Leak, "scope/leaky", models.Register, zero[scope.Leaky], registerOps),
}

type register interface {
	Load() int
	Store(v int)
}

func registerOps[R register]() []checks.Op[R, models.RegisterInput, models.RegisterOutput] {
	return []checks.Op[R, models.RegisterInput, models.RegisterOutput]{
		{Name: "load", Input: rapid.Just(models.RegisterInput{Op: models.RegisterLoad}),
			Run: func(r R, _ models.RegisterInput) models.RegisterOutput { return models.RegisterOutput{Value: r.Load()} }},
		{Name: "store", Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
			return models.RegisterInput{Op: models.RegisterStore, Value: value.Draw(t, "value")}
		}), Run: func(r R, in models.RegisterInput) models.RegisterOutput {
			r.Store(in.Value)
			return models.RegisterOutput{}
		}},
	}
}
