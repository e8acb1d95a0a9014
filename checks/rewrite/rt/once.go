package rt

import "github.com/weftlab/weft/checks/sched/sync"

// OnceFunc returns a function that calls f only once, as sync.OnceFunc,
// on weft's Once: a caller that arrives while f runs waits at a scheduling
// point. If f panics, every call panics with the same value.
func OnceFunc(f func()) func() {
	var (
		once     sync.Once
		valid    bool
		panicked any
	)
	g := func() {
		defer func() {
			if !valid {
				panicked = recover()
				panic(panicked)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(panicked)
		}
	}
}

// OnceValue returns a function that calls f only once and returns its
// value, as sync.OnceValue.
func OnceValue[T any](f func() T) func() T {
	var v T
	g := OnceFunc(func() { v = f() })
	return func() T { g(); return v }
}

// OnceValues returns a function that calls f only once and returns its
// values, as sync.OnceValues.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		v1 T1
		v2 T2
	)
	g := OnceFunc(func() { v1, v2 = f() })
	return func() (T1, T2) { g(); return v1, v2 }
}
