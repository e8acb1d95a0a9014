package pipeline

import (
	"context"
	"sync"
)

// IgnoresStop is the pipeline whose workers are the guide's own: they send
// each square with a plain `out <- v * v`, never looking at ctx. Broken on
// purpose for a consumer that stops early; read to the end, it is right.
//
// What goes wrong: the consumer cancels ctx and stops receiving; the
// forwarders of [FanIn] see ctx.Done and return; a worker that holds a
// square then (it received a value before the cancel, or after it, since
// the generator's select may still pick the send while a worker waits to
// receive) blocks forever on its send, which nobody will receive. The
// worker outlives the program: a leak.
var IgnoresStop = Pipeline{FanOut: FanOutIgnoringStop, FanIn: FanIn}

// FanOutIgnoringStop is the guide's fanOut as written (without its sleep
// and print): a worker's send waits for a receiver, with no way out.
func FanOutIgnoringStop(_ context.Context, input <-chan int, workers int) []<-chan int {
	channels := make([]<-chan int, workers)
	for i := range workers {
		out := make(chan int)
		channels[i] = out
		go func() {
			defer close(out)
			for v := range input {
				out <- v * v
			}
		}()
	}
	return channels
}

// ClosesEarly is the pipeline whose merge closes its output as soon as one
// worker's channel is closed, as if all the workers finished together.
// Broken on purpose.
//
// What goes wrong: the first worker to see its input closed closes its
// channel, and its forwarder closes the merged channel while another
// forwarder may still hold a square it received. That forwarder's send
// then panics (send on closed channel), and the consumer, whose range
// ended at the close, never receives that square: the output is not the
// squares of the input (a lost item), so the sum is short. The close and
// that send are not ordered by any synchronization: a data race, which the
// race detector reports.
var ClosesEarly = Pipeline{FanOut: FanOut, FanIn: FanInClosingEarly}

// FanInClosingEarly merges like [FanIn], but the first forwarder whose
// channel is closed closes the merged channel (once, so no second close
// panics) instead of waiting for the others.
func FanInClosingEarly(ctx context.Context, channels ...<-chan int) <-chan int {
	merged := make(chan int)
	var once sync.Once
	for _, c := range channels {
		go func() {
			defer once.Do(func() { close(merged) })
			forward(ctx, c, merged)
		}()
	}
	return merged
}
