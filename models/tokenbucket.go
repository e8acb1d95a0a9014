package models

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// TokenBucket is the specification of a token-bucket rate limiter over
// time (guide section 14): a bucket of Capacity tokens, full when the
// limiter is made (time 0), gains one token at every tick, at Period, 2 ×
// Period, ..., unless it is full; each admission takes one.
//
// It is not a [Model]: whether an Acquire may succeed depends on when it
// takes its token, and the ticks are nobody's calls, so there is no
// sequential order of calls to linearize. Instead [TokenBucket.Judge]
// reads the times a program recorded (on weft's clock: virtual under
// control, real under stress) and says which requirement they break, if
// any. The bucket's content as a function of time is [TokenBucket.Next],
// one instant at a time.
type TokenBucket struct {
	Capacity int
	Period   time.Duration
}

// A Clock says how far recorded times can be trusted.
type Clock int

const (
	// RealClock: times are real. A call's recorded return may come later
	// than the instant it took effect, and a tick may come late, never
	// early; only what holds despite that is judged.
	RealClock Clock = iota
	// VirtualClock: weft's controlled clock, which advances only when no
	// goroutine can run. A call returns at the instant it took effect, and
	// every tick is handled at its instant.
	VirtualClock
)

// BucketOutcome is how an Acquire ended.
type BucketOutcome int

const (
	// Admitted: it took a token.
	Admitted BucketOutcome = iota
	// TimedOut: its context's deadline passed first.
	TimedOut
)

func (o BucketOutcome) String() string {
	if o == Admitted {
		return "admitted"
	}
	return "timed out"
}

// A BucketCall is one Acquire: who made it, when it was called and when it
// returned (since the limiter was made), and how it ended. Calls that
// ended otherwise (the limiter closed) take no token and are left out.
type BucketCall struct {
	Client       int
	Call, Return time.Duration
	Outcome      BucketOutcome
}

func (c BucketCall) String() string {
	return fmt.Sprintf("client %d (called at %v, %v at %v)", c.Client, c.Call, c.Outcome, c.Return)
}

// BucketRange bounds the tokens in the bucket at the end of an instant,
// once everything that happened at that instant has: whatever order the
// instant's admissions and its tick took, the content is in [Lo, Hi].
type BucketRange struct{ Lo, Hi int }

// Full is the range of a bucket just made.
func (b TokenBucket) Full() BucketRange { return BucketRange{b.Capacity, b.Capacity} }

// Next returns the range at the end of an instant that starts with range
// r, has a tick or not, and has admitted admissions, with ok false when no
// order of the tick and the admissions allows that many (Hi would be
// negative). Within the instant the tick may come before or after any
// admission; it is lost only if the bucket is full when it comes, which
// only a bucket full at the start of the instant can be, before any
// admission.
func (b TokenBucket) Next(r BucketRange, tick bool, admitted int) (next BucketRange, ok bool) {
	lo, hi := r.Lo-admitted, r.Hi-admitted
	if tick {
		// The least content: the tick lost to a full bucket if it can be
		// full, else kept. The most: the tick kept, after an admission
		// made room if the bucket was full.
		if r.Lo < b.Capacity {
			lo++
		}
		if r.Hi < b.Capacity || admitted > 0 {
			hi++
		}
	}
	if hi < 0 {
		return BucketRange{lo, hi}, false
	}
	return BucketRange{max(lo, 0), hi}, true
}

// Judge checks the calls recorded on clock and returns nil, or an error
// that names the first requirement they break and with what values:
//
//  1. Admissions in a window of length d from the limiter's making, [0, d],
//     are at most Capacity + ⌊d / Period⌋: only ⌊d / Period⌋ ticks came in
//     it. On the real clock too, as a tick is never early and a return is
//     recorded after its token was taken.
//  2. On the virtual clock, admissions in any window [a, a+d] are at most
//     Capacity + ⌊d / Period⌋ + 1. The +1 is no slack: a window that
//     starts at a tick may see a full bucket emptied and then that tick's
//     token, Capacity + 1 admissions at one instant, from a correct bucket.
//  3. On the virtual clock, no order of the ticks and admissions at any
//     instant explains the admissions (Next).
//  4. On the virtual clock, an Acquire that timed out could not have had a
//     token before its deadline: at no instant from its call to just
//     before its return did the bucket certainly hold a token once every
//     admission of that instant was made (the least content of Next).
//     Time moves on from an instant only when no goroutine can run, so a
//     waiting Acquire with a token in the bucket would have taken it. A
//     token that comes at the deadline's own instant may go either way.
//
// On the real clock, 2 to 4 are not judged: a late tick or a late
// goroutine makes them false for a correct limiter.
func (b TokenBucket) Judge(calls []BucketCall, clock Clock) error {
	var admitted []BucketCall
	for _, c := range calls {
		if c.Outcome == Admitted {
			admitted = append(admitted, c)
		}
	}
	slices.SortStableFunc(admitted, func(x, y BucketCall) int { return int(x.Return - y.Return) })
	if err := b.judgeFromStart(admitted); err != nil || clock == RealClock {
		return err
	}
	if err := b.judgeWindows(admitted); err != nil {
		return err
	}
	return b.judgeContent(calls, admitted)
}

