package history

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"

	"github.com/anishathalye/porcupine"
)

// The key-value logs of porcupine's test data (test_data/kv), one Jepsen
// event a line, in EDN:
//
//	{:process 2, :type :invoke, :f :append, :key "1", :value "x 2 0 y"}
//	{:process 2, :type :ok, :f :append, :key "1", :value "x 2 0 y"}
//
// A process invokes get (value nil), put or append on a key; the call
// completes with :ok (a get's value), :info (its fate is unknown: it may
// take effect later, or never) or :fail (it did not take effect: the call
// is dropped). Keys are independent, so the history is checked one key at
// a time. Strings hold no quote or backslash.
func init() {
	register(format{name: "porcupine-kv", sniff: sniffPrefix("{:process "), read: readKV})
}

var kvEvent = regexp.MustCompile(`^\{:process (\d+), :type :(invoke|ok|info|fail), :f :(get|put|append), :key "([^"\\]*)", :value (nil|"[^"\\]*")\}$`)

// kvIn is a call on one key.
type kvIn struct {
	F, Key, Value string // F is get, put or append
}

func (in kvIn) function() string { return in.F }

// kvOut is what a call returned: a get's value, unless its fate is unknown.
type kvOut struct {
	Unknown bool
	Value   string
}

func kvStep(state, input, output any) (bool, any) {
	st, in, out := state.(string), input.(kvIn), output.(kvOut)
	switch in.F {
	case "get":
		return out.Unknown || out.Value == st, st
	case "put":
		return true, in.Value
	default: // append
		return true, st + in.Value
	}
}

func describeKV(input, output any) string {
	in, out := input.(kvIn), output.(kvOut)
	switch {
	case in.F != "get":
		return fmt.Sprintf("%s(%q, %q)", in.F, in.Key, in.Value)
	case out.Unknown:
		return fmt.Sprintf("get(%q) → ? (unknown)", in.Key)
	}
	return fmt.Sprintf("get(%q) → %q", in.Key, out.Value)
}

var kvModel = porcupine.Model{
	// Partition checks each key alone: calls on different keys commute.
	Partition: func(ops []porcupine.Operation) [][]porcupine.Operation {
		byKey := map[string]int{}
		var parts [][]porcupine.Operation
		for _, op := range ops {
			k := op.Input.(kvIn).Key
			i, ok := byKey[k]
			if !ok {
				i = len(parts)
				byKey[k] = i
				parts = append(parts, nil)
			}
			parts[i] = append(parts[i], op)
		}
		return parts
	},
	Init: func() any { return "" },
	Step: kvStep,
	Hash: func(state any) uint64 {
		h := fnv.New64a()
		h.Write([]byte(state.(string)))
		return h.Sum64()
	},
	DescribeOperation: describeKV,
	DescribeState:     func(state any) string { return strconv.Quote(state.(string)) },
}

func explainKV(state, input, output any) string {
	in := input.(kvIn)
	return fmt.Sprintf("key %q holds %q, so get(%q) returns %q", in.Key, state, in.Key, state)
}

func readKV(name string, data []byte) (*History, error) {
	var calls []call
	err := lines(data, func(n int, line string) error {
		m := kvEvent.FindStringSubmatch(line)
		if m == nil {
			return fmt.Errorf("%s:%d: not a key-value event ({:process N, :type :T, :f :F, :key \"K\", :value V}): %q", name, n, line)
		}
		if _, err := number(m[1]); err != nil {
			return fmt.Errorf("%s:%d: process: %v", name, n, err)
		}
		typ, f, value := m[2], m[3], m[5]
		c := call{line: n, process: m[1], f: f}
		str := strings.Trim(value, `"`) // the pattern admits no quote inside
		// A completion names its call's key, and value unless a get's.
		c.in = kvIn{F: f, Key: m[4], Value: str}
		if f == "get" {
			c.in = kvIn{F: f, Key: m[4]}
		}
		switch {
		case typ == "invoke" && (f == "get") != (value == "nil"):
			return fmt.Errorf("%s:%d: an invocation of %s with value %s", name, n, f, value)
		case typ == "invoke":
			c.open = true
		case typ == "ok" && value == "nil":
			return fmt.Errorf("%s:%d: %s completes with value nil", name, n, f)
		case typ == "ok":
			c.out = kvOut{Value: str}
		case typ == "info":
			c.pending = true
		case typ == "fail":
			c.failed = true
		}
		calls = append(calls, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ops, clients, err := assemble(name, calls, kvOut{Unknown: true})
	if err != nil {
		return nil, err
	}
	return &History{Title: "key-value store", Model: kvModel, Explain: explainKV, Operations: ops, Clients: clients,
		PartName: func(in any) string { return fmt.Sprintf("key %q", in.(kvIn).Key) }}, nil
}
