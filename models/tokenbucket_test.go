package models_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

// guideBucket is the guide's limiter: 5 tokens, one every 200 ms.
var guideBucket = models.TokenBucket{Capacity: 5, Period: 200 * time.Millisecond}

const ms = time.Millisecond

func TestTokenBucket_Next(t *testing.T) {
	for _, c := range []struct {
		name     string
		r        models.BucketRange
		tick     bool
		admitted int
		want     models.BucketRange
		ok       bool
	}{
		{"nothing happens", models.BucketRange{3, 3}, false, 0, models.BucketRange{3, 3}, true},
		{"admissions take tokens", models.BucketRange{5, 5}, false, 5, models.BucketRange{0, 0}, true},
		{"one admission too many", models.BucketRange{5, 5}, false, 6, models.BucketRange{-1, -1}, false},
		{"a tick on a full bucket is lost", models.BucketRange{5, 5}, true, 0, models.BucketRange{5, 5}, true},
		{"a tick after an admission that made room is kept", models.BucketRange{5, 5}, true, 6, models.BucketRange{0, 0}, true},
		{"full bucket, tick and one admission: lost or kept", models.BucketRange{5, 5}, true, 1, models.BucketRange{4, 5}, true},
		{"a tick on a bucket with room is kept", models.BucketRange{0, 0}, true, 0, models.BucketRange{1, 1}, true},
		{"the tick's token taken at its instant", models.BucketRange{0, 0}, true, 1, models.BucketRange{0, 0}, true},
		{"two admissions on one tick's token", models.BucketRange{0, 0}, true, 2, models.BucketRange{0, -1}, false},
		{"a range: the least content never below zero", models.BucketRange{4, 5}, true, 6, models.BucketRange{0, 0}, true},
		{"a range: the most content allows it", models.BucketRange{1, 3}, false, 2, models.BucketRange{0, 1}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := guideBucket.Next(c.r, c.tick, c.admitted)
			require.Equal(t, c.ok, ok)
			if ok {
				assert.Equal(t, c.want, got)
			}
		})
	}
}

// admitted and timedOut make calls for the tables.
func admitted(client int, call, ret time.Duration) models.BucketCall {
	return models.BucketCall{Client: client, Call: call, Return: ret, Outcome: models.Admitted}
}

func timedOut(client int, call, ret time.Duration) models.BucketCall {
	return models.BucketCall{Client: client, Call: call, Return: ret, Outcome: models.TimedOut}
}

// guideMain is the guide's main on the virtual clock: 20 requests at 0
// with a 3 s timeout; five admitted at once, one per refill until 2.8 s,
// and the last one at 3 s, admitted or timed out as lastAdmitted says.
func guideMain(lastAdmitted bool) []models.BucketCall {
	var calls []models.BucketCall
	for i := range 5 {
		calls = append(calls, admitted(i, 0, 0))
	}
	for i := 5; i < 19; i++ {
		calls = append(calls, admitted(i, 0, time.Duration(i-4)*200*ms))
	}
	if lastAdmitted {
		return append(calls, admitted(19, 0, 3*time.Second))
	}
	return append(calls, timedOut(19, 0, 3*time.Second))
}

