package plain

import "testing"

// sem is a named channel type with methods, which the rewrite makes a
// struct, and newSem returns an unnamed channel as a sem without
// converting it: the rewrite refuses that implicit conversion, so weft test
// leaves this file, which has no test, out of the build.
type sem chan struct{}

func newSem(n int) sem { return make(chan struct{}, n) }

func (s sem) acquire() { s <- struct{}{} }
func (s sem) release() { <-s }

func BenchmarkSem(b *testing.B) {
	s := newSem(1)
	for b.Loop() {
		s.acquire()
		s.release()
	}
}
