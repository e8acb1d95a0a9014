package engine_test

import (
	"testing"
	"time"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// BenchmarkControllerDecisions measures the controlled scheduler alone: three
// goroutines reach scheduling points (Yield) and a random walk decides at
// each who goes on, so most decisions hand the turn to another goroutine.
func BenchmarkControllerDecisions(b *testing.B) {
	const perGoroutine = 1000
	var decisions int
	for b.Loop() {
		c := engine.NewController(newRandom(uint64(decisions)), 1<<30)
		uninstall, err := engine.Install(c)
		if err != nil {
			b.Fatal(err)
		}
		c.Start(func() {
			var wg sync.WaitGroup
			for range 3 {
				wg.Go(func() {
					for range perGoroutine {
						sched.Yield()
					}
				})
			}
			wg.Wait()
		})
		<-c.Done()
		c.Abort(time.Second)
		uninstall()
		decisions += c.Steps()
	}
	b.ReportMetric(float64(decisions)/b.Elapsed().Seconds(), "decisions/s")
}
