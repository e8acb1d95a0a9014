package sched

import "reflect"

// A Case is one arm of a [Select]: a receive ([Chan.RecvCase]), a send
// ([Chan.SendCase]) or [Default].
type Case struct {
	sc   reflect.SelectCase
	recv func(v reflect.Value, ok bool) // stores a received value; nil for sends
}

// RecvCase returns a Select arm that receives from c. When it fires, the
// value is stored in *dst and whether it was sent (rather than the zero value
// of a closed channel) in *ok; either pointer may be nil.
func (c *Chan[T]) RecvCase(dst *T, ok *bool) Case {
	return Case{
		sc: reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c.raw())},
		recv: func(v reflect.Value, received bool) {
			if dst != nil {
				*dst, _ = v.Interface().(T)
			}
			if ok != nil {
				*ok = received
			}
		},
	}
}

// SendCase returns a Select arm that sends v on c.
func (c *Chan[T]) SendCase(v T) Case {
	return Case{sc: reflect.SelectCase{
		Dir:  reflect.SelectSend,
		Chan: reflect.ValueOf(c.raw()),
		Send: reflect.ValueOf(&v).Elem(),
	}}
}

// Default returns the Select arm that fires when no other arm is ready, like
// default in a select statement. At most one Default may be given.
func Default() Case {
	return Case{sc: reflect.SelectCase{Dir: reflect.SelectDefault}}
}

// Select waits until one of the cases can proceed, performs it and returns
// its index, like a select statement: when several are ready it picks one at
// random, and with a [Default] case it never blocks. With no cases it blocks
// forever.
//
// Select uses reflect.Select, so it costs a few hundred nanoseconds more than
// a select statement (see BenchmarkSelect); the scheduling point itself costs
// what any other point does.
func Select(cases ...Case) int {
	At(ChanSelect, nil)
	scs := make([]reflect.SelectCase, len(cases))
	for i := range cases {
		scs[i] = cases[i].sc
	}
	chosen, v, ok := reflect.Select(scs)
	if r := cases[chosen].recv; r != nil {
		r(v, ok)
	}
	return chosen
}
