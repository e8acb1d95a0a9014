package engine

// Starvation under a Controller. A goroutine that waits for a lock (it
// parked on a Mutex of the shims, or a lock of its own reported [Waiting])
// counts, until it acquires the lock, how many times each other goroutine
// acquired it meanwhile, in a mode that excludes the waiter's (a reader is
// not passed by another reader): how often it was bypassed, as in Lamport's
// bounded waiting, counted from the waiter's first failed attempt whether or
// not the scheduler lets it run meanwhile. A lock that guarantees
// bounded bypass (a FIFO or ticket lock) lets no goroutine bypass a waiter
// more than once; an unfair one lets a fast goroutine take it again and
// again. A waiter bypassed more than the bound by one goroutine is starved.
//
// sync.Mutex is not FIFO, but it bounds bypass too: a waiter that has waited
// more than a millisecond puts the mutex in starvation mode, where Unlock
// hands it to the waiter at the front of the queue and newcomers queue
// behind, until no goroutine waits. Under a Controller, where a
// millisecond means nothing, the shim Mutex does the same once a waiter has
// been bypassed HandoffAfter times: the mutex is reserved ([Reserved]) for
// its oldest waiter, then the next oldest, as long as any waits.

// HandoffAfter is how many bypasses turn a shim Mutex to handing itself to
// the waiter, as sync.Mutex's starvation mode does after a millisecond.
const HandoffAfter = 2

// DefaultBypassBound is the bypass bound of a Controller unless
// [Controller.SetBypassBound] changes it: twice the most seen on fair locks
// and on sync.Mutex (3, TestStarvation_DefaultBoundNeverFiresOnFairLocks),
// and small enough that scenarios of ten calls per client show an unfair
// lock.
const DefaultBypassBound = 6

// waitRecord is a wait for a lock in progress.
type waitRecord struct {
	obj    any
	kind   Kind
	since  int         // the step it started at
	bypass map[int]int // acquisitions by other goroutines, by goroutine
	total  int
	// steps by lower-priority goroutines that cannot help (priority.go)
	inversion      map[int]int
	inversionTotal int
}

// Starved describes a waiter bypassed more than the bound.
type Starved struct {
	Waiter, Lock, By string
	Times            int // acquisitions by By while Waiter waited
	Total            int // acquisitions by any other goroutine meanwhile
	Steps            int // scheduling points since the wait began
}

func isRead(k Kind) bool { return k == RLock || k == RTryLock }

// Waiting records that the running goroutine waits for the lock obj, taken
// by the operation k: a lock of its own calls it when an attempt fails (the
// shim Mutex does so when it parks), and [Acquired] ends the wait. Without a
// controller it does nothing.
func Waiting(k Kind, obj any) {
	if controlled.Load() {
		current().waiting(k, obj)
	}
}

// Reserved reports whether the lock obj is reserved for another goroutine
// than the running one, which then must not take it: the shim Mutex's
// handoff to a waiter it bypassed HandoffAfter times.
func Reserved(obj any) bool {
	if !controlled.Load() {
		return false
	}
	c := current()
	g, ok := c.reserved[obj]
	return ok && g != c.cur
}

// SetBypassBound sets how many times one goroutine may bypass a waiter
// before the waiter counts as starved.
func (c *Controller) SetBypassBound(n int) { c.bypassBound = n }

// MaxBypass returns the most times one goroutine bypassed one waiter in the
// execution: how close it came to the bound.
func (c *Controller) MaxBypass() int { return c.maxBypass }

// Starvation returns the first waiter bypassed more than the bound, or nil.
func (c *Controller) Starvation() *Starved { return c.starved }

func (c *Controller) waiting(k Kind, obj any) {
	if c.aborting.Load() {
		return
	}
	g := c.cur
	if g.wait == nil || g.wait.obj != obj {
		g.wait = &waitRecord{obj: obj, kind: k, since: c.steps, bypass: map[int]int{}}
	}
}

// bypassed counts g's acquisition of obj against every goroutine waiting for
// it, and ends g's own wait.
func (c *Controller) bypassed(g *goroutine, k Kind, obj any) {
	for _, o := range c.gs {
		w := o.wait
		if o == g || w == nil || w.obj != obj || isRead(w.kind) && isRead(k) {
			continue // readers share: one entering does not pass a waiting one
		}
		w.bypass[g.id]++
		w.total++
		c.maxBypass = max(c.maxBypass, w.bypass[g.id])
		if w.bypass[g.id] > c.bypassBound && c.starved == nil {
			c.starved = &Starved{Waiter: o.name, Lock: c.objectName(k, obj), By: g.name,
				Times: w.bypass[g.id], Total: w.total, Steps: c.steps - w.since}
		}
		if w.kind == MutexLock && w.total >= HandoffAfter {
			c.starving[obj] = true
		}
	}
	if g.wait != nil && g.wait.obj == obj {
		g.wait = nil
	}
	if c.reserved[obj] == g {
		delete(c.reserved, obj)
	}
	if !c.starving[obj] {
		return
	}
	// Starvation mode: the oldest waiter gets the mutex next; with no
	// waiter left, the mutex is back to normal.
	var oldest *goroutine
	for _, o := range c.gs {
		if o.wait != nil && o.wait.obj == obj && (oldest == nil || o.wait.since < oldest.wait.since) {
			oldest = o
		}
	}
	if oldest == nil {
		delete(c.starving, obj)
		delete(c.reserved, obj)
		return
	}
	c.reserved[obj] = oldest
}
