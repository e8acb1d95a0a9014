package checks

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks/internal/clock"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/models"
)

// atomicCounter is the structure the harness benchmarks run.
type atomicCounter struct{ n atomic.Int64 }

func benchTarget(b *testing.B) *target {
	s := Structure[*atomicCounter, models.CounterInput, models.CounterOutput]{
		Name: "bench", Model: models.Counter, New: func() *atomicCounter { return new(atomicCounter) },
		Ops: []Op[*atomicCounter, models.CounterInput, models.CounterOutput]{
			{Name: "get", Input: rapid.Just(models.CounterInput{}), Run: func(c *atomicCounter, _ models.CounterInput) models.CounterOutput {
				return models.CounterOutput{Value: int(c.n.Load())}
			}},
			{Name: "inc", Input: rapid.Just(models.CounterInput{Op: models.CounterInc}), Run: func(c *atomicCounter, _ models.CounterInput) models.CounterOutput {
				c.n.Add(1)
				return models.CounterOutput{}
			}},
		},
	}
	tg, err := s.target()
	if err != nil {
		b.Fatal(err)
	}
	return tg
}

// BenchmarkRecorder measures what recording adds to a call: compare
// /recorded with /direct (the same call, unrecorded). /parallel records on
// every core at once, all clients ticking the one shared clock.
func BenchmarkRecorder(b *testing.B) {
	tg := benchTarget(b)
	instance := tg.newInstance()
	const calls = 1000
	list := make([]call, calls)
	for i := range list {
		list[i] = call{op: i % 2, input: models.CounterInput{Op: models.CounterOp(i % 2)}}
	}
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			for _, c := range list {
				tg.ops[c.op].run(instance, c.input)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
	})
	b.Run("recorded", func(b *testing.B) {
		var c clock.Clock
		for b.Loop() {
			newClientLog(partParallel, 0, list).play(tg, instance, &c, nil)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
	})
	b.Run("parallel", func(b *testing.B) {
		var c clock.Clock
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				newClientLog(partParallel, 0, list).play(tg, instance, &c, nil)
			}
		})
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
	})
}

// BenchmarkExecution measures whole executions of a 3-client × 5-call
// scenario (with 2 init and 2 post calls), linearizability check included,
// under each strategy.
func BenchmarkExecution(b *testing.B) {
	tg := benchTarget(b)
	get := call{op: 0, input: models.CounterInput{}}
	inc := call{op: 1, input: models.CounterInput{Op: models.CounterInc}}
	sc := scenario{
		init:    []call{inc, get},
		clients: [][]call{{inc, get, inc, get, inc}, {get, inc, inc, get, inc}, {inc, inc, get, inc, get}},
		post:    []call{get, inc},
	}
	for _, d := range strategyTable {
		if d.members != nil {
			continue // it runs worker processes, not executions in this one
		}
		b.Run(d.name, func(b *testing.B) {
			cfg := defaults()
			cfg.strategy = d.name
			x := &executor{tg: tg, cfg: cfg}
			st := d.make(cfg)
			st.scenario(sc)
			i := uint64(0)
			for b.Loop() {
				i++
				if st.exhausted() {
					st.scenario(sc) // bounded search starts over
				}
				e := st.execute(x, i)
				if v := tg.judge(e, cfg.checkTimeout); v != Ok {
					b.Fatalf("verdict %s", v)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "executions/s")
			if st, ok := st.(*controlled); ok && st.steps > 0 {
				b.ReportMetric(float64(st.steps)/b.Elapsed().Seconds(), "decisions/s")
			}
		})
	}
}
