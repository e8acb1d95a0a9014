package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// The tests' histories are built by hand on two small models: a counter
// (inc, get) and a key-value store partitioned by key.

type counterIn struct{ op string }

var counter = porcupine.Model{
	Init: func() any { return 0 },
	Step: func(state, in, out any) (bool, any) {
		s := state.(int)
		switch in.(counterIn).op {
		case "inc":
			return true, s + 1
		default:
			return out.(int) == s, s
		}
	},
	DescribeOperation: func(in, out any) string {
		if op := in.(counterIn).op; op != "get" {
			return op + "()"
		}
		return fmt.Sprintf("get() → %d", out)
	},
	DescribeState: func(state any) string { return fmt.Sprint(state) },
}

func counterExplain(state, in, out any) string {
	return fmt.Sprintf("the model says get() → %d", state)
}

func op(client int, in, out any, call, ret int64) porcupine.Operation {
	return porcupine.Operation{ClientId: client, Input: in, Output: out, Call: call, Return: ret}
}

// lostUpdate is the classic lost update: two increments overlap, and the
// get after both returns 1.
func lostUpdate() *hist.History {
	return &hist.History{
		Title:   "counter/split-lock",
		Model:   counter,
		Explain: counterExplain,
		Clients: []string{"client 0", "client 1", "init, post"},
		Operations: []porcupine.Operation{
			op(0, counterIn{"inc"}, nil, 1, 4),
			op(1, counterIn{"inc"}, nil, 2, 3),
			op(2, counterIn{"get"}, 1, 5, 6),
		},
	}
}

// twoIncs is lostUpdate's linearizable twin.
func twoIncs() *hist.History {
	h := lostUpdate()
	h.Title = "counter/locked"
	h.Operations[2].Output = 2
	return h
}

type kvIn struct {
	key, op string
	value   int
}

var kv = porcupine.Model{
	Partition: func(ops []porcupine.Operation) [][]porcupine.Operation {
		byKey := map[string][]porcupine.Operation{}
		var keys []string
		for _, o := range ops {
			k := o.Input.(kvIn).key
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], o)
		}
		var parts [][]porcupine.Operation
		for _, k := range keys {
			parts = append(parts, byKey[k])
		}
		return parts
	},
	Init: func() any { return 0 },
	Step: func(state, in, out any) (bool, any) {
		i := in.(kvIn)
		if i.op == "put" {
			return true, i.value
		}
		return out.(int) == state.(int), state
	},
	DescribeOperation: func(in, out any) string {
		i := in.(kvIn)
		if i.op == "put" {
			return fmt.Sprintf("put(%s, %d)", i.key, i.value)
		}
		return fmt.Sprintf("get(%s) → %d", i.key, out)
	},
	DescribeState: func(state any) string { return fmt.Sprint(state) },
}

// staleRead has two keys: a is fine, b reads a value overwritten before
// the read started. Key b's calls are not the first operations, so that
// a view that mixed up a partition's indices with the history's would show
// the wrong calls.
func staleRead() *hist.History {
	return &hist.History{
		Title: "kv", Model: kv,
		Operations: []porcupine.Operation{
			op(0, kvIn{"a", "put", 1}, nil, 1, 2),
			op(0, kvIn{"b", "put", 1}, nil, 3, 4),
			op(1, kvIn{"a", "get", 0}, 1, 3, 5),
			op(0, kvIn{"b", "put", 2}, nil, 5, 6),
			op(1, kvIn{"b", "get", 0}, 1, 7, 8),
		},
	}
}

// longName is a call whose name is far wider than a column.
var longName = "put(" + strings.Repeat("a-very-long-key-", 8) + "end, 1)"

// wideAndPending has a call with a long name, one that never returned and
// two overlapping calls of one client.
func wideAndPending() *hist.History {
	return &hist.History{
		Title: "kv", Model: kv,
		Operations: []porcupine.Operation{
			op(0, kvIn{strings.Repeat("a-very-long-key-", 8) + "end", "put", 1}, nil, 1, 4),
			op(1, kvIn{"b", "put", 1}, nil, 2, math.MaxInt64),
			op(1, kvIn{"c", "put", 1}, nil, 3, 5),
		},
	}
}
