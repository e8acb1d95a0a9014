package checks

import (
	"sort"

	"github.com/anishathalye/porcupine"
)

// checkCall is the input porcupine sees for one record.
type checkCall struct {
	in any // the model's input: the op's input, or a models.Sent around it
	// wildcard marks a call that panicked or never returned: it may have
	// taken effect at any point after its call, or not at all.
	wildcard bool
	async    bool // a fire-and-forget call, with no return
	// label and failed are for the HTML view: the name of a call of the
	// harness's row, such as "post 1", and how a wildcard call failed.
	label, failed string
}

// operations converts an execution's records to porcupine operations. Each
// operation's Metadata is the index of its record. A call with no return (a
// fire-and-forget call, or one that panicked or never returned) is given
// the end of the history as its return: nothing starts after it, so it may
// be placed anywhere after its call, which is exactly what not returning
// allows; per-sender order (models.PerSender) keeps a fire-and-forget call
// before its sender's later calls. Fire-and-forget calls are drawn on rows
// of their own in the HTML view (client n+1+c for client c), as they
// overlap their client's later calls.
func (tg *target) operations(e *execution) []porcupine.Operation {
	history := e.history
	end := int64(0)
	for i := range history {
		end = max(end, history[i].call, history[i].ret)
	}
	end++
	sent := map[int]int{} // fire-and-forget calls made so far, per client
	ops := make([]porcupine.Operation, len(history))
	for i := range history {
		r := &history[i]
		async := tg.ops[r.op].async
		c := &checkCall{in: tg.checkInput(r.input, r.client, sent[r.client], async), wildcard: !r.returned(), async: async}
		if r.part != partParallel {
			c.label = r.label()
		}
		switch {
		case r.panic != nil:
			c.failed = "✗ panicked: " + r.panic.Value
		case r.pending:
			c.failed = "… never returned"
		}
		ops[i] = porcupine.Operation{ClientId: r.client, Input: c, Call: r.call, Output: r.output, Return: r.ret, Metadata: i}
		if async || !r.returned() {
			ops[i].Return = end
		}
		if async {
			sent[r.client]++
			ops[i].ClientId = e.clients + 1 + r.client
		}
	}
	return ops
}

// porcupineModel is m as porcupine uses it. A wildcard call takes effect
// whole (when the model can say what that is) or waits; porcupine may also
// place it last, where taking effect changes nothing observable, which
// covers "not at all".
func (m erasedModel) porcupineModel() porcupine.Model {
	pm := porcupine.Model{
		Init: m.init,
		Step: func(state, input, output any) (bool, any) {
			c := input.(*checkCall)
			if !c.wildcard {
				return m.step(state, c.in, output)
			}
			if m.apply == nil || (m.blocks != nil && m.blocks(state, c.in)) {
				return true, state
			}
			_, next := m.apply(state, c.in)
			return true, next
		},
		Equal: m.equal,
		Hash:  m.hash,
		DescribeOperation: func(input, output any) string {
			c := input.(*checkCall)
			var d string
			switch {
			case c.wildcard:
				d = m.describeInput(c.in) + " " + c.failed
			case c.async:
				d = m.describeOperation(c.in, output) + " (fire-and-forget: lands any time after its call)"
			default:
				d = m.describeOperation(c.in, output)
			}
			if c.label != "" {
				d = c.label + ": " + d
			}
			return d
		},
		DescribeState: m.describeState,
	}
	if m.partitionKey != nil {
		pm.Partition = func(ops []porcupine.Operation) [][]porcupine.Operation {
			return partition(m, ops)
		}
	}
	return pm
}

// partition groups ops by key, keys in sorted order.
func partition(m erasedModel, ops []porcupine.Operation) [][]porcupine.Operation {
	byKey := map[string][]porcupine.Operation{}
	for _, op := range ops {
		k := m.partitionKey(op.Input.(*checkCall).in)
		byKey[k] = append(byKey[k], op)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([][]porcupine.Operation, len(keys))
	for i, k := range keys {
		parts[i] = byKey[k]
	}
	return parts
}
