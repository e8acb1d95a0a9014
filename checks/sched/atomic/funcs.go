package atomic

import "unsafe"

// The functions of sync/atomic on plain words, for code that keeps its
// counters as int64 fields rather than atomic.Int64 (the rewrite maps
// atomic.AddInt64(&x, 1) here). Each views the word as the typed value of
// this package, whose only field is the standard typed value, whose only
// non-empty field is the word itself: the conversion is the layout rule of
// unsafe.Pointer (same size, same layout), and the scheduling point is the
// typed value's, so both forms reach the same points on the same object.

// Compile-time checks that each typed value is exactly its word.
var (
	_ [unsafe.Sizeof(Int32{}) - unsafe.Sizeof(int32(0))]struct{}
	_ [unsafe.Sizeof(int32(0)) - unsafe.Sizeof(Int32{})]struct{}
	_ [unsafe.Sizeof(Int64{}) - unsafe.Sizeof(int64(0))]struct{}
	_ [unsafe.Sizeof(int64(0)) - unsafe.Sizeof(Int64{})]struct{}
	_ [unsafe.Sizeof(Uint32{}) - unsafe.Sizeof(uint32(0))]struct{}
	_ [unsafe.Sizeof(uint32(0)) - unsafe.Sizeof(Uint32{})]struct{}
	_ [unsafe.Sizeof(Uint64{}) - unsafe.Sizeof(uint64(0))]struct{}
	_ [unsafe.Sizeof(uint64(0)) - unsafe.Sizeof(Uint64{})]struct{}
	_ [unsafe.Sizeof(Uintptr{}) - unsafe.Sizeof(uintptr(0))]struct{}
	_ [unsafe.Sizeof(uintptr(0)) - unsafe.Sizeof(Uintptr{})]struct{}
	_ [unsafe.Sizeof(Pointer[byte]{}) - unsafe.Sizeof(unsafe.Pointer(nil))]struct{}
	_ [unsafe.Sizeof(unsafe.Pointer(nil)) - unsafe.Sizeof(Pointer[byte]{})]struct{}
)

func asInt32(addr *int32) *Int32 { return (*Int32)(unsafe.Pointer(addr)) }

// AddInt32 atomically adds delta to *addr and returns the new value, as
// [sync/atomic.AddInt32].
func AddInt32(addr *int32, delta int32) (new int32) { return asInt32(addr).Add(delta) }

// CompareAndSwapInt32 executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapInt32].
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	return asInt32(addr).CompareAndSwap(old, new)
}

// LoadInt32 atomically loads *addr, as [sync/atomic.LoadInt32].
func LoadInt32(addr *int32) (val int32) { return asInt32(addr).Load() }

// StoreInt32 atomically stores val into *addr, as [sync/atomic.StoreInt32].
func StoreInt32(addr *int32, val int32) { asInt32(addr).Store(val) }

// SwapInt32 atomically stores new into *addr and returns the previous value,
// as [sync/atomic.SwapInt32].
func SwapInt32(addr *int32, new int32) (old int32) { return asInt32(addr).Swap(new) }

func asInt64(addr *int64) *Int64 { return (*Int64)(unsafe.Pointer(addr)) }

// AddInt64 atomically adds delta to *addr and returns the new value, as
// [sync/atomic.AddInt64].
func AddInt64(addr *int64, delta int64) (new int64) { return asInt64(addr).Add(delta) }

// CompareAndSwapInt64 executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapInt64].
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	return asInt64(addr).CompareAndSwap(old, new)
}

// LoadInt64 atomically loads *addr, as [sync/atomic.LoadInt64].
func LoadInt64(addr *int64) (val int64) { return asInt64(addr).Load() }

// StoreInt64 atomically stores val into *addr, as [sync/atomic.StoreInt64].
func StoreInt64(addr *int64, val int64) { asInt64(addr).Store(val) }

// SwapInt64 atomically stores new into *addr and returns the previous value,
// as [sync/atomic.SwapInt64].
func SwapInt64(addr *int64, new int64) (old int64) { return asInt64(addr).Swap(new) }

func asUint32(addr *uint32) *Uint32 { return (*Uint32)(unsafe.Pointer(addr)) }

// AddUint32 atomically adds delta to *addr and returns the new value, as
// [sync/atomic.AddUint32].
func AddUint32(addr *uint32, delta uint32) (new uint32) { return asUint32(addr).Add(delta) }

// CompareAndSwapUint32 executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapUint32].
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	return asUint32(addr).CompareAndSwap(old, new)
}

// LoadUint32 atomically loads *addr, as [sync/atomic.LoadUint32].
func LoadUint32(addr *uint32) (val uint32) { return asUint32(addr).Load() }

// StoreUint32 atomically stores val into *addr, as [sync/atomic.StoreUint32].
func StoreUint32(addr *uint32, val uint32) { asUint32(addr).Store(val) }

// SwapUint32 atomically stores new into *addr and returns the previous value,
// as [sync/atomic.SwapUint32].
func SwapUint32(addr *uint32, new uint32) (old uint32) { return asUint32(addr).Swap(new) }

func asUint64(addr *uint64) *Uint64 { return (*Uint64)(unsafe.Pointer(addr)) }

