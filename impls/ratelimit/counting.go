package ratelimit

import (
	"context"
	"sync/atomic"
	"time"
)

// CountingLimiter is the token bucket as a count instead of the guide's
// channel of tokens, with the same contract as [RateLimiter]: the way a
// limiter is often written by hand, and the correct twin of
// [OverAdmitting]. An admission takes effect at the compare-and-swap that
// takes a token from a positive count (its linearization point).
type CountingLimiter struct {
	tokens   atomic.Int64
	capacity int64
	// wake tells a waiting Acquire that a refill came. It has room for one
	// signal, so that a refill between a waiter's look at the count and its
	// wait is not lost; a waiter that finds the token gone waits again.
	wake     chan struct{}
	ctx      context.Context // done once Close is called
	cancel   context.CancelFunc
	refilled chan struct{} // closed when the refill goroutine returns
}

// NewCountingLimiter returns a limiter whose bucket holds maxTokens tokens,
// all there at the start, and gains one every refillRate unless it is
// full, from a goroutine that runs until Close.
func NewCountingLimiter(maxTokens int, refillRate time.Duration) *CountingLimiter {
	ctx, cancel := context.WithCancel(context.Background())
	l := &CountingLimiter{capacity: int64(maxTokens), wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel, refilled: make(chan struct{})}
	l.tokens.Store(l.capacity)
	go func() {
		defer close(l.refilled)
		ticker := time.NewTicker(refillRate)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				// Only Acquires decrement, so a count read below the
				// capacity stays below it until this Add.
				if l.tokens.Load() < l.capacity {
					l.tokens.Add(1)
				}
				select {
				case l.wake <- struct{}{}:
				default: // a signal is pending already
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return l
}

// Acquire takes a token, waiting for one until ctx ends or the limiter is
// closed, with the results of [RateLimiter.Acquire].
func (l *CountingLimiter) Acquire(ctx context.Context) error {
	return l.acquire(ctx, func() bool {
		for {
			n := l.tokens.Load()
			if n <= 0 {
				return false
			}
			if l.tokens.CompareAndSwap(n, n-1) {
				return true
			}
		}
	})
}

// acquire is Acquire with take, which takes a token if there is one.
func (l *CountingLimiter) acquire(ctx context.Context, take func() bool) error {
	for {
		if closed(l.ctx) {
			return ErrClosed
		}
		if take() {
			return nil
		}
		select {
		case <-l.wake:
		case <-l.ctx.Done():
			return ErrClosed
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Close stops the refill and releases every Acquire, present and future,
// with ErrClosed. It returns once the refill goroutine has ended.
func (l *CountingLimiter) Close() {
	l.cancel()
	<-l.refilled
}
