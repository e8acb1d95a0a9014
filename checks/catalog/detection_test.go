package catalog_test

import (
	"slices"
	"testing"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/israce"
)

// detectionStrategies are compared side by side: real cores without and
// with perturbation, then the controlled strategies.
var detectionStrategies = []string{"stress-plain", "stress", "random", "pct", "bounded"}

// detectionSeeds is how many seeds BenchmarkDetection runs per variant and
// strategy.
const detectionSeeds = 20

// BenchmarkDetection measures how fast each strategy catches each variant of
// the bug zoo: for every seed, the executions (and time) until the first
// failure, reported as medians over detectionSeeds seeds. A variant not
// caught within the budget counts as the budget's executions and is
// reported in missed/op. Run it with -benchtime=1x:
//
//	go test ./checks/catalog -run '^$' -bench Detection -benchtime=1x
func BenchmarkDetection(b *testing.B) {
	for _, e := range catalog.All() {
		if e.Expect == checks.Ok || (e.Racy && israce.Enabled) {
			continue
		}
		for _, strategy := range detectionStrategies {
			if e.Options.OnlyControlled != "" && (strategy == "stress" || strategy == "stress-plain") {
				continue
			}
			if _, missed := e.Misses[strategy]; missed {
				continue
			}
			b.Run(e.Name+"/"+strategy, func(b *testing.B) {
				for b.Loop() {
					var executions, millis []float64
					missed := 0
					for seed := range uint64(detectionSeeds) {
						opts := e.Options
						opts.Seed, opts.Strategy, opts.OutDir = seed+1, strategy, b.TempDir()
						opts.Budget, opts.ShrinkTime = 20*time.Second, time.Nanosecond
						res := checks.Run(b, e.Target, opts)
						if !res.Verdict.Satisfies(e.Expect) {
							missed++
						}
						executions = append(executions, float64(res.Executions))
						millis = append(millis, float64(res.Elapsed.Milliseconds()))
					}
					b.ReportMetric(median(executions), "executions-to-detect")
					b.ReportMetric(median(millis), "ms-to-detect")
					b.ReportMetric(slices.Max(millis), "max-ms")
					b.ReportMetric(float64(missed), "missed")
				}
			})
		}
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
