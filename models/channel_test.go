package models_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

var (
	chanRecv  = models.ChanInput{Op: models.ChanRecv}
	chanLen   = models.ChanInput{Op: models.ChanLen}
	chanClose = models.ChanInput{Op: models.ChanClose}
)

func chanSend(v int) models.ChanInput { return models.ChanInput{Op: models.ChanSend, Value: v} }

type chanStep = step[models.ChanState, models.ChanInput, models.ChanOutput]

var (
	sent     = models.ChanOutput{}
	panicked = models.ChanOutput{Panicked: true}
)

func got(v int) models.ChanOutput { return models.ChanOutput{Value: v, OK: true} }

func TestChannel_BufferedSteps(t *testing.T) {
	open := func(items ...int) models.ChanState { return models.ChanState{Items: items} }
	closed := func(items ...int) models.ChanState { return models.ChanState{Items: items, Closed: true} }
	checkSteps(t, models.Channel(2), []chanStep{
		{"send appends", open(1), chanSend(2), sent, true, open(1, 2)},
		{"send cannot take effect when full", open(1, 2), chanSend(3), sent, false, open()},
		{"recv takes the oldest", open(1, 2), chanRecv, got(1), true, open(2)},
		{"recv of the newest overtakes: illegal", open(1, 2), chanRecv, got(2), false, open()},
		{"recv cannot take effect when empty", open(), chanRecv, models.ChanOutput{}, false, open()},
		{"len counts the buffered values", open(1, 2), chanLen, models.ChanOutput{Value: 2}, true, open(1, 2)},
		{"close keeps the buffer", open(1), chanClose, sent, true, closed(1)},
		{"recv drains a closed channel", closed(1), chanRecv, got(1), true, closed()},
		{"recv on closed reports closed only once drained", closed(1), chanRecv, models.ChanOutput{}, false, closed()},
		{"recv on a closed drained channel: zero and false", closed(), chanRecv, models.ChanOutput{}, true, closed()},
		{"send on closed panics", closed(), chanSend(3), panicked, true, closed()},
		{"send on closed cannot succeed", closed(), chanSend(3), sent, false, closed()},
		{"a full closed channel does not block a send: it panics", closed(1, 2), chanSend(3), panicked, true, closed(1, 2)},
		{"close of closed panics", closed(), chanClose, panicked, true, closed()},
		{"close of open does not panic", open(), chanClose, panicked, false, open()},
	})
}

func TestChannel_UnbufferedSteps(t *testing.T) {
	handoff := func(v int) models.ChanState { return models.ChanState{Items: []int{v}, Handoff: true} }
	checkSteps(t, models.Channel(0), []chanStep{
		{"send on open is the first half of a rendezvous", models.ChanState{}, chanSend(1), sent, true, handoff(1)},
		{"its receive completes it", handoff(1), chanRecv, got(1), true, models.ChanState{}},
		{"its receive gets its value", handoff(1), chanRecv, got(2), false, models.ChanState{}},
		{"nothing comes between: not a second send", handoff(1), chanSend(2), sent, false, models.ChanState{}},
		{"nothing comes between: not a close", handoff(1), chanClose, sent, false, models.ChanState{}},
		{"nothing comes between: not a len", handoff(1), chanLen, models.ChanOutput{}, false, models.ChanState{}},
		{"recv with no send waits", models.ChanState{}, chanRecv, models.ChanOutput{}, false, models.ChanState{}},
		{"len is always 0", models.ChanState{}, chanLen, models.ChanOutput{}, true, models.ChanState{}},
		{"send on open does not panic", models.ChanState{}, chanSend(1), panicked, false, models.ChanState{}},
		{"send on closed panics", models.ChanState{Closed: true}, chanSend(1), panicked, true, models.ChanState{Closed: true}},
		{"recv on closed: zero and false", models.ChanState{Closed: true}, chanRecv, models.ChanOutput{}, true, models.ChanState{Closed: true}},
	})
}

// TestChannel_UnbufferedSendWaitsAlone: predicting a call alone (the
// sequential test, the search for scenarios that cannot wait forever), an
// unbuffered send or receive on an open channel waits, since no other call
// can meet it; once the channel is closed neither waits.
func TestChannel_UnbufferedSendWaitsAlone(t *testing.T) {
	b, err := models.Channel(0).Behaviour()
	require.NoError(t, err)
	assert.True(t, b.Blocks(models.ChanState{}, chanSend(1)))
	assert.True(t, b.Blocks(models.ChanState{}, chanRecv))
	assert.False(t, b.Blocks(models.ChanState{}, chanClose))
	assert.False(t, b.Blocks(models.ChanState{Closed: true}, chanSend(1)))
	assert.False(t, b.Blocks(models.ChanState{Closed: true}, chanRecv))
	out, _ := b.Apply(models.ChanState{Closed: true}, chanSend(1))
	assert.Equal(t, panicked, out)
	assert.Equal(t, "channel (unbuffered)", b.Name)
}

func TestChannel_Describe(t *testing.T) {
	b, err := models.Channel(2).Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "recv() → 3, true", b.DescribeOperation(chanRecv, got(3)))
	assert.Equal(t, "recv() → 0, false", b.DescribeOperation(chanRecv, models.ChanOutput{}))
	assert.Equal(t, "send(4) panicked", b.DescribeOperation(chanSend(4), panicked))
	assert.Equal(t, "close()", b.DescribeOperation(chanClose, sent))
	assert.Equal(t, "len() → 1", b.DescribeOperation(chanLen, models.ChanOutput{Value: 1}))
	assert.Equal(t, "send(4)", b.DescribeInput(chanSend(4)))
	assert.Equal(t, "[1 2] (oldest first, 2/2), closed", b.DescribeState(models.ChanState{Items: []int{1, 2}, Closed: true}))
	assert.Equal(t, "empty", b.DescribeState(models.ChanState{}))
	assert.Contains(t, b.DescribeState(models.ChanState{Items: []int{5}, Handoff: true}), "send(5) met by no receive yet")
	assert.Equal(t, "the model says recv() would still be waiting here", b.Explain(models.ChanState{}, chanRecv, models.ChanOutput{}))
}

func TestChannel_StepDoesNotModifyItsState(t *testing.T) {
	b, err := models.Channel(3).Behaviour()
	require.NoError(t, err)
	s := models.ChanState{Items: make([]int, 1, 3)}
	_, n1 := b.Step(s, chanSend(7), sent)
	_, n2 := b.Step(s, chanSend(8), sent)
	assert.Equal(t, []int{0, 7}, n1.(models.ChanState).Items)
	assert.Equal(t, []int{0, 8}, n2.(models.ChanState).Items)
}
