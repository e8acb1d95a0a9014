package models

import "fmt"

// RegisterOp is an operation on a [Register].
type RegisterOp uint8

// The operations of a [Register].
const (
	RegisterLoad  RegisterOp = iota // read the value
	RegisterStore                   // replace the value
	RegisterCAS                     // compare-and-set
)

var registerOps = opCodec[RegisterOp]{"load", "store", "cas"}

func (op RegisterOp) String() string               { return registerOps.name(op) }
func (op RegisterOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *RegisterOp) UnmarshalText(b []byte) error {
	v, err := registerOps.parse(b)
	*op = v
	return err
}

// RegisterInput is a call on a [Register]: store(Value), or cas(Old, New).
type RegisterInput struct {
	Op    RegisterOp `json:"op"`
	Value int        `json:"value,omitempty"`
	Old   int        `json:"old,omitempty"`
	New   int        `json:"new,omitempty"`
}

// RegisterOutput is what a call on a [Register] returns: the value, for
// load; whether the swap happened, for cas.
type RegisterOutput struct {
	Value int  `json:"value,omitempty"`
	OK    bool `json:"ok,omitempty"`
}

// Register specifies a single value, initially zero, read by load, replaced
// by store, and replaced by cas(old, new) only when it equals old, in one
// indivisible step; cas reports whether it did. It is the behaviour of the
// guide's AtomicReference holding a configuration (9.4).
var Register = Model[int, RegisterInput, RegisterOutput]{
	Name: "register",
	Init: func() int { return 0 },
	Apply: func(v int, in RegisterInput) (RegisterOutput, int) {
		switch in.Op {
		case RegisterStore:
			return RegisterOutput{}, in.Value
		case RegisterCAS:
			if v == in.Old {
				return RegisterOutput{OK: true}, in.New
			}
			return RegisterOutput{OK: false}, v
		default:
			return RegisterOutput{Value: v}, v
		}
	},
	Hash: func(v int) uint64 { return uint64(v) },
	DescribeInput: func(in RegisterInput) string {
		switch in.Op {
		case RegisterStore:
			return fmt.Sprintf("store(%d)", in.Value)
		case RegisterCAS:
			return fmt.Sprintf("cas(%d, %d)", in.Old, in.New)
		default:
			return "load()"
		}
	},
	DescribeOperation: func(in RegisterInput, out RegisterOutput) string {
		switch in.Op {
		case RegisterStore:
			return fmt.Sprintf("store(%d)", in.Value)
		case RegisterCAS:
			return fmt.Sprintf("cas(%d, %d) → %t", in.Old, in.New, out.OK)
		default:
			return fmt.Sprintf("load() → %d", out.Value)
		}
	},
	DescribeState: func(v int) string { return fmt.Sprint(v) },
}
