package treiber

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// arena is a fixed pool of stack nodes addressed by index (0 means none),
// with a free list that hands out the most recently released node first.
// Node fields are atomic words, so reading a node that another goroutine is
// reusing is a stale read, never a data race: the bug it causes is ABA, not a
// race the race detector could report.
type arena struct {
	nodes []arenaNode

	mu    sync.Mutex // guards free and fresh
	free  []uint32
	fresh uint32 // lowest index never handed out
}

type arenaNode struct {
	value atomic.Int64
	next  atomic.Uint32
}

func newArena(capacity int) arena {
	return arena{nodes: make([]arenaNode, capacity+1), fresh: 1}
}

// alloc returns a node that is on no stack; it panics when all capacity
// nodes are on the stack.
func (a *arena) alloc() uint32 {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n := len(a.free); n > 0 {
		i := a.free[n-1]
		a.free = a.free[:n-1]
		return i
	}
	if int(a.fresh) == len(a.nodes) {
		panic(fmt.Sprintf("treiber: all %d nodes of the arena are in use", len(a.nodes)-1))
	}
	a.fresh++
	return a.fresh - 1
}

// release puts a popped node back on the free list.
func (a *arena) release(i uint32) {
	a.mu.Lock()
	a.free = append(a.free, i)
	a.mu.Unlock()
}
