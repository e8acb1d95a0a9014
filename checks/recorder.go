package checks

import (
	"sync/atomic"

	"github.com/weftlab/weft/checks/internal/clock"
)

// panicInfo describes a panic that weft recovered.
type panicInfo struct {
	// Where names what panicked: "operation", "New", "Stop", or "goroutine
	// started by the structure".
	Where string `json:"where"`
	// Value is the panic value, printed.
	Value string `json:"value"`
	// Stack is the stack of the panicking goroutine.
	Stack string `json:"stack"`
}

// A record is one call of an execution and what became of it.
type record struct {
	part   part
	client int // 0..n-1 in the parallel part; n (the harness) in init and post
	index  int // position in its client's list
	op     int
	input  any
	output any   // nil unless the call returned
	call   int64 // clock tick just before the call
	ret    int64 // clock tick just after it returned; 0 if it did not
	// pending is set for a call that never returned: the watchdog stopped
	// the execution while it ran.
	pending bool
	panic   *panicInfo
}

// returned reports whether the call returned normally.
func (r *record) returned() bool { return !r.pending && r.panic == nil }

// clientLog is one client's records: written only by the client, read by the
// harness after the client is done or after the watchdog gave up on it. It
// is the recorder's per-client buffer: clients share nothing but the clock.
type clientLog struct {
	recs []record // filled with the calls before the client starts
	// called and returned count the records whose call (resp. return) has
	// been written; the stores publish those fields to the harness.
	called, returned atomic.Int32
	// note, when set, is told of each call and return (a controlled
	// execution adds them to its trace), described with describe.
	note     func(string)
	describe *erasedModel
	// onCall and onReturn, when set, are told when each call starts and
	// returns (the obstruction-freedom check follows operations with them).
	onCall   func(r *record)
	onReturn func()
}

// failed reports whether a call of l panicked or did not return.
func (l *clientLog) failed() bool {
	n := int(l.returned.Load())
	return n < len(l.recs) || n > 0 && l.recs[n-1].panic != nil
}

func newClientLog(p part, client int, calls []call) *clientLog {
	l := &clientLog{recs: make([]record, len(calls))}
	for i, c := range calls {
		l.recs[i] = record{part: p, client: client, index: i, op: c.op, input: c.input}
	}
	return l
}

// play makes the calls of l in order on the calling goroutine, timestamping
// each with c. It stops after a call that panics.
func (l *clientLog) play(tg *target, instance any, c *clock.Clock, pace func()) {
	for i := range l.recs {
		if pace != nil {
			pace()
		}
		r := &l.recs[i]
		if l.note != nil {
			l.note("call " + l.describe.describeInput(r.input))
		}
		if l.onCall != nil {
			l.onCall(r)
		}
		r.call = c.Tick()
		l.called.Store(int32(i + 1))
		r.output, r.panic = invoke(tg.ops[r.op], instance, r.input)
		r.ret = c.Tick()
		l.returned.Store(int32(i + 1))
		if l.onReturn != nil {
			l.onReturn()
		}
		if l.note != nil && r.panic == nil {
			if tg.ops[r.op].async {
				l.note("return (fire-and-forget)")
			} else {
				l.note("return " + l.describe.describeOperation(r.input, r.output))
			}
		}
		if r.panic != nil {
			return
		}
	}
}

// snapshot returns the records of the calls that started. A call that did
// not return is marked pending; its output and return fields, which its
// client may still write, are not read.
func (l *clientLog) snapshot() []record {
	returned := int(l.returned.Load())
	called := int(l.called.Load())
	out := make([]record, called)
	for i := range called {
		src := &l.recs[i]
		if i < returned {
			out[i] = *src
			continue
		}
		out[i] = record{part: src.part, client: src.client, index: src.index, op: src.op,
			input: src.input, call: src.call, pending: true}
	}
	return out
}
