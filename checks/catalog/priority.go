package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/priority"
	"github.com/weftlab/weft/models"
)

// priorityOps are the guide's three tasks, one op each so that rapid draws
// which client runs which: record (low, the count under the mutex), read
// (high, the count under the mutex), compute (medium, its own job count,
// no mutex), and jobs (low, reads the job count).
func priorityOps() []checks.Op[*priority.System, models.CounterInput, models.CounterOutput] {
	type op = checks.Op[*priority.System, models.CounterInput, models.CounterOutput]
	const jobs = "jobs"
	return []op{
		{Name: "record", Input: rapid.Just(models.CounterInput{Op: models.CounterInc}),
			Run: func(s *priority.System, _ models.CounterInput) models.CounterOutput {
				s.Record()
				return models.CounterOutput{}
			}},
		{Name: "read", Input: rapid.Just(models.CounterInput{Op: models.CounterGet}),
			Run: func(s *priority.System, _ models.CounterInput) models.CounterOutput {
				return models.CounterOutput{Value: s.Read()}
			}},
		{Name: "compute", Input: rapid.Just(models.CounterInput{Op: models.CounterInc, Key: jobs}),
			Run: func(s *priority.System, _ models.CounterInput) models.CounterOutput {
				s.Compute()
				return models.CounterOutput{}
			}},
		{Name: "jobs", Input: rapid.Just(models.CounterInput{Op: models.CounterGet, Key: jobs}),
			Run: func(s *priority.System, _ models.CounterInput) models.CounterOutput {
				return models.CounterOutput{Value: s.Jobs()}
			}},
	}
}

var priorities = []Entry{
	entry("11.3", checks.Ok, "priority/inheritance", models.Counter, priority.NewSystem, priorityOps, (*priority.System).Stop),
	entry("11.3", checks.PriorityInversion, "priority/no-inheritance", models.Counter,
		priority.NewSystemWithoutInheritance, priorityOps, (*priority.System).Stop).
		OnlyControlled("tasks declare their priorities to the controller, which alone counts who steps while whom waits").
		MissedBy("bounded", "the inversion needs the three tasks to arrive in a certain order in the first steps of an execution of about 100, and depth-first search varies the last decisions first: 287,377 schedules of 29 scenarios in a minute without it"),
}
