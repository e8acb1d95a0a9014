package history

import (
	"fmt"
	"slices"
	"strings"

	"github.com/weftlab/weft/models"
)

// mailboxIn is a call on the mailbox: send(Sender, Msg) or recv(). A recv's
// output is the message, or "" when it found the mailbox empty.
type mailboxIn struct{ Op, Sender, Msg string }

// senderQueue is one sender's undelivered messages, oldest first.
type senderQueue struct {
	sender string
	msgs   []string
}

// mailbox is the state: the senders with undelivered messages, by name.
type mailbox []senderQueue

var mailboxModel = lineModel{
	name: "mailbox",
	doc: "an actor's mailbox that keeps each sender's messages in the order sent and promises no order between senders: " +
		"recv returns the oldest message of some sender, or empty (guide 7.2); give messages distinct names",
	ops: []opSpec{
		{name: "send", args: 2, example: "send(A, a1)", parse: func(a []string, _ string, _ bool) (any, any, error) {
			if a[1] == "empty" {
				return nil, nil, fmt.Errorf("the message empty means an empty mailbox: name it otherwise")
			}
			return mailboxIn{Op: "send", Sender: a[0], Msg: a[1]}, "", nil
		}},
		{name: "recv", result: resultRequired, example: "recv() -> a1, or recv() -> empty", parse: func(_ []string, r string, _ bool) (any, any, error) {
			if r == "empty" {
				r = ""
			}
			return mailboxIn{Op: "recv"}, r, nil
		}},
	},
	build: func(string) (erased, error) {
		b, err := mailboxSpec.Behaviour()
		if err != nil {
			return erased{}, err
		}
		b.Explain = explainMailbox
		return erase(b), nil
	},
}

var mailboxSpec = models.Model[mailbox, mailboxIn, string]{
	Name: "mailbox",
	Init: func() mailbox { return nil },
	// Apply serves a call that never returned: a send may have queued its
	// message; a recv is taken to have received nothing, as which message
	// it would have taken is not determined. Step judges returned calls.
	Apply: func(m mailbox, in mailboxIn) (string, mailbox) {
		if in.Op == "send" {
			return "", m.send(in.Sender, in.Msg)
		}
		return "", m
	},
	Step: func(m mailbox, in mailboxIn, out string) (bool, mailbox) {
		if in.Op == "send" {
			return out == "", m.send(in.Sender, in.Msg)
		}
		if out == "" {
			return len(m) == 0, m
		}
		i := slices.IndexFunc(m, func(q senderQueue) bool { return q.msgs[0] == out })
		if i < 0 {
			return false, m
		}
		return true, m.deliver(i)
	},
	Equal: func(a, b mailbox) bool {
		return slices.EqualFunc(a, b, func(x, y senderQueue) bool { return x.sender == y.sender && slices.Equal(x.msgs, y.msgs) })
	},
	DescribeInput: func(in mailboxIn) string {
		if in.Op == "send" {
			return "send(" + in.Sender + ", " + in.Msg + ")"
		}
		return "recv()"
	},
	DescribeOperation: func(in mailboxIn, out string) string {
		if in.Op == "send" {
			return "send(" + in.Sender + ", " + in.Msg + ")"
		}
		if out == "" {
			out = "empty"
		}
		return "recv() → " + out
	},
	DescribeState: func(m mailbox) string {
		if len(m) == 0 {
			return "empty"
		}
		parts := make([]string, len(m))
		for i, q := range m {
			parts[i] = q.sender + ": [" + strings.Join(q.msgs, " ") + "]"
		}
		return strings.Join(parts, ", ") + " (oldest first)"
	},
}

// send returns m with msg queued behind sender's earlier messages.
func (m mailbox) send(sender, msg string) mailbox {
	i, found := slices.BinarySearchFunc(m, sender, func(q senderQueue, s string) int { return strings.Compare(q.sender, s) })
	m = slices.Clone(m)
	if !found {
		return slices.Insert(m, i, senderQueue{sender: sender, msgs: []string{msg}})
	}
	m[i].msgs = append(slices.Clip(m[i].msgs), msg)
	return m
}

// deliver returns m without the oldest message of its i-th sender.
func (m mailbox) deliver(i int) mailbox {
	m = slices.Clone(m)
	if len(m[i].msgs) == 1 {
		return slices.Delete(m, i, i+1)
	}
	m[i].msgs = m[i].msgs[1:]
	return m
}

// explainMailbox says why the mailbox rejects a recv's result.
func explainMailbox(st any, in mailboxIn, out string) string {
	m := st.(mailbox)
	if len(m) == 0 {
		return "the model says the mailbox is empty: recv() → empty"
	}
	heads := make([]string, len(m))
	for i, q := range m {
		heads[i] = q.msgs[0] + " (oldest from " + q.sender + ")"
	}
	says := "the model says recv() returns " + heads[0]
	if len(heads) > 1 {
		says = "the model says recv() returns one of " + strings.Join(heads, ", ")
	}
	for _, q := range m {
		if slices.Contains(q.msgs, out) {
			return fmt.Sprintf("%s is not the oldest message from %s: %s", out, q.sender, says)
		}
	}
	return says
}
