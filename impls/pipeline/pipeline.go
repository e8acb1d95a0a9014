// Package pipeline is the guide's fan-out / fan-in pipeline (section 8.2),
// in plain Go, with the cancellation the guide leaves out: a generator sends
// 1..n, workers (the guide has 4) square what they receive, a merge
// forwards every worker's results onto one channel, and the consumer sums
// them (the guide prints "Sum of squares"). A consumer that stops early
// cancels the context it passed in, and every stage then ends.
//
// There is no sequential model: a pipeline is a whole program, not a
// structure whose calls could be ordered. What is checked (the catalog's
// pipeline programs state it with checks.Require, and weft's leak verdict
// covers the rest):
//
//   - consumed to the end, the output is exactly the squares of 1..n, each
//     once, so the sum is n(n+1)(2n+1)/6 (2870 for the guide's 20);
//   - consumed only in part, what was received is part of that multiset:
//     squares of the input, none twice;
//   - every goroutine of every stage ends, whether the consumer read to the
//     end or cancelled after a few values (a goroutine still alive after
//     the program returned is a leak).
//
// The guide's workers sleep a random time to simulate processing; here the
// scheduler (the stress perturbation or the controlled strategies) decides
// the interleavings, so the stages do not sleep: a sleep would only slow
// stress down, and a random one would make a controlled run unrepeatable.
//
// [Correct] wires the stages of this file; the broken variants of zoo.go
// each replace one stage.
package pipeline

import (
	"context"
	"sync"
)

// A Pipeline is the guide's pipeline with its two stages that vary: FanOut
// starts the workers and FanIn merges their channels.
type Pipeline struct {
	// FanOut starts workers goroutines that each receive from input and
	// send the square of each value on a channel of their own, closed when
	// input is closed or ctx is done.
	FanOut func(ctx context.Context, input <-chan int, workers int) []<-chan int
	// FanIn forwards what each channel carries onto one channel, closed
	// once every channel is closed (or, when ctx is done, once every
	// forwarder has stopped).
	FanIn func(ctx context.Context, channels ...<-chan int) <-chan int
}

// Correct is the guide's pipeline with cancellation: every send of every
// stage also waits on ctx.Done, so no stage can block forever once the
// consumer has stopped receiving and cancelled ctx.
var Correct = Pipeline{FanOut: FanOut, FanIn: FanIn}

// Squares runs the pipeline on 1..n with that many workers and returns the
// merged channel of squares. The consumer either receives until the channel
// is closed, or cancels ctx to stop early; in both cases every goroutine the
// pipeline started ends.
func (p Pipeline) Squares(ctx context.Context, n, workers int) <-chan int {
	return p.FanIn(ctx, p.FanOut(ctx, Generate(ctx, n), workers)...)
}

// Generate sends 1, 2, ..., n on the channel it returns and closes it
// after n, or as soon as ctx is done.
func Generate(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// FanOut is the guide's fanOut with cancellation: each worker's send also
// waits on ctx.Done, and a worker that sees it returns, closing its
// channel. A worker whose input is closed closes its channel too.
func FanOut(ctx context.Context, input <-chan int, workers int) []<-chan int {
	channels := make([]<-chan int, workers)
	for i := range workers {
		out := make(chan int)
		channels[i] = out
		go func() {
			defer close(out)
			for v := range input {
				select {
				case out <- v * v:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	return channels
}

// FanIn is the guide's fanIn with cancellation: one forwarder per channel,
// which stops as soon as ctx is done, whether it waits to receive from its
// worker or to send on the merged channel, and one goroutine that closes
// the merged channel after every forwarder is done (wg.Wait). The close
// happens after the last forwarder's last send, so the consumer's range
// receives every value forwarded before it ends.
func FanIn(ctx context.Context, channels ...<-chan int) <-chan int {
	merged := make(chan int)
	var wg sync.WaitGroup
	for _, c := range channels {
		wg.Add(1) // before the goroutine starts, so Wait cannot pass too soon
		go func() {
			defer wg.Done()
			forward(ctx, c, merged)
		}()
	}
	go func() {
		wg.Wait()
		close(merged)
	}()
	return merged
}

// forward sends what c carries on merged until c is closed or ctx is done.
// It leaves at ctx.Done without draining c: a worker that still sends on c
// must itself stop at ctx.Done.
func forward(ctx context.Context, c <-chan int, merged chan<- int) {
	for {
		select {
		case v, ok := <-c:
			if !ok {
				return
			}
			select {
			case merged <- v:
			case <-ctx.Done():
				return
			}
		case <-ctx.Done():
			return
		}
	}
}
