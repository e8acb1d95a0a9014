// Package ratelimit is the guide's token-bucket rate limiter (section 14):
// a bucket of capacity tokens, full at the start, refilled with one token
// every refill period by a goroutine driven by a ticker; Acquire takes a
// token or gives up when its context ends; Close stops the refill.
//
// [RateLimiter] is the guide's code, plus what the guide leaves open about
// Close: Acquire after Close returns [ErrClosed] at once, even with tokens
// left, a waiter blocked in Acquire when Close is called returns ErrClosed
// too, and Close returns only once the refill goroutine has ended.
// [CountingLimiter] keeps the same promises with a count of tokens instead
// of a channel. The bug zoo, in zoo.go: [OverAdmitting] admits more than
// the bucket holds, [LeakyRefill]'s refill goroutine outlives Close, and
// [Unreleasing] leaves a waiter waiting after Close.
//
// # What is checked
//
// A rate limiter is not checked for linearizability: whether an Acquire
// may succeed depends on when it takes its token, on a clock, and the
// refills are no one's operations. The catalog (checks/catalog,
// ratelimit.go) runs programs that record the time of every call and
// return on weft's clock, virtual under control, and judges them with
// models.TokenBucket:
//
//   - admissions in a window of length d that starts when the limiter is
//     made number at most capacity + ⌊d / period⌋, on either clock; on the
//     virtual clock, in any window at most capacity + ⌊d / period⌋ + 1 (a
//     window may hold one tick more than its length divided by the period);
//   - on the virtual clock, an Acquire that timed out could not have had a
//     token before its deadline: from its call until just before its
//     deadline, the bucket was empty at the end of every instant (once
//     every admission of that instant was made);
//   - after Close, the refill goroutine ends (weft's leak verdict) and no
//     Acquire waits forever (deadlock and hang verdicts).
//
// An admission takes effect at the receive from the bucket channel (the
// linearization point of a successful Acquire); a timeout at the instant
// the context's deadline closes its Done channel.
package ratelimit

import (
	"context"
	"errors"
	"time"
)

// ErrClosed is what Acquire returns once the limiter is closed.
var ErrClosed = errors.New("ratelimit: limiter closed")

// RateLimiter is the guide's token bucket. Make it with [NewRateLimiter].
type RateLimiter struct {
	tokens     chan struct{}
	refillRate time.Duration
	ctx        context.Context // done once Close is called
	cancel     context.CancelFunc
	refilled   chan struct{} // closed when the refill goroutine returns
}

// NewRateLimiter returns a limiter whose bucket holds maxTokens tokens, all
// there at the start, and gains one every refillRate (a tick that finds
// the bucket full is dropped), from a goroutine that runs until Close.
func NewRateLimiter(maxTokens int, refillRate time.Duration) *RateLimiter {
	ctx, cancel := context.WithCancel(context.Background())
	rl := &RateLimiter{
		tokens:     make(chan struct{}, maxTokens),
		refillRate: refillRate,
		ctx:        ctx,
		cancel:     cancel,
		refilled:   make(chan struct{}),
	}
	fill(rl.tokens)
	go func() {
		defer close(rl.refilled)
		ticker := time.NewTicker(refillRate)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				refill(rl.tokens)
			case <-ctx.Done():
				return
			}
		}
	}()
	return rl
}

// fill puts a full bucket's tokens in tokens.
func fill(tokens chan struct{}) {
	for range cap(tokens) {
		tokens <- struct{}{}
	}
}

// refill adds one token to tokens unless it is full.
func refill(tokens chan struct{}) {
	select {
	case tokens <- struct{}{}:
	default: // already full: the tick is lost, as in the guide
	}
}

// Acquire takes a token, waiting for one until ctx ends or the limiter is
// closed. It returns nil with a token, ctx.Err() when ctx ended first, and
// ErrClosed once Close has been called: at once for an Acquire that starts
// after Close, even if tokens are left. When a token and the end of ctx (or
// Close) become ready at the same instant, either may win: the guide's
// twentieth request meets the fifteenth refill exactly at its deadline.
func (rl *RateLimiter) Acquire(ctx context.Context) error {
	if closed(rl.ctx) {
		return ErrClosed
	}
	select {
	case <-rl.tokens:
		return nil
	case <-rl.ctx.Done():
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// closed reports, without waiting, whether ctx is done: whether Close has
// been called, for the limiter's own context.
func closed(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

// Close stops the refill and releases every Acquire, present and future,
// with ErrClosed. It returns once the refill goroutine has ended; calling
// it again does nothing more.
func (rl *RateLimiter) Close() {
	rl.cancel()
	<-rl.refilled
}