func TestTokenBucket_Judge(t *testing.T) {
	sixAtOnce := func(at time.Duration) []models.BucketCall {
		var calls []models.BucketCall
		for i := range 6 {
			calls = append(calls, admitted(i, at, at))
		}
		return calls
	}
	for _, c := range []struct {
		name  string
		calls []models.BucketCall
		clock models.Clock
		err   string // a part of the error, "" for none
	}{
		{"the guide's main, the last request admitted at its deadline", guideMain(true), models.VirtualClock, ""},
		{"the guide's main, the last request timed out at its deadline", guideMain(false), models.VirtualClock, ""},
		{"nothing recorded", nil, models.VirtualClock, ""},
		{"six at once from a bucket of five", sixAtOnce(0), models.VirtualClock, "in [0s, 0s], 6 > 5 admitted"},
		{"six at once from a bucket of five, real clock", sixAtOnce(50 * ms), models.RealClock, "in [0s, 50ms], 6 > 5 admitted"},
		// A full bucket emptied at a tick's instant, then the tick's token:
		// six admissions in a window of length 0. Legal, so the bound on
		// any window has its +1.
		{"six at a tick after an idle bucket", sixAtOnce(200 * ms), models.VirtualClock, ""},
		{"seven at a tick after an idle bucket", append(sixAtOnce(200*ms), admitted(6, 200*ms, 200*ms)),
			models.VirtualClock, "in [0s, 200ms], 7 > 6 admitted"},
		// The bucket refilled for a second while idle holds 5, not 10.
		{"a burst after idling beyond the capacity", func() []models.BucketCall {
			calls := sixAtOnce(time.Second)[:5]
			for i := 5; i < 10; i++ {
				calls = append(calls, admitted(i, time.Second, time.Second+ms))
			}
			return calls
		}(), models.VirtualClock, "any window of length d are at most 5 + ⌊d / 200ms⌋ + 1: in [1s, 1.001s], 10 > 6"},
		// Five at 1.1 s empty the full bucket, the tick of 1.2 s gives one
		// more, and nothing gives the one at 1.3 s: each window is within
		// its bound with the +1, which only a window that starts at a tick
		// can use.
		{"a token short, without any window too full", append(sixAtOnce(1100 * ms)[:5],
			admitted(5, 1200*ms, 1200*ms), admitted(6, 1300*ms, 1300*ms)),
			models.VirtualClock, "no order of ticks and admissions allows 1 admissions at 1.3s"},
		{"a timeout with a token left all along", []models.BucketCall{
			admitted(0, 0, 0), timedOut(1, 0, 100*ms),
		}, models.VirtualClock, "client 1 (called at 0s, timed out at 100ms) waited while, at 0s, the bucket held at least 4"},
		{"a timeout with a token left all along, real clock", []models.BucketCall{
			admitted(0, 0, 0), timedOut(1, 0, 100*ms),
		}, models.RealClock, ""},
		{"a timeout after missing a refill", append(sixAtOnce(0)[:5], timedOut(5, 0, 300*ms)),
			models.VirtualClock, "at 200ms, the bucket held at least 1 token"},
		{"a timeout after another took the refill", append(sixAtOnce(0)[:5], timedOut(5, 0, 300*ms), admitted(6, 0, 200*ms)),
			models.VirtualClock, ""},
		{"a timeout at the refill's instant", append(sixAtOnce(0)[:5], timedOut(5, 0, 200*ms)), models.VirtualClock, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := guideBucket.Judge(c.calls, c.clock)
			if c.err == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.err)
		})
	}
}

// TestTokenBucket_JudgeAcceptsEveryIdealBucket runs an ideal bucket on a
// virtual clock, in steps of a quarter period: clients come at drawn
// instants with drawn timeouts, and at every instant the tick and the
// clients' attempts go in a drawn order, a waiting client takes a token as
// soon as there is one, and one whose deadline is now may time out even
// with a token there. Whatever it does, Judge must accept it.
func TestTokenBucket_JudgeAcceptsEveryIdealBucket(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := models.TokenBucket{Capacity: rapid.IntRange(1, 3).Draw(t, "capacity"), Period: 4 * ms}
		type client struct {
			come, deadline time.Duration
			done           bool
		}
		clients := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) client {
			come := time.Duration(rapid.IntRange(0, 12).Draw(t, "come")) * ms
			return client{come: come, deadline: come + time.Duration(rapid.IntRange(1, 12).Draw(t, "timeout"))*ms}
		}), 1, 8).Draw(t, "clients")
		tokens := b.Capacity
		var calls []models.BucketCall
		for now := time.Duration(0); now <= 24*ms; now += ms {
			var waiting []int
			for i, c := range clients {
				if !c.done && c.come <= now {
					waiting = append(waiting, i)
				}
			}
			// -1 is the tick, in a drawn place among the attempts.
			order := waiting
			if now > 0 && now%b.Period == 0 {
				order = append([]int{-1}, waiting...)
			}
			order = rapid.Permutation(order).Draw(t, "order")
			take := func(i int) {
				tokens--
				clients[i].done = true
				calls = append(calls, admitted(i, clients[i].come, now))
			}
			for _, i := range order {
				switch {
				case i < 0:
					tokens = min(b.Capacity, tokens+1)
				case tokens > 0:
					take(i)
				}
			}
			for _, i := range waiting {
				c := clients[i]
				if c.done {
					continue
				}
				if tokens > 0 && (c.deadline > now || rapid.Bool().Draw(t, "token at the deadline")) {
					take(i)
				} else if c.deadline == now {
					clients[i].done = true
					calls = append(calls, timedOut(i, c.come, now))
				}
			}
		}
		if err := b.Judge(calls, models.VirtualClock); err != nil {
			t.Fatalf("an ideal bucket's calls judged illegal: %v\n%v", err, calls)
		}
	})
}
