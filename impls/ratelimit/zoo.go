package ratelimit

import (
	"context"
	"sync/atomic"
	"time"
)

// OverAdmitting counts its tokens in an integer instead of the guide's
// channel, and its Acquire reads the count, then decrements it. Broken on
// purpose.
//
// What goes wrong: the read and the decrement are two steps. Two Acquires
// that both read a count of 1 both decrement it and both return nil: two
// admissions for the last token, and the count goes to -1. Admissions in
// the first refill period then exceed the capacity (the rate bound
// breaks: "requirement violated"); the next refill only pays back the
// debt. A compare-and-swap of n to n-1 would make the two steps one.
type OverAdmitting struct {
	tokens   atomic.Int64
	capacity int64
	// wake tells a waiting Acquire that a refill came: it has room for one
	// signal, so a refill between a waiter's read and its wait is not lost.
	wake     chan struct{}
	ctx      context.Context
	cancel   context.CancelFunc
	refilled chan struct{}
}

// NewOverAdmitting returns an OverAdmitting limiter with a full bucket of
// maxTokens tokens, gaining one every refillRate.
func NewOverAdmitting(maxTokens int, refillRate time.Duration) *OverAdmitting {
	ctx, cancel := context.WithCancel(context.Background())
	l := &OverAdmitting{capacity: int64(maxTokens), wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel, refilled: make(chan struct{})}
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
				default:
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return l
}

// Acquire takes a token like [RateLimiter.Acquire], but not atomically.
func (l *OverAdmitting) Acquire(ctx context.Context) error {
	for {
		if closed(l.ctx) {
			return ErrClosed
		}
		if l.tokens.Load() > 0 {
			l.tokens.Add(-1) // BUG: the token read above may be gone by now
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

// Close stops the refill and releases every Acquire with ErrClosed.
func (l *OverAdmitting) Close() {
	l.cancel()
	<-l.refilled
}

// LeakyRefill is [RateLimiter] whose refill goroutine ranges over the
// ticker and never looks at the limiter's context, and whose Close, as the
// guide's, only cancels that context. Broken on purpose; every Acquire
// behaves.
//
// What goes wrong: after Close the refill goroutine goes on refilling a
// bucket nobody can use, forever: a goroutine (and a ticker) leaked per
// limiter. weft sees it alive once the program has ended (leak).
type LeakyRefill struct {
	tokens chan struct{}
	ctx    context.Context
	cancel context.CancelFunc
}

// NewLeakyRefill returns a LeakyRefill limiter with a full bucket of
// maxTokens tokens, gaining one every refillRate.
func NewLeakyRefill(maxTokens int, refillRate time.Duration) *LeakyRefill {
	ctx, cancel := context.WithCancel(context.Background())
	l := &LeakyRefill{tokens: make(chan struct{}, maxTokens), ctx: ctx, cancel: cancel}
	fill(l.tokens)
	go func() {
		ticker := time.NewTicker(refillRate)
		defer ticker.Stop()
		for range ticker.C { // BUG: never returns, whatever Close did
			refill(l.tokens)
		}
	}()
	return l
}

// Acquire takes a token like [RateLimiter.Acquire].
func (l *LeakyRefill) Acquire(ctx context.Context) error {
	if closed(l.ctx) {
		return ErrClosed
	}
	select {
	case <-l.tokens:
		return nil
	case <-l.ctx.Done():
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close cancels the limiter's context, as the guide's Close does, and
// returns at once.
func (l *LeakyRefill) Close() { l.cancel() }

// Unreleasing is [RateLimiter] whose Acquire checks for Close on entry but
// waits only for a token or its own context, as the guide's Acquire does.
// Broken on purpose.
//
// What goes wrong: an Acquire that was already waiting when Close came, on
// an empty bucket and with a context that never ends (the guide's
// context.Background()), waits forever: Close stopped the refill, so no
// token will come. A program that waits for it never ends (deadlock under
// control, a hang under stress).
type Unreleasing struct {
	*RateLimiter
}

// NewUnreleasing returns an Unreleasing limiter with a full bucket of
// maxTokens tokens, gaining one every refillRate.
func NewUnreleasing(maxTokens int, refillRate time.Duration) *Unreleasing {
	return &Unreleasing{NewRateLimiter(maxTokens, refillRate)}
}

// Acquire takes a token, or returns ErrClosed if the limiter was closed
// before it started.
func (l *Unreleasing) Acquire(ctx context.Context) error {
	if closed(l.ctx) {
		return ErrClosed
	}
	select { // BUG: no case for Close
	case <-l.tokens:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
