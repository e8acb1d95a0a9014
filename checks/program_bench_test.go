package checks

import (
	"testing"

	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// pingPong is the program the program benchmark runs: a goroutine answers
// three messages, and a WaitGroup waits for it.
func pingPong() {
	ping, pong := sched.NewChan[int](0), sched.NewChan[int](0)
	var wg sync.WaitGroup
	wg.Add(1)
	sched.Go(func() {
		defer wg.Done()
		for v := range ping.All() {
			pong.Send(v + 1)
		}
	})
	for i := range 3 {
		ping.Send(i)
		pong.Recv()
	}
	ping.Close()
	wg.Wait()
}

// BenchmarkProgram measures whole executions of a small program, judging
// included, under stress and the random walk: what a check of a program
// does per execution.
func BenchmarkProgram(b *testing.B) {
	tg, err := Program("ping-pong", pingPong).target()
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"stress", "random"} {
		b.Run(name, func(b *testing.B) {
			cfg := defaults()
			cfg.strategy = name
			d, err := lookupStrategy(name)
			if err != nil {
				b.Fatal(err)
			}
			x := &executor{tg: tg, cfg: cfg}
			st := d.make(cfg)
			st.scenario(scenario{})
			i := uint64(0)
			for b.Loop() {
				i++
				e := st.execute(x, i)
				if v := tg.judge(e, cfg.checkTimeout); v != Ok {
					b.Fatalf("verdict %s", v)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "executions/s")
		})
	}
}
