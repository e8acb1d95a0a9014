package rt

import (
	"iter"

	"github.com/weftlab/weft/checks/sched"
)

// Pull is iter.Pull on a goroutine of weft's: the sequence runs on a
// goroutine started with sched.Go, and next and stop hand the turn to it
// and back through two unbuffered channels, so that at any moment either
// the caller or the sequence runs, never both, as with iter.Pull's
// coroutine. iter.Pull's own coroutine switches goroutines inside the
// runtime, where a controller cannot see it: the sequence would reach
// weft's scheduling points on a goroutine that is not the one whose turn
// it is.
//
// The contract is iter.Pull's: the sequence starts at the first call of
// next; next returns each value with true, then the zero value and false
// once the sequence returned or stop was called; stop makes the pending
// yield return false, waits for the sequence to return, and may be called
// again; a panic of the sequence is raised again in the caller of next or
// stop. As with iter.Pull, next and stop must not be called from several
// goroutines at once.
func Pull[V any](seq iter.Seq[V]) (next func() (V, bool), stop func()) {
	next2, stop := Pull2(func(yield func(V, struct{}) bool) {
		seq(func(v V) bool { return yield(v, struct{}{}) })
	})
	return func() (V, bool) {
		v, _, ok := next2()
		return v, ok
	}, stop
}

// Pull2 is iter.Pull2 on a goroutine of weft's, as [Pull] is iter.Pull.
func Pull2[K, V any](seq iter.Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	type yielded struct {
		k     K
		v     V
		ended bool // the sequence returned (or panicked with panicked)
		panic any
	}
	resume := sched.NewChan[bool](0) // true: run to the next yield; false: stop
	out := sched.NewChan[yielded](0)
	started, done := false, false
	start := func() {
		started = true
		sched.Go(func() {
			var end yielded
			defer func() {
				if r := recover(); r != nil {
					end.panic = r
				}
				end.ended = true
				out.Send(end)
			}()
			if !resume.Recv() {
				return // stopped before the first value
			}
			seq(func(k K, v V) bool {
				out.Send(yielded{k: k, v: v})
				return resume.Recv()
			})
		})
	}
	finish := func(y yielded) {
		done = true
		if y.panic != nil {
			panic(y.panic)
		}
	}
	next = func() (K, V, bool) {
		var k K
		var v V
		if done {
			return k, v, false
		}
		if !started {
			start()
		}
		resume.Send(true)
		y := out.Recv()
		if y.ended {
			finish(y)
			return k, v, false
		}
		return y.k, y.v, true
	}
	stop = func() {
		if done {
			return
		}
		if !started {
			done = true
			return
		}
		// A sequence that yields again after its yield returned false is
		// refused again, until it returns.
		for {
			resume.Send(false)
			if y := out.Recv(); y.ended {
				finish(y)
				return
			}
		}
	}
	return next, stop
}
