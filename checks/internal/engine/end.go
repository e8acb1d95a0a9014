package engine

import (
	"runtime/debug"
	"time"
)

// end marks the run over and wakes the harness. The goroutine that ends it
// parks until Abort.
func (c *Controller) end(o Outcome) {
	c.outcome = o
	if o == Finished {
		for _, g := range c.gs {
			if g.structure && g.state != ended {
				c.dumpStack(g)
				where := "never ran"
				if g.state == blocked {
					where = c.describe(g.at)
				}
				c.leaked = append(c.leaked, Leaked{Goroutine: g.name, Point: where, Stack: g.stack})
			}
		}
	}
	if o == Deadlock {
		c.cycle = c.waitCycle()
		for _, g := range c.gs {
			if g.state == blocked {
				c.dumpStack(g)
				b := Blocked{Goroutine: g.name, Point: c.describe(g.at), Holds: c.holds(g), Stack: g.stack}
				if h := c.holderOf(g.key); h != nil { // ended goroutines keep what they held
					b.Holder = h.name
					if h.state == blocked {
						b.HolderAt = c.describe(h.at)
					}
				}
				c.blocked = append(c.blocked, b)
			}
		}
	}
	close(c.done)
}

// dumpStack sets g.stack to g's stack: g hands it over when woken for it
// (see turn), unless g is the one ending the run.
func (c *Controller) dumpStack(g *goroutine) {
	if g == c.cur {
		g.stack = string(debug.Stack())
		return
	}
	c.dumpFor = g
	g.wake <- struct{}{}
	<-c.dumped
}

// Abort stops the execution: every managed goroutine still parked is
// unwound by a panic that [IsAbort] recognizes, and one that is running
// (stuck outside the shims, after a hang) is unwound at its next point.
// Abort waits up to wait for the goroutines to exit and reports whether
// they all did. Call it once the execution is over or has hung.
func (c *Controller) Abort(wait time.Duration) bool {
	c.aborting.Store(true)
	c.gsMu.Lock()
	gs := c.gs
	c.gsMu.Unlock()
	for _, g := range gs {
		select {
		case g.wake <- struct{}{}:
		default:
		}
	}
	exited := make(chan struct{})
	go func() { c.exited.Wait(); close(exited) }()
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-exited:
		return true
	case <-t.C:
		return false
	}
}
