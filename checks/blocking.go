package checks

import (
	"fmt"
	"slices"
	"strings"
)

// For structures whose operations wait (a take on an empty queue), some
// scenarios must hang whatever the implementation does: two clients that
// each take and then put, on an empty queue, can both wait forever. Then a
// hang would say nothing about the implementation. weft therefore only runs
// scenarios in which, according to the model, no interleaving of the
// clients can leave every unfinished client waiting: with those, a hang is
// always a bug.

// maxExplored bounds the interleavings explored for one scenario; a
// scenario with more states than that is trimmed until it fits.
const maxExplored = 50000

// position locates a call in a scenario.
type position struct {
	part   part
	client int
	index  int
}

// deadlockFree removes calls from sc until no interleaving can wait forever
// in the model. It removes a call that waits in a reachable deadlock each
// time, so the scenario changes as little as it must, and the result depends
// on sc alone (rapid's shrinking keeps working).
func deadlockFree(m erasedModel, sc scenario) scenario {
	for {
		pos, found := findDeadlock(m, sc)
		if !found {
			return sc
		}
		list := sc.calls(pos.part, pos.client)
		*list = slices.Delete(slices.Clone(*list), pos.index, pos.index+1)
		if pos.part == partParallel && len(*list) == 0 {
			sc.clients = slices.Delete(slices.Clone(sc.clients), pos.client, pos.client+1)
		}
	}
}

// findDeadlock explores the interleavings of sc in the model and returns a
// call that waits forever in one of them, if any.
func findDeadlock(m erasedModel, sc scenario) (position, bool) {
	state := m.init()
	for i, c := range sc.init {
		if m.blocks(state, c.input) {
			return position{part: partInit, index: i}, true
		}
		_, state = m.apply(state, c.input)
	}
	x := explorer{m: m, sc: sc, seen: map[string][]any{}}
	return x.explore(state, make([]int, len(sc.clients)))
}

type explorer struct {
	m        erasedModel
	sc       scenario
	seen     map[string][]any // pcs and state description → states seen there
	explored int
}

func (x *explorer) visited(state any, pcs []int) bool {
	key := fmt.Sprint(pcs) + x.m.describeState(state)
	for _, s := range x.seen[key] {
		if x.m.equal(s, state) {
			return true
		}
	}
	x.seen[key] = append(x.seen[key], state)
	return false
}

func (x *explorer) explore(state any, pcs []int) (position, bool) {
	if x.visited(state, pcs) {
		return position{}, false
	}
	if x.explored++; x.explored > maxExplored {
		return x.longestClientsLastCall(), true
	}
	var blocked *position
	done, ran := true, false
	for c, calls := range x.sc.clients {
		if pcs[c] == len(calls) {
			continue
		}
		done = false
		in := calls[pcs[c]].input
		if x.m.blocks(state, in) {
			if blocked == nil {
				blocked = &position{part: partParallel, client: c, index: pcs[c]}
			}
			continue
		}
		ran = true
		_, next := x.m.apply(state, in)
		pcs[c]++
		pos, found := x.explore(next, pcs)
		pcs[c]--
		if found {
			return pos, true
		}
	}
	if done {
		for i, c := range x.sc.post {
			if x.m.blocks(state, c.input) {
				return position{part: partPost, index: i}, true
			}
			_, state = x.m.apply(state, c.input)
		}
		return position{}, false
	}
	if !ran {
		return *blocked, true // every unfinished client waits
	}
	return position{}, false
}

// longestClientsLastCall is what to drop when a scenario is too large to
// explore.
func (x *explorer) longestClientsLastCall() position {
	longest := 0
	for c, calls := range x.sc.clients {
		if len(calls) > len(x.sc.clients[longest]) {
			longest = c
		}
	}
	return position{part: partParallel, client: longest, index: len(x.sc.clients[longest]) - 1}
}

// String shows the scenario as op indices, for tests and debugging.
func (sc scenario) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "init %v clients", opsOf(sc.init))
	for _, cl := range sc.clients {
		fmt.Fprintf(&b, " %v", opsOf(cl))
	}
	fmt.Fprintf(&b, " post %v", opsOf(sc.post))
	return b.String()
}

func opsOf(calls []call) []int {
	ops := make([]int, len(calls))
	for i, c := range calls {
		ops[i] = c.op
	}
	return ops
}
