package models

import "fmt"

// CacheOp is an operation on a [Cache].
type CacheOp uint8

// The operations of a [Cache].
const (
	CacheGet       CacheOp = iota // read a key's value, if any
	CacheSet                      // store a value under a key
	CacheDelete                   // remove a key
	CacheGetOrLoad                // read a key's value, loading and storing one if absent
)

var cacheOps = opCodec[CacheOp]{"get", "set", "delete", "getOrLoad"}

func (op CacheOp) String() string               { return cacheOps.name(op) }
func (op CacheOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *CacheOp) UnmarshalText(b []byte) error {
	v, err := cacheOps.parse(b)
	*op = v
	return err
}

// CacheLoaded is the least value a loader may return: values stored by set
// stay below it, so that the model tells a loaded value from a set one.
const CacheLoaded = 1000

// CacheInput is a call on a [Cache]: get(Key), set(Key, Value), delete(Key)
// or getOrLoad(Key).
type CacheInput struct {
	Op    CacheOp `json:"op"`
	Key   string  `json:"key"`
	Value int     `json:"value,omitempty"`
}

// CacheOutput is what a call on a [Cache] returns: the value and whether the
// key was present, for get; the value, for getOrLoad.
type CacheOutput struct {
	Value int  `json:"value,omitempty"`
	Found bool `json:"found,omitempty"`
}

// CacheEntry is the state of one key of a [Cache]: absent, or present with
// its value.
type CacheEntry struct {
	Present bool
	Value   int
}

// Cache specifies a key-value cache with a loader, the guide's RWMutex
// cache (9.1): get returns a key's value and whether it is present; set
// stores a value; delete removes the key; getOrLoad returns the present
// value, or else calls its loader once and stores and returns what the
// loader returned. The loader returns a fresh value, at least
// [CacheLoaded], on every call, so the model accepts any such value when
// the key is absent and only the stored one when it is present: two
// getOrLoad calls of one key that each load and return their own value
// have no legal order. Keys are independent: the model partitions by key
// and its state is one [CacheEntry].
var Cache = Model[CacheEntry, CacheInput, CacheOutput]{
	Name: "cache",
	Init: func() CacheEntry { return CacheEntry{} },
	Step: func(e CacheEntry, in CacheInput, out CacheOutput) (bool, CacheEntry) {
		switch in.Op {
		case CacheSet:
			return out == CacheOutput{}, CacheEntry{Present: true, Value: in.Value}
		case CacheDelete:
			return out == CacheOutput{}, CacheEntry{}
		case CacheGetOrLoad:
			if e.Present {
				return out == CacheOutput{Value: e.Value}, e
			}
			return out.Value >= CacheLoaded && !out.Found, CacheEntry{Present: true, Value: out.Value}
		default:
			return out == CacheOutput{Value: e.Value, Found: e.Present}, e
		}
	},
	PartitionKey:  func(in CacheInput) string { return in.Key },
	DescribeInput: describeCacheInput,
	DescribeOperation: func(in CacheInput, out CacheOutput) string {
		switch in.Op {
		case CacheGet:
			if !out.Found {
				return fmt.Sprintf("get(%s) → absent", in.Key)
			}
			return fmt.Sprintf("get(%s) → %d", in.Key, out.Value)
		case CacheGetOrLoad:
			return fmt.Sprintf("getOrLoad(%s) → %d", in.Key, out.Value)
		default:
			return describeCacheInput(in)
		}
	},
	DescribeState: func(e CacheEntry) string {
		if !e.Present {
			return "absent"
		}
		return fmt.Sprint(e.Value)
	},
}

func describeCacheInput(in CacheInput) string {
	if in.Op == CacheSet {
		return fmt.Sprintf("set(%s, %d)", in.Key, in.Value)
	}
	return fmt.Sprintf("%v(%s)", in.Op, in.Key)
}
