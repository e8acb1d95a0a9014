package models

import "fmt"

// CounterOp is an operation on a [Counter].
type CounterOp uint8

// The operations of a [Counter].
const (
	CounterGet CounterOp = iota // read the count
	CounterInc                  // add one
)

var counterOps = opCodec[CounterOp]{"get", "inc"}

func (op CounterOp) String() string               { return counterOps.name(op) }
func (op CounterOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *CounterOp) UnmarshalText(b []byte) error {
	v, err := counterOps.parse(b)
	*op = v
	return err
}

// CounterInput is a call on a [Counter]. Key names the counter; counters
// that hold a single value use the empty key.
type CounterInput struct {
	Op  CounterOp `json:"op"`
	Key string    `json:"key,omitempty"`
}

// CounterOutput is what a call on a [Counter] returns: the count, for get.
type CounterOutput struct {
	Value int `json:"value"`
}

// Counter specifies counters indexed by key, each starting at zero: inc adds
// one and returns nothing, get returns the count. Keys are independent, so
// the model partitions by key and its state is one count.
//
// It is the behaviour of the guide's SafeCounter (9.1, a mutex around a map),
// of the atomic counter (9.4) and of the channel-owned counter (11.2).
var Counter = Model[int, CounterInput, CounterOutput]{
	Name: "counter",
	Init: func() int { return 0 },
	Apply: func(n int, in CounterInput) (CounterOutput, int) {
		if in.Op == CounterInc {
			return CounterOutput{}, n + 1
		}
		return CounterOutput{Value: n}, n
	},
	Hash:          func(n int) uint64 { return uint64(n) },
	PartitionKey:  func(in CounterInput) string { return in.Key },
	DescribeInput: func(in CounterInput) string { return fmt.Sprintf("%v(%s)", in.Op, in.Key) },
	DescribeOperation: func(in CounterInput, out CounterOutput) string {
		if in.Op == CounterInc {
			return fmt.Sprintf("inc(%s)", in.Key)
		}
		return fmt.Sprintf("get(%s) → %d", in.Key, out.Value)
	},
	DescribeState: func(n int) string { return fmt.Sprint(n) },
}
