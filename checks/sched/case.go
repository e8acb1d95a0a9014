package sched

import "github.com/weftlab/weft/checks/internal/engine"

// A Case is one arm of a [Select]: a receive ([Chan.RecvCase]), a send
// ([Chan.SendCase]) or [Default].
type Case struct {
	arm engine.Arm // nil for Default
}

// RecvCase returns a Select arm that receives from c. When it fires, the
// value is stored in *dst and whether it was sent (rather than the zero value
// of a closed channel) in *ok; either pointer may be nil.
func (c *Chan[T]) RecvCase(dst *T, ok *bool) Case {
	return Case{arm: engine.RecvArm(c.core(), dst, ok)}
}

// SendCase returns a Select arm that sends v on c.
func (c *Chan[T]) SendCase(v T) Case {
	return Case{arm: engine.SendArm(c.core(), v)}
}

// Default returns the Select arm that fires when no other arm is ready, like
// default in a select statement. At most one Default may be given.
func Default() Case { return Case{} }

// Select waits until one of the cases can proceed, performs it and returns
// its index, like a select statement: when several are ready it picks one at
// random, and with a [Default] case it never blocks. With no cases it blocks
// forever.
//
// Under weft's controlled scheduler, which ready arm fires is one of its
// decisions, so that a replay takes the same arm. Otherwise Select uses
// reflect.Select, so it costs a few hundred nanoseconds more than a select
// statement (see BenchmarkSelect).
func Select(cases ...Case) int {
	var buf [8]engine.Arm // no allocation for a select of up to 8 arms
	arms := buf[:0]
	for _, c := range cases {
		arms = append(arms, c.arm)
	}
	return engine.Select(arms)
}
