package checks

import (
	"fmt"
	"runtime/debug"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Sequential runs rapid's state-machine test of s against its model: one
// goroutine makes random calls on one instance, and after every call the
// result must be one the model allows from the model's current state. It
// checks the implementation's logic without any concurrency between
// clients, so a failure here is not a concurrency bug, and it shrinks to the
// shortest failing sequence of calls.
//
// Calls the model says would wait are not made. A call that does not
// return within the hang timeout (Options.HangTimeout, -weft.hang) fails
// the test. rapid's own flags (-rapid.checks, -rapid.steps, -rapid.seed)
// control the run.
func Sequential(t testing.TB, s Target, opts Options) {
	t.Helper()
	sequential(t, s, opts)
}

// sequential is Sequential for any rapid.TB, so that weft's own tests can
// watch it fail.
func sequential(t rapid.TB, s Target, opts Options) {
	t.Helper()
	tg, cfg := prepare(t, s, opts)
	rapid.Check(t, func(rt *rapid.T) {
		instance := tg.newInstance()
		if tg.stop != nil {
			rt.Cleanup(func() { tg.stop(instance) })
		}
		m := tg.model
		states := map[string]any{} // per partition key: the model checks keys independently
		sent := 0                  // fire-and-forget calls made so far
		actions := map[string]func(*rapid.T){}
		for _, op := range tg.ops {
			actions[op.name] = func(rt *rapid.T) {
				in := op.draw(rt)
				cin := tg.checkInput(in, 0, sent, op.async)
				key := ""
				if m.partitionKey != nil {
					key = m.partitionKey(cin)
				}
				state, ok := states[key]
				if !ok {
					state = m.init()
				}
				if m.blocks != nil && m.blocks(state, cin) {
					rt.Skipf("%s would wait in state %s", m.describeInput(cin), m.describeState(state))
				}
				out, err := callWithin(op, instance, in, cfg.hang)
				if err != nil {
					rt.Fatalf("%s: %v (state before: %s)", m.describeInput(cin), err, m.describeState(state))
				}
				ok, next := m.step(state, cin, out)
				if !ok {
					rt.Fatalf("%s: %s (state before: %s)", m.describeOperation(cin, out), m.explain(state, cin, out), m.describeState(state))
				}
				if op.async {
					sent++
				}
				states[key] = next
			}
		}
		rt.Repeat(actions)
	})
}

// callWithin makes a call on a goroutine of its own and waits for it at most
// timeout; a call that does not return in time stays blocked.
func callWithin(op targetOp, instance, in any, timeout time.Duration) (any, error) {
	type result struct {
		out any
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
			}
		}()
		done <- result{out: op.run(instance, in)}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.out, r.err
	case <-timer.C:
		return nil, fmt.Errorf("did not return within %v", timeout)
	}
}
