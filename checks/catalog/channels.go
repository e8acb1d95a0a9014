package catalog

import (
	"fmt"
	"sync/atomic"
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/impls/chans"
	"github.com/weftlab/weft/models"
)

// chanCapacity is the capacity of the buffered Go channel: the guide's
// example buffers 3 (8.1); 2 fills up within a few calls, so that sends
// wait often. The hand-made channels buffer handmadeCapacity: their bugs
// need a full buffer and a parked sender, which one value and two sends
// make, and larger scenarios make rarer: with 2 (and close-later among
// their operations), stress missed the overtaking receive in 3 of 20 seeds
// within 20 s and bounded search in 8; with 1, stress caught it in 0.1 s
// (median) and never missed.
const (
	chanCapacity     = 2
	handmadeCapacity = 1
)

// closeLater is how long the close-later operation sleeps before it closes.
const closeLater = 200 * time.Microsecond

// channel is what the channel variants share: the Go statements on a chan
// int, as methods.
type channel interface {
	Send(v int)
	Recv() (int, bool)
	Close()
	Len() int
}

// watched is a channel under check, with the counts its rendezvous
// requirement reads (see channelOps).
type watched[C channel] struct {
	ch       C
	capacity int
	// receiving counts the receives that have begun, less those that
	// returned zero and false: every receive that takes a value is in it
	// from before it takes it.
	receiving atomic.Int64
	// sent counts the sends that returned.
	sent atomic.Int64
}

// channelOps checks the four channel statements against models.Channel.
// A send or close that panics on a closed channel returns Panicked, a
// result the model predicts; any other panic is a failure.
//
// Each send that returns also requires what a linearization cannot say
// about an unbuffered channel, whose model places a send's point right
// before its receive's but cannot make the two calls overlap: a send
// returns only once its value is buffered or received. So when the n-th
// send returns, n ≤ capacity + receives begun (those that ended with zero
// and false aside). It holds of every correct channel: of the values
// of the n sends, at most capacity are buffered, and each of the others was
// taken by a distinct receive, whose count went up before it took the
// value, so before the send returned and counted itself (sequentially
// consistent atomics). With capacity 0, it is the rendezvous.
func channelOps[C channel]() []checks.Op[*watched[C], models.ChanInput, models.ChanOutput] {
	return []checks.Op[*watched[C], models.ChanInput, models.ChanOutput]{
		{
			Name:  "recv",
			Input: rapid.Just(models.ChanInput{Op: models.ChanRecv}),
			Run: func(w *watched[C], _ models.ChanInput) models.ChanOutput {
				w.receiving.Add(1)
				v, ok := w.ch.Recv()
				if !ok {
					w.receiving.Add(-1)
				}
				return models.ChanOutput{Value: v, OK: ok}
			},
		},
		{
			Name: "send",
			Input: rapid.Custom(func(t *rapid.T) models.ChanInput {
				return models.ChanInput{Op: models.ChanSend, Value: value.Draw(t, "value")}
			}),
			Run: func(w *watched[C], in models.ChanInput) models.ChanOutput {
				if panicsOnClosed(func() { w.ch.Send(in.Value) }) {
					return models.ChanOutput{Panicked: true}
				}
				n, receiving := w.sent.Add(1), w.receiving.Load()
				checks.Require(n <= int64(w.capacity)+receiving,
					"a send returns only once its value is buffered or received: send(%d) returned, the %d sends returned "+
						"are more than the room for %d buffered values and the %d receives begun", in.Value, n, w.capacity, receiving)
				return models.ChanOutput{}
			},
		},
		{
			Name:  "len",
			Input: rapid.Just(models.ChanInput{Op: models.ChanLen}),
			Run:   func(w *watched[C], _ models.ChanInput) models.ChanOutput { return models.ChanOutput{Value: w.ch.Len()} },
		},
		{
			Name:  "close",
			Input: rapid.Just(models.ChanInput{Op: models.ChanClose}),
			Run: func(w *watched[C], _ models.ChanInput) models.ChanOutput {
				return models.ChanOutput{Panicked: panicsOnClosed(w.ch.Close)}
			},
		},
	}
}

