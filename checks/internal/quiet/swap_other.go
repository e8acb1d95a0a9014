//go:build !amd64

package quiet

import "sync/atomic"

func swap(p *uint32, v uint32) uint32 { return atomic.SwapUint32(p, v) }
