package ratelimit

import (
	"context"
	"time"
)

// OverAdmitting is [CountingLimiter] whose Acquire reads the count, then
// decrements it. Broken on purpose.
//
// What goes wrong: the read and the decrement are two steps. Two Acquires
// that both read a count of 1 both decrement it and both return nil: two
// admissions for the last token, and the count goes to -1. Admissions in
// the first refill period then exceed the capacity (the rate bound
// breaks: "requirement violated"); the next refill only pays back the
// debt. CountingLimiter's compare-and-swap of n to n-1 makes the two steps
// one.
type OverAdmitting struct {
	*CountingLimiter
}

// NewOverAdmitting returns an OverAdmitting limiter with a full bucket of
// maxTokens tokens, gaining one every refillRate.
func NewOverAdmitting(maxTokens int, refillRate time.Duration) *OverAdmitting {
	return &OverAdmitting{NewCountingLimiter(maxTokens, refillRate)}
}

// Acquire takes a token like [CountingLimiter.Acquire], but not atomically.
func (l *OverAdmitting) Acquire(ctx context.Context) error {
	return l.acquire(ctx, func() bool {
		if l.tokens.Load() > 0 {
			l.tokens.Add(-1) // BUG: the token read above may be gone by now
			return true
		}
		return false
	})
}

// LeakyRefill is [RateLimiter] whose refill goroutine ranges over its
// ticker's channel, and whose Close stops the ticker, expecting that to
// end the loop. Broken on purpose; every Acquire behaves.
//
// What goes wrong: Ticker.Stop stops the ticks but does not close the
// channel, so after Close the refill goroutine waits for a tick that will
// never come, forever: a goroutine leaked per limiter. weft sees it still
// alive once the program has ended (leak).
type LeakyRefill struct {
	tokens chan struct{}
	ticker *time.Ticker
	ctx    context.Context // done once Close is called
	cancel context.CancelFunc
}

// NewLeakyRefill returns a LeakyRefill limiter with a full bucket of
// maxTokens tokens, gaining one every refillRate.
func NewLeakyRefill(maxTokens int, refillRate time.Duration) *LeakyRefill {
	ctx, cancel := context.WithCancel(context.Background())
	l := &LeakyRefill{tokens: make(chan struct{}, maxTokens), ticker: time.NewTicker(refillRate), ctx: ctx, cancel: cancel}
	fill(l.tokens)
	go func() {
		for range l.ticker.C { // BUG: Stop does not end this loop
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

// Close stops the ticker, releases every Acquire with ErrClosed, and
// returns at once.
func (l *LeakyRefill) Close() {
	l.ticker.Stop()
	l.cancel()
}

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
