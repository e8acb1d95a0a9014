package history

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/weftlab/weft/models"
)

// The models of the line format. Stack, buffer and semaphore are weft's own
// models (package models); counter, register, queue and mailbox are written
// here because the line format wants what models' versions do not give: an
// increment that may report the new count, string values and an initial
// value, a queue whose deq on empty says so, and a mailbox whose senders
// are named in the calls.

// resultKind says whether an operation's line carries a result.
type resultKind int

const (
	resultNone     resultKind = iota // write(v): returns nothing
	resultOptional                   // inc() or inc() -> 3
	resultRequired                   // get() -> 3
)

// An opSpec is one operation of a line-format model.
type opSpec struct {
	name     string
	args     int
	result   resultKind
	blocking bool   // it can wait: a pending call is still waiting
	example  string // how to write it, such as "get() -> 3"
	// parse builds the model's typed input and output from the arguments
	// and the result (has: a result was written).
	parse func(args []string, result string, has bool) (in, out any, err error)
}

// A lineModel is a model a line-format file can name.
type lineModel struct {
	name, doc string
	// arg names the model line's argument ("" for none), such as
	// "capacity"; argRequired says it cannot be left out.
	arg, argExample string
	argRequired     bool
	ops             []opSpec
	build           func(arg string) (erased, error)
}

func (m *lineModel) op(name string) *opSpec {
	for i := range m.ops {
		if m.ops[i].name == name {
			return &m.ops[i]
		}
	}
	return nil
}

func (m *lineModel) opNames() string {
	names := make([]string, len(m.ops))
	for i, op := range m.ops {
		names[i] = op.name
	}
	return strings.Join(names, ", ")
}

func findModel(name string) *lineModel {
	for i := range lineModels {
		if lineModels[i].name == name {
			return &lineModels[i]
		}
	}
	return nil
}

func modelNames() string {
	names := make([]string, len(lineModels))
	for i, m := range lineModels {
		names[i] = m.name
	}
	return strings.Join(names, ", ")
}

// behaviour erases a model, or says why it is incomplete (a bug here).
func behaviour[S any, I any, O comparable](m models.Model[S, I, O]) (erased, error) {
	b, err := m.Behaviour()
	if err != nil {
		return erased{}, err
	}
	return erase(b), nil
}

func atoi(s, what string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < -1e9 || n > 1e9 {
		return 0, fmt.Errorf("%s %q: want a whole number", what, s)
	}
	return n, nil
}

// positive reads a model line's capacity or limit.
func positive(arg string) (int, error) {
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > 1000 {
		return 0, errors.New("want a whole number from 1 to 1000")
	}
	return n, nil
}

func boolResult(result string) (bool, error) {
	switch result {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("result %q: want true or false", result)
}

// fixed parses an operation whose typed input and output are fixed.
func fixed(in, out any) func([]string, string, bool) (any, any, error) {
	return func([]string, string, bool) (any, any, error) { return in, out, nil }
}

// lineModels are the models a line-format file can name, in the order the
// documentation lists them.
var lineModels = []lineModel{
	counterModel, registerModel, queueModel, stackModel, bufferModel, semaphoreModel, mailboxModel,
}

var stackModel = lineModel{
	name: "stack",
	doc:  "a LIFO stack of whole numbers, initially empty (the Treiber stack, guide 10.3)",
	ops: []opSpec{
		{name: "push", args: 1, example: "push(5)", parse: func(a []string, _ string, _ bool) (any, any, error) {
			v, err := atoi(a[0], "value")
			return models.StackInput{Op: models.StackPush, Value: v}, models.StackOutput{}, err
		}},
		{name: "pop", result: resultRequired, example: "pop() -> 5, or pop() -> empty", parse: func(_ []string, r string, has bool) (any, any, error) {
			in := models.StackInput{Op: models.StackPop}
			if !has || r == "empty" {
				return in, models.StackOutput{}, nil
			}
			v, err := atoi(r, "result")
			return in, models.StackOutput{Value: v, OK: true}, err
		}},
	},
	build: func(string) (erased, error) { return behaviour(models.Stack) },
}

var bufferModel = lineModel{
	name: "buffer", arg: "capacity", argExample: "2", argRequired: true,
	doc: "a bounded FIFO buffer of whole numbers: put waits while it is full, take while it is empty (the condition-variable bounded buffer, guide 9.3)",
	ops: []opSpec{
		{name: "put", args: 1, blocking: true, example: "put(5)", parse: func(a []string, _ string, _ bool) (any, any, error) {
			v, err := atoi(a[0], "value")
			return models.QueueInput{Op: models.QueuePut, Value: v}, models.QueueOutput{}, err
		}},
		{name: "take", result: resultRequired, blocking: true, example: "take() -> 5", parse: func(_ []string, r string, has bool) (any, any, error) {
			in := models.QueueInput{Op: models.QueueTake}
			if !has {
				return in, models.QueueOutput{}, nil
			}
			v, err := atoi(r, "result")
			return in, models.QueueOutput{Value: v}, err
		}},
	},
	build: func(arg string) (erased, error) {
		n, err := positive(arg)
		if err != nil {
			return erased{}, err
		}
		return behaviour(models.BlockingQueue(n))
	},
}

var semaphoreModel = lineModel{
	name: "semaphore", arg: "limit", argExample: "2", argRequired: true,
	doc: "a counting semaphore of limit permits: acquire waits while every permit is held (guide 9.2)",
	ops: []opSpec{
		{name: "acquire", result: resultOptional, blocking: true, example: "acquire()", parse: func(_ []string, r string, has bool) (any, any, error) {
			if has && r != "true" {
				return nil, nil, fmt.Errorf("result %q: an acquire that returns holds a permit: write acquire() or acquire() -> true", r)
			}
			return models.SemaphoreInput{Op: models.SemaphoreAcquire}, models.SemaphoreOutput{OK: true}, nil
		}},
		{name: "tryAcquire", result: resultRequired, example: "tryAcquire() -> true", parse: func(_ []string, r string, has bool) (any, any, error) {
			ok, err := boolResult(r)
			if !has {
				ok, err = false, nil
			}
			return models.SemaphoreInput{Op: models.SemaphoreTry}, models.SemaphoreOutput{OK: ok}, err
		}},
		{name: "release", example: "release()",
			parse: fixed(models.SemaphoreInput{Op: models.SemaphoreRelease}, models.SemaphoreOutput{})},
	},
	build: func(arg string) (erased, error) {
		n, err := positive(arg)
		if err != nil {
			return erased{}, err
		}
		return behaviour(models.Semaphore(n))
	},
}
