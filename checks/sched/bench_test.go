package sched_test

import (
	stdsync "sync"
	stdatomic "sync/atomic"
	"testing"

	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/checks/sched/sync"
)

// The benchmarks below measure what a scheduling point costs when no
// Scheduler is installed: compare each impl=weft line with its impl=std
// twin, as benchstat -col /impl does.

func BenchmarkPoint(b *testing.B) {
	for b.Loop() {
		sched.Yield()
	}
}

func BenchmarkMutexLockUnlock(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		var mu stdsync.Mutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock()
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		var mu sync.Mutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock()
		}
	})
}

func BenchmarkAtomicAdd(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		var x stdatomic.Int64
		for b.Loop() {
			x.Add(1)
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		var x atomic.Int64
		for b.Loop() {
			x.Add(1)
		}
	})
}

func BenchmarkAtomicCAS(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		var x stdatomic.Int64
		for b.Loop() {
			x.CompareAndSwap(x.Load(), 1)
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		var x atomic.Int64
		for b.Loop() {
			x.CompareAndSwap(x.Load(), 1)
		}
	})
}

func BenchmarkChanSendRecv(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		ch := make(chan int, 1)
		for b.Loop() {
			ch <- 1
			<-ch
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		ch := sched.NewChan[int](1)
		for b.Loop() {
			ch.Send(1)
			ch.Recv()
		}
	})
}

func BenchmarkSelect(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		a, c := make(chan int, 1), make(chan int, 1)
		for b.Loop() {
			a <- 1
			select {
			case <-a:
			case <-c:
			}
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		a, c := sched.NewChan[int](1), sched.NewChan[int](1)
		for b.Loop() {
			a.Send(1)
			sched.Select(a.RecvCase(nil, nil), c.RecvCase(nil, nil))
		}
	})
}

func BenchmarkCondSignal(b *testing.B) {
	b.Run("impl=std", func(b *testing.B) {
		c := stdsync.NewCond(&stdsync.Mutex{})
		for b.Loop() {
			c.Signal()
		}
	})
	b.Run("impl=weft", func(b *testing.B) {
		c := sync.NewCond(&sync.Mutex{})
		for b.Loop() {
			c.Signal()
		}
	})
}
