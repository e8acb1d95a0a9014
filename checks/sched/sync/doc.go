// Package sync is a drop-in replacement for the standard [sync] package whose
// operations are scheduling points of package
// [github.com/weftlab/weft/checks/sched].
//
// Change the import path and nothing else:
//
//	import "github.com/weftlab/weft/checks/sched/sync"
//
//	type SafeCounter struct {
//		mu sync.Mutex
//		v  map[string]int
//	}
//
// Every type keeps the contract of its standard twin (zero value ready to use,
// must not be copied after first use). With no scheduler installed each
// operation costs one atomic load more than the standard one.
package sync
