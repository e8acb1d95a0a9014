package history

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/anishathalye/porcupine"
)

// Jepsen's logs of an etcd register (porcupine's test_data/jepsen), one
// event a line:
//
//	INFO  jepsen.util - 3	:invoke	:cas	[1 4]
//	INFO  jepsen.util - 3	:fail	:cas	[1 4]
//
// A process invokes read (nil), write N or cas [FROM TO]; the call
// completes with :ok (a read's value, or nil for none), :fail (a cas that
// found another value; a read that timed out, which returned nothing) or
// :info ... :timed-out (the call's fate is unknown: it may take effect
// later, or never). Any other line is an error.
func init() {
	register(format{name: "jepsen-etcd", sniff: sniffEtcd, read: readEtcd})
}

// sniffEtcd recognises a log whose first line is Jepsen's.
func sniffEtcd(name string, head []byte) bool {
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return sniffPrefix("INFO")(name, head) && bytes.Contains(first, []byte("jepsen.util"))
}

// etcdIn is a call on the register.
type etcdIn struct {
	F         string // read, write or cas
	Arg, Arg2 int    // write's value; cas's from and to
}

func (in etcdIn) function() string { return in.F }

// etcdOut is what a call returned.
type etcdOut struct {
	Unknown bool // the call timed out: it may have returned anything
	Exists  bool // a read found a value
	Value   int  // the value a read found
	OK      bool // a cas swapped
}

// etcdState is the register: unset, or holding a value.
type etcdState struct {
	Set   bool
	Value int
}

func (s etcdState) String() string {
	if !s.Set {
		return "nil"
	}
	return fmt.Sprint(s.Value)
}

func etcdStep(state, input, output any) (bool, any) {
	st, in, out := state.(etcdState), input.(etcdIn), output.(etcdOut)
	switch in.F {
	case "read":
		return out.Unknown || out.Exists == st.Set && (!st.Set || out.Value == st.Value), st
	case "write":
		return true, etcdState{Set: true, Value: in.Arg}
	default: // cas
		match := st.Set && st.Value == in.Arg
		next := st
		if match {
			next = etcdState{Set: true, Value: in.Arg2}
		}
		return out.Unknown || out.OK == match, next
	}
}

func describeEtcd(input, output any) string {
	in, out := input.(etcdIn), output.(etcdOut)
	result := ""
	switch {
	case out.Unknown:
		result = " → ? (timed out)"
	case in.F == "read" && out.Exists:
		result = fmt.Sprintf(" → %d", out.Value)
	case in.F == "read":
		result = " → nil"
	case in.F == "cas" && out.OK:
		result = " → ok"
	case in.F == "cas":
		result = " → fail"
	}
	switch in.F {
	case "write":
		return fmt.Sprintf("write(%d)%s", in.Arg, result)
	case "cas":
		return fmt.Sprintf("cas(%d, %d)%s", in.Arg, in.Arg2, result)
	}
	return "read()" + result
}

func explainEtcd(state, input, output any) string {
	st, in := state.(etcdState), input.(etcdIn)
	if in.F == "cas" {
		if st.Set && st.Value == in.Arg {
			return fmt.Sprintf("the register holds %s, so %s must swap", st, describeEtcd(input, etcdOut{OK: true}))
		}
		return fmt.Sprintf("the register holds %s, not %d, so cas must fail", st, in.Arg)
	}
	return fmt.Sprintf("the register holds %s, so read() returns %s", st, st)
}

var etcdModel = porcupine.Model{
	Init:              func() any { return etcdState{} },
	Step:              etcdStep,
	DescribeOperation: describeEtcd,
	DescribeState:     func(state any) string { return "register = " + state.(etcdState).String() },
}

func readEtcd(name string, data []byte) (*History, error) {
	var calls []call
	err := lines(data, func(n int, line string) error {
		c, err := etcdLine(line)
		if err != nil {
			return fmt.Errorf("%s:%d: %v: %q", name, n, err, line)
		}
		c.line = n
		calls = append(calls, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ops, clients, err := assemble(name, calls, etcdOut{Unknown: true})
	if err != nil {
		return nil, err
	}
	return &History{Title: "etcd register (Jepsen)", Model: etcdModel, Explain: explainEtcd, Operations: ops, Clients: clients}, nil
}

// etcdLine parses one event.
func etcdLine(line string) (call, error) {
	f := strings.Fields(line)
	if len(f) < 7 || f[0] != "INFO" || f[1] != "jepsen.util" || f[2] != "-" {
		return call{}, fmt.Errorf("not a Jepsen event (INFO jepsen.util - PROCESS :TYPE :F VALUE)")
	}
	if _, err := number(f[3]); err != nil {
		return call{}, fmt.Errorf("process: %v", err)
	}
	c := call{process: f[3], f: strings.TrimPrefix(f[5], ":")}
	typ, value := f[4], strings.Join(f[6:], " ")
	bad := func() (call, error) {
		return call{}, fmt.Errorf("%s %s %s is not an event of the etcd register", typ, f[5], value)
	}
	switch {
	case typ == ":info" && value == ":timed-out" && (c.f == "read" || c.f == "write" || c.f == "cas"):
		c.pending = true
	case typ == ":fail" && value == ":timed-out" && c.f == "read":
		c.out = etcdOut{Unknown: true}
	case c.f == "read" && value == "nil":
		c.open, c.in, c.out = typ == ":invoke", etcdIn{F: "read"}, etcdOut{}
		if typ != ":invoke" && typ != ":ok" {
			return bad()
		}
	case c.f == "read" && typ == ":ok":
		v, err := number(value)
		if err != nil {
			return bad()
		}
		c.out = etcdOut{Exists: true, Value: v}
	case c.f == "write" && (typ == ":invoke" || typ == ":ok"):
		v, err := number(value)
		if err != nil {
			return bad()
		}
		c.open, c.in, c.out = typ == ":invoke", etcdIn{F: "write", Arg: v}, etcdOut{}
	case c.f == "cas" && (typ == ":invoke" || typ == ":ok" || typ == ":fail"):
		pair := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(value, "["), "]"))
		if len(pair) != 2 || !strings.HasPrefix(value, "[") || !strings.HasSuffix(value, "]") {
			return bad()
		}
		from, err1 := number(pair[0])
		to, err2 := number(pair[1])
		if err1 != nil || err2 != nil {
			return bad()
		}
		c.open, c.in, c.out = typ == ":invoke", etcdIn{F: "cas", Arg: from, Arg2: to}, etcdOut{OK: typ == ":ok"}
	default:
		return bad()
	}
	return c, nil
}
