package catalog

import (
	"context"
	"slices"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/pipeline"
)

// The guide's pipeline (8.2): 1..20 through 4 workers.
const (
	pipelineItems   = 20
	pipelineWorkers = 4
	// pipelineEarlyStop is how many squares the early-stopping consumer
	// takes before it cancels: few, so that most values are still in
	// flight when it stops.
	pipelineEarlyStop = 2
)

// The pipeline is a whole program, so its entries are programs: each run
// builds the pipeline afresh, consumes it, and states what the output must
// be with checks.Require; the leak verdict checks that every stage ended.
var pipelines = []Entry{
	programEntry[pipeline.Pipeline]("8.2", checks.Ok, "pipeline/sum-of-squares", sumOfSquares(pipeline.Correct)),
	programEntry[pipeline.Pipeline]("8.2", checks.Ok, "pipeline/early-stop", earlyStop(pipeline.Correct)),
	// Its close and a forwarder's send on the merged channel are not
	// ordered: a data race as well, which the race detector reports when
	// the send comes.
	programEntry[pipeline.Pipeline]("8.2", checks.Violated, "pipeline/closes-early", sumOfSquares(pipeline.ClosesEarly)).
		DataRaceOrOwn("the consumer's range ends at the early close and its requirement fails before a forwarder " +
			"still holding a square sends it; that forwarder, seeing the consumer's cancel, may then return " +
			"without touching the closed channel, and the execution holds no race (a CI run saw exactly this)"),
	programEntry[pipeline.Pipeline]("8.2", checks.Leak, "pipeline/ignores-stop", earlyStop(pipeline.IgnoresStop)),
}

// sumOfSquares is the guide's main: it receives every square until the
// merged channel is closed, then requires that it got exactly the squares
// of 1..20 and their sum, 2870.
func sumOfSquares(p pipeline.Pipeline) func() {
	return func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var got []int
		sum := 0
		for sq := range p.Squares(ctx, pipelineItems, pipelineWorkers) {
			got = append(got, sq)
			sum += sq
		}
		requireSquares(got, true)
		want := pipelineItems * (pipelineItems + 1) * (2*pipelineItems + 1) / 6
		checks.Require(sum == want, "the sum of squares of 1..%d is %d: got %d", pipelineItems, want, sum)
	}
}

// earlyStop takes a few squares, then cancels and returns: what it got
// must be squares of the input, none twice, and every goroutine of the
// pipeline must end on its own (else: leak).
func earlyStop(p pipeline.Pipeline) func() {
	return func() {
		ctx, cancel := context.WithCancel(context.Background())
		squares := p.Squares(ctx, pipelineItems, pipelineWorkers)
		var got []int
		for range pipelineEarlyStop {
			sq, ok := <-squares
			checks.Require(ok, "the merged channel stays open until every square of 1..%d is sent: closed after %d values %v",
				pipelineItems, len(got), got)
			got = append(got, sq)
		}
		cancel()
		requireSquares(got, false)
	}
}

// requireSquares requires got to be the squares of 1..pipelineItems as a
// multiset when all is set, and part of that multiset otherwise.
func requireSquares(got []int, all bool) {
	sorted := slices.Sorted(slices.Values(got))
	count := map[int]int{}
	for _, sq := range got {
		count[sq]++
	}
	for i := 1; i <= pipelineItems; i++ {
		n := count[i*i]
		delete(count, i*i)
		if all {
			checks.Require(n == 1, "the output is exactly the squares of 1..%d, each once: %d² = %d received %d times; received (sorted) %v",
				pipelineItems, i, i*i, n, sorted)
		} else {
			checks.Require(n <= 1, "the output is part of the squares of 1..%d, each at most once: %d² = %d received %d times; received %v",
				pipelineItems, i, i*i, n, got)
		}
	}
	for _, sq := range sorted {
		checks.Require(count[sq] == 0, "the output holds only squares of 1..%d: received %d; received (sorted) %v",
			pipelineItems, sq, sorted)
	}
}
