package catalog

import (
	"errors"
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/actor"
	"github.com/weftlab/weft/models"
)

const (
	mailboxSize = 64
	poolWorkers = 4
	// getTimeout is far above the time a reply takes, so that in correct
	// runs get does not time out; a timed-out get is legal but checks
	// nothing.
	getTimeout = time.Second
)

// counterActor is what the actor variants share.
type counterActor interface {
	Inc()
	Get(timeout time.Duration) (int, error)
	Stop()
}

// actorOps: inc is fire-and-forget (Async), get waits for the reply.
func actorOps[A counterActor]() []checks.Op[A, models.ActorInput, models.ActorOutput] {
	return []checks.Op[A, models.ActorInput, models.ActorOutput]{
		{
			Name:  "get",
			Input: rapid.Just(models.ActorInput{Op: models.ActorGet}),
			Run: func(a A, _ models.ActorInput) models.ActorOutput {
				n, err := a.Get(getTimeout)
				if errors.Is(err, actor.ErrTimeout) {
					return models.ActorOutput{TimedOut: true}
				}
				return models.ActorOutput{Value: n}
			},
		},
		{
			Name:  "inc",
			Input: rapid.Just(models.ActorInput{Op: models.ActorInc}),
			Run:   func(a A, _ models.ActorInput) models.ActorOutput { a.Inc(); return models.ActorOutput{} },
			Async: true,
		},
	}
}

var actors = []Entry{
	entry("7.2", checks.Ok, "actor/counter", models.ActorCounter,
		func() *actor.Counter { return actor.NewCounter(mailboxSize) }, actorOps, (*actor.Counter).Stop),
	entry("7.2", checks.NotLinearizable, "actor/worker-pool", models.ActorCounter,
		func() *actor.PoolCounter { return actor.NewPoolCounter(mailboxSize, poolWorkers) }, actorOps, (*actor.PoolCounter).Stop).
		WithoutSequential("its own workers reorder one sender's messages, so even a single client sees the bug, "+
			"some of the time: a sequential test would fail only sometimes").
		MissedBy("bounded", "depth-first search varies the last decisions of a long actor execution first, and the reordering "+
			"needs an early one: make detect measured a median of 30,001 executions (3 s) and a maximum over 19 s, "+
			"past the budget under the race detector; the other strategies catch it at once"),
}
