// Package prodcons is the guide's producer/consumer with a sentinel (6.2,
// asyncio.Queue(maxsize=5) with None), in plain Go: a buffered channel of
// capacity 5 is the queue, nil the sentinel; one producer puts 10 items
// and then the sentinel, and two consumers take items until they see the
// sentinel, which each puts back for the other before it ends. weft checks
// it through its build-time rewrite of go statements, channels, sync and
// time.
//
// What is checked is not linearizability but three requirements of the
// whole program ([Run]), which the catalog states: every item is consumed
// exactly once; the queue never holds more than its capacity (the
// channel's own bound, that is the rewritten channel's); every consumer
// ends, which weft's deadlock, hang and leak verdicts check without code.
//
// Its bug zoo:
//   - [ConsumeDroppingSentinel]: a consumer that ends on the sentinel
//     without putting it back. The other consumer then waits for an item
//     forever, and Run, which waits for every consumer, with it: a
//     deadlock.
package prodcons

import (
	"sync"
	"time"
)

// An Item is what the producer makes; a nil *Item is the sentinel.
type Item struct {
	N int // the item's number, from 0
}

// Config is the shape of a run: the guide's is capacity 5, 10 items, 2
// consumers, a producer that waits 100 ms before each item and consumers
// that work 200 ms on each.
type Config struct {
	Capacity, Items, Consumers int
	Produce, Work              time.Duration
}

// Hooks let a caller watch a run: Put is called by the producer after each
// put with the queue's length then, Consumed by a consumer for each item it
// took, with its number. Both may be called from several goroutines at
// once.
type Hooks struct {
	Put      func(length int)
	Consumed func(consumer, item int)
}

// A Consumer takes items from q until it sees the sentinel, and reports
// each one it takes with consumed.
type Consumer func(q chan *Item, work time.Duration, consumed func(item int))

// Run runs one producer and cfg.Consumers consumers of kind consume on a
// new queue of cfg.Capacity, and returns when all of them have ended.
func Run(cfg Config, consume Consumer, hooks Hooks) {
	q := make(chan *Item, cfg.Capacity)
	var wg sync.WaitGroup
	wg.Add(1 + cfg.Consumers)
	go func() {
		defer wg.Done()
		produce(q, cfg, hooks.Put)
	}()
	for c := range cfg.Consumers {
		go func() {
			defer wg.Done()
			consume(q, cfg.Work, func(item int) { hooks.Consumed(c, item) })
		}()
	}
	wg.Wait()
}

// produce puts cfg.Items items, then the sentinel.
func produce(q chan *Item, cfg Config, put func(length int)) {
	for i := range cfg.Items {
		time.Sleep(cfg.Produce)
		q <- &Item{N: i}
		put(len(q))
	}
	q <- nil
}

// Consume is the guide's consumer: it takes items until the sentinel, and
// puts the sentinel back for the next consumer before it ends. The queue
// has room for it: this consumer just took it out, and the producer has
// put its last.
func Consume(q chan *Item, work time.Duration, consumed func(item int)) {
	for {
		item := <-q
		if item == nil {
			q <- nil // pass the sentinel on
			return
		}
		time.Sleep(work)
		consumed(item.N)
	}
}

// ConsumeDroppingSentinel is [Consume] without passing the sentinel on.
// Broken on purpose.
//
// What goes wrong: the producer puts one sentinel for all consumers. The
// first consumer to see it ends and takes it with it; the other one waits
// on the empty queue for an item that will never come, and Run waits for it
// forever. Nothing is lost or doubled: the program just never ends.
func ConsumeDroppingSentinel(q chan *Item, work time.Duration, consumed func(item int)) {
	for {
		item := <-q
		if item == nil {
			return // the sentinel dies here
		}
		time.Sleep(work)
		consumed(item.N)
	}
}
