package checks

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
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
// return within the hang timeout (Options.HangTimeout, -weft.hang) stops
// the test at once, unshrunk, with the calls made before it and the stack
// where it waits: its goroutine stays blocked for good, and every further
// attempt to shrink would wait the hang timeout again. rapid's own flags
// (-rapid.checks, -rapid.steps, -rapid.seed) control the run.
func Sequential(t testing.TB, s Target, opts Options) {
	t.Helper()
	sequential(t, s, opts)
}

// sequential is Sequential for any rapid.TB, so that weft's own tests can
// watch it fail.
func sequential(t rapid.TB, s Target, opts Options) {
	t.Helper()
	tg, cfg := prepare(t, s, opts)
	if sequentialJudging(t, tg.name, cfg) {
		return
	}
	if tg.program {
		t.Fatalf("weft: %s is a program: it has no operations to call one by one (check it with Check)", tg.name)
		return
	}
	hung := false
	rapid.Check(t, func(rt *rapid.T) {
		if hung {
			return // t's Fatalf returned (weft's own tests): pass the rest
		}
		instance := tg.newInstance()
		if tg.stop != nil {
			rt.Cleanup(func() {
				if !hung { // Stop could wait for the blocked call
					tg.stop(instance)
				}
			})
		}
		m := tg.model
		states := map[string]any{} // per partition key: the model checks keys independently
		sent := 0                  // fire-and-forget calls made so far
		var made []string          // the calls made on this instance, for a hang's report
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
				var h *callHang
				if errors.As(err, &h) {
					hung = true
					t.Fatalf("%s", sequentialHang(tg.name, fmt.Sprintf("%s (op %s)", m.describeInput(cin), op.name), made, m.describeState(state), cfg.hang, h.stack))
					return
				}
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
				made = append(made, m.describeOperation(cin, out))
				states[key] = next
			}
		}
		rt.Repeat(actions)
	})
}

// sequentialHang is the report of a call that did not return.
func sequentialHang(structure, call string, before []string, state string, timeout time.Duration, stack string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "weft: hang: %s (sequential test)\n", structure)
	fmt.Fprintf(&b, "The call %s did not return within %v, with no other call running: it waits for something "+
		"that no call will release (a lock never unlocked?), or it is slower than -weft.hang. "+
		"The test stops here, unshrunk.\n\n", call, timeout)
	fmt.Fprintf(&b, "Calls on this instance, one at a time, in order (model state before the last: %s):\n", state)
	for i, c := range before {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, c)
	}
	fmt.Fprintf(&b, "  %d. %s  did not return\n\n", len(before)+1, call)
	fmt.Fprintf(&b, "Where %s waits:\n%s", call, indent(trimStack(stack)))
	return b.String()
}

// callHang is the error of a call that did not return in time, with the
// stack of its goroutine then.
type callHang struct {
	timeout time.Duration
	stack   string
}

func (h *callHang) Error() string { return fmt.Sprintf("did not return within %v", h.timeout) }

// callWithin makes a call on a goroutine of its own and waits for it at most
// timeout; a call that does not return in time stays blocked, and the error
// is a *callHang.
func callWithin(op targetOp, instance, in any, timeout time.Duration) (any, error) {
	type result struct {
		out any
		err error
	}
	done := make(chan result, 1)
	id := make(chan string, 1)
	go func() {
		id <- goroutineHeader()
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
		return nil, &callHang{timeout: timeout, stack: stackOf(<-id)}
	}
}

// goroutineHeader is the first words of the calling goroutine's stack dump,
// "goroutine N ", which name it in a dump of every goroutine.
func goroutineHeader() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	header, _, _ := strings.Cut(string(buf), "[")
	return header
}

// stackOf returns the stack of the goroutine whose dump starts with header.
func stackOf(header string) string {
	for _, g := range strings.Split(allStacks(), "\n\n") {
		if strings.HasPrefix(g, header) {
			return g
		}
	}
	return "(its goroutine has ended since)"
}
