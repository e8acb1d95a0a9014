// Package rt holds what code rewritten by package
// [github.com/weftlab/weft/checks/rewrite] calls where a channel operation of
// Go's syntax has no single method of [sched.Chan] to become: the nil
// channel, which blocks forever where a method on a nil *Chan would
// dereference it, named channel types, whose rewritten form is a named
// pointer type without methods (or, with methods, a struct whose field
// MakeOf fills), and the arms of a select statement, whose
// operands are evaluated once, in order, before the select chooses.
//
// It is public only because rewritten packages of other modules import it;
// nothing else should.
package rt

import (
	"time"

	"github.com/weftlab/weft/checks/sched"
)

// blockForever blocks as an operation on a nil channel does: under a
// controller the goroutine stays parked, so a deadlock or a leak names it.
func blockForever() { sched.Select() }

// Send sends v on c, like c <- v.
func Send[C ~*sched.Chan[T], T any](c C, v T) {
	if c == nil {
		blockForever()
	}
	(*sched.Chan[T])(c).Send(v)
}

// Recv receives from c, like <-c.
func Recv[C ~*sched.Chan[T], T any](c C) T {
	if c == nil {
		blockForever()
	}
	return (*sched.Chan[T])(c).Recv()
}

// RecvOK receives from c, like v, ok := <-c.
func RecvOK[C ~*sched.Chan[T], T any](c C) (T, bool) {
	if c == nil {
		blockForever()
	}
	return (*sched.Chan[T])(c).RecvOK()
}

// Close closes c, like close(c).
func Close[C ~*sched.Chan[T], T any](c C) {
	if c == nil {
		panic(nilClose{})
	}
	(*sched.Chan[T])(c).Close()
}

// nilClose is the panic of closing a nil channel, worded as the runtime's.
type nilClose struct{}

func (nilClose) Error() string  { return "close of nil channel" }
func (nilClose) RuntimeError()  {}
func (nilClose) String() string { return "close of nil channel" }

// Len returns the number of values buffered in c, like len(c).
func Len[C ~*sched.Chan[T], T any](c C) int {
	if c == nil {
		return 0
	}
	return (*sched.Chan[T])(c).Len()
}

// Cap returns the buffer size of c, like cap(c).
func Cap[C ~*sched.Chan[T], T any](c C) int {
	if c == nil {
		return 0
	}
	return (*sched.Chan[T])(c).Cap()
}

// All returns the values received from c until it is closed, like
// for v := range c.
func All[C ~*sched.Chan[T], T any](c C) func(yield func(T) bool) {
	if c == nil {
		blockForever()
	}
	return (*sched.Chan[T])(c).All()
}

// A RecvArm is a receive arm of a rewritten select statement: V and OK hold
// what it received once it has fired.
type RecvArm[T any] struct {
	V    T
	OK   bool
	Case sched.Case
}

// OnRecv returns the arm receiving from c; a nil c never fires, as a nil
// channel's case.
func OnRecv[C ~*sched.Chan[T], T any](c C) *RecvArm[T] {
	a := new(RecvArm[T])
	a.Case = (*sched.Chan[T])(c).RecvCase(&a.V, &a.OK)
	return a
}

// OnSend returns the arm sending v on c.
func OnSend[C ~*sched.Chan[T], T any](c C, v T) sched.Case {
	return (*sched.Chan[T])(c).SendCase(v)
}

// Since returns the time elapsed since t, like time.Since, on the clock of
// [sched.Now].
func Since(t time.Time) time.Duration { return sched.Now().Sub(t) }

// Until returns the duration until t, like time.Until, on the clock of
// [sched.Now].
func Until(t time.Time) time.Duration { return t.Sub(sched.Now()) }

// Tick returns the channel of a ticker that is never stopped, like
// time.Tick: nil when d is not positive.
func Tick(d time.Duration) *sched.Chan[time.Time] {
	if d <= 0 {
		return nil
	}
	return sched.NewTicker(d).C
}

// Make returns a channel of the named type C with room for size values,
// like make(C, size).
func Make[C ~*sched.Chan[T], T any](size int) C { return C(sched.NewChan[T](size)) }

// MakeOf returns a channel of the type of like with room for size values.
// like is the zero field of the struct that a named channel type with
// methods becomes: the rewritten make(C, n) gets the element type from it,
// where the text of the call names only C.
func MakeOf[T any](like *sched.Chan[T], size int) *sched.Chan[T] {
	return sched.NewChan[T](size)
}
