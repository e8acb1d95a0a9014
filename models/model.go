package models

import (
	"errors"
	"fmt"
	"reflect"
)

// A Model is a sequential specification of a behaviour with state S, inputs
// I and outputs O. See the package documentation for how to write one.
type Model[S any, I any, O comparable] struct {
	// Name identifies the behaviour in reports, such as "counter".
	Name string
	// Init returns the initial state.
	Init func() S
	// Apply returns the output of in and the state after it, for a
	// deterministic behaviour. It is called only when in does not block.
	Apply func(state S, in I) (out O, next S)
	// Step reports whether in may return out in state, and the state after
	// it. If nil it is derived from Apply: in must not block and must return
	// what Apply returns.
	Step func(state S, in I, out O) (ok bool, next S)
	// Blocks reports whether in has to wait in state until another operation
	// changes it, as a take waits on an empty queue. Nil: nothing waits.
	Blocks func(state S, in I) bool
	// Equal reports whether two states are equal. Required when S is not
	// comparable with ==.
	Equal func(a, b S) bool
	// Hash optionally hashes a state; equal states must hash alike. It lets
	// porcupine compare fewer states.
	Hash func(state S) uint64
	// PartitionKey optionally names the independent part of the state that
	// in touches, such as the key of a map entry. Operations on different
	// keys are checked separately, each from Init, which is much faster.
	PartitionKey func(in I) string
	// DescribeInput describes a call, such as "get(a)".
	DescribeInput func(in I) string
	// DescribeOperation describes a call and its result, such as
	// "get(a) → 3".
	DescribeOperation func(in I, out O) string
	// DescribeState describes a state, such as "3" or "[1 2]".
	DescribeState func(state S) string
}

// Spec is what the harness needs of a model: its [Behaviour]. Both [Model]
// and [Behaviour] are Specs.
type Spec[I any, O comparable] interface {
	Behaviour() (Behaviour[I, O], error)
}

// A Behaviour is a [Model] with the type of its state hidden, as the harness
// in package checks uses it. Every field but Apply, Blocks, Hash and
// PartitionKey is set.
type Behaviour[I any, O comparable] struct {
	Name              string
	Init              func() any
	Apply             func(state any, in I) (O, any)
	Step              func(state any, in I, out O) (bool, any)
	Blocks            func(state any, in I) bool
	Equal             func(a, b any) bool
	Hash              func(state any) uint64
	PartitionKey      func(in I) string
	DescribeInput     func(in I) string
	DescribeOperation func(in I, out O) string
	DescribeState     func(state any) string
	// Explain says, for a report, why Step rejects in → out in state, such
	// as "the model says get(a) → 2".
	Explain func(state any, in I, out O) string
}

// Behaviour returns b itself, so that a Behaviour is a [Spec].
func (b Behaviour[I, O]) Behaviour() (Behaviour[I, O], error) { return b, nil }

// Validate reports what is missing from m, or nil.
func (m Model[S, I, O]) Validate() error {
	var errs []error
	missing := func(field string) {
		errs = append(errs, fmt.Errorf("model %q: %s is required", m.Name, field))
	}
	if m.Name == "" {
		missing("Name")
	}
	if m.Init == nil {
		missing("Init")
	}
	if m.Apply == nil && m.Step == nil {
		missing("Apply or Step")
	}
	if m.DescribeInput == nil {
		missing("DescribeInput")
	}
	if m.DescribeOperation == nil {
		missing("DescribeOperation")
	}
	if m.DescribeState == nil {
		missing("DescribeState")
	}
	if m.Equal == nil && !reflect.TypeFor[S]().Comparable() {
		errs = append(errs, fmt.Errorf("model %q: state type %v is not comparable with ==: Equal is required",
			m.Name, reflect.TypeFor[S]()))
	}
	return errors.Join(errs...)
}

// Behaviour returns m with its state type hidden, or why m is incomplete.
func (m Model[S, I, O]) Behaviour() (Behaviour[I, O], error) {
	if err := m.Validate(); err != nil {
		return Behaviour[I, O]{}, err
	}
	b := Behaviour[I, O]{
		Name:              m.Name,
		Init:              func() any { return m.Init() },
		PartitionKey:      m.PartitionKey,
		DescribeInput:     m.DescribeInput,
		DescribeOperation: m.DescribeOperation,
		DescribeState:     func(s any) string { return m.DescribeState(s.(S)) },
		Equal:             func(a, b any) bool { return a == b },
	}
	if m.Equal != nil {
		b.Equal = func(x, y any) bool { return m.Equal(x.(S), y.(S)) }
	}
	if m.Hash != nil {
		b.Hash = func(s any) uint64 { return m.Hash(s.(S)) }
	}
	if m.Blocks != nil {
		b.Blocks = func(s any, in I) bool { return m.Blocks(s.(S), in) }
	}
	if m.Apply != nil {
		b.Apply = func(s any, in I) (O, any) { return m.Apply(s.(S), in) }
	}
	b.Explain = func(st any, in I, out O) string {
		s := st.(S)
		switch {
		case m.Blocks != nil && m.Blocks(s, in):
			return "the model says " + m.DescribeInput(in) + " would still be waiting here"
		case m.Apply != nil:
			want, _ := m.Apply(s, in)
			said := m.DescribeOperation(in, want)
			if said == m.DescribeOperation(in, out) {
				// A field the description leaves out, or a type that
				// prints alike: only the raw values show the difference.
				return fmt.Sprintf("the model says %s, which prints alike, but the values differ: the result is %#v, the model's %#v", said, out, want)
			}
			return "the model says " + said
		default:
			return "the model does not allow this result here"
		}
	}
	if m.Step != nil {
		b.Step = func(s any, in I, out O) (bool, any) { return m.Step(s.(S), in, out) }
	} else {
		b.Step = func(st any, in I, out O) (bool, any) {
			s := st.(S)
			if m.Blocks != nil && m.Blocks(s, in) {
				return false, st
			}
			want, next := m.Apply(s, in)
			return want == out, next
		}
	}
	return b, nil
}
