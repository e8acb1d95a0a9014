package checks_test

import (
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched/sync"
	"github.com/weftlab/weft/models"
)

// box is a register for the checker's own tests. Its hooks make it fail in
// chosen ways; with no hooks it is correct.
type box struct {
	mu      sync.Mutex
	v       int
	onStore func(v int) // called while holding mu, before the store
	onLoad  func() int  // if set, its result is added to what Load returns
}

func (b *box) Load() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.onLoad != nil {
		return b.v + b.onLoad()
	}
	return b.v
}

func (b *box) Store(v int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.onStore != nil {
		b.onStore(v)
	}
	b.v = v
}

// boxStructure checks a box made by newBox against models.Register.
func boxStructure(name string, newBox func() *box) checks.Structure[*box, models.RegisterInput, models.RegisterOutput] {
	return checks.Structure[*box, models.RegisterInput, models.RegisterOutput]{
		Name:  name,
		Model: models.Register,
		New:   newBox,
		Ops: []checks.Op[*box, models.RegisterInput, models.RegisterOutput]{
			{
				Name:  "load",
				Input: rapid.Just(models.RegisterInput{Op: models.RegisterLoad}),
				Run: func(b *box, _ models.RegisterInput) models.RegisterOutput {
					return models.RegisterOutput{Value: b.Load()}
				},
			},
			{
				Name: "store",
				Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
					return models.RegisterInput{Op: models.RegisterStore, Value: rapid.IntRange(1, 3).Draw(t, "v")}
				}),
				Run: func(b *box, in models.RegisterInput) models.RegisterOutput {
					b.Store(in.Value)
					return models.RegisterOutput{}
				},
			},
		},
	}
}

// quick are options for checks that must finish fast: a failure is expected
// within a few executions. The hang watchdog is the one timing these tests
// depend on; at 200 ms a loaded machine made correct executions look hung.
func quick(out string) checks.Options {
	return checks.Options{
		Budget: 10 * time.Second, Executions: 5, ShrinkTime: time.Second,
		HangTimeout: 2 * time.Second, OutDir: out, Seed: 1,
	}
}
