package sched_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/weftlab/weft/checks/sched"
)

func TestChan_UnbufferedRendezvous(t *testing.T) {
	ch := sched.NewChan[int](0)
	got := make(chan int)
	go func() { got <- ch.Recv() }()
	ch.Send(7) // returns only once the receiver has the value
	assert.Equal(t, 7, <-got)
	assert.Equal(t, 0, ch.Cap())
}

func TestChan_CloseDrainsThenZero(t *testing.T) {
	ch := sched.NewChan[string](2)
	ch.Send("a")
	assert.Equal(t, 1, ch.Len())
	ch.Close()
	v, ok := ch.RecvOK()
	assert.Equal(t, "a", v)
	assert.True(t, ok)
	v, ok = ch.RecvOK()
	assert.Equal(t, "", v)
	assert.False(t, ok)
	assert.Panics(t, func() { ch.Send("b") })
}

func TestChan_All(t *testing.T) {
	ch := sched.NewChan[int](3)
	for i := range 3 {
		ch.Send(i)
	}
	ch.Close()
	assert.Equal(t, []int{0, 1, 2}, slices.Collect(ch.All()))

	ch = sched.NewChan[int](3)
	ch.Send(1)
	ch.Send(2)
	for v := range ch.All() {
		assert.Equal(t, 1, v)
		break // stopping early leaves the rest in the channel
	}
	assert.Equal(t, 1, ch.Len())
}

func TestSelect_PicksTheReadyCase(t *testing.T) {
	a, b := sched.NewChan[int](1), sched.NewChan[string](1)
	b.Send("x")
	var s string
	var ok bool
	assert.Equal(t, 1, sched.Select(a.RecvCase(nil, nil), b.RecvCase(&s, &ok)))
	assert.Equal(t, "x", s)
	assert.True(t, ok)

	assert.Equal(t, 0, sched.Select(a.SendCase(5), b.RecvCase(nil, nil)))
	assert.Equal(t, 5, a.Recv())
}

func TestSelect_DefaultWhenNothingReady(t *testing.T) {
	a := sched.NewChan[int](0)
	assert.Equal(t, 1, sched.Select(a.RecvCase(nil, nil), sched.Default()))
}

func TestSelect_NilChanNeverFires(t *testing.T) {
	var off *sched.Chan[int]
	on := sched.NewChan[int](1)
	on.Send(1)
	for range 100 {
		assert.Equal(t, 1, sched.Select(off.RecvCase(nil, nil), on.RecvCase(nil, nil)))
		on.Send(1)
	}
}

// Select passes its cases to the engine in a buffer of 8 on the stack; more
// cases must keep their order and index.
func TestSelect_ManyCasesKeepTheirIndex(t *testing.T) {
	chans := make([]*sched.Chan[int], 12)
	cases := make([]sched.Case, len(chans))
	for i := range chans {
		chans[i] = sched.NewChan[int](1)
	}
	for ready := range chans {
		var got int
		for i, c := range chans {
			if i == ready {
				cases[i] = c.RecvCase(&got, nil)
			} else {
				cases[i] = c.RecvCase(nil, nil)
			}
		}
		chans[ready].Send(100 + ready)
		assert.Equal(t, ready, sched.Select(cases...))
		assert.Equal(t, 100+ready, got)
	}
}

func TestSelect_ClosedChannelGivesZeroAndNotOK(t *testing.T) {
	a := sched.NewChan[int](0)
	a.Close()
	v, ok := 9, true
	assert.Equal(t, 0, sched.Select(a.RecvCase(&v, &ok)))
	assert.Equal(t, 0, v)
	assert.False(t, ok)
}

func TestAfter_Fires(t *testing.T) {
	never := sched.NewChan[int](0)
	start := time.Now()
	assert.Equal(t, 1, sched.Select(never.RecvCase(nil, nil), sched.After(time.Millisecond).RecvCase(nil, nil)))
	assert.GreaterOrEqual(t, time.Since(start), time.Millisecond)
}