// ticks is how many ticks come in [0, d].
func (b TokenBucket) ticks(d time.Duration) int { return int(d / b.Period) }

func (b TokenBucket) judgeFromStart(admitted []BucketCall) error {
	for i, c := range admitted {
		if i+1 < len(admitted) && admitted[i+1].Return == c.Return {
			continue // judge an instant with all its admissions
		}
		if bound := b.Capacity + b.ticks(c.Return); i+1 > bound {
			return fmt.Errorf("admissions in a window of length d from the limiter's making are at most %d + ⌊d / %v⌋: "+
				"in [%v, %v], %d > %d admitted: %s", b.Capacity, b.Period, time.Duration(0), c.Return, i+1, bound, describe(admitted[:i+1]))
		}
	}
	return nil
}

func (b TokenBucket) judgeWindows(admitted []BucketCall) error {
	for i := range admitted {
		if i > 0 && admitted[i-1].Return == admitted[i].Return {
			continue // windows start with the first admission of an instant
		}
		for j := i; j < len(admitted); j++ {
			if j+1 < len(admitted) && admitted[j+1].Return == admitted[j].Return {
				continue
			}
			d := admitted[j].Return - admitted[i].Return
			if n, bound := j-i+1, b.Capacity+b.ticks(d)+1; n > bound {
				return fmt.Errorf("admissions in any window of length d are at most %d + ⌊d / %v⌋ + 1: in [%v, %v], %d > %d admitted: %s",
					b.Capacity, b.Period, admitted[i].Return, admitted[j].Return, n, bound, describe(admitted[i:j+1]))
			}
		}
	}
	return nil
}

// judgeContent follows the bucket's range instant by instant (the
// instants of every call, return and tick) and judges requirements 3
// and 4.
func (b TokenBucket) judgeContent(calls, admitted []BucketCall) error {
	var last time.Duration
	for _, c := range calls {
		last = max(last, c.Return)
	}
	instants := map[time.Duration]int{} // instant → admissions then
	for _, c := range calls {
		instants[c.Call] += 0
		instants[c.Return] += 0
	}
	for _, c := range admitted {
		instants[c.Return]++
	}
	for t := b.Period; t <= last; t += b.Period {
		instants[t] += 0
	}
	order := slices.Sorted(func(yield func(time.Duration) bool) {
		for t := range instants {
			if !yield(t) {
				return
			}
		}
	})
	r := b.Full()
	lows := make(map[time.Duration]int, len(order))
	for _, t := range order {
		tick := t > 0 && t%b.Period == 0
		next, ok := b.Next(r, tick, instants[t])
		if !ok {
			return fmt.Errorf("no order of ticks and admissions allows %d admissions at %v (tick: %v): the bucket held at most %d tokens before them",
				instants[t], t, tick, r.Hi)
		}
		r, lows[t] = next, next.Lo
	}
	for _, c := range calls {
		if c.Outcome != TimedOut {
			continue
		}
		for _, t := range order {
			if t >= c.Call && t < c.Return && lows[t] > 0 {
				return fmt.Errorf("an Acquire that timed out could not have had a token by its deadline: %s waited while, at %v, "+
					"the bucket held at least %d token(s) after every admission of that instant", c, t, lows[t])
			}
		}
	}
	return nil
}

// describe lists admissions, for a message.
func describe(admitted []BucketCall) string {
	var parts []string
	for _, c := range admitted {
		parts = append(parts, fmt.Sprintf("client %d at %v", c.Client, c.Return))
	}
	return strings.Join(parts, ", ")
}
