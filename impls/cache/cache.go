package cache

import "sync"

// Cache is the guide's SafeCache (9.1): a map behind a sync.RWMutex, so
// that readers share the lock and writers hold it alone. Its zero value is
// not ready: use [New].
type Cache[K comparable, V any] struct {
	mu    sync.RWMutex
	store map[K]V
}

// New returns an empty cache.
func New[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{store: make(map[K]V)}
}

// Get returns the value stored under key and whether there is one.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.store[key]
	return v, ok
}

// Set stores value under key.
func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store[key] = value
}

// Delete removes key, if present.
func (c *Cache[K, V]) Delete(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.store, key)
}

// GetOrLoad returns the value stored under key; if there is none, it calls
// load once, stores what load returns and returns it. Calls for a key that
// is absent wait for one load, not one each: load runs under the write lock,
// so it must not call the cache.
func (c *Cache[K, V]) GetOrLoad(key K, load func(K) V) V {
	if v, ok := c.Get(key); ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Another call may have loaded key between the read lock and this
	// one: look again, under the lock that excludes every other writer.
	if v, ok := c.store[key]; ok {
		return v
	}
	v := load(key)
	c.store[key] = v
	return v
}
