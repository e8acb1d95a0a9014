package polite

import "time"

// Polite backs off for a fixed step. Broken on purpose.
//
// What goes wrong: two Incs from opposite sides that start together raise
// their flags, step, both see the other's flag, hesitate, both step back
// for the same time, and raise their flags again together: a livelock, both
// always busy, neither ever entering. On real cores, timing noise usually breaks the tie after a few
// rounds, which is why such bugs survive testing; under weft's virtual
// clock, which advances only when both sides sleep, the two stay in step
// every time, and the execution reaches the step cap as a livelock.
type Polite struct {
	corridor
}

// Inc adds one from side 0 or 1.
func (p *Polite) Inc(side int) {
	p.inc(side, func() time.Duration { return step })
}
