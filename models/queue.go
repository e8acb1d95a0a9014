package models

import (
	"fmt"
	"slices"
)

// QueueOp is an operation on a [BlockingQueue].
type QueueOp uint8

// The operations of a [BlockingQueue].
const (
	QueueTake QueueOp = iota // remove the oldest item, waiting for one
	QueuePut                 // add an item, waiting for room
)

var queueOps = opCodec[QueueOp]{"take", "put"}

func (op QueueOp) String() string                { return queueOps.name(op) }
func (op QueueOp) MarshalText() ([]byte, error)  { return []byte(op.String()), nil }
func (op *QueueOp) UnmarshalText(b []byte) error { v, err := queueOps.parse(b); *op = v; return err }

// QueueInput is a call on a [BlockingQueue]: put(Value) or take().
type QueueInput struct {
	Op    QueueOp `json:"op"`
	Value int     `json:"value,omitempty"`
}

// QueueOutput is what a call on a [BlockingQueue] returns: the item, for take.
type QueueOutput struct {
	Value int `json:"value,omitempty"`
}

// BlockingQueue specifies a FIFO queue of at most capacity items whose take
// waits until there is an item and whose put waits until there is room: in
// a state where it would wait, the operation cannot take effect (Blocks is
// true and Step rejects it), so a history is linearizable only if every take
// is placed after a put that filled the queue, and so on. It is the
// behaviour of the guide's condition-variable bounded buffer (9.3). Its state
// lists the items oldest first.
func BlockingQueue(capacity int) Model[[]int, QueueInput, QueueOutput] {
	return Model[[]int, QueueInput, QueueOutput]{
		Name: fmt.Sprintf("blocking queue (capacity %d)", capacity),
		Init: func() []int { return nil },
		Blocks: func(q []int, in QueueInput) bool {
			if in.Op == QueuePut {
				return len(q) >= capacity
			}
			return len(q) == 0
		},
		Apply: func(q []int, in QueueInput) (QueueOutput, []int) {
			if in.Op == QueuePut {
				return QueueOutput{}, append(slices.Clip(q), in.Value)
			}
			return QueueOutput{Value: q[0]}, q[1:]
		},
		Equal: slices.Equal[[]int],
		Hash:  hashInts,
		DescribeInput: func(in QueueInput) string {
			if in.Op == QueuePut {
				return fmt.Sprintf("put(%d)", in.Value)
			}
			return "take()"
		},
		DescribeOperation: func(in QueueInput, out QueueOutput) string {
			if in.Op == QueuePut {
				return fmt.Sprintf("put(%d)", in.Value)
			}
			return fmt.Sprintf("take() → %d", out.Value)
		},
		DescribeState: func(q []int) string {
			if len(q) == 0 {
				return "empty"
			}
			return fmt.Sprintf("%s (oldest first, %d/%d)", describeInts(q), len(q), capacity)
		},
	}
}
