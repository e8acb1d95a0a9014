package models

import (
	"fmt"
	"hash/fnv"
	"slices"
)

// Sent is an input delivered through a mailbox: In, sent by Sender, who had
// sent Prior asynchronous messages before it. Async marks a fire-and-forget
// message, whose sender does not wait for it to take effect.
type Sent[I any] struct {
	Sender int  `json:"sender"`
	Prior  int  `json:"prior"`
	Async  bool `json:"async,omitempty"`
	In     I    `json:"in"`
}

// PerSender returns spec behind a mailbox that delivers each sender's
// messages in the order they were sent and promises nothing about the order
// between senders: the guarantee Erlang gives between two processes (guide
// 7.2), and the weakest one an actor can offer and still be usable.
//
// How a history encodes it. A fire-and-forget call returns as soon as its
// message is sent, but takes effect later, when the actor handles it. The
// harness therefore records it with no return: its interval is open-ended
// and the checker may let it land anywhere after its call. What keeps it
// from landing too late is per-sender order. Every input carries its Sender
// and Prior, the number of fire-and-forget messages that sender had sent
// before it, and the model accepts a message only when exactly Prior of its
// sender's fire-and-forget messages have landed. So a sender's increments
// land in the order they were sent, and its later get is placed after all of
// them: it must see them. Increments of other senders may land before or
// after that get.
//
// The state is the inner state plus the count of landed fire-and-forget
// messages per sender. PerSender has no Apply (when an asynchronous message
// lands is not determined by the inputs) and no partitions (Prior counts a
// sender's messages across all keys).
func PerSender[I any, O comparable](spec Spec[I, O]) Spec[Sent[I], O] {
	return perSender[I, O]{spec}
}

type perSender[I any, O comparable] struct{ inner Spec[I, O] }

// mailboxState is the inner state and, for each sender, how many of its
// fire-and-forget messages have landed.
type mailboxState struct {
	inner  any
	landed []int
}

func (s mailboxState) count(sender int) int {
	if sender < len(s.landed) {
		return s.landed[sender]
	}
	return 0
}

func (s mailboxState) land(sender int) []int {
	landed := make([]int, max(len(s.landed), sender+1))
	copy(landed, s.landed)
	landed[sender]++
	return landed
}

func (p perSender[I, O]) Behaviour() (Behaviour[Sent[I], O], error) {
	b, err := p.inner.Behaviour()
	if err != nil {
		return Behaviour[Sent[I], O]{}, err
	}
	w := Behaviour[Sent[I], O]{
		Name: b.Name + " (per-sender FIFO)",
		Init: func() any { return mailboxState{inner: b.Init()} },
		Step: func(st any, in Sent[I], out O) (bool, any) {
			s := st.(mailboxState)
			if s.count(in.Sender) != in.Prior {
				return false, st
			}
			ok, next := b.Step(s.inner, in.In, out)
			if !ok {
				return false, st
			}
			landed := s.landed
			if in.Async {
				landed = s.land(in.Sender)
			}
			return true, mailboxState{inner: next, landed: landed}
		},
		Equal: func(x, y any) bool {
			a, c := x.(mailboxState), y.(mailboxState)
			return b.Equal(a.inner, c.inner) && slices.Equal(trimZeros(a.landed), trimZeros(c.landed))
		},
		Explain: func(st any, in Sent[I], out O) string {
			s := st.(mailboxState)
			if n := s.count(in.Sender); n != in.Prior {
				return fmt.Sprintf("%d of its sender's earlier fire-and-forget calls have landed here; it needs exactly %d", n, in.Prior)
			}
			return b.Explain(s.inner, in.In, out)
		},
		DescribeInput:     func(in Sent[I]) string { return b.DescribeInput(in.In) },
		DescribeOperation: func(in Sent[I], out O) string { return b.DescribeOperation(in.In, out) },
		DescribeState: func(st any) string {
			s := st.(mailboxState)
			return fmt.Sprintf("%s; landed per sender %v", b.DescribeState(s.inner), trimZeros(s.landed))
		},
	}
	if b.Blocks != nil {
		w.Blocks = func(st any, in Sent[I]) bool { return b.Blocks(st.(mailboxState).inner, in.In) }
	}
	w.Hash = func(st any) uint64 {
		s := st.(mailboxState)
		h := fnv.New64a()
		for _, n := range trimZeros(s.landed) {
			fmt.Fprint(h, n, ",")
		}
		if b.Hash != nil {
			return h.Sum64() ^ b.Hash(s.inner)
		}
		return h.Sum64()
	}
	return w, nil
}

func trimZeros(s []int) []int {
	for len(s) > 0 && s[len(s)-1] == 0 {
		s = s[:len(s)-1]
	}
	return s
}
