package models

import "fmt"

// GeneratorOp is an operation on a [Generator].
type GeneratorOp uint8

// The operations of a [Generator].
const (
	GeneratorNext GeneratorOp = iota // take the next value
	GeneratorStop                    // end the generator early
)

var generatorOps = opCodec[GeneratorOp]{"next", "stop"}

func (op GeneratorOp) String() string               { return generatorOps.name(op) }
func (op GeneratorOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *GeneratorOp) UnmarshalText(b []byte) error {
	v, err := generatorOps.parse(b)
	*op = v
	return err
}

// GeneratorInput is a call on a [Generator].
type GeneratorInput struct {
	Op GeneratorOp `json:"op"`
}

// GeneratorOutput is what next returns: the value and whether there was
// one (Go's v, ok).
type GeneratorOutput struct {
	Value int  `json:"value,omitempty"`
	OK    bool `json:"ok,omitempty"`
}

// GeneratorState is how far a [Generator] got: the value next returns
// next, and whether stop was called.
type GeneratorState struct {
	Next    int
	Stopped bool
}

// Generator specifies a generator of the values 1, 2, ..., n, pulled one
// at a time (the guide's coroutines, section 3): next returns the next
// value with true, each value once and in order, then 0 and false once the
// values are exhausted or stop was called; stop ends the generator and
// returns nothing, and may be called again.
func Generator(n int) Model[GeneratorState, GeneratorInput, GeneratorOutput] {
	return Model[GeneratorState, GeneratorInput, GeneratorOutput]{
		Name: fmt.Sprintf("generator of 1..%d", n),
		Init: func() GeneratorState { return GeneratorState{Next: 1} },
		Apply: func(s GeneratorState, in GeneratorInput) (GeneratorOutput, GeneratorState) {
			switch {
			case in.Op == GeneratorStop:
				s.Stopped = true
				return GeneratorOutput{}, s
			case s.Stopped || s.Next > n:
				return GeneratorOutput{}, s
			default:
				out := GeneratorOutput{Value: s.Next, OK: true}
				s.Next++
				return out, s
			}
		},
		Hash: func(s GeneratorState) uint64 {
			h := uint64(s.Next) << 1
			if s.Stopped {
				h |= 1
			}
			return h
		},
		DescribeInput: func(in GeneratorInput) string { return in.Op.String() + "()" },
		DescribeOperation: func(in GeneratorInput, out GeneratorOutput) string {
			if in.Op == GeneratorStop {
				return "stop()"
			}
			return fmt.Sprintf("next() → %d, %v", out.Value, out.OK)
		},
		DescribeState: func(s GeneratorState) string {
			if s.Stopped {
				return fmt.Sprintf("stopped (next was %d)", s.Next)
			}
			if s.Next > n {
				return "exhausted"
			}
			return fmt.Sprintf("next is %d", s.Next)
		},
	}
}
