package catalog

import (
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/prodcons"
)

// producerConsumer is the guide's run (6.2): a queue of 5, 10 items, 2
// consumers. Its delays keep the guide's ratio (the producer waits 100 ms
// per item, a consumer works 200 ms), a hundredth of them: on the
// controlled strategies' virtual clock only their order matters, and on
// real cores a run then takes tens of milliseconds rather than seconds.
var producerConsumer = prodcons.Config{
	Capacity: 5, Items: 10, Consumers: 2,
	Produce: time.Millisecond, Work: 2 * time.Millisecond,
}

// producerConsumerProgram runs the guide's producer and consumers, with
// consumers of kind consume, and requires every item consumed exactly once
// and the queue never above its capacity. That every consumer ends needs no
// code: a consumer that waits forever is a deadlock (or, on real cores, a
// hang diagnosed under control).
func producerConsumerProgram(consume prodcons.Consumer) func() {
	return func() {
		cfg := producerConsumer
		times := make([]atomic.Int32, cfg.Items)
		prodcons.Run(cfg, consume, prodcons.Hooks{
			Put: func(length int) {
				checks.Require(length <= cfg.Capacity,
					"the queue never holds more than %d items: %d after a put", cfg.Capacity, length)
			},
			Consumed: func(consumer, item int) {
				n := times[item].Add(1)
				checks.Require(n == 1, "every item consumed exactly once: item %d consumed %d times, the last by consumer %d",
					item, n, consumer)
			},
		})
		for item := range times {
			n := times[item].Load()
			checks.Require(n == 1, "every item consumed exactly once: item %d consumed %d times", item, n)
		}
	}
}

// quickHang is the hang timeout of a broken program that deadlocks every
// time: a correct run ends within milliseconds on real cores, so stress
// declares the hang after a second rather than five, and the diagnosis
// under control, which does not depend on it, finds the deadlock.
var quickHang = checks.Options{HangTimeout: time.Second}

var producerConsumers = []Entry{
	programEntry[prodcons.Item]("6.2", checks.Ok, "prodcons/sentinel",
		producerConsumerProgram(prodcons.Consume)),
	programEntry[prodcons.Item]("6.2", checks.Deadlock, "prodcons/dropped-sentinel",
		producerConsumerProgram(prodcons.ConsumeDroppingSentinel)).WithOptions(quickHang),
}
