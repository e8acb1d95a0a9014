package cache

import (
	"maps"
	"sync"
)

// COWCache is a copy-on-write cache: a published map is never changed, so a
// reader holds the read lock only to load the map pointer, and a writer
// copies the map, changes the copy and publishes it. Writers must still
// exclude each other, and readers of the pointer: they hold the write lock
// from the load of the map they copy to the publication of the copy. Its
// zero value is ready to use.
type COWCache[K comparable, V any] struct {
	mu    sync.RWMutex
	store map[K]V // replaced, never changed in place
}

func (c *COWCache[K, V]) snapshot() map[K]V {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.store
}

// Get returns the value stored under key and whether there is one.
func (c *COWCache[K, V]) Get(key K) (V, bool) {
	v, ok := c.snapshot()[key]
	return v, ok
}

// Set stores value under key.
func (c *COWCache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store = with(c.store, key, value)
}

// Delete removes key, if present.
func (c *COWCache[K, V]) Delete(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	next := maps.Clone(c.store)
	delete(next, key)
	c.store = next
}

// GetOrLoad returns the value stored under key; if there is none, it calls
// load once, under the write lock, stores what load returns and returns it.
func (c *COWCache[K, V]) GetOrLoad(key K, load func(K) V) V {
	if v, ok := c.Get(key); ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.store[key]; ok { // loaded since the snapshot
		return v
	}
	v := load(key)
	c.store = with(c.store, key, v)
	return v
}

// with returns a copy of m with key set to value.
func with[K comparable, V any](m map[K]V, key K, value V) map[K]V {
	next := make(map[K]V, len(m)+1)
	maps.Copy(next, m)
	next[key] = value
	return next
}
