package models

import "fmt"

// ActorOp is an operation on an [ActorCounter].
type ActorOp uint8

// The operations of an [ActorCounter].
const (
	ActorGet ActorOp = iota // ask for the count and wait for the reply
	ActorInc                // send an increment without waiting
)

var actorOps = opCodec[ActorOp]{"get", "inc"}

func (op ActorOp) String() string                { return actorOps.name(op) }
func (op ActorOp) MarshalText() ([]byte, error)  { return []byte(op.String()), nil }
func (op *ActorOp) UnmarshalText(b []byte) error { v, err := actorOps.parse(b); *op = v; return err }

// ActorInput is a message to an [ActorCounter].
type ActorInput struct {
	Op ActorOp `json:"op"`
}

// ActorOutput is what a call on an [ActorCounter] returns: the count, for a
// get that got its reply, or TimedOut for a get that gave up waiting.
type ActorOutput struct {
	Value    int  `json:"value,omitempty"`
	TimedOut bool `json:"timedOut,omitempty"`
}

// ActorCounter specifies the Erlang-style counter actor of guide 7.2: inc is
// a message sent without waiting for anything, get sends a request and waits
// for the reply up to a timeout. A get that times out observed nothing and
// changed nothing, so it is legal anywhere; a get that got its reply returns
// the count.
//
// On its own it would let inc take effect at its call, which an actor does
// not promise. Check actors with [PerSender](ActorCounter), which lets an
// increment land any time after it was sent, but before any later message of
// the same sender: a sender's later get sees its earlier increments.
var ActorCounter = Model[int, ActorInput, ActorOutput]{
	Name: "actor counter",
	Init: func() int { return 0 },
	Apply: func(n int, in ActorInput) (ActorOutput, int) {
		if in.Op == ActorInc {
			return ActorOutput{}, n + 1
		}
		return ActorOutput{Value: n}, n
	},
	Step: func(n int, in ActorInput, out ActorOutput) (bool, int) {
		switch {
		case in.Op == ActorInc:
			return out == ActorOutput{}, n + 1
		case out.TimedOut:
			return true, n
		default:
			return out.Value == n, n
		}
	},
	Hash:          func(n int) uint64 { return uint64(n) },
	DescribeInput: func(in ActorInput) string { return in.Op.String() + "()" },
	DescribeOperation: func(in ActorInput, out ActorOutput) string {
		switch {
		case in.Op == ActorInc:
			return "inc()"
		case out.TimedOut:
			return "get() → timed out"
		default:
			return fmt.Sprintf("get() → %d", out.Value)
		}
	},
	DescribeState: func(n int) string { return fmt.Sprint(n) },
}
