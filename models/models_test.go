package models_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

// step is one single-step case: from state, does in → out take effect, and
// what state follows.
type step[S any, I any, O comparable] struct {
	name  string
	state S
	in    I
	out   O
	ok    bool
	next  S // checked only when ok
}

func checkSteps[S any, I any, O comparable](t *testing.T, spec models.Spec[I, O], steps []step[S, I, O]) {
	t.Helper()
	b, err := spec.Behaviour()
	require.NoError(t, err)
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			ok, next := b.Step(s.state, s.in, s.out)
			require.Equal(t, s.ok, ok, "Step(%s, %s)", b.DescribeState(s.state), b.DescribeOperation(s.in, s.out))
			if ok {
				assert.True(t, b.Equal(s.next, next), "next state: want %s, got %s",
					b.DescribeState(s.next), b.DescribeState(next))
			}
		})
	}
}

func TestCounter_Steps(t *testing.T) {
	inc := models.CounterInput{Op: models.CounterInc, Key: "a"}
	get := models.CounterInput{Op: models.CounterGet, Key: "a"}
	checkSteps(t, models.Counter, []step[int, models.CounterInput, models.CounterOutput]{
		{"inc adds one", 2, inc, models.CounterOutput{}, true, 3},
		{"get returns the count", 3, get, models.CounterOutput{Value: 3}, true, 3},
		{"get of a stale count is illegal", 3, get, models.CounterOutput{Value: 2}, false, 0},
		{"inc returns nothing", 0, inc, models.CounterOutput{Value: 1}, false, 0},
	})
}

func TestCounter_Describe(t *testing.T) {
	b, err := models.Counter.Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "get(a) → 3", b.DescribeOperation(models.CounterInput{Op: models.CounterGet, Key: "a"}, models.CounterOutput{Value: 3}))
	assert.Equal(t, "inc()", b.DescribeOperation(models.CounterInput{Op: models.CounterInc}, models.CounterOutput{}))
	assert.Equal(t, "get()", b.DescribeInput(models.CounterInput{Op: models.CounterGet}))
	assert.Equal(t, "b", b.PartitionKey(models.CounterInput{Key: "b"}))
	assert.Equal(t, "7", b.DescribeState(7))
}

func TestRegister_Steps(t *testing.T) {
	load := models.RegisterInput{Op: models.RegisterLoad}
	cas := models.RegisterInput{Op: models.RegisterCAS, Old: 1, New: 2}
	checkSteps(t, models.Register, []step[int, models.RegisterInput, models.RegisterOutput]{
		{"load", 5, load, models.RegisterOutput{Value: 5}, true, 5},
		{"stale load", 5, load, models.RegisterOutput{Value: 4}, false, 0},
		{"store replaces", 5, models.RegisterInput{Op: models.RegisterStore, Value: 9}, models.RegisterOutput{}, true, 9},
		{"cas succeeds on a match", 1, cas, models.RegisterOutput{OK: true}, true, 2},
		{"cas fails on a mismatch", 3, cas, models.RegisterOutput{OK: false}, true, 3},
		{"cas cannot succeed on a mismatch", 3, cas, models.RegisterOutput{OK: true}, false, 0},
		{"cas cannot fail on a match", 1, cas, models.RegisterOutput{OK: false}, false, 0},
	})
}

func TestStack_Steps(t *testing.T) {
	pop := models.StackInput{Op: models.StackPop}
	checkSteps(t, models.Stack, []step[[]int, models.StackInput, models.StackOutput]{
		{"push on top", []int{1}, models.StackInput{Op: models.StackPush, Value: 2}, models.StackOutput{}, true, []int{1, 2}},
		{"pop the top", []int{1, 2}, pop, models.StackOutput{Value: 2, OK: true}, true, []int{1}},
		{"pop the bottom is illegal", []int{1, 2}, pop, models.StackOutput{Value: 1, OK: true}, false, nil},
		{"pop empty", nil, pop, models.StackOutput{}, true, nil},
		{"pop a value from empty is illegal", nil, pop, models.StackOutput{Value: 1, OK: true}, false, nil},
		{"empty when not empty is illegal", []int{1}, pop, models.StackOutput{}, false, nil},
	})
}

func TestStack_StepDoesNotModifyItsState(t *testing.T) {
	b, err := models.Stack.Behaviour()
	require.NoError(t, err)
	s := make([]int, 2, 10)
	s[0], s[1] = 1, 2
	_, a := b.Step(s, models.StackInput{Op: models.StackPush, Value: 3}, models.StackOutput{})
	_, c := b.Step(s, models.StackInput{Op: models.StackPush, Value: 4}, models.StackOutput{})
	assert.Equal(t, []int{1, 2, 3}, a)
	assert.Equal(t, []int{1, 2, 4}, c)
	assert.Equal(t, "[1 2] (top last)", b.DescribeState(s))
	assert.Equal(t, "empty", b.DescribeState([]int(nil)))
	assert.Equal(t, b.Hash([]int{1, 2}), b.Hash(s))
}

