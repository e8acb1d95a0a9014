// Package context is the standard [context] package with its Done channel a
// channel of package [github.com/weftlab/weft/checks/sched] and its
// deadlines on sched's clock, virtual under a controller: a goroutine that
// waits on ctx.Done() is parked and scheduled as any other, and a timeout
// fires when nothing else can run. The rewrite of plain Go
// ([github.com/weftlab/weft/checks/rewrite]) maps context here.
//
// It has Background, TODO, WithCancel, WithDeadline, WithTimeout,
// WithValue, their Cause variants and Cause, with the standard semantics:
// cancelling a context cancels its children, Err is Canceled or
// DeadlineExceeded (the standard error values, so errors.Is works across
// both packages) once Done is closed, and Cause is the error given to the
// cancellation, or Err when none was.
//
// A deadline is watched by a goroutine started with [sched.Go] that waits
// for the timer or the cancellation, whichever comes first, as is a parent
// that is not a context of this package; under a controller it is one of
// the execution's goroutines, and it ends when either happens.
package context

import (
	stdcontext "context"
	"sync"
	"time"

	"github.com/weftlab/weft/checks/sched"
)

// A Context carries a deadline, a cancellation signal and values across API
// boundaries, as [context.Context], with Done a channel of package sched.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() *sched.Chan[struct{}]
	Err() error
	Value(key any) any
}

// A CancelFunc tells an operation to abandon its work, as
// [context.CancelFunc].
type CancelFunc = stdcontext.CancelFunc

// A CancelCauseFunc is a CancelFunc that records why, as
// [context.CancelCauseFunc].
type CancelCauseFunc = stdcontext.CancelCauseFunc

// The errors of a done context: the standard values.
var (
	Canceled         = stdcontext.Canceled
	DeadlineExceeded = stdcontext.DeadlineExceeded
)

type emptyCtx struct{ name string }

func (emptyCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (emptyCtx) Done() *sched.Chan[struct{}] { return nil }
func (emptyCtx) Err() error                  { return nil }
func (emptyCtx) Value(any) any               { return nil }
func (e emptyCtx) String() string            { return e.name }

var (
	background = emptyCtx{"context.Background"}
	todo       = emptyCtx{"context.TODO"}
)

// Background returns a context that is never canceled and has no values and
// no deadline, as [context.Background].
func Background() Context { return background }

// TODO returns a context for where it is unclear which to use, as
// [context.TODO].
func TODO() Context { return todo }

// A cancelCtx can be canceled; cancelling it cancels its children.
type cancelCtx struct {
	parent Context
	done   *sched.Chan[struct{}]

	// mu guards err and children; it is never held across a scheduling
	// point, so under a controller, which switches goroutines only at
	// those, no goroutine ever waits for it.
	mu       sync.Mutex
	err      error
	cause    error
	children map[*cancelCtx]struct{}

	deadline    time.Time
	hasDeadline bool
}

func (c *cancelCtx) Deadline() (time.Time, bool) {
	if c.hasDeadline {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() *sched.Chan[struct{}] { return c.done }
func (c *cancelCtx) Value(key any) any           { return c.parent.Value(key) }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// cancel closes c.done and cancels c's children with err and cause (err
// if nil), once.
func (c *cancelCtx) cancel(err, cause error) {
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err, c.cause = err, cause
	children := c.children
	c.children = nil
	c.mu.Unlock()
	c.done.Close()
	for child := range children {
		child.cancel(err, cause)
	}
}

// detach removes c from its parent's children, once c is canceled.
func (c *cancelCtx) detach() {
	if p, ok := cancelAncestor(c.parent); ok {
		p.mu.Lock()
		delete(p.children, c)
		p.mu.Unlock()
	}
}

// cancelAncestor returns the nearest cancelCtx parent is or wraps.
func cancelAncestor(parent Context) (*cancelCtx, bool) {
	for {
		switch p := parent.(type) {
		case *cancelCtx:
			return p, true
		case *valueCtx:
			parent = p.parent
		default:
			return nil, false
		}
	}
}

// newCancelCtx returns a child of parent that parent's cancellation cancels.
func newCancelCtx(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{parent: parent, done: sched.NewChan[struct{}](0)}
	pdone := parent.Done()
	if pdone == nil {
		return c // never canceled
	}
	if p, ok := cancelAncestor(parent); ok {
		p.mu.Lock()
		if err, cause := p.err, p.cause; err != nil {
			p.mu.Unlock()
			c.cancel(err, cause)
			return c
		}
		if p.children == nil {
			p.children = map[*cancelCtx]struct{}{}
		}
		p.children[c] = struct{}{}
		p.mu.Unlock()
		return c
	}
	sched.Go(func() {
		if sched.Select(pdone.RecvCase(nil, nil), c.done.RecvCase(nil, nil)) == 0 {
			c.cancel(parent.Err(), Cause(parent))
		}
	})
	return c
}

// WithCancel returns a copy of parent with a new Done channel, closed when
// cancel is called or parent's is closed, as [context.WithCancel].
func WithCancel(parent Context) (Context, CancelFunc) {
	c := newCancelCtx(parent)
	return c, func() { c.cancel(Canceled, nil); c.detach() }
}

// WithCancelCause is WithCancel with a cancel function that records why,
// as [context.WithCancelCause].
func WithCancelCause(parent Context) (Context, CancelCauseFunc) {
	c := newCancelCtx(parent)
	return c, func(cause error) { c.cancel(Canceled, cause); c.detach() }
}

// Cause returns why c was canceled, as [context.Cause]: the cause given to
// the cancellation of c or of the ancestor that canceled it, Err when none
// was, and nil while c is not canceled.
func Cause(c Context) error {
	if cc, ok := cancelAncestor(c); ok {
		cc.mu.Lock()
		defer cc.mu.Unlock()
		return cc.cause
	}
	return c.Err()
}

// WithDeadline returns a copy of parent that is done by d at the latest, as
// [context.WithDeadline], on the clock of [sched.Now].
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause is WithDeadline with the cause Cause returns once the
// deadline passes, as [context.WithDeadlineCause].
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent) // the parent's deadline comes first
	}
	c := newCancelCtx(parent)
	c.deadline, c.hasDeadline = d, true
	stop := func() { c.cancel(Canceled, nil); c.detach() }
	left := d.Sub(sched.Now())
	if left <= 0 {
		c.cancel(DeadlineExceeded, cause)
		c.detach()
		return c, stop
	}
	if c.Err() != nil {
		return c, stop
	}
	t := sched.NewTimer(left)
	sched.Go(func() {
		if sched.Select(t.C.RecvCase(nil, nil), c.done.RecvCase(nil, nil)) == 0 {
			c.cancel(DeadlineExceeded, cause)
			c.detach()
			return
		}
		t.Stop()
	})
	return c, stop
}

// WithTimeout is WithDeadline(parent, sched.Now().Add(timeout)), as
// [context.WithTimeout].
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, sched.Now().Add(timeout))
}

// WithTimeoutCause is WithTimeout with the cause Cause returns once the
// timeout passes, as [context.WithTimeoutCause].
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, sched.Now().Add(timeout), cause)
}

type valueCtx struct {
	parent   Context
	key, val any
}

func (c *valueCtx) Deadline() (time.Time, bool) { return c.parent.Deadline() }
func (c *valueCtx) Done() *sched.Chan[struct{}] { return c.parent.Done() }
func (c *valueCtx) Err() error                  { return c.parent.Err() }

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}

// WithValue returns a copy of parent in which key is associated with val, as
// [context.WithValue]. key must be comparable.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}
