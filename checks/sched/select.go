package sched

import (
	"reflect"
	"unsafe"
)

// A Case is one arm of a [Select]: a receive ([Chan.RecvCase]), a send
// ([Chan.SendCase]) or [Default].
type Case struct {
	arm arm // nil for Default
}

// arm is a receive or send arm, in both modes: as a reflect.SelectCase for
// the runtime, and as queue operations for a Controller.
type arm interface {
	reflectCase() reflect.SelectCase
	received(v reflect.Value, ok bool)
	channel() unsafe.Pointer // nil for a nil channel
	ready() bool
	now(ctl *Controller)
	enqueue(sel *selector, idx int)
	complete(sel *selector)
}

type recvArm[T any] struct {
	c   *Chan[T]
	dst *T
	ok  *bool
	sg  *sudog[T]
}

// RecvCase returns a Select arm that receives from c. When it fires, the
// value is stored in *dst and whether it was sent (rather than the zero value
// of a closed channel) in *ok; either pointer may be nil.
func (c *Chan[T]) RecvCase(dst *T, ok *bool) Case {
	return Case{arm: &recvArm[T]{c: c, dst: dst, ok: ok}}
}

func (a *recvArm[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a.c.raw())}
}

func (a *recvArm[T]) received(v reflect.Value, received bool) {
	var x T
	if received {
		x, _ = v.Interface().(T)
	}
	a.store(x, received)
}

func (a *recvArm[T]) store(v T, received bool) {
	if a.dst != nil {
		*a.dst = v
	}
	if a.ok != nil {
		*a.ok = received
	}
}

func (a *recvArm[T]) channel() unsafe.Pointer { return unsafe.Pointer(a.c) }
func (a *recvArm[T]) ready() bool             { return a.c != nil && canRecv(a.c) }

func (a *recvArm[T]) now(ctl *Controller) {
	v, ok, _ := tryRecv(ctl, a.c)
	a.store(v, ok)
}

func (a *recvArm[T]) enqueue(sel *selector, idx int) {
	if a.c == nil {
		return
	}
	a.sg = &sudog[T]{sel: sel, idx: idx}
	q := a.c.queues()
	q.recvq = append(q.recvq, a.sg)
}

func (a *recvArm[T]) complete(*selector) { a.store(a.sg.v, a.sg.ok) }

type sendArm[T any] struct {
	c *Chan[T]
	v T
}

// SendCase returns a Select arm that sends v on c.
func (c *Chan[T]) SendCase(v T) Case {
	return Case{arm: &sendArm[T]{c: c, v: v}}
}

func (a *sendArm[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a.c.raw()), Send: reflect.ValueOf(&a.v).Elem()}
}

func (a *sendArm[T]) received(reflect.Value, bool) {}
func (a *sendArm[T]) channel() unsafe.Pointer      { return unsafe.Pointer(a.c) }
func (a *sendArm[T]) ready() bool                  { return a.c != nil && canSend(a.c) }
func (a *sendArm[T]) now(ctl *Controller)          { trySend(ctl, a.c, a.v) }

func (a *sendArm[T]) enqueue(sel *selector, idx int) {
	if a.c == nil {
		return
	}
	q := a.c.queues()
	q.sendq = append(q.sendq, &sudog[T]{sel: sel, idx: idx, v: a.v})
}

func (a *sendArm[T]) complete(sel *selector) {
	if sel.closedSend {
		panic("send on closed channel")
	}
}

// Default returns the Select arm that fires when no other arm is ready, like
// default in a select statement. At most one Default may be given.
func Default() Case { return Case{} }

// Select waits until one of the cases can proceed, performs it and returns
// its index, like a select statement: when several are ready it picks one at
// random, and with a [Default] case it never blocks. With no cases it blocks
// forever.
//
// Under a [Controller], which ready arm fires is one of its decisions, so
// that a replay takes the same arm.
//
// Without one, Select uses reflect.Select, so it costs a few hundred
// nanoseconds more than a select statement (see BenchmarkSelect); the
// scheduling point itself costs what any other point does.
func Select(cases ...Case) int {
	At(ChanSelect, nil)
	if ctl := current(); ctl != nil && controlled.Load() {
		return ctl.selectArms(cases)
	}
	scs := make([]reflect.SelectCase, len(cases))
	for i := range cases {
		if cases[i].arm == nil {
			scs[i] = reflect.SelectCase{Dir: reflect.SelectDefault}
		} else {
			scs[i] = cases[i].arm.reflectCase()
		}
	}
	Blocking(ChanSelect, nil) // its channels are not named: a select waits for any of them
	chosen, v, ok := reflect.Select(scs)
	Unblocked(nil)
	if a := cases[chosen].arm; a != nil {
		a.received(v, ok)
	}
	return chosen
}

func (ctl *Controller) selectArms(cases []Case) int {
	var ready []int
	def := -1
	for i := range cases {
		switch a := cases[i].arm; {
		case a == nil:
			def = i
		case a.ready():
			ready = append(ready, i)
		}
	}
	if len(ready) > 0 {
		i := ready[ctl.choose(len(ready))]
		cases[i].arm.now(ctl)
		ctl.annotate(i)
		return i
	}
	if def >= 0 {
		ctl.annotate(def)
		return def
	}
	sel := newSelector()
	for i := range cases {
		cases[i].arm.enqueue(sel, i)
		if p := cases[i].arm.channel(); p != nil {
			sel.chans = append(sel.chans, p)
		}
	}
	ctl.waitFor(ChanSelect, sel)
	cases[sel.fired].arm.complete(sel)
	ctl.annotate(sel.fired)
	return sel.fired
}
