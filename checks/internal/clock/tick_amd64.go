package clock

// tick atomically increments *p and returns the new value (LOCK XADDQ).
//
//go:noescape
func tick(p *uint64) uint64
