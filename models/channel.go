package models

import (
	"fmt"
	"slices"
)

// ChanOp is an operation on a [Channel].
type ChanOp uint8

// The operations of a [Channel].
const (
	ChanRecv  ChanOp = iota // v, ok := <-ch
	ChanSend                // ch <- v
	ChanLen                 // len(ch)
	ChanClose               // close(ch)
)

var chanOps = opCodec[ChanOp]{"recv", "send", "len", "close"}

func (op ChanOp) String() string                { return chanOps.name(op) }
func (op ChanOp) MarshalText() ([]byte, error)  { return []byte(op.String()), nil }
func (op *ChanOp) UnmarshalText(b []byte) error { v, err := chanOps.parse(b); *op = v; return err }

// ChanInput is an operation on a [Channel]: send(Value), recv(), len() or
// close().
type ChanInput struct {
	Op    ChanOp `json:"op"`
	Value int    `json:"value,omitempty"`
}

// ChanOutput is what an operation on a [Channel] returns: for recv the value
// and whether it was sent (OK) or is the zero value of a closed channel; for
// len the number of buffered values, in Value. Panicked is set when the
// operation panicked, as a send on a closed channel and a close of a closed
// channel do; the caller recovers the panic and reports it here, since it
// is a result the model predicts, not a failure.
type ChanOutput struct {
	Value    int  `json:"value,omitempty"`
	OK       bool `json:"ok,omitempty"`
	Panicked bool `json:"panicked,omitempty"`
}

// ChanState is the state of a [Channel]: its buffered values, oldest first,
// and whether it is closed. Handoff is set, on an unbuffered channel only,
// between a send and the receive it meets: Items then holds that send's value.
type ChanState struct {
	Items   []int
	Closed  bool
	Handoff bool
}

// Channel specifies a Go channel of int with room for capacity buffered
// values (8.1): FIFO, a send waits while the buffer is full, a receive
// waits while it is empty; after close, receives drain the buffer and then
// return zero and false at once, and a send or a second close panics (a
// send that was waiting when the channel was closed panics too: it takes
// effect after the close).
//
// Capacity 0 is an unbuffered channel, where a send and a receive
// rendezvous: they complete together, or not at all. A linearization places
// each operation at a single point, so the model places a matched send and
// receive at the same instant, the send first, nothing between them: a send
// on an open unbuffered channel takes effect only as a handoff (Step), after
// which the only operation that may come next is the receive that takes its
// value; until then everything else would wait. Every execution of a real
// channel has such a linearization (both calls are in progress at the
// instant of the exchange), so the model rejects nothing a channel may do.
// What it cannot require is that the two calls really overlapped in time:
// with points alone, a send that returned before its receive began still
// has a linearization with the receive right after it. That half of the
// rendezvous (a send returns only once its value is received) is a
// requirement on the history, checked beside the model (see the catalog's
// channel entries).
//
// Blocks and Apply, which predict a call alone (the sequential test, the
// search for scenarios that cannot wait forever), never let a send on an
// open unbuffered channel take effect: alone, it waits forever. A scenario
// drawn against this model therefore keeps an unbuffered send or receive
// only if some client closes the channel without first sending or
// receiving; the sends and receives that meet before the close rendezvous
// in the execution all the same.
func Channel(capacity int) Model[ChanState, ChanInput, ChanOutput] {
	blocks := func(s ChanState, in ChanInput) bool {
		if s.Handoff {
			return in.Op != ChanRecv
		}
		switch in.Op {
		case ChanSend:
			return !s.Closed && len(s.Items) >= capacity
		case ChanRecv:
			return !s.Closed && len(s.Items) == 0
		}
		return false
	}
	apply := func(s ChanState, in ChanInput) (ChanOutput, ChanState) {
		switch in.Op {
		case ChanSend:
			if s.Closed {
				return ChanOutput{Panicked: true}, s
			}
			s.Items = append(slices.Clip(s.Items), in.Value)
			return ChanOutput{}, s
		case ChanRecv:
			if len(s.Items) == 0 { // closed and drained
				return ChanOutput{}, s
			}
			v := s.Items[0]
			s.Items, s.Handoff = s.Items[1:], false
			return ChanOutput{Value: v, OK: true}, s
		case ChanClose:
			if s.Closed {
				return ChanOutput{Panicked: true}, s
			}
			s.Closed = true
			return ChanOutput{}, s
		default: // ChanLen
			return ChanOutput{Value: len(s.Items)}, s
		}
	}
	name := fmt.Sprintf("channel (capacity %d)", capacity)
	if capacity == 0 {
		name = "channel (unbuffered)"
	}
	return Model[ChanState, ChanInput, ChanOutput]{
		Name:   name,
		Init:   func() ChanState { return ChanState{} },
		Blocks: blocks,
		Apply:  apply,
		Step: func(s ChanState, in ChanInput, out ChanOutput) (bool, ChanState) {
			if capacity == 0 && in.Op == ChanSend && !s.Closed && !s.Handoff {
				// The send's half of a rendezvous: its receive comes next.
				return out == ChanOutput{}, ChanState{Items: []int{in.Value}, Handoff: true}
			}
			if blocks(s, in) {
				return false, s
			}
			want, next := apply(s, in)
			return want == out, next
		},
		Equal: func(a, b ChanState) bool {
			return a.Closed == b.Closed && a.Handoff == b.Handoff && slices.Equal(a.Items, b.Items)
		},
		Hash: func(s ChanState) uint64 {
			h := hashInts(s.Items)
			if s.Closed {
				h ^= 1
			}
			if s.Handoff {
				h ^= 2
			}
			return h
		},
		DescribeInput: func(in ChanInput) string {
			if in.Op == ChanSend {
				return fmt.Sprintf("send(%d)", in.Value)
			}
			return in.Op.String() + "()"
		},
		DescribeOperation: describeChanOperation,
		DescribeState: func(s ChanState) string {
			var d string
			switch {
			case s.Handoff:
				d = fmt.Sprintf("send(%d) met by no receive yet: the next operation must be the receive that takes it", s.Items[0])
			case len(s.Items) == 0:
				d = "empty"
			default:
				d = fmt.Sprintf("%s (oldest first, %d/%d)", describeInts(s.Items), len(s.Items), capacity)
			}
			if s.Closed {
				d += ", closed"
			}
			return d
		},
	}
}

func describeChanOperation(in ChanInput, out ChanOutput) string {
	var call, result string
	switch in.Op {
	case ChanSend:
		call = fmt.Sprintf("send(%d)", in.Value)
	case ChanRecv:
		call, result = "recv()", fmt.Sprintf(" → %d, %t", out.Value, out.OK)
	case ChanLen:
		call, result = "len()", fmt.Sprintf(" → %d", out.Value)
	default:
		call = "close()"
	}
	if out.Panicked {
		return call + " panicked"
	}
	return call + result
}