func TestBlockingQueue_Steps(t *testing.T) {
	take := models.QueueInput{Op: models.QueueTake}
	put := func(v int) models.QueueInput { return models.QueueInput{Op: models.QueuePut, Value: v} }
	checkSteps(t, models.BlockingQueue(2), []step[[]int, models.QueueInput, models.QueueOutput]{
		{"put appends", []int{1}, put(2), models.QueueOutput{}, true, []int{1, 2}},
		{"put cannot take effect when full", []int{1, 2}, put(3), models.QueueOutput{}, false, nil},
		{"take the oldest", []int{1, 2}, take, models.QueueOutput{Value: 1}, true, []int{2}},
		{"take the newest is illegal", []int{1, 2}, take, models.QueueOutput{Value: 2}, false, nil},
		{"take cannot take effect when empty", nil, take, models.QueueOutput{}, false, nil},
	})
}

func TestBlockingQueue_Blocks(t *testing.T) {
	b, err := models.BlockingQueue(2).Behaviour()
	require.NoError(t, err)
	take := models.QueueInput{Op: models.QueueTake}
	put := models.QueueInput{Op: models.QueuePut, Value: 1}
	assert.True(t, b.Blocks([]int(nil), take))
	assert.False(t, b.Blocks([]int(nil), put))
	assert.True(t, b.Blocks([]int{1, 2}, put))
	assert.False(t, b.Blocks([]int{1, 2}, take))
	out, next := b.Apply([]int{4, 5}, take)
	assert.Equal(t, models.QueueOutput{Value: 4}, out)
	assert.Equal(t, []int{5}, next)
	assert.Equal(t, "[4 5] (oldest first, 2/2)", b.DescribeState([]int{4, 5}))
}

func TestActorCounter_Steps(t *testing.T) {
	get := models.ActorInput{Op: models.ActorGet}
	checkSteps(t, models.ActorCounter, []step[int, models.ActorInput, models.ActorOutput]{
		{"inc", 1, models.ActorInput{Op: models.ActorInc}, models.ActorOutput{}, true, 2},
		{"get", 2, get, models.ActorOutput{Value: 2}, true, 2},
		{"stale get", 2, get, models.ActorOutput{Value: 1}, false, 0},
		{"timed-out get is legal anywhere", 2, get, models.ActorOutput{TimedOut: true}, true, 2},
	})
}

func TestPerSender_ASendersGetSeesItsEarlierIncrements(t *testing.T) {
	b, err := models.PerSender(models.ActorCounter).Behaviour()
	require.NoError(t, err)
	inc := func(sender, prior int) models.Sent[models.ActorInput] {
		return models.Sent[models.ActorInput]{Sender: sender, Prior: prior, Async: true, In: models.ActorInput{Op: models.ActorInc}}
	}
	get := func(sender, prior int) models.Sent[models.ActorInput] {
		return models.Sent[models.ActorInput]{Sender: sender, Prior: prior, In: models.ActorInput{Op: models.ActorGet}}
	}
	s := b.Init()

	// Sender 0 sent one increment before its get: the get cannot come first.
	ok, _ := b.Step(s, get(0, 1), models.ActorOutput{Value: 0})
	assert.False(t, ok, "get placed before its sender's increment landed")

	// Sender 1's get may come before sender 0's increment lands.
	ok, _ = b.Step(s, get(1, 0), models.ActorOutput{Value: 0})
	assert.True(t, ok)

	ok, s = b.Step(s, inc(0, 0), models.ActorOutput{})
	require.True(t, ok)
	ok, _ = b.Step(s, inc(0, 0), models.ActorOutput{})
	assert.False(t, ok, "the same increment cannot land twice")
	ok, _ = b.Step(s, get(0, 1), models.ActorOutput{Value: 1})
	assert.True(t, ok)
	ok, _ = b.Step(s, get(0, 1), models.ActorOutput{Value: 0})
	assert.False(t, ok, "the inner model still judges the value")
	assert.Equal(t, "1; landed per sender [1]", b.DescribeState(s))
}

func TestPerSender_SendersIncrementsLandInOrder(t *testing.T) {
	b, err := models.PerSender(models.ActorCounter).Behaviour()
	require.NoError(t, err)
	second := models.Sent[models.ActorInput]{Sender: 2, Prior: 1, Async: true, In: models.ActorInput{Op: models.ActorInc}}
	ok, _ := b.Step(b.Init(), second, models.ActorOutput{})
	assert.False(t, ok, "a sender's second increment cannot land before its first")
}

func TestPerSender_EqualIgnoresUnusedSenders(t *testing.T) {
	b, err := models.PerSender(models.ActorCounter).Behaviour()
	require.NoError(t, err)
	s := b.Init()
	_, s1 := b.Step(s, models.Sent[models.ActorInput]{Sender: 3, In: models.ActorInput{Op: models.ActorGet}}, models.ActorOutput{})
	assert.True(t, b.Equal(s, s1))
	assert.Equal(t, b.Hash(s), b.Hash(s1))
}

