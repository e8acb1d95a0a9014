package cache

import "runtime"

// UncheckedLoadCache is [Cache] whose GetOrLoad does not look again under
// the write lock. Broken on purpose: check-then-act under a read lock.
//
// What goes wrong: GetOrLoad misses under the read lock, releases it, loads
// and stores under the write lock. Two calls for one absent key can both
// miss before either stores: both call the loader, each stores its own
// value (the later one wins) and each returns its own. One of them returned
// a value the cache no longer holds, and the loader ran twice; with a
// loader that returns a fresh value per call, the two results have no
// sequential order (the second getOrLoad would have to return the first
// one's value).
type UncheckedLoadCache[K comparable, V any] struct {
	Cache[K, V]
}

// NewUncheckedLoadCache returns an empty cache.
func NewUncheckedLoadCache[K comparable, V any]() *UncheckedLoadCache[K, V] {
	return &UncheckedLoadCache[K, V]{Cache: Cache[K, V]{store: make(map[K]V)}}
}

// GetOrLoad returns the value stored under key, or loads one, possibly
// twice.
func (c *UncheckedLoadCache[K, V]) GetOrLoad(key K, load func(K) V) V {
	if v, ok := c.Get(key); ok {
		return v
	}
	v := load(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store[key] = v // without looking again: another load may be here
	return v
}

// ReadLockSetCache is [COWCache] whose Set holds only the read lock, on the
// reasoning that it never changes a map that a reader can see. Broken on
// purpose. (The guide's in-place map under a read lock would be worse than
// a wrong result: Go's runtime aborts the whole process on concurrent map
// writes, which no checker can turn into a verdict; the copy-on-write cache
// shows the same mistake in a form that can be reported.)
//
// What goes wrong: readers share the read lock, so two Sets run together.
// Both copy the same map, each adds its own key, and the later publication
// replaces the earlier: a Set that returned is lost, and a later Get misses
// its key (not linearizable). The load and the store of the map pointer are
// also unordered with the other Set's and with readers' loads: a data race,
// reported as such by the race detector under stress+race.
//
// runtime.Gosched between the copy and its publication synchronizes
// nothing: it names the window, where a controlled scheduler (which
// switches goroutines only at scheduling points) can run another Set;
// stress runs on real cores open it without help.
type ReadLockSetCache[K comparable, V any] struct {
	COWCache[K, V]
}

// Set stores value under key, unless another Set overwrites the map.
func (c *ReadLockSetCache[K, V]) Set(key K, value V) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	next := with(c.store, key, value)
	runtime.Gosched()
	c.store = next
}
