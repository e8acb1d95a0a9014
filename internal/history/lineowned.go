package history

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/weftlab/weft/models"
)

// counterIn is a call on the line format's counter: inc(), add(N) or get().
// Said records that the line gave inc or add's result (the new count).
type counterIn struct {
	Op   string
	N    int
	Said bool
}

var counterModel = lineModel{
	name: "counter", arg: "initial count", argExample: "0",
	doc: "a count, initially 0 or the model line's argument; inc and add may report the new count, as atomic.AddInt64 does (guide 9.1, 9.4)",
	ops: []opSpec{
		{name: "inc", result: resultOptional, example: "inc(), or inc() -> 2", parse: counterParse("inc")},
		{name: "add", args: 1, result: resultOptional, example: "add(5), or add(5) -> 7", parse: counterParse("add")},
		{name: "get", result: resultRequired, example: "get() -> 2", parse: counterParse("get")},
	},
	build: func(arg string) (erased, error) {
		initial := 0
		if arg != "" {
			var err error
			if initial, err = atoi(arg, "initial count"); err != nil {
				return erased{}, err
			}
		}
		return behaviour(countModel(initial))
	},
}

func counterParse(op string) func([]string, string, bool) (any, any, error) {
	return func(args []string, r string, has bool) (any, any, error) {
		in := counterIn{Op: op, N: 1, Said: has}
		var err error
		if op == "add" {
			if in.N, err = atoi(args[0], "amount"); err != nil {
				return nil, nil, err
			}
		}
		out := 0
		if has {
			out, err = atoi(r, "result")
		}
		return in, out, err
	}
}

func countModel(initial int) models.Model[int, counterIn, int] {
	apply := func(n int, in counterIn) (int, int) {
		if in.Op == "get" {
			return n, n
		}
		return n + in.N, n + in.N
	}
	return models.Model[int, counterIn, int]{
		Name:  "counter",
		Init:  func() int { return initial },
		Apply: apply,
		Step: func(n int, in counterIn, out int) (bool, int) {
			want, next := apply(n, in)
			return !in.Said || out == want, next
		},
		Hash: func(n int) uint64 { return uint64(n) },
		DescribeInput: func(in counterIn) string {
			if in.Op == "add" {
				return fmt.Sprintf("add(%d)", in.N)
			}
			return in.Op + "()"
		},
		DescribeOperation: func(in counterIn, out int) string {
			d := in.Op + "()"
			if in.Op == "add" {
				d = fmt.Sprintf("add(%d)", in.N)
			}
			if in.Op == "get" || in.Said {
				d += fmt.Sprintf(" → %d", out)
			}
			return d
		},
		DescribeState: func(n int) string { return strconv.Itoa(n) },
	}
}

// registerIn is a call on the register: read(), write(V) or cas(Old, New).
type registerIn struct{ Op, V, Old, New string }

var registerModel = lineModel{
	name: "register", arg: "initial value", argExample: "0",
	doc: "one value, any word, initially 0 or the model line's argument; cas(old, new) replaces it only when it equals old (guide 9.4)",
	ops: []opSpec{
		{name: "read", result: resultRequired, example: "read() -> 3", parse: func(_ []string, r string, _ bool) (any, any, error) {
			return registerIn{Op: "read"}, r, nil
		}},
		{name: "write", args: 1, example: "write(3)", parse: func(a []string, _ string, _ bool) (any, any, error) {
			return registerIn{Op: "write", V: a[0]}, "", nil
		}},
		{name: "cas", args: 2, result: resultRequired, example: "cas(3, 4) -> true", parse: func(a []string, r string, has bool) (any, any, error) {
			if has {
				if _, err := boolResult(r); err != nil {
					return nil, nil, err
				}
			}
			return registerIn{Op: "cas", Old: a[0], New: a[1]}, r, nil
		}},
	},
	build: func(arg string) (erased, error) {
		if arg == "" {
			arg = "0"
		} else if !tokenPattern.MatchString(arg) {
			return erased{}, fmt.Errorf("want one word")
		}
		return behaviour(models.Model[string, registerIn, string]{
			Name: "register",
			Init: func() string { return arg },
			Apply: func(v string, in registerIn) (string, string) {
				switch in.Op {
				case "write":
					return "", in.V
				case "cas":
					if v == in.Old {
						return "true", in.New
					}
					return "false", v
				}
				return v, v
			},
			DescribeInput: func(in registerIn) string {
				switch in.Op {
				case "write":
					return "write(" + in.V + ")"
				case "cas":
					return "cas(" + in.Old + ", " + in.New + ")"
				}
				return "read()"
			},
			DescribeOperation: func(in registerIn, out string) string {
				switch in.Op {
				case "write":
					return "write(" + in.V + ")"
				case "cas":
					return "cas(" + in.Old + ", " + in.New + ") → " + out
				}
				return "read() → " + out
			},
			DescribeState: func(v string) string { return v },
		})
	},
}

// queueIn is a call on the queue: enq(V) or deq(). A deq's output is the
// value, or "" when it found the queue empty.
type queueIn struct{ Op, V string }

var queueModel = lineModel{
	name: "queue",
	doc:  "a FIFO queue of words, initially empty, that never waits: deq on an empty queue returns empty (a channel between pipeline stages, guide 8.2)",
	ops: []opSpec{
		{name: "enq", args: 1, example: "enq(5)", parse: func(a []string, _ string, _ bool) (any, any, error) {
			if a[0] == "empty" {
				return nil, nil, fmt.Errorf("the value empty means an empty queue: enqueue another word")
			}
			return queueIn{Op: "enq", V: a[0]}, "", nil
		}},
		{name: "deq", result: resultRequired, example: "deq() -> 5, or deq() -> empty", parse: func(_ []string, r string, _ bool) (any, any, error) {
			if r == "empty" {
				r = ""
			}
			return queueIn{Op: "deq"}, r, nil
		}},
	},
	build: func(string) (erased, error) {
		return behaviour(models.Model[[]string, queueIn, string]{
			Name: "queue",
			Init: func() []string { return nil },
			Apply: func(q []string, in queueIn) (string, []string) {
				switch {
				case in.Op == "enq":
					return "", append(slices.Clip(q), in.V)
				case len(q) == 0:
					return "", q
				}
				return q[0], q[1:]
			},
			Equal:         slices.Equal[[]string],
			DescribeInput: describeQueue,
			DescribeOperation: func(in queueIn, out string) string {
				if in.Op == "enq" {
					return describeQueue(in)
				}
				if out == "" {
					out = "empty"
				}
				return "deq() → " + out
			},
			DescribeState: func(q []string) string {
				if len(q) == 0 {
					return "empty"
				}
				return "[" + strings.Join(q, " ") + "] (oldest first)"
			},
		})
	},
}

func describeQueue(in queueIn) string {
	if in.Op == "enq" {
		return "enq(" + in.V + ")"
	}
	return "deq()"
}
