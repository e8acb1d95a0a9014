package models

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// StackOp is an operation on a [Stack].
type StackOp uint8

// The operations of a [Stack].
const (
	StackPop  StackOp = iota // remove the top value
	StackPush                // add a value on top
)

var stackOps = opCodec[StackOp]{"pop", "push"}

func (op StackOp) String() string                { return stackOps.name(op) }
func (op StackOp) MarshalText() ([]byte, error)  { return []byte(op.String()), nil }
func (op *StackOp) UnmarshalText(b []byte) error { v, err := stackOps.parse(b); *op = v; return err }

// StackInput is a call on a [Stack]: push(Value) or pop().
type StackInput struct {
	Op    StackOp `json:"op"`
	Value int     `json:"value,omitempty"`
}

// StackOutput is what a call on a [Stack] returns: for pop, the value and
// OK, or OK false when the stack was empty.
type StackOutput struct {
	Value int  `json:"value,omitempty"`
	OK    bool `json:"ok,omitempty"`
}

// Stack specifies an unbounded LIFO stack: push adds a value on top, pop
// removes and returns the top value or reports that the stack is empty. It
// never blocks. It is the behaviour of the Treiber stack (guide 10.3); its
// state lists the values bottom first.
var Stack = Model[[]int, StackInput, StackOutput]{
	Name: "stack",
	Init: func() []int { return nil },
	Apply: func(s []int, in StackInput) (StackOutput, []int) {
		if in.Op == StackPush {
			return StackOutput{}, append(slices.Clip(s), in.Value)
		}
		if len(s) == 0 {
			return StackOutput{}, s
		}
		return StackOutput{Value: s[len(s)-1], OK: true}, s[:len(s)-1]
	},
	Equal: slices.Equal[[]int],
	Hash:  hashInts,
	DescribeInput: func(in StackInput) string {
		if in.Op == StackPush {
			return fmt.Sprintf("push(%d)", in.Value)
		}
		return "pop()"
	},
	DescribeOperation: func(in StackInput, out StackOutput) string {
		switch {
		case in.Op == StackPush:
			return fmt.Sprintf("push(%d)", in.Value)
		case out.OK:
			return fmt.Sprintf("pop() → %d", out.Value)
		default:
			return "pop() → empty"
		}
	},
	DescribeState: func(s []int) string {
		if len(s) == 0 {
			return "empty"
		}
		return describeInts(s) + " (top last)"
	},
}

func hashInts(s []int) uint64 {
	h := fnv.New64a()
	for _, v := range s {
		fmt.Fprint(h, v, ",")
	}
	return h.Sum64()
}

func describeInts(s []int) string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = fmt.Sprint(v)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
