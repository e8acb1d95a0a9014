package checks

import (
	"encoding/json"
	"fmt"
	"strings"

	"pgregory.net/rapid"
)

// A call is one operation of a scenario: which op, with which input.
type call struct {
	op    int // index into target.ops
	input any
}

// A scenario is what rapid draws for one check: a sequential init part, a
// parallel part of two or more clients, each with its own list of calls,
// and a sequential post part.
type scenario struct {
	init    []call
	clients [][]call
	post    []call
}

// part names the three parts of a scenario.
type part uint8

const (
	partInit part = iota
	partParallel
	partPost
)

func (p part) String() string { return [...]string{"init", "parallel", "post"}[p] }

// drawScenario draws a scenario within c's limits. rapid shrinks it towards
// fewer clients, fewer calls, earlier ops and smaller inputs.
func drawScenario(rt *rapid.T, tg *target, c config) scenario {
	if tg.program {
		return scenario{} // the program is the whole execution: nothing to draw
	}
	callGen := rapid.Custom(func(rt *rapid.T) call {
		i := rapid.IntRange(0, len(tg.ops)-1).Draw(rt, "op")
		return call{op: i, input: tg.ops[i].draw(rt)}
	})
	var sc scenario
	if c.initOps > 0 {
		sc.init = rapid.SliceOfN(callGen, 0, c.initOps).Draw(rt, "init")
	}
	sc.clients = rapid.SliceOfN(rapid.SliceOfN(callGen, 1, c.opsPerClient), min(2, c.clients), c.clients).Draw(rt, "clients")
	if c.postOps > 0 {
		sc.post = rapid.SliceOfN(callGen, 0, c.postOps).Draw(rt, "post")
	}
	if tg.inner.blocks != nil {
		sc = deadlockFree(tg.inner, sc)
	}
	return sc
}

// size is the number of calls in the scenario.
func (sc scenario) size() int {
	n := len(sc.init) + len(sc.post)
	for _, cl := range sc.clients {
		n += len(cl)
	}
	return n
}

// key identifies the scenario: two scenarios with the same key make the same
// calls in the same places.
func (sc scenario) key() string {
	var b strings.Builder
	list := func(calls []call) {
		for _, c := range calls {
			in, _ := json.Marshal(c.input)
			fmt.Fprintf(&b, "%d%s,", c.op, in)
		}
		b.WriteByte('|')
	}
	list(sc.init)
	for _, cl := range sc.clients {
		list(cl)
	}
	b.WriteByte('|')
	list(sc.post)
	return b.String()
}

// calls returns the list of calls of part p (and client, for the parallel
// part).
func (sc *scenario) calls(p part, client int) *[]call {
	switch p {
	case partInit:
		return &sc.init
	case partPost:
		return &sc.post
	default:
		return &sc.clients[client]
	}
}