// unbufferedOps are channelOps and close-later, a close that comes late:
// under control its sleep ends only once every other goroutine waits or is
// done (virtual time moves only then), so the sends and receives that can
// meet do before it, and it releases the rest. It is what lets an
// unbuffered scenario rendezvous at all, since the model keeps an
// unbuffered send only when a client closes first thing. A buffered
// channel does without: a second kind of close would make closes twice as
// frequent, and scenarios that fill the buffer rarer.
func unbufferedOps[C channel]() []checks.Op[*watched[C], models.ChanInput, models.ChanOutput] {
	return append(channelOps[C](), checks.Op[*watched[C], models.ChanInput, models.ChanOutput]{
		Name:  "close-later",
		Input: rapid.Just(models.ChanInput{Op: models.ChanClose}),
		Run: func(w *watched[C], _ models.ChanInput) models.ChanOutput {
			time.Sleep(closeLater)
			return models.ChanOutput{Panicked: panicsOnClosed(w.ch.Close)}
		},
	})
}

// panicsOnClosed calls f and reports whether it panicked as a send or a
// close on a closed channel does. Any other panic goes on: a requirement's,
// or the controller's unwinding of an execution it stops.
func panicsOnClosed(f func()) (panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			if s := fmt.Sprint(r); s != "send on closed channel" && s != "close of closed channel" {
				panic(r)
			}
			panicked = true
		}
	}()
	f()
	return false
}

// channelEntry is the entry of a channel of the given capacity made by
// newChan. It is of C's package: the watch around it is the catalog's.
func channelEntry[C channel](expect checks.Verdict, name string, capacity int, newChan func(int) C) Entry {
	ops := channelOps[C]
	if capacity == 0 {
		ops = unbufferedOps[C]
	}
	e := entry("8.1", expect, name, models.Channel(capacity),
		func() *watched[C] { return &watched[C]{ch: newChan(capacity), capacity: capacity} }, ops)
	e.Package = packageOf[C]()
	return e
}

// zooSchedules has bounded search explore 1,000 schedules of a scenario
// rather than 10,000 before it draws another: the hand-made channels' bugs
// are within a few preemptions in many scenarios, rather than deep in few.
// Over 20 seeds each (make detect), it took the median time to catch them
// from 3.7 s to 0.5 s, and the worst from over 20 s (a miss) to 3.6 s.
var zooSchedules = checks.Options{Schedules: 1000}

// goChannel marks an entry of Go's own channel. Its scenarios close the
// channel while other clients send, on purpose, to check that the sends
// panic; but the race detector reports a close concurrent with a send as a
// data race (its documentation lists "unsynchronized send and close
// operations"), since Go wants the senders to be done before the close.
// So under the race detector only control, whose handoffs order the two,
// runs them. The hand-made channels' close and send synchronize through
// their mutex and need no such care.
func goChannel(e Entry) Entry {
	if israce.Enabled {
		return e.OnlyControlled("under the race detector, a close concurrent with a send is a data race by Go's definition, " +
			"and these scenarios race them on purpose")
	}
	return e
}

var channels = []Entry{
	goChannel(channelEntry(checks.Ok, "chans/buffered", chanCapacity, chans.New)),
	// Drawn scenarios keep an unbuffered send or receive only when some
	// client closes the channel first thing (see models.Channel), best
	// with close-later; a rendezvous then needs two more clients, a sender
	// and a receiver, which up to 4 clients rather than 3 leave room for.
	goChannel(channelEntry(checks.Ok, "chans/unbuffered", 0, chans.New).WithOptions(checks.Options{Clients: 4})),
	channelEntry(checks.Ok, "chans/handmade", handmadeCapacity, chans.NewHandmade),
	channelEntry(checks.NotLinearizable, "chans/overtaking", handmadeCapacity, chans.NewOvertaking).WithOptions(zooSchedules),
	channelEntry(checks.NotLinearizable, "chans/lossy-close", handmadeCapacity, chans.NewLossyClose).WithOptions(zooSchedules),
}
