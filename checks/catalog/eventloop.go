package catalog

import (
	"strings"
	"sync"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/eventloop"
	"github.com/weftlab/weft/models"
)

// A loopRun feeds one run of a loop to the model of its rules: each
// callback is wrapped so that scheduling and starting it are events of
// the model, and a broken rule is a requirement violated.
type loopRun struct {
	l     *eventloop.Loop
	mu    sync.Mutex // the posters schedule completions from their goroutines
	rules models.LoopRules
	next  int
}

// callback schedules a callback of the given kind whose body is body (nil
// for none), and returns it for the loop.
func (r *loopRun) callback(kind models.CallbackKind, body func()) func() {
	r.mu.Lock()
	id := r.next
	r.next++
	err := r.rules.Schedule(id, kind)
	r.mu.Unlock()
	checks.Require(err == nil, "%v", err)
	return func() {
		r.mu.Lock()
		err := r.rules.Start(id, r.l.Phase().String())
		r.mu.Unlock()
		checks.Require(err == nil, "%v", err)
		if body != nil {
			body()
		}
	}
}

// loopRules runs a loop with a callback of every kind, microtasks queued
// from the script, from a promise and from macrotasks, and two goroutines
// of a thread pool completing two I/O operations each while the loop
// runs (one of them sleeping first, so that the poll phase waits with a
// timer pending): every event goes through the model of the loop's rules.
func loopRules(newLoop func() *eventloop.Loop) func() {
	return func() {
		r := &loopRun{l: newLoop()}
		l := r.l
		var pool sync.WaitGroup
		l.Run(func() {
			l.NextTick(r.callback(models.NextTick, nil))
			l.QueueMicrotask(r.callback(models.PromiseJob, func() {
				l.NextTick(r.callback(models.NextTick, nil))
				l.QueueMicrotask(r.callback(models.PromiseJob, nil))
			}))
			l.SetTimeout(0, r.callback(models.Timeout, func() { l.NextTick(r.callback(models.NextTick, nil)) }))
			l.SetTimeout(0, r.callback(models.Timeout, func() { l.QueueMicrotask(r.callback(models.PromiseJob, nil)) }))
			l.SetTimeout(2*time.Millisecond, r.callback(models.Timeout, nil))
			l.SetImmediate(r.callback(models.Immediate, func() { l.Defer(r.callback(models.Deferred, nil)) }))
			l.Prepare(r.callback(models.Prepared, nil))
			l.OnClose(r.callback(models.CloseHook, nil))
			for worker := range 2 {
				ios := []*eventloop.IO{l.StartIO(), l.StartIO()}
				pool.Go(func() {
					for _, io := range ios {
						if worker == 1 {
							time.Sleep(time.Millisecond)
						}
						io.Complete(r.callback(models.Completion, func() { l.NextTick(r.callback(models.NextTick, nil)) }))
					}
				})
			}
		})
		pool.Wait()
		r.mu.Lock()
		err := r.rules.End()
		r.mu.Unlock()
		checks.Require(err == nil, "%v", err)
	}
}

// guideOrder is the guide's program (6.1), which must print 1, 6, 5, 4,
// 2, 3.
func guideOrder(newLoop func() *eventloop.Loop) func() {
	return func() {
		l := newLoop()
		var printed []string
		console := func(s string) func() { return func() { printed = append(printed, s) } }
		l.Run(func() {
			console("1")()
			l.SetTimeout(0, console("2"))
			l.SetImmediate(console("3"))
			l.QueueMicrotask(console("4")) // Promise.resolve().then
			l.NextTick(console("5"))
			console("6")()
		})
		got := strings.Join(printed, ", ")
		checks.Require(got == "1, 6, 5, 4, 2, 3", "the guide's program prints 1, 6, 5, 4, 2, 3; this loop printed %s", got)
	}
}

var eventLoops = []Entry{
	programEntry[*eventloop.Loop]("6.1", checks.Ok, "eventloop/rules", loopRules(eventloop.New)),
	programEntry[*eventloop.Loop]("6.1", checks.Ok, "eventloop/guide-order", guideOrder(eventloop.New)),
	programEntry[*eventloop.Loop]("6.1", checks.Violated, "eventloop/microtasks-per-iteration", loopRules(eventloop.NewPerIteration)),
	programEntry[*eventloop.Loop]("6.1", checks.Violated, "eventloop/promises-first", guideOrder(eventloop.NewPromisesFirst)),
	programEntry[*eventloop.Loop]("6.1", checks.Violated, "eventloop/lost-completion", loopRules(eventloop.NewLosingPoll)),
}