// AddUint64 atomically adds delta to *addr and returns the new value, as
// [sync/atomic.AddUint64].
func AddUint64(addr *uint64, delta uint64) (new uint64) { return asUint64(addr).Add(delta) }

// CompareAndSwapUint64 executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapUint64].
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	return asUint64(addr).CompareAndSwap(old, new)
}

// LoadUint64 atomically loads *addr, as [sync/atomic.LoadUint64].
func LoadUint64(addr *uint64) (val uint64) { return asUint64(addr).Load() }

// StoreUint64 atomically stores val into *addr, as [sync/atomic.StoreUint64].
func StoreUint64(addr *uint64, val uint64) { asUint64(addr).Store(val) }

// SwapUint64 atomically stores new into *addr and returns the previous value,
// as [sync/atomic.SwapUint64].
func SwapUint64(addr *uint64, new uint64) (old uint64) { return asUint64(addr).Swap(new) }

func asUintptr(addr *uintptr) *Uintptr { return (*Uintptr)(unsafe.Pointer(addr)) }

// AddUintptr atomically adds delta to *addr and returns the new value, as
// [sync/atomic.AddUintptr].
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) { return asUintptr(addr).Add(delta) }

// CompareAndSwapUintptr executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapUintptr].
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	return asUintptr(addr).CompareAndSwap(old, new)
}

// LoadUintptr atomically loads *addr, as [sync/atomic.LoadUintptr].
func LoadUintptr(addr *uintptr) (val uintptr) { return asUintptr(addr).Load() }

// StoreUintptr atomically stores val into *addr, as [sync/atomic.StoreUintptr].
func StoreUintptr(addr *uintptr, val uintptr) { asUintptr(addr).Store(val) }

// SwapUintptr atomically stores new into *addr and returns the previous value,
// as [sync/atomic.SwapUintptr].
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) { return asUintptr(addr).Swap(new) }

// AndInt32 atomically performs a bitwise AND of *addr with mask and returns the
// old value, as [sync/atomic.AndInt32].
func AndInt32(addr *int32, mask int32) (old int32) { return asInt32(addr).And(mask) }

// OrInt32 atomically performs a bitwise OR of *addr with mask and returns the
// old value, as [sync/atomic.OrInt32].
func OrInt32(addr *int32, mask int32) (old int32) { return asInt32(addr).Or(mask) }

// AndInt64 atomically performs a bitwise AND of *addr with mask and returns the
// old value, as [sync/atomic.AndInt64].
func AndInt64(addr *int64, mask int64) (old int64) { return asInt64(addr).And(mask) }

// OrInt64 atomically performs a bitwise OR of *addr with mask and returns the
// old value, as [sync/atomic.OrInt64].
func OrInt64(addr *int64, mask int64) (old int64) { return asInt64(addr).Or(mask) }

// AndUint32 atomically performs a bitwise AND of *addr with mask and returns the
// old value, as [sync/atomic.AndUint32].
func AndUint32(addr *uint32, mask uint32) (old uint32) { return asUint32(addr).And(mask) }

// OrUint32 atomically performs a bitwise OR of *addr with mask and returns the
// old value, as [sync/atomic.OrUint32].
func OrUint32(addr *uint32, mask uint32) (old uint32) { return asUint32(addr).Or(mask) }

// AndUint64 atomically performs a bitwise AND of *addr with mask and returns the
// old value, as [sync/atomic.AndUint64].
func AndUint64(addr *uint64, mask uint64) (old uint64) { return asUint64(addr).And(mask) }

// OrUint64 atomically performs a bitwise OR of *addr with mask and returns the
// old value, as [sync/atomic.OrUint64].
func OrUint64(addr *uint64, mask uint64) (old uint64) { return asUint64(addr).Or(mask) }

// AndUintptr atomically performs a bitwise AND of *addr with mask and returns
// the old value, as [sync/atomic.AndUintptr]. Uintptr has no And of its own
// here, so it is a compare-and-swap loop: a point per attempt.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	x := asUintptr(addr)
	for {
		if old = x.Load(); x.CompareAndSwap(old, old&mask) {
			return old
		}
	}
}

// OrUintptr atomically performs a bitwise OR of *addr with mask and returns
// the old value, as [sync/atomic.OrUintptr], by a compare-and-swap loop as
// AndUintptr.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	x := asUintptr(addr)
	for {
		if old = x.Load(); x.CompareAndSwap(old, old|mask) {
			return old
		}
	}
}

func asPointer(addr *unsafe.Pointer) *Pointer[byte] { return (*Pointer[byte])(unsafe.Pointer(addr)) }

// CompareAndSwapPointer executes the compare-and-swap operation for *addr, as
// [sync/atomic.CompareAndSwapPointer].
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	return asPointer(addr).CompareAndSwap((*byte)(old), (*byte)(new))
}

// LoadPointer atomically loads *addr, as [sync/atomic.LoadPointer].
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	return unsafe.Pointer(asPointer(addr).Load())
}

// StorePointer atomically stores val into *addr, as
// [sync/atomic.StorePointer].
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) { asPointer(addr).Store((*byte)(val)) }

// SwapPointer atomically stores new into *addr and returns the previous
// value, as [sync/atomic.SwapPointer].
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	return unsafe.Pointer(asPointer(addr).Swap((*byte)(new)))
}
