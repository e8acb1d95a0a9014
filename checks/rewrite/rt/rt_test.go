package rt_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/weftlab/weft/checks/rewrite/rt"
	"github.com/weftlab/weft/checks/sched"
)

// A named channel type, rewritten: a named pointer type without methods.
type ints *sched.Chan[int]

func TestRT_NamedChannelType(t *testing.T) {
	var c ints = rt.Make[ints](2)
	rt.Send(c, 1)
	assert.Equal(t, 1, rt.Len(c))
	assert.Equal(t, 2, rt.Cap(c))
	rt.Close(c)
	v, ok := rt.RecvOK(c)
	assert.Equal(t, 1, v)
	assert.True(t, ok)
	_, ok = rt.RecvOK(c)
	assert.False(t, ok)
}

// A nil channel behaves as Go's: length and capacity 0, close panics as the
// runtime does, a send blocks forever, and its select arm never fires.
// MakeOf makes a channel of the element type of the one it is given, nil
// included: the field of a rewritten named channel type with methods.
func TestRT_MakeOf(t *testing.T) {
	var like *sched.Chan[string]
	c := rt.MakeOf(like, 3)
	assert.NotNil(t, c)
	assert.Equal(t, 3, rt.Cap(c))
	rt.Send(c, "a")
	assert.Equal(t, "a", rt.Recv(c))
}

func TestRT_NilChannel(t *testing.T) {
	var c *sched.Chan[int]
	assert.Zero(t, rt.Len(c))
	assert.Zero(t, rt.Cap(c))
	assert.PanicsWithError(t, "close of nil channel", func() { rt.Close(c) })

	sent := make(chan struct{})
	go func() { rt.Send(c, 1); close(sent) }() // blocks for good: leaks on purpose
	select {
	case <-sent:
		t.Fatal("a send on a nil channel returned")
	case <-time.After(20 * time.Millisecond):
	}

	r := rt.OnRecv(c)
	assert.Equal(t, 1, sched.Select(r.Case, sched.Default()))
}

func TestRT_SelectArms(t *testing.T) {
	a, b := sched.NewChan[string](1), sched.NewChan[int](0)
	a.Send("x")
	r := rt.OnRecv(a)
	assert.Equal(t, 0, sched.Select(r.Case, rt.OnSend(b, 1)))
	assert.Equal(t, "x", r.V)
	assert.True(t, r.OK)
}

func TestRT_Once(t *testing.T) {
	n := 0
	f := rt.OnceFunc(func() { n++ })
	f()
	f()
	assert.Equal(t, 1, n)

	v := rt.OnceValue(func() int { n++; return n })
	assert.Equal(t, 2, v())
	assert.Equal(t, 2, v())

	a, b := rt.OnceValues(func() (int, error) { return 7, nil })()
	assert.Equal(t, 7, a)
	assert.NoError(t, b)

	p := rt.OnceFunc(func() { panic("boom") })
	assert.PanicsWithValue(t, "boom", p)
	assert.PanicsWithValue(t, "boom", p, "every call panics with the first call's value")
}

func TestRT_AfterFunc(t *testing.T) {
	ran := make(chan struct{})
	ft := rt.AfterFunc(time.Millisecond, func() { close(ran) })
	select {
	case <-ran:
	case <-time.After(5 * time.Second):
		t.Fatal("the function did not run")
	}
	assert.False(t, ft.Stop(), "a timer that fired is no longer pending")

	never := rt.AfterFunc(time.Hour, func() { t.Error("a stopped timer's function ran") })
	assert.True(t, never.Stop())
	assert.False(t, never.Stop())

	again := make(chan struct{})
	rs := rt.AfterFunc(time.Hour, func() { close(again) })
	assert.True(t, rs.Reset(time.Millisecond))
	select {
	case <-again:
	case <-time.After(5 * time.Second):
		t.Fatal("the function of a reset timer did not run")
	}
}

func TestRT_Pull(t *testing.T) {
	ran := 0
	seq := func(yield func(int) bool) {
		for i := 1; i <= 3; i++ {
			ran = i
			if !yield(i) {
				return
			}
		}
	}
	next, stop := rt.Pull(seq)
	assert.Zero(t, ran, "the sequence starts at the first next")
	for want := 1; want <= 3; want++ {
		v, ok := next()
		assert.True(t, ok)
		assert.Equal(t, want, v)
		assert.Equal(t, want, ran, "the sequence runs only up to the value next returned")
	}
	v, ok := next()
	assert.False(t, ok)
	assert.Zero(t, v)
	stop()

	next, stop = rt.Pull(seq)
	v, _ = next()
	assert.Equal(t, 1, v)
	stop()
	stop()
	_, ok = next()
	assert.False(t, ok, "nothing after stop")
	assert.Equal(t, 1, ran, "stop ended the sequence at its pending yield")

	next, _ = rt.Pull(func(yield func(int) bool) { panic("boom") })
	assert.PanicsWithValue(t, "boom", func() { next() }, "the sequence's panic is raised in next")

	next2, stop2 := rt.Pull2(func(yield func(string, int) bool) { yield("a", 1) })
	k, n, ok := next2()
	assert.Equal(t, "a", k)
	assert.Equal(t, 1, n)
	assert.True(t, ok)
	stop2()
}
