package checks

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/anishathalye/porcupine"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

// A Structure describes a concurrent structure to check: how to make an
// instance, the operations clients call on it, and the model those calls
// must agree with. S is the instance type, I and O the model's input and
// output types.
type Structure[S any, I any, O comparable] struct {
	// Name identifies the structure in reports and file names, such as
	// "counter/mutex-map".
	Name string
	// Model is the sequential specification, such as models.Counter.
	Model models.Spec[I, O]
	// New returns a fresh instance. Each execution gets its own.
	New func() S
	// Stop, if set, is called after each execution to release the instance,
	// for example to end the goroutines it started. A Stop that does not
	// return within the hang timeout is a hang.
	Stop func(S)
	// Ops are the operations. List the simplest first: rapid shrinks
	// towards the first one.
	Ops []Op[S, I, O]
}

// An Op is an operation that clients call on an instance.
type Op[S any, I any, O comparable] struct {
	// Name is the operation's name in scenarios, such as "inc".
	Name string
	// Input draws the operation's input, the call as the model sees it, with
	// its arguments.
	Input *rapid.Generator[I]
	// Run performs the call on s and returns its result as the model's
	// output.
	Run func(s S, in I) O
	// Async marks a fire-and-forget operation, such as a message sent to an
	// actor: it returns before it takes effect. Its effect may land any
	// time after its call but before the same client's later operations
	// (per-sender FIFO); see models.PerSender for how the history encodes
	// it. A structure with Async operations is checked against
	// models.PerSender(Model).
	Async bool
}

// A Target is what Check, Expect, Run and Sequential accept: a [Structure]
// of any types.
type Target interface {
	target() (*target, error)
}

// target is a Structure with its types hidden, as the engine runs it.
type target struct {
	name        string
	program     bool // a Program: no ops, its run is the New phase
	newInstance func() any
	stop        func(any) // nil if the structure has no Stop
	ops         []targetOp
	async       bool

	// model judges histories: the structure's model, or, with Async
	// operations, models.PerSender of it, whose inputs are
	// models.Sent values built by checkInput.
	model      erasedModel
	checkInput func(in any, sender, prior int, async bool) any
	// checker is model as porcupine takes it, built once: every execution
	// is judged with it.
	checker porcupine.Model
	// inner is the structure's own model, on plain inputs: it describes
	// operations, predicts outputs and says which operations wait.
	inner erasedModel
}

type targetOp struct {
	name         string
	async        bool
	draw         func(t *rapid.T) any
	run          func(instance, in any) any
	decode       func(data []byte) (any, error) // an input, from JSON
	decodeOutput func(data []byte) (any, error)
}

// erasedModel is a models.Behaviour with its input and output types hidden.
type erasedModel struct {
	name              string
	init              func() any
	step              func(state, in, out any) (bool, any)
	apply             func(state, in any) (any, any) // nil: not deterministic
	blocks            func(state, in any) bool       // nil: never blocks
	equal             func(a, b any) bool
	hash              func(state any) uint64 // nil: none
	partitionKey      func(in any) string    // nil: one partition
	describeInput     func(in any) string
	describeOperation func(in, out any) string
	describeState     func(state any) string
	explain           func(state, in, out any) string
}

func erase[I any, O comparable](b models.Behaviour[I, O]) erasedModel {
	m := erasedModel{
		name:              b.Name,
		init:              b.Init,
		step:              func(s, in, out any) (bool, any) { return b.Step(s, in.(I), out.(O)) },
		equal:             b.Equal,
		hash:              b.Hash,
		describeInput:     func(in any) string { return b.DescribeInput(in.(I)) },
		describeOperation: func(in, out any) string { return b.DescribeOperation(in.(I), out.(O)) },
		describeState:     b.DescribeState,
		explain:           func(s, in, out any) string { return b.Explain(s, in.(I), out.(O)) },
	}
	if b.Apply != nil {
		m.apply = func(s, in any) (any, any) { return b.Apply(s, in.(I)) }
	}
	if b.Blocks != nil {
		m.blocks = func(s, in any) bool { return b.Blocks(s, in.(I)) }
	}
	if b.PartitionKey != nil {
		m.partitionKey = func(in any) string { return b.PartitionKey(in.(I)) }
	}
	return m
}

func (s Structure[S, I, O]) target() (*target, error) {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if s.Name == "" {
		bad("the structure has no Name")
	}
	if s.Model == nil {
		bad("structure %q has no Model", s.Name)
	}
	if s.New == nil {
		bad("structure %q has no New", s.Name)
	}
	if len(s.Ops) == 0 {
		bad("structure %q has no Ops", s.Name)
	}
	names := map[string]bool{}
	for i, op := range s.Ops {
		switch {
		case op.Name == "":
			bad("structure %q: op %d has no Name", s.Name, i)
		case names[op.Name]:
			bad("structure %q: two ops are named %q", s.Name, op.Name)
		}
		names[op.Name] = true
		if op.Input == nil {
			bad("structure %q: op %q has no Input generator", s.Name, op.Name)
		} else if err := probeInput(op.Input); err != nil {
			bad("structure %q: op %q: %v", s.Name, op.Name, err)
		}
		if op.Run == nil {
			bad("structure %q: op %q has no Run", s.Name, op.Name)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	b, err := s.Model.Behaviour()
	if err != nil {
		return nil, fmt.Errorf("structure %q: %w", s.Name, err)
	}
	if b.Blocks != nil && b.Apply == nil {
		return nil, fmt.Errorf("structure %q: model %q says which calls wait (Blocks) but not what they do (Apply): "+
			"weft needs both to avoid scenarios that must wait forever", s.Name, b.Name)
	}
	t := &target{
		name:        s.Name,
		newInstance: func() any { return s.New() },
		inner:       erase(b),
	}
	if s.Stop != nil {
		t.stop = func(x any) { s.Stop(x.(S)) }
	}
	for _, op := range s.Ops {
		t.async = t.async || op.Async
		t.ops = append(t.ops, targetOp{
			name:  op.Name,
			async: op.Async,
			draw:  func(rt *rapid.T) any { return op.Input.Draw(rt, op.Name) },
			run:   func(x, in any) any { return op.Run(x.(S), in.(I)) },
			decode: func(data []byte) (any, error) {
				var in I
				err := json.Unmarshal(data, &in)
				return in, err
			},
			decodeOutput: func(data []byte) (any, error) {
				var out O
				err := json.Unmarshal(data, &out)
				return out, err
			},
		})
	}
	if !t.async {
		t.model = t.inner
		t.checker = t.model.porcupineModel()
		t.checkInput = func(in any, _, _ int, _ bool) any { return in }
		return t, nil
	}
	if b.Blocks != nil {
		return nil, fmt.Errorf("structure %q: Async operations on a model whose operations block are not supported", s.Name)
	}
	pb, err := models.PerSender(b).Behaviour()
	if err != nil {
		return nil, fmt.Errorf("structure %q: %w", s.Name, err)
	}
	t.model = erase(pb)
	t.checker = t.model.porcupineModel()
	t.checkInput = func(in any, sender, prior int, async bool) any {
		return models.Sent[I]{Sender: sender, Prior: prior, Async: async, In: in.(I)}
	}
	return t, nil
}

// opIndex returns the index of the op called name, or -1.
func (tg *target) opIndex(name string) int {
	for i, op := range tg.ops {
		if op.name == name {
			return i
		}
	}
	return -1
}
