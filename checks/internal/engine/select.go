package engine

import (
	"reflect"
	"unsafe"
)

// An Arm is a receive or send arm of a select ([RecvArm], [SendArm]), in
// both modes: as a reflect.SelectCase for the runtime, and as queue
// operations for a Controller. It is what a sched.Case holds.
type Arm interface {
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

// RecvArm returns a select arm that receives from c (nil: it never fires).
// When it fires, the value is stored in *dst and whether it was sent
// (rather than the zero value of a closed channel) in *ok; either pointer
// may be nil.
func RecvArm[T any](c *Chan[T], dst *T, ok *bool) Arm {
	return &recvArm[T]{c: c, dst: dst, ok: ok}
}

func (a *recvArm[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a.c.Raw())}
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

// SendArm returns a select arm that sends v on c (nil: it never fires).
func SendArm[T any](c *Chan[T], v T) Arm {
	return &sendArm[T]{c: c, v: v}
}

func (a *sendArm[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a.c.Raw()), Send: reflect.ValueOf(&a.v).Elem()}
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

// Select is sched.Select: it waits until one of the arms can proceed,
// performs it and returns its index; a nil arm is the default case.
//
// Under a [Controller], which ready arm fires is one of its decisions, so
// that a replay takes the same arm.
//
// Without one, Select uses reflect.Select, so it costs a few hundred
// nanoseconds more than a select statement (see BenchmarkSelect); the
// scheduling point itself costs what any other point does.
func Select(arms []Arm) int {
	At(ChanSelect, nil)
	if ctl := current(); ctl != nil && controlled.Load() {
		return ctl.selectArms(arms)
	}
	scs := make([]reflect.SelectCase, len(arms))
	for i := range arms {
		if arms[i] == nil {
			scs[i] = reflect.SelectCase{Dir: reflect.SelectDefault}
		} else {
			scs[i] = arms[i].reflectCase()
		}
	}
	Blocking(ChanSelect, nil) // its channels are not named: a select waits for any of them
	chosen, v, ok := reflect.Select(scs)
	Unblocked(nil)
	if a := arms[chosen]; a != nil {
		a.received(v, ok)
	}
	return chosen
}

func (ctl *Controller) selectArms(arms []Arm) int {
	var ready []int
	def := -1
	for i := range arms {
		switch a := arms[i]; {
		case a == nil:
			def = i
		case a.ready():
			ready = append(ready, i)
		}
	}
	if len(ready) > 0 {
		i := ready[ctl.choose(len(ready))]
		arms[i].now(ctl)
		ctl.annotate(i)
		return i
	}
	if def >= 0 {
		ctl.annotate(def)
		return def
	}
	sel := newSelector()
	for i := range arms {
		arms[i].enqueue(sel, i)
		if p := arms[i].channel(); p != nil {
			sel.chans = append(sel.chans, p)
		}
	}
	ctl.waitFor(ChanSelect, sel)
	arms[sel.fired].complete(sel)
	ctl.annotate(sel.fired)
	return sel.fired
}
