package engine

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/weftlab/weft/checks/internal/cycle"
)

// Under a Controller, the shims report every lock acquired and released, so
// that the controller knows exactly who holds what. That gives a deadlock
// report its holders and its wait-for cycle, and it builds the lock-order
// graph of the execution: an edge held → acquired for every lock taken
// while holding another, by any goroutine. A cycle in that graph, of any
// length, is a potential deadlock even when the execution itself went
// through: another interleaving of the same code can stop in it.

// heldLock is a lock a goroutine holds and where it took it.
type heldLock struct {
	obj  any
	kind Kind
	pcs  [8]uintptr
	npcs int
}

// A LockEdge is an edge of the lock-order graph: some goroutine acquired To
// while holding From.
type LockEdge struct {
	From, To         string // lock names, such as "mutex#1"
	FromSite, ToSite string // where each was acquired, such as "bank.go:40 (bank.(*Bank).Transfer)"
	Goroutine        string
}

// Acquired records that the running goroutine now holds obj, taken by the
// operation k (a lock, a read lock or a successful try). The shims call it;
// without a controller it does nothing.
func Acquired(k Kind, obj any) {
	if controlled.Load() {
		current().acquired(k, obj)
	}
}

// Released records that the running goroutine released obj (once, for a
// lock held several times by readers).
func Released(obj any) {
	if controlled.Load() {
		current().released(obj)
	}
}

func (c *Controller) acquired(k Kind, obj any) {
	if c.aborting.Load() {
		return
	}
	g := c.cur
	c.bypassed(g, k, obj)
	h := heldLock{obj: obj, kind: k}
	h.npcs = runtime.Callers(3, h.pcs[:])
	for i := range g.held {
		c.addEdge(g, &g.held[i], &h)
	}
	g.held = append(g.held, h)
}

func (c *Controller) released(obj any) {
	if c.aborting.Load() {
		return
	}
	g := c.cur
	for i := len(g.held) - 1; i >= 0; i-- {
		if g.held[i].obj == obj {
			g.held = slices.Delete(g.held, i, i+1)
			return
		}
	}
}

type lockPair struct{ from, to any }

func (c *Controller) addEdge(g *goroutine, from, to *heldLock) {
	if from.obj == to.obj {
		return // a read lock taken twice
	}
	key := lockPair{from.obj, to.obj}
	if _, ok := c.edgeIndex[key]; ok {
		return
	}
	if c.edgeIndex == nil {
		c.edgeIndex = map[lockPair]int{}
	}
	c.edgeIndex[key] = len(c.edges)
	c.edges = append(c.edges, lockEdge{key: key, LockEdge: LockEdge{
		From: c.objectName(from.kind, from.obj), To: c.objectName(to.kind, to.obj),
		FromSite: site(from.pcs[:from.npcs]), ToSite: site(to.pcs[:to.npcs]), Goroutine: g.name,
	}})
}

type lockEdge struct {
	key lockPair
	LockEdge
}

// site is the first frame outside the shims: where the program took the
// lock.
func site(pcs []uintptr) string {
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "github.com/weftlab/weft/checks/sched.") && !strings.HasPrefix(f.Function, "github.com/weftlab/weft/checks/sched/") &&
			!strings.HasPrefix(f.Function, "github.com/weftlab/weft/checks/internal/engine.") {
			fn := f.Function
			if i := strings.LastIndex(fn, "/"); i >= 0 {
				fn = fn[i+1:]
			}
			return fmt.Sprintf("%s:%d (%s)", filepath.Base(f.File), f.Line, fn)
		}
		if !more {
			return "?"
		}
	}
}

// LockOrderCycle returns a cycle of the lock-order graph of the execution,
// as its edges in order (the last one leads back to the first lock), or
// nil if the locks were always taken in a consistent order.
func (c *Controller) LockOrderCycle() []LockEdge {
	out := map[any][]int{} // edges by source, in the order they were added
	var nodes []any
	for i, e := range c.edges {
		if _, ok := out[e.key.from]; !ok {
			nodes = append(nodes, e.key.from)
		}
		out[e.key.from] = append(out[e.key.from], i)
	}
	const (
		white = iota
		grey
		black
	)
	color := map[any]int{}
	var stack []int // edges on the current path
	var cycle []LockEdge
	var visit func(n any) bool
	visit = func(n any) bool {
		color[n] = grey
		for _, i := range out[n] {
			to := c.edges[i].key.to
			stack = append(stack, i)
			switch color[to] {
			case grey:
				// The cycle is the part of the path from to's edge on.
				start := slices.IndexFunc(stack, func(j int) bool { return c.edges[j].key.from == to })
				for _, j := range stack[start:] {
					cycle = append(cycle, c.edges[j].LockEdge)
				}
				return true
			case white:
				if visit(to) {
					return true
				}
			}
			stack = stack[:len(stack)-1]
		}
		color[n] = black
		return false
	}
	for _, n := range nodes {
		if color[n] == white && visit(n) {
			return cycle
		}
	}
	return nil
}

// holds names the locks g holds.
func (c *Controller) holds(g *goroutine) []string {
	var names []string
	for _, h := range g.held {
		names = append(names, c.objectName(h.kind, h.obj))
	}
	return names
}

// waitCycle finds, among blocked goroutines, one that waits for a lock held
// by another that waits for a lock ... held by the first: the cycle of a
// deadlock, as goroutine names.
func (c *Controller) waitCycle() []string {
	holder := map[any][]*goroutine{}
	for _, g := range c.gs {
		for _, h := range g.held {
			holder[h.obj] = append(holder[h.obj], g)
		}
	}
	firstHolder := func(g *goroutine) (*goroutine, bool) {
		if g.state != blocked {
			return nil, false
		}
		for _, h := range holder[g.key] {
			if h != g {
				return h, true
			}
		}
		return nil, false
	}
	var names []string
	for _, g := range cycle.First(c.gs, firstHolder) {
		names = append(names, g.name)
	}
	return names
}
