package engine

import (
	"bytes"
	"runtime"
	"strconv"
	"sync"

	"github.com/petermattis/goid"
)

// A goroutine the Controller did not start can still reach a scheduling
// point while it is installed: one started with a plain go statement
// instead of [Go], or one of an earlier execution that was stuck outside
// the shims and woke up later. The Controller would take it for the
// goroutine whose turn it is and corrupt the execution, since the shims
// find the Controller through a global. So each managed goroutine records
// its runtime id when it gets its turn, and a point reached by any other
// goroutine is a stray: recorded with its stack and parked for good. The
// harness turns a stray into an error that names the mistake.

// A Stray is a goroutine the Controller does not manage that reached a
// scheduling point during its execution.
type Stray struct {
	Point string // the kind of point, such as "lock"
	Stack string
}

// goidWorks says whether goid.Get matches the runtime's own numbering on
// this Go version (it reads the runtime's goroutine structure); when it
// does not, strays go undetected rather than misdetected.
var goidWorks = func() bool {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	buf = bytes.TrimPrefix(buf, []byte("goroutine "))
	id, err := strconv.ParseInt(string(buf[:max(bytes.IndexByte(buf, ' '), 0)]), 10, 64)
	return err == nil && id == goid.Get()
}()

// strays is what the Controller keeps of its strays; they run concurrently
// with the execution, hence the lock. unwinding holds the ids of the
// managed goroutines that Abort is unwinding: they run at once, without
// the turn, and may reach points in deferred calls.
type strays struct {
	mu        sync.Mutex
	list      []Stray
	unwinding sync.Map
}

// Strays returns the goroutines the Controller did not start that reached a
// scheduling point during the execution; read it after Done.
func (c *Controller) Strays() []Stray {
	c.strays.mu.Lock()
	defer c.strays.mu.Unlock()
	return c.strays.list
}

// ownTurn records that the calling goroutine, g's, has the turn.
func (c *Controller) ownTurn(g *goroutine) {
	if goidWorks {
		c.turnHolder.Store(goid.Get())
		c.turnName.Store(&g.name)
	}
}

// Turn returns the runtime id (as runtime.Stack prints it) and the name of
// the goroutine whose turn it is, for a harness that watches the execution
// from outside it, such as to see that goroutine blocked in a primitive
// the controller does not know. ok is false before the first turn, or when
// runtime ids cannot be read on this Go version.
func (c *Controller) Turn() (id int64, name string, ok bool) {
	n := c.turnName.Load()
	if n == nil {
		return 0, "", false
	}
	return c.turnHolder.Load(), *n, true
}

// unwinds records that the calling managed goroutine is being unwound by
// Abort.
func (c *Controller) unwinds() {
	if goidWorks {
		c.strays.unwinding.Store(goid.Get(), true)
	}
}

// holdsTurn reports whether the calling goroutine is the one whose turn it
// is (always true where goroutine ids cannot be read).
func (c *Controller) holdsTurn() bool {
	return !goidWorks || c.turnHolder.Load() == goid.Get()
}

// checkTurn parks the calling goroutine for good, as a stray, unless it
// has the turn or is a managed goroutine being unwound.
func (c *Controller) checkTurn(p Point) {
	if !goidWorks {
		return
	}
	id := goid.Get()
	if c.turnHolder.Load() == id {
		return
	}
	if _, ok := c.strays.unwinding.Load(id); ok && c.aborting.Load() {
		return
	}
	buf := make([]byte, 16<<10)
	buf = buf[:runtime.Stack(buf, false)]
	c.strays.mu.Lock()
	c.strays.list = append(c.strays.list, Stray{Point: p.Kind.String(), Stack: string(buf)})
	c.strays.mu.Unlock()
	select {} // it must not run on: it would act as the goroutine whose turn it is
}
