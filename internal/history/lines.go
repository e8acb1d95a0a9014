package history

// The line format: a history a student writes by hand, one call a line.
//
//	# lost update: two increments overlap, a later get sees one
//	model counter
//	verdict: not linearizable
//	A  0  3  inc()
//	B  1  2  inc()
//	A  4  5  get() -> 1
//
// The first line that is not blank or a comment (#) names the model and,
// for some models, its argument: `model counter 5` starts the count at 5,
// `model buffer 2` gives the buffer a capacity of 2 (see lineModels for
// every model, its argument and its operations). Optional header lines:
// `verdict: not linearizable` (or `verdict: linearizable`), the verdict the
// file claims (History.Recorded), and `title: ...`.
//
// Every other line is a call: the client (any name without spaces), the
// time of the call, the time of the return, and the operation with its
// arguments and, after -> (or →), its result. Times are whole numbers of
// any unit; a client's calls may not overlap, as a client waits for each
// call. A return time of `-` or `pending` marks a call that never returned:
//   - a call that can wait (take on an empty buffer, acquire with every
//     permit held) is still waiting when the history ends, so the model
//     must make it wait in the final state: a take that sleeps through a
//     put, with the item left in the buffer, is a bug (lost wakeup);
//   - any other call may have taken effect at any point after its call, or
//     not at all (a mailbox's recv, whose message is not determined, is
//     taken to have received nothing).
//
// A # starts a comment anywhere on a line.

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/anishathalye/porcupine"
)

func init() {
	register(format{name: "lines", sniff: sniffLines, read: readLines})
}

// sniffLines recognises a file whose first meaningful line names a model.
func sniffLines(_ string, head []byte) bool {
	for _, line := range bytes.Split(head, []byte("\n")) {
		text := strings.TrimSpace(uncomment(string(line)))
		if text == "" {
			continue
		}
		word, _ := cutField(text)
		return word == "model"
	}
	return false
}

// uncomment drops a # comment.
func uncomment(line string) string {
	before, _, _ := strings.Cut(line, "#")
	return before
}

