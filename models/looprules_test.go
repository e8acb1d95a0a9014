package models_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

// Each case feeds the rules a short run and expects the error of its
// last event ("" for none).
func TestLoopRules_Steps(t *testing.T) {
	type event struct {
		schedule bool
		id       int
		kind     models.CallbackKind // for schedule
		phase    string              // for start
	}
	sched := func(id int, k models.CallbackKind) event { return event{schedule: true, id: id, kind: k} }
	start := func(id int, phase string) event { return event{id: id, phase: phase} }
	for _, c := range []struct {
		name   string
		events []event
		want   string
	}{
		{"a timer in the timers phase", []event{sched(1, models.Timeout), start(1, "timers")}, ""},
		{"a timer in the check phase", []event{sched(1, models.Timeout), start(1, "check")},
			"a callback runs in its phase: setTimeout callback 1 ran in the check phase, not timers"},
		{"twice", []event{sched(1, models.Immediate), start(1, "check"), start(1, "check")},
			"every callback runs once: setImmediate callback 1 ran twice"},
		{"never scheduled", []event{start(3, "poll")}, "callback 3 ran but was never scheduled"},
		{"a macrotask with a tick queued", []event{sched(1, models.Timeout), sched(2, models.NextTick), start(1, "timers")},
			"microtasks run before the next macrotask: setTimeout callback 1 started with 1 nextTick and 0 promise callbacks queued"},
		{"ticks then promises", []event{sched(1, models.PromiseJob), sched(2, models.NextTick), start(2, "main"), start(1, "main")}, ""},
		{"a promise before a queued tick", []event{sched(1, models.PromiseJob), sched(2, models.NextTick), start(1, "main")},
			"nextTick before promises: promise callback 1 ran with 1 nextTick callbacks queued"},
		{"a tick queued by a promise waits for the round", []event{sched(1, models.PromiseJob), sched(2, models.PromiseJob),
			start(1, "main"), sched(3, models.NextTick), start(2, "main"), start(3, "main")}, ""},
		{"microtasks in any phase", []event{sched(1, models.NextTick), start(1, "poll")}, ""},
		{"a completion in the poll phase", []event{sched(1, models.Completion), start(1, "poll")}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r models.LoopRules
			var err error
			for _, e := range c.events {
				if e.schedule {
					err = r.Schedule(e.id, e.kind)
				} else {
					err = r.Start(e.id, e.phase)
				}
			}
			if c.want == "" {
				assert.NoError(t, err)
			} else {
				assert.EqualError(t, err, c.want)
			}
		})
	}
}

func TestLoopRules_End(t *testing.T) {
	var r models.LoopRules
	require.NoError(t, r.Schedule(2, models.Completion))
	require.NoError(t, r.Schedule(1, models.Immediate))
	require.NoError(t, r.Start(1, "check"))
	assert.EqualError(t, r.End(), "nothing is lost: I/O completion callback 2 never ran")
	require.NoError(t, r.Start(2, "poll"))
	assert.NoError(t, r.End())
	assert.EqualError(t, r.Schedule(2, models.Timeout), "callback 2 is scheduled twice")
}
