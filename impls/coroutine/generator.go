package coroutine

import (
	"iter"
	"sync"
)

// A Generator runs a producer on a goroutine of its own as a coroutine of
// its consumer: each Next resumes the producer, which runs until it yields
// one value and then waits for the next resume. Next and Stop may be
// called from several goroutines.
type Generator[T any] struct {
	resume chan struct{} // a consumer's Next: run up to the next yield
	values chan T        // the producer's yield, handed to that Next
	stop   chan struct{} // closed by Stop: yield returns false
	ended  chan struct{} // closed when the producer returned
	once   sync.Once
}

// NewHandoff starts produce on a goroutine that waits for the first Next.
// produce must return once yield returns false.
func NewHandoff[T any](produce iter.Seq[T]) *Generator[T] {
	g := &Generator[T]{
		resume: make(chan struct{}),
		values: make(chan T), // unbuffered: the producer stops at each yield
		stop:   make(chan struct{}),
		ended:  make(chan struct{}),
	}
	go g.run(produce)
	return g
}

func (g *Generator[T]) run(produce iter.Seq[T]) {
	defer close(g.ended)
	select {
	case <-g.resume:
	case <-g.stop:
		return
	}
	produce(func(v T) bool {
		select {
		case g.values <- v:
		case <-g.stop:
			return false
		}
		// The consumer has v; the producer runs again only when asked.
		select {
		case <-g.resume:
			return true
		case <-g.stop:
			return false
		}
	})
}

// Next resumes the producer and returns the value it yields, or the zero
// value and false once it returned or Stop was called.
func (g *Generator[T]) Next() (T, bool) {
	var zero T
	select {
	case g.resume <- struct{}{}:
	case <-g.ended:
		return zero, false
	}
	select {
	case v := <-g.values:
		return v, true
	case <-g.ended:
		return zero, false
	}
}

// Stop ends the generator: the producer's pending yield returns false, and
// Stop returns once the producer has returned. It may be called again.
func (g *Generator[T]) Stop() {
	g.once.Do(func() { close(g.stop) })
	<-g.ended
}

// A Pulled is a generator on iter.Pull. iter.Pull allows one caller at a
// time, so Next and Stop take a lock around it.
type Pulled[T any] struct {
	mu   sync.Mutex
	next func() (T, bool)
	stop func()
}

// NewPull returns a generator of produce's values; produce starts at the
// first Next.
func NewPull[T any](produce iter.Seq[T]) *Pulled[T] {
	next, stop := iter.Pull(produce)
	return &Pulled[T]{next: next, stop: stop}
}

// Next returns the next value, or the zero value and false once produce
// returned or Stop was called.
func (p *Pulled[T]) Next() (T, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.next()
}

// Stop ends produce at its pending yield and waits for it to return.
func (p *Pulled[T]) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stop()
}