// callPattern is an operation as written: name(args) -> result.
var callPattern = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*)\s*\(([^()]*)\)\s*(?:(->|→)\s*(.*))?$`)

// tokenPattern is a value, an argument or a result: no spaces, commas or
// parentheses, so that a call reads unambiguously.
var tokenPattern = regexp.MustCompile(`^[^\s,()#]+$`)

// lineReader holds what readLines has read so far.
type lineReader struct {
	name    string
	h       *History
	model   *lineModel
	behave  erased
	calls   []*lineCall
	clients map[string]int
	last    map[int]*lineCall // each client's latest call
}

func readLines(name string, data []byte) (*History, error) {
	r := &lineReader{name: name, h: &History{}, clients: map[string]int{}, last: map[int]*lineCall{}}
	for i, raw := range strings.Split(string(data), "\n") {
		text := strings.TrimSpace(uncomment(strings.TrimSuffix(raw, "\r")))
		if text == "" {
			continue
		}
		if err := r.line(i+1, text); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	if r.model == nil {
		return nil, fmt.Errorf("%s: no model line, such as \"model counter\" (models: %s)", name, modelNames())
	}
	if len(r.calls) == 0 {
		return nil, fmt.Errorf("%s: no calls: write one line per call, such as \"A 0 1 %s\"", name, r.model.ops[0].example)
	}
	if r.h.Title == "" {
		r.h.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	r.h.Model = r.behave.porcupine()
	r.h.Explain = r.behave.explainCall
	for _, c := range r.calls {
		op := porcupine.Operation{ClientId: c.client, Input: c, Call: c.call, Output: c.out, Return: c.ret, Metadata: c.line}
		if c.pending {
			op.Return = math.MaxInt64
		}
		r.h.Operations = append(r.h.Operations, op)
	}
	return r.h, nil
}

// line reads one meaningful line.
func (r *lineReader) line(n int, text string) error {
	word, rest := cutField(text)
	switch {
	case word == "model":
		return r.header(rest)
	case strings.HasPrefix(text, "verdict:"):
		switch v := strings.TrimSpace(strings.TrimPrefix(text, "verdict:")); v {
		case "not linearizable":
			r.h.Recorded = v
		case "linearizable", "ok":
			r.h.Recorded = "ok"
		default:
			return fmt.Errorf("verdict %q: want \"linearizable\" or \"not linearizable\"", v)
		}
		return nil
	case strings.HasPrefix(text, "title:"):
		r.h.Title = strings.TrimSpace(strings.TrimPrefix(text, "title:"))
		return nil
	case r.model == nil:
		return fmt.Errorf("%q before the model line: start with a line such as \"model counter\" (models: %s)", text, modelNames())
	}
	return r.call(n, text)
}

// header reads the model line.
func (r *lineReader) header(rest string) error {
	if r.model != nil {
		return fmt.Errorf("a second model line: one file holds the history of one object")
	}
	name, arg := cutField(rest)
	m := findModel(name)
	if m == nil {
		return fmt.Errorf("unknown model %q; known: %s", name, modelNames())
	}
	if arg == "" && m.argRequired {
		return fmt.Errorf("model %s needs its %s, such as \"model %s %s\"", m.name, m.arg, m.name, m.argExample)
	}
	if arg != "" && m.arg == "" {
		return fmt.Errorf("model %s takes no argument, got %q", m.name, arg)
	}
	b, err := m.build(arg)
	if err != nil {
		return fmt.Errorf("model %s: %s %q: %w", m.name, m.arg, arg, err)
	}
	r.model, r.behave = m, b
	return nil
}

// call reads a call line: client, call time, return time, operation.
func (r *lineReader) call(n int, text string) error {
	client, rest := cutField(text)
	callText, rest := cutField(rest)
	retText, opText := cutField(rest)
	if opText == "" || strings.ContainsAny(client+callText+retText, "()") {
		return fmt.Errorf("%q: a call line is CLIENT CALL RETURN OPERATION, such as \"A 0 1 %s\"", text, r.model.ops[0].example)
	}
	c := &lineCall{line: n}
	var err error
	if c.call, err = parseTime(callText, "call"); err != nil {
		return err
	}
	switch retText {
	case "-", "pending":
		c.pending = true
	default:
		if c.ret, err = parseTime(retText, "return"); err != nil {
			return err
		}
		if c.ret < c.call {
			return fmt.Errorf("returns at %d, before its call at %d", c.ret, c.call)
		}
	}
	if err := r.operation(c, opText); err != nil {
		return err
	}
	id, ok := r.clients[client]
	if !ok {
		id = len(r.h.Clients)
		r.clients[client] = id
		r.h.Clients = append(r.h.Clients, client)
	}
	c.client = id
	if prev := r.last[id]; prev != nil {
		if prev.pending {
			return fmt.Errorf("client %s calls again, but its call on line %d never returned", client, prev.line)
		}
		if c.call <= prev.ret {
			return fmt.Errorf("client %s calls at %d, before its call on line %d returned at %d: a client waits for each call",
				client, c.call, prev.line, prev.ret)
		}
	}
	r.last[id] = c
	r.calls = append(r.calls, c)
	return nil
}

// parseTime reads a call or return time.
func parseTime(text, what string) (int64, error) {
	t, err := strconv.ParseInt(text, 10, 64)
	if err != nil || t < 0 || t >= math.MaxInt64/2 {
		return 0, fmt.Errorf("%s time %q: want a whole number from 0%s", what, text,
			map[bool]string{true: ", or - for a call that never returned", false: ""}[what == "return"])
	}
	return t, nil
}

// operation reads "name(args) -> result" into c.
func (r *lineReader) operation(c *lineCall, text string) error {
	m := callPattern.FindStringSubmatch(text)
	if m == nil {
		return fmt.Errorf("%q: write the operation as name(arguments) -> result, such as %q", text, r.model.ops[0].example)
	}
	name, argText, hasResult, result := m[1], strings.TrimSpace(m[2]), m[3] != "", strings.TrimSpace(m[4])
	op := r.model.op(name)
	if op == nil {
		return fmt.Errorf("unknown operation %q for model %s; known: %s", name, r.model.name, r.model.opNames())
	}
	var args []string
	if argText != "" {
		for _, a := range strings.Split(argText, ",") {
			a = strings.TrimSpace(a)
			if !tokenPattern.MatchString(a) {
				return fmt.Errorf("%s: argument %q: want a value without spaces", op.example, a)
			}
			args = append(args, a)
		}
	}
	if len(args) != op.args {
		return fmt.Errorf("%s takes %d argument(s), got %d: write it as %s", name, op.args, len(args), op.example)
	}
	switch {
	case c.pending && hasResult:
		return fmt.Errorf("a call that never returned has no result: drop %q", "-> "+result)
	case hasResult && !tokenPattern.MatchString(result):
		return fmt.Errorf("%s: result %q: want one value, such as %s", name, result, op.example)
	case hasResult && op.result == resultNone:
		return fmt.Errorf("%s returns nothing: drop %q (write it as %s)", name, "-> "+result, op.example)
	case !hasResult && !c.pending && op.result == resultRequired:
		return fmt.Errorf("%s needs its result: write it as %s", name, op.example)
	}
	in, out, err := op.parse(args, result, hasResult)
	if err != nil {
		return fmt.Errorf("%s: %w (write it as %s)", name, err, op.example)
	}
	c.text, c.in, c.out, c.blocking = text, in, out, op.blocking
	return nil
}

// cutField splits the first field, up to a space or tab, from the rest.
func cutField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], strings.TrimLeft(s[i:], " \t")
	}
	return s, ""
}
