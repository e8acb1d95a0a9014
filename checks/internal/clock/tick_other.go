//go:build !amd64

package clock

import "sync/atomic"

func tick(p *uint64) uint64 { return atomic.AddUint64(p, 1) }
