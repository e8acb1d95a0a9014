package atomic_test

import (
	stdatomic "sync/atomic"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"

	"github.com/weftlab/weft/checks/sched/atomic"
)

// TestFuncs_AsStandard checks each function form against the standard one
// on the same operands: the word-as-typed-value view must read and write
// the word itself.
func TestFuncs_AsStandard(t *testing.T) {
	var a, b int64 = 5, 5
	assert.Equal(t, stdatomic.AddInt64(&a, 3), atomic.AddInt64(&b, 3))
	assert.Equal(t, stdatomic.AndInt64(&a, 6), atomic.AndInt64(&b, 6))
	assert.Equal(t, stdatomic.OrInt64(&a, 9), atomic.OrInt64(&b, 9))
	assert.Equal(t, stdatomic.SwapInt64(&a, 2), atomic.SwapInt64(&b, 2))
	assert.Equal(t, stdatomic.CompareAndSwapInt64(&a, 2, 7), atomic.CompareAndSwapInt64(&b, 2, 7))
	assert.Equal(t, stdatomic.CompareAndSwapInt64(&a, 2, 8), atomic.CompareAndSwapInt64(&b, 2, 8))
	atomic.StoreInt64(&b, atomic.LoadInt64(&b)+1)
	stdatomic.StoreInt64(&a, stdatomic.LoadInt64(&a)+1)
	assert.Equal(t, a, b)

	var u, v uint32 = 1, 1
	assert.Equal(t, stdatomic.AddUint32(&u, ^uint32(0)), atomic.AddUint32(&v, ^uint32(0)))
	assert.Equal(t, u, v)

	var p, q uintptr = 12, 12
	assert.Equal(t, stdatomic.AndUintptr(&p, 4), atomic.AndUintptr(&q, 4))
	assert.Equal(t, stdatomic.OrUintptr(&p, 3), atomic.OrUintptr(&q, 3))
	assert.Equal(t, p, q)

	x, y := 1, 2
	var ptr unsafe.Pointer
	assert.Nil(t, atomic.SwapPointer(&ptr, unsafe.Pointer(&x)))
	assert.True(t, atomic.CompareAndSwapPointer(&ptr, unsafe.Pointer(&x), unsafe.Pointer(&y)))
	assert.Equal(t, unsafe.Pointer(&y), atomic.LoadPointer(&ptr))
	atomic.StorePointer(&ptr, nil)
	assert.Nil(t, stdatomic.LoadPointer(&ptr))
}
