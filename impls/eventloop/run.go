package eventloop

import "time"

// Run runs main, drains its microtasks, then runs iterations until no
// timer, callback or I/O is left.
func (l *Loop) Run(main func()) {
	l.phase = Main
	main()
	l.afterCallback()
	for l.alive() {
		l.iterate()
	}
}

func (l *Loop) iterate() {
	l.phase = Timers
	for len(l.timers) > 0 && !time.Now().Before(l.timers[0].due) {
		t := l.timers[0]
		l.timers = l.timers[1:]
		l.call(t.cb)
	}
	l.runBatch(Pending, &l.pending)
	l.runBatch(Idle, &l.idle)
	l.poll()
	l.runBatch(Check, &l.immediates)
	l.runBatch(Close, &l.closes)
	if l.microtasksPerIteration {
		l.drain()
	}
}

// runBatch runs the callbacks queued for phase when it starts; those they
// queue for it wait for the next iteration.
func (l *Loop) runBatch(phase Phase, queue *[]func()) {
	l.phase = phase
	batch := *queue
	*queue = nil
	for _, cb := range batch {
		l.call(cb)
	}
}

// poll runs the completions that arrived, first waiting for one if
// nothing else could run before the next timer is due.
func (l *Loop) poll() {
	l.phase = Poll
	l.mu.Lock()
	idle := len(l.completions) == 0 && len(l.pending)+len(l.idle)+len(l.immediates)+len(l.closes) == 0
	waiting := l.outstanding > 0
	l.mu.Unlock()
	if idle && waiting {
		if len(l.timers) > 0 {
			select {
			case <-l.wake:
			case <-time.After(time.Until(l.timers[0].due)):
			}
		} else {
			<-l.wake
		}
	}
	l.mu.Lock()
	batch := l.completions
	if !l.clearAfterPoll {
		l.completions = nil // taken: completions that arrive now wait for the next poll
	}
	l.mu.Unlock()
	for _, cb := range batch {
		l.call(cb)
	}
	if l.clearAfterPoll {
		l.mu.Lock()
		l.completions = nil // drops whatever arrived while the batch ran
		l.mu.Unlock()
	}
}

func (l *Loop) alive() bool {
	l.mu.Lock()
	io := l.outstanding > 0 || len(l.completions) > 0
	l.mu.Unlock()
	return io || len(l.timers)+len(l.pending)+len(l.idle)+len(l.immediates)+len(l.closes) > 0
}

// call runs a macrotask, then its microtasks.
func (l *Loop) call(cb func()) {
	cb()
	l.afterCallback()
}

func (l *Loop) afterCallback() {
	if !l.microtasksPerIteration {
		l.drain()
	}
}

// drain empties the microtask queues as Node does: every nextTick, then
// every promise callback (those they queue included), and again while
// either queue has something.
func (l *Loop) drain() {
	first, second := &l.ticks, &l.promises
	if l.promisesFirst {
		first, second = second, first
	}
	for len(*first)+len(*second) > 0 {
		for len(*first) > 0 {
			cb := (*first)[0]
			*first = (*first)[1:]
			cb()
		}
		for len(*second) > 0 {
			cb := (*second)[0]
			*second = (*second)[1:]
			cb()
		}
	}
}
