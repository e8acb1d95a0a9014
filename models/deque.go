package models

import (
	"fmt"
	"slices"
)

// DequeOp is an operation on a [WorkStealingDeque].
type DequeOp uint8

// The operations of a [WorkStealingDeque].
const (
	DequePop   DequeOp = iota // the owner takes the newest item, at the bottom
	DequeSteal                // a thief takes the oldest item, at the top
	DequePush                 // the owner adds an item at the bottom
)

var dequeOps = opCodec[DequeOp]{"pop", "steal", "push"}

func (op DequeOp) String() string                { return dequeOps.name(op) }
func (op DequeOp) MarshalText() ([]byte, error)  { return []byte(op.String()), nil }
func (op *DequeOp) UnmarshalText(b []byte) error { v, err := dequeOps.parse(b); *op = v; return err }

// DequeInput is a call on a [WorkStealingDeque]: push(Value), pop() or
// steal().
type DequeInput struct {
	Op    DequeOp `json:"op"`
	Value int     `json:"value,omitempty"`
}

// DequeOutput is what a call on a [WorkStealingDeque] returns: for pop and
// steal, the item and OK, or OK false when the deque was empty; for push, OK
// false when the deque was full and the item was not added.
type DequeOutput struct {
	Value int  `json:"value,omitempty"`
	OK    bool `json:"ok,omitempty"`
}

// WorkStealingDeque specifies a double-ended queue of at most capacity items
// with one owner and any number of thieves (guide 4.3): the owner pushes and
// pops at the bottom (newest first, as a stack), thieves steal at the top
// (oldest first). A push on a full deque and a pop or steal on an empty one
// fail and change nothing; nothing waits. Every item pushed is taken at most
// once, by a pop or a steal, which is the property the Chase–Lev deque's
// compare-and-swap on the last item exists for. The model does not say who
// may call what: the single owner is the caller's discipline. Its state
// lists the items top (oldest) first.
func WorkStealingDeque(capacity int) Model[[]int, DequeInput, DequeOutput] {
	return Model[[]int, DequeInput, DequeOutput]{
		Name: fmt.Sprintf("work-stealing deque (capacity %d)", capacity),
		Init: func() []int { return nil },
		Apply: func(d []int, in DequeInput) (DequeOutput, []int) {
			switch {
			case in.Op == DequePush && len(d) >= capacity:
				return DequeOutput{}, d
			case in.Op == DequePush:
				return DequeOutput{OK: true}, append(slices.Clip(d), in.Value)
			case len(d) == 0:
				return DequeOutput{}, d
			case in.Op == DequePop:
				return DequeOutput{Value: d[len(d)-1], OK: true}, d[:len(d)-1]
			default: // steal
				return DequeOutput{Value: d[0], OK: true}, d[1:]
			}
		},
		Equal: slices.Equal[[]int],
		Hash:  hashInts,
		DescribeInput: func(in DequeInput) string {
			if in.Op == DequePush {
				return fmt.Sprintf("push(%d)", in.Value)
			}
			return in.Op.String() + "()"
		},
		DescribeOperation: func(in DequeInput, out DequeOutput) string {
			switch {
			case in.Op == DequePush && out.OK:
				return fmt.Sprintf("push(%d)", in.Value)
			case in.Op == DequePush:
				return fmt.Sprintf("push(%d) → full", in.Value)
			case out.OK:
				return fmt.Sprintf("%s() → %d", in.Op, out.Value)
			default:
				return in.Op.String() + "() → empty"
			}
		},
		DescribeState: func(d []int) string {
			if len(d) == 0 {
				return "empty"
			}
			return fmt.Sprintf("%s (top first, %d/%d)", describeInts(d), len(d), capacity)
		},
	}
}
