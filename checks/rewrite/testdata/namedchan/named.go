// Package namedchan is plain Go with named channel types that have
// methods, which the rewrite makes structs holding a weft channel: it must
// build rewritten and behave as the original.
package namedchan

import "github.com/weftlab/weft/checks/rewrite/testdata/namedchan/progress"

// Progress is what an Output carries.
type Progress struct{ N int }

// An Output takes progress updates.
type Output interface{ WriteProgress(Progress) error }

// chanOutput sends on a send-only channel, as moby's progress output.
type chanOutput chan<- Progress

// ChanOutput converts a send-only channel to an Output.
func ChanOutput(c chan<- Progress) Output { return chanOutput(c) }

func (out chanOutput) WriteProgress(p Progress) error {
	out <- p
	return nil
}

// sem is a counting semaphore on a buffered channel, as x/sync's
// benchmark's semChan.
type sem chan struct{}

func newSem(n int64) sem { return sem(make(chan struct{}, n)) }

func (s sem) acquire() { s <- struct{}{} }

func (s sem) tryAcquire() bool {
	if len(s) >= cap(s) {
		return false
	}
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s sem) release() { <-s }

// source receives on a receive-only channel.
type source <-chan int

func (s source) next() (int, bool) {
	v, ok := <-s
	return v, ok
}

func (s source) sum() int {
	total := 0
	for v := range s {
		total += v
	}
	return total
}

// pipe is generic, with a pointer receiver that resets it to nil.
type pipe[T any] chan T

func (p pipe[T]) put(v T) { p <- v }

func (p pipe[T]) take() T {
	select {
	case v := <-p:
		return v
	}
}

func (p *pipe[T]) reset() { *p = nil }

func (p pipe[T]) isNil() bool { return p == nil }

// Relay sends 1..n through a sem-guarded pipe, a source and a chanOutput,
// and returns what arrived.
func Relay(n int) (sum int, updates int) {
	ch := make(chan int, n)
	s := newSem(1)
	for i := 1; i <= n; i++ {
		s.acquire()
		ch <- i
		s.release()
	}
	close(ch)
	sum = source(ch).sum()

	progress := make(chan Progress, n)
	out := ChanOutput(progress)
	for i := 0; i < n; i++ {
		_ = out.WriteProgress(Progress{i})
	}
	close(progress)
	for range progress {
		updates++
	}
	return sum, updates
}

// Forward sends 2n updates on a progress.Sink, of another package, made of
// a channel: n directly, n through its method. It returns how many arrived
// and the capacity of a Sink made by make.
func Forward(n int) (arrived, made int) {
	ch := make(chan progress.Update, 2*n)
	sink := progress.Sink(ch)
	var none progress.Sink = nil
	if none != nil || sink == nil {
		panic("a Sink is nil exactly when it has no channel")
	}
	for i := 0; i < n; i++ {
		sink <- progress.Update{N: i}
		sink.Put(progress.Update{N: i})
	}
	close(sink)
	for range ch {
		arrived++
	}
	return arrived, cap(make(progress.Sink, 3))
}
