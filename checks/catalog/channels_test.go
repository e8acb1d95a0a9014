package catalog

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

// early is an "unbuffered" channel whose send returns before any receive
// has its value: a one-slot buffer. Its histories can still linearize in
// the unbuffered model (the receive placed right after the send); the
// rendezvous requirement is what rejects it.
type early struct{ ch chan int }

func (e *early) Send(v int)        { e.ch <- v }
func (e *early) Recv() (int, bool) { v, ok := <-e.ch; return v, ok }
func (e *early) Close()            { close(e.ch) }
func (e *early) Len() int          { return 0 }

func channelOp(t *testing.T, name string) func(*watched[*early], models.ChanInput) models.ChanOutput {
	for _, op := range channelOps[*early]() {
		if op.Name == name {
			return op.Run
		}
	}
	t.Fatalf("no channel operation %q", name)
	return nil
}

func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func TestChannelOps_ASendThatReturnsBeforeAnyReceiveBreaksTheRendezvous(t *testing.T) {
	send := channelOp(t, "send")
	w := &watched[*early]{ch: &early{make(chan int, 1)}}
	r := recovered(func() { send(w, models.ChanInput{Op: models.ChanSend, Value: 4}) })
	require.NotNil(t, r, "the requirement did not fail")
	assert.Contains(t, fmt.Sprint(r), "requirement violated")
	assert.Contains(t, fmt.Sprint(r), "send(4) returned, the 1 sends returned are more than the room for 0 buffered values and the 0 receives begun")

	// Once a receive has begun, the same send may return.
	w = &watched[*early]{ch: &early{make(chan int, 1)}}
	w.receiving.Store(1)
	assert.Nil(t, recovered(func() { send(w, models.ChanInput{Op: models.ChanSend, Value: 4}) }))
	// A buffered channel may return that many sends before any receive.
	w = &watched[*early]{ch: &early{make(chan int, 1)}, capacity: 1}
	assert.Nil(t, recovered(func() { send(w, models.ChanInput{Op: models.ChanSend, Value: 4}) }))
}

func TestChannelOps_AReceiveOfAClosedChannelDoesNotCount(t *testing.T) {
	recv := channelOp(t, "recv")
	w := &watched[*early]{ch: &early{make(chan int, 1)}}
	w.ch.Close()
	assert.Equal(t, models.ChanOutput{}, recv(w, models.ChanInput{Op: models.ChanRecv}))
	assert.Zero(t, w.receiving.Load())
}

func TestChannelOps_PanicsOnAClosedChannelAreResults(t *testing.T) {
	send, closeOp := channelOp(t, "send"), channelOp(t, "close")
	w := &watched[*early]{ch: &early{make(chan int, 1)}}
	assert.Equal(t, models.ChanOutput{}, closeOp(w, models.ChanInput{Op: models.ChanClose}))
	assert.Equal(t, models.ChanOutput{Panicked: true}, closeOp(w, models.ChanInput{Op: models.ChanClose}))
	assert.Equal(t, models.ChanOutput{Panicked: true}, send(w, models.ChanInput{Op: models.ChanSend, Value: 1}))
	assert.Zero(t, w.sent.Load(), "a send that panicked returned nothing")

	// Any other panic goes on.
	assert.Equal(t, "boom", recovered(func() { panicsOnClosed(func() { panic("boom") }) }))
}
