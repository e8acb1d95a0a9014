package eventloop

// NewPerIteration is a loop that drains the microtask queues once per
// iteration, after the close callbacks, instead of after every callback:
// a nextTick queued by a timer callback waits until every other timer,
// I/O callback and immediate of the iteration has run.
func NewPerIteration() *Loop {
	l := New()
	l.microtasksPerIteration = true
	return l
}

// NewPromisesFirst is a loop that drains the promise queue before the
// nextTick queue: the guide's program prints 1, 6, 4, 5, 2, 3.
func NewPromisesFirst() *Loop {
	l := New()
	l.promisesFirst = true
	return l
}

// NewLosingPoll is a loop whose poll phase reads the completions, runs
// them, then empties the list: a completion another goroutine posts while
// the batch runs is dropped, its callback never runs, and as its I/O
// counts as completed the loop ends without it.
func NewLosingPoll() *Loop {
	l := New()
	l.clearAfterPoll = true
	return l
}
