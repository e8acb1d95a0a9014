// Package atomic is a drop-in replacement for the typed values of the
// standard [sync/atomic] package (Int32, Int64, Uint32, Uint64, Uintptr,
// Bool, Pointer, Value) whose operations are scheduling points of package
// [github.com/weftlab/weft/checks/sched].
//
// Every operation is a scheduling point reached just before the atomic
// instruction, so a scheduler can interleave other goroutines between two
// atomic steps of an algorithm, which is where lock-free bugs such as ABA
// live. The atomics themselves are the standard ones: sequentially
// consistent, as the Go memory model specifies.
package atomic

import (
	stdatomic "sync/atomic"

	"github.com/weftlab/weft/checks/internal/engine"
)

// An Int32 is an atomic int32, as [sync/atomic.Int32].
type Int32 struct{ v stdatomic.Int32 }

// Load atomically loads and returns the value.
func (x *Int32) Load() int32 { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Int32) Store(val int32) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Int32) Swap(new int32) (old int32) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// Add atomically adds delta and returns the new value.
func (x *Int32) Add(delta int32) (new int32) { engine.At(engine.AtomicAdd, x); return x.v.Add(delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Int32) And(mask int32) (old int32) { engine.At(engine.AtomicAdd, x); return x.v.And(mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Int32) Or(mask int32) (old int32) { engine.At(engine.AtomicAdd, x); return x.v.Or(mask) }

// An Int64 is an atomic int64, as [sync/atomic.Int64].
type Int64 struct{ v stdatomic.Int64 }

// Load atomically loads and returns the value.
func (x *Int64) Load() int64 { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Int64) Store(val int64) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Int64) Swap(new int64) (old int64) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// Add atomically adds delta and returns the new value.
func (x *Int64) Add(delta int64) (new int64) { engine.At(engine.AtomicAdd, x); return x.v.Add(delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Int64) And(mask int64) (old int64) { engine.At(engine.AtomicAdd, x); return x.v.And(mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Int64) Or(mask int64) (old int64) { engine.At(engine.AtomicAdd, x); return x.v.Or(mask) }

// A Uint32 is an atomic uint32, as [sync/atomic.Uint32].
type Uint32 struct{ v stdatomic.Uint32 }

// Load atomically loads and returns the value.
func (x *Uint32) Load() uint32 { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Uint32) Store(val uint32) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Uint32) Swap(new uint32) (old uint32) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// Add atomically adds delta and returns the new value.
func (x *Uint32) Add(delta uint32) (new uint32) {
	engine.At(engine.AtomicAdd, x)
	return x.v.Add(delta)
}

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Uint32) And(mask uint32) (old uint32) { engine.At(engine.AtomicAdd, x); return x.v.And(mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Uint32) Or(mask uint32) (old uint32) { engine.At(engine.AtomicAdd, x); return x.v.Or(mask) }

// A Uint64 is an atomic uint64, as [sync/atomic.Uint64].
type Uint64 struct{ v stdatomic.Uint64 }

// Load atomically loads and returns the value.
func (x *Uint64) Load() uint64 { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Uint64) Store(val uint64) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Uint64) Swap(new uint64) (old uint64) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// Add atomically adds delta and returns the new value.
func (x *Uint64) Add(delta uint64) (new uint64) {
	engine.At(engine.AtomicAdd, x)
	return x.v.Add(delta)
}

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Uint64) And(mask uint64) (old uint64) { engine.At(engine.AtomicAdd, x); return x.v.And(mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Uint64) Or(mask uint64) (old uint64) { engine.At(engine.AtomicAdd, x); return x.v.Or(mask) }

// A Uintptr is an atomic uintptr, as [sync/atomic.Uintptr].
type Uintptr struct{ v stdatomic.Uintptr }

// Load atomically loads and returns the value.
func (x *Uintptr) Load() uintptr { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Uintptr) Store(val uintptr) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Uintptr) Swap(new uintptr) (old uintptr) {
	engine.At(engine.AtomicSwap, x)
	return x.v.Swap(new)
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// Add atomically adds delta and returns the new value.
func (x *Uintptr) Add(delta uintptr) (new uintptr) {
	engine.At(engine.AtomicAdd, x)
	return x.v.Add(delta)
}

// A Bool is an atomic boolean, as [sync/atomic.Bool].
type Bool struct{ v stdatomic.Bool }

// Load atomically loads and returns the value.
func (x *Bool) Load() bool { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Bool) Store(val bool) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Bool) Swap(new bool) (old bool) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// A Pointer is an atomic pointer of type *T, as [sync/atomic.Pointer].
type Pointer[T any] struct{ v stdatomic.Pointer[T] }

// Load atomically loads and returns the value.
func (x *Pointer[T]) Load() *T { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store atomically stores val.
func (x *Pointer[T]) Store(val *T) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap atomically stores new and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x: it compares
// pointers, not the values they point to.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}

// A Value provides an atomic load and store of a consistently typed value, as
// [sync/atomic.Value].
type Value struct{ v stdatomic.Value }

// Load returns the value set by the most recent Store, or nil if there has
// been none.
func (x *Value) Load() any { engine.At(engine.AtomicLoad, x); return x.v.Load() }

// Store sets the value to val; all calls must use the same concrete type.
func (x *Value) Store(val any) { engine.At(engine.AtomicStore, x); x.v.Store(val) }

// Swap stores new and returns the previous value, or nil.
func (x *Value) Swap(new any) (old any) { engine.At(engine.AtomicSwap, x); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (x *Value) CompareAndSwap(old, new any) (swapped bool) {
	engine.At(engine.AtomicCAS, x)
	swapped = x.v.CompareAndSwap(old, new)
	engine.Succeeded(swapped)
	return swapped
}
