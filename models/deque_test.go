package models_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

func TestWorkStealingDeque_Steps(t *testing.T) {
	pop := models.DequeInput{Op: models.DequePop}
	steal := models.DequeInput{Op: models.DequeSteal}
	push := func(v int) models.DequeInput { return models.DequeInput{Op: models.DequePush, Value: v} }
	took := func(v int) models.DequeOutput { return models.DequeOutput{Value: v, OK: true} }
	empty := models.DequeOutput{}
	checkSteps(t, models.WorkStealingDeque(3), []step[[]int, models.DequeInput, models.DequeOutput]{
		{"push adds at the bottom", []int{1}, push(2), models.DequeOutput{OK: true}, true, []int{1, 2}},
		{"push on full fails and adds nothing", []int{1, 2, 3}, push(4), empty, true, []int{1, 2, 3}},
		{"push on full cannot succeed", []int{1, 2, 3}, push(4), models.DequeOutput{OK: true}, false, nil},
		{"push with room cannot fail", []int{1}, push(2), empty, false, nil},
		{"pop takes the bottom (newest)", []int{1, 2}, pop, took(2), true, []int{1}},
		{"pop of the top is illegal", []int{1, 2}, pop, took(1), false, nil},
		{"steal takes the top (oldest)", []int{1, 2}, steal, took(1), true, []int{2}},
		{"steal of the bottom is illegal", []int{1, 2}, steal, took(2), false, nil},
		{"pop of the last item empties", []int{7}, pop, took(7), true, nil},
		{"steal of the last item empties", []int{7}, steal, took(7), true, nil},
		{"pop on empty", nil, pop, empty, true, nil},
		{"steal on empty", nil, steal, empty, true, nil},
		{"an item taken twice is illegal", nil, steal, took(7), false, nil},
		{"steal cannot fail on a non-empty deque", []int{7}, steal, empty, false, nil},
		{"pop cannot fail on a non-empty deque", []int{7}, pop, empty, false, nil},
	})
}

func TestWorkStealingDeque_StepDoesNotModifyItsState(t *testing.T) {
	b, err := models.WorkStealingDeque(4).Behaviour()
	require.NoError(t, err)
	d := make([]int, 2, 10)
	d[0], d[1] = 1, 2
	_, a := b.Step(d, models.DequeInput{Op: models.DequePush, Value: 3}, models.DequeOutput{OK: true})
	_, c := b.Step(d, models.DequeInput{Op: models.DequePush, Value: 4}, models.DequeOutput{OK: true})
	assert.Equal(t, []int{1, 2, 3}, a)
	assert.Equal(t, []int{1, 2, 4}, c)
	assert.Equal(t, []int{1, 2}, d)
}

func TestWorkStealingDeque_Describe(t *testing.T) {
	b, err := models.WorkStealingDeque(4).Behaviour()
	require.NoError(t, err)
	push := models.DequeInput{Op: models.DequePush, Value: 5}
	steal := models.DequeInput{Op: models.DequeSteal}
	assert.Equal(t, "work-stealing deque (capacity 4)", b.Name)
	assert.Equal(t, "push(5)", b.DescribeInput(push))
	assert.Equal(t, "steal()", b.DescribeInput(steal))
	assert.Equal(t, "push(5)", b.DescribeOperation(push, models.DequeOutput{OK: true}))
	assert.Equal(t, "push(5) → full", b.DescribeOperation(push, models.DequeOutput{}))
	assert.Equal(t, "steal() → 3", b.DescribeOperation(steal, models.DequeOutput{Value: 3, OK: true}))
	assert.Equal(t, "pop() → empty", b.DescribeOperation(models.DequeInput{Op: models.DequePop}, models.DequeOutput{}))
	assert.Equal(t, "[1 2] (top first, 2/4)", b.DescribeState([]int{1, 2}))
	assert.Equal(t, "empty", b.DescribeState([]int(nil)))
	assert.Equal(t, "the model says steal() → 1", b.Explain([]int{1, 2}, steal, models.DequeOutput{Value: 2, OK: true}))
}

func TestDequeOp_JSONByName(t *testing.T) {
	var op models.DequeOp
	require.NoError(t, op.UnmarshalText([]byte("steal")))
	assert.Equal(t, models.DequeSteal, op)
	text, err := models.DequePush.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "push", string(text))
	assert.Error(t, op.UnmarshalText([]byte("grab")))
}
