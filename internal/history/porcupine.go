package history

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/anishathalye/porcupine"
)

// The two formats of the test data that ships in porcupine's module
// (test_data/jepsen/etcd_*.log and test_data/kv/*.txt): Jepsen's logs of
// an etcd register and of a key-value store. Neither file records a
// verdict; porcupine's own tests know which are linearizable.

// A call is one line that opens or closes a call, as a log reader found it.
type call struct {
	line    int    // 1-based
	process string // the log's process number, as written
	open    bool   // an invocation; otherwise a completion
	f       string // the function, such as "read" or "append"
	in      any    // the model's input of an invocation; of a completion, nil or the call it completes
	out     any    // the model's output, for a completion that returned
	pending bool   // a completion that says the call's fate is unknown
	failed  bool   // a completion that says the call did not take effect
}

// assemble pairs the invocations and completions of a log into operations,
// one client per process in order of appearance. A call whose outcome is
// unknown (a timeout Jepsen logs as :info, or no completion at all) stays
// open to the end of the history with output unknown: it may have taken
// effect at any point after its call, or not at all. A call that failed
// (it did not take effect) is left out.
func assemble(name string, calls []call, unknown any) (ops []porcupine.Operation, clients []string, err error) {
	client := map[string]int{}
	open := map[string]int{} // process -> index in ops of its open call
	var failed []int         // indices in ops of calls that did not take effect
	for _, c := range calls {
		id, ok := client[c.process]
		if !ok {
			id = len(clients)
			client[c.process] = id
			clients = append(clients, "process "+c.process)
		}
		i, busy := open[c.process]
		switch {
		case c.open && busy:
			return nil, nil, fmt.Errorf("%s:%d: process %s invokes %s while its call of line %d has not completed",
				name, c.line, c.process, c.f, ops[i].Call)
		case c.open:
			open[c.process] = len(ops)
			ops = append(ops, porcupine.Operation{ClientId: id, Input: c.in, Call: int64(c.line), Output: unknown, Return: math.MaxInt64})
		case !busy:
			return nil, nil, fmt.Errorf("%s:%d: process %s completes %s, which it has not invoked", name, c.line, c.process, c.f)
		case ops[i].Input.(interface{ function() string }).function() != c.f:
			return nil, nil, fmt.Errorf("%s:%d: process %s completes %s, but its call of line %d is %s",
				name, c.line, c.process, c.f, ops[i].Call, ops[i].Input.(interface{ function() string }).function())
		case c.in != nil && c.in != ops[i].Input:
			return nil, nil, fmt.Errorf("%s:%d: process %s completes a call other than its call of line %d",
				name, c.line, c.process, ops[i].Call)
		case c.pending:
			delete(open, c.process) // stays open, output unknown
		case c.failed:
			delete(open, c.process)
			failed = append(failed, i)
		default:
			delete(open, c.process)
			ops[i].Output, ops[i].Return = c.out, int64(c.line)
		}
	}
	for j := len(failed) - 1; j >= 0; j-- {
		ops = slices.Delete(ops, failed[j], failed[j]+1)
	}
	if len(ops) == 0 {
		return nil, nil, fmt.Errorf("%s: no calls", name)
	}
	return ops, clients, nil
}

// lines splits data into trimmed lines, numbered from 1, skipping blank ones.
func lines(data []byte, each func(n int, line string) error) error {
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := each(n+1, line); err != nil {
			return err
		}
	}
	return nil
}

// number parses a non-negative decimal that fits an int.
func number(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strings.HasPrefix(s, "+") {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return n, nil
}

// sniffPrefix recognises a file whose first non-blank line starts with
// prefix.
func sniffPrefix(prefix string) func(string, []byte) bool {
	return func(_ string, head []byte) bool {
		return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte(prefix))
	}
}
