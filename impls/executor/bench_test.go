package executor_test

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weftlab/weft/impls/executor"
)

// BenchmarkSleepingTasks is the guide's comparison of thread models (2.3,
// 2.4): tasks that each sleep one second, a million of them on a goroutine
// per task (Java's virtual threads); 100,000 on a pool of 10,000 workers,
// which runs them 10,000 at a time (a million would take 100 s); and
// 4,000 on OS threads (goroutines pinned with runtime.LockOSThread, each
// holding a thread of its own: the Go runtime stops a program at 10,000
// threads, debug.SetMaxThreads, and a million are beyond the machine). It reports the time per task, the time of the run,
// the most tasks sleeping at once and the peak memory (heap objects and
// goroutine stacks, sampled every millisecond, over what was in use
// before) per task sleeping at that peak. For OS threads that counts what
// the Go runtime allocates for each (its M, its system stack); memory the
// kernel maps for a thread is outside these metrics.
//
//	go test -run '^$' -bench SleepingTasks -benchtime 1x ./impls/executor
func BenchmarkSleepingTasks(b *testing.B) {
	const sleep = time.Second
	for _, c := range []struct {
		name  string
		tasks int
		run   func(tasks int, task func())
	}{
		{"per-task/1000000", 1_000_000, func(n int, task func()) {
			var e executor.PerTask
			for range n {
				_ = e.Submit(task)
			}
			e.Close()
		}},
		{"pool-10000/100000", 100_000, func(n int, task func()) {
			p := executor.NewPool(10_000, 10_000)
			for range n {
				_ = p.Submit(task)
			}
			p.Close()
		}},
		{"os-threads/4000", 4_000, func(n int, task func()) {
			var wg sync.WaitGroup
			for range n {
				wg.Go(func() {
					runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
					task()
				})
			}
			wg.Wait()
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				var done, live, mostLive atomic.Int64
				peak := sampleMemory()
				start := time.Now()
				c.run(c.tasks, func() {
					n := live.Add(1)
					for m := mostLive.Load(); n > m && !mostLive.CompareAndSwap(m, n); m = mostLive.Load() {
					}
					time.Sleep(sleep)
					live.Add(-1)
					done.Add(1)
				})
				elapsed := time.Since(start)
				used := peak()
				if got := done.Load(); got != int64(c.tasks) {
					b.Fatalf("%d of %d tasks ran", got, c.tasks)
				}
				b.ReportMetric(float64(elapsed.Nanoseconds())/float64(c.tasks), "ns/task")
				b.ReportMetric(float64(mostLive.Load()), "most-live")
				b.ReportMetric(float64(used)/float64(mostLive.Load()), "peak-B/live-task")
				b.ReportMetric(elapsed.Seconds(), "s/run")
			}
		})
	}
}

// sampleMemory samples the heap and stack memory in use until the
// returned function is called, which returns the peak over the level at
// the start.
func sampleMemory() func() uint64 {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	read := func() uint64 {
		metrics.Read(samples)
		return samples[0].Value.Uint64() + samples[1].Value.Uint64()
	}
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-stopped
		if p := peak.Load(); p > base {
			return p - base
		}
		return 0
	}
}