func TestModel_ValidateNamesWhatIsMissing(t *testing.T) {
	m := models.Model[[]int, int, int]{Name: "broken"}
	err := m.Validate()
	require.Error(t, err)
	for _, want := range []string{"Init", "Apply or Step", "DescribeInput", "DescribeOperation", "DescribeState", "Equal"} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = models.PerSender[int, int](m).Behaviour()
	assert.Error(t, err)
}

func TestOps_JSONByName(t *testing.T) {
	in := models.StackInput{Op: models.StackPush, Value: 3}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op":"push","value":3}`, string(data))
	var back models.StackInput
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, in, back)
	assert.Error(t, json.Unmarshal([]byte(`{"op":"shove"}`), &back))
	assert.Equal(t, "op(9)", models.StackOp(9).String())
	for _, op := range []interface{ String() string }{models.CounterInc, models.RegisterCAS, models.QueuePut, models.ActorGet} {
		assert.NotContains(t, op.String(), "op(")
	}
}

func TestExplain_SaysWhatTheModelExpects(t *testing.T) {
	b, err := models.Counter.Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "the model says get(a) → 2", b.Explain(2, models.CounterInput{Key: "a"}, models.CounterOutput{Value: 1}))

	q, err := models.BlockingQueue(1).Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "the model says take() would still be waiting here", q.Explain([]int(nil), models.QueueInput{Op: models.QueueTake}, models.QueueOutput{}))

	p, err := models.PerSender(models.ActorCounter).Behaviour()
	require.NoError(t, err)
	get := models.Sent[models.ActorInput]{Sender: 1, Prior: 1, In: models.ActorInput{Op: models.ActorGet}}
	assert.Equal(t, "0 of its sender's earlier fire-and-forget calls have landed here; it needs exactly 1",
		p.Explain(p.Init(), get, models.ActorOutput{}))
	get.Prior = 0
	assert.Equal(t, "the model says get() → 0", p.Explain(p.Init(), get, models.ActorOutput{Value: 3}))

	// A result that differs only where the description does not look is
	// shown raw, or the report would say "get → 1: the model says get → 1".
	type out struct{ V, hidden int }
	alike := models.Model[int, int, out]{Name: "alike", Init: func() int { return 1 },
		Apply:         func(s, _ int) (out, int) { return out{V: s}, s },
		DescribeInput: func(int) string { return "get" }, DescribeOperation: func(_ int, o out) string { return fmt.Sprintf("get → %d", o.V) },
		DescribeState: func(int) string { return "" }}
	ab, err := alike.Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "the model says get → 1, which prints alike, but the values differ: the result is models_test.out{V:1, hidden:2}, the model's models_test.out{V:1, hidden:0}",
		ab.Explain(1, 0, out{V: 1, hidden: 2}))

	step := models.Model[int, int, int]{Name: "step-only", Init: func() int { return 0 },
		Step:          func(int, int, int) (bool, int) { return false, 0 },
		DescribeInput: func(int) string { return "" }, DescribeOperation: func(int, int) string { return "" },
		DescribeState: func(int) string { return "" }}
	sb, err := step.Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "the model does not allow this result here", sb.Explain(0, 0, 0))
}

func TestBank_Steps(t *testing.T) {
	tr := func(from, to, amount int) models.BankInput {
		return models.BankInput{Op: models.BankTransfer, From: from, To: to, Amount: amount}
	}
	bal := func(a int) models.BankInput { return models.BankInput{Op: models.BankBalance, Account: a} }
	start := models.Accounts{10, 10}
	checkSteps(t, models.Bank(2), []step[models.Accounts, models.BankInput, models.BankOutput]{
		{name: "transfer moves money", state: start, in: tr(0, 1, 4), out: models.BankOutput{OK: true}, ok: true, next: models.Accounts{6, 14}},
		{name: "transfer of everything", state: start, in: tr(1, 0, 10), out: models.BankOutput{OK: true}, ok: true, next: models.Accounts{20, 0}},
		{name: "overdraft is refused", state: start, in: tr(0, 1, 11), out: models.BankOutput{}, ok: true, next: start},
		{name: "a refused transfer cannot report ok", state: start, in: tr(0, 1, 11), out: models.BankOutput{OK: true}, ok: false},
		{name: "balance", state: models.Accounts{3, 17}, in: bal(1), out: models.BankOutput{Balance: 17}, ok: true, next: models.Accounts{3, 17}},
		{name: "stale balance", state: models.Accounts{3, 17}, in: bal(0), out: models.BankOutput{Balance: 10}, ok: false},
	})
	assert.Panics(t, func() { models.Bank(models.MaxAccounts + 1) })
}

func TestBank_Describe(t *testing.T) {
	b, err := models.Bank(3).Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "transfer(0→2, 5) → ok", b.DescribeOperation(models.BankInput{Op: models.BankTransfer, To: 2, Amount: 5}, models.BankOutput{OK: true}))
	assert.Equal(t, "balance(1) → 7", b.DescribeOperation(models.BankInput{Op: models.BankBalance, Account: 1}, models.BankOutput{Balance: 7}))
	assert.Equal(t, "[0: 10, 1: 10, 2: 10]", b.DescribeState(b.Init()))
}
