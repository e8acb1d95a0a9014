package engine

import (
	"sync/atomic"
	"unsafe"

	"github.com/petermattis/goid"

	"github.com/weftlab/weft/checks/internal/quiet"
)

// Stress-mode bookkeeping. Without a Controller, goroutines run on real
// cores and nothing knows who holds or waits for what; when a stress
// execution hangs, the watchdog's stacks say where each goroutine is, not
// whom it waits for. With tracking on, the shims record, per goroutine,
// the locks it holds and the primitive it may be blocked in, so that the
// watchdog can print the wait-for graph next to the stacks.
//
// The records must not synchronize the goroutines they watch: a lock, an
// atomic or a channel between them would add happens-before edges and hide
// their data races from the race detector, under which stress runs. So the
// table is guarded by a spin lock in assembly (internal/quiet) and touched
// only by functions the race detector does not instrument (go:norace);
// objects are kept as addresses, never dereferenced, and named by the
// order in which a snapshot meets them.

// tracking mirrors whether tracking is on, so that a shim pays one load
// when it is off.
var tracking atomic.Bool

// trackCapacity bounds the records: far more than the goroutines of an
// execution hold and wait for at once.
const trackCapacity = 4096

// A Tracked is one record of a snapshot: goroutine Goroutine (the runtime's
// id, as in its stack) holds Obj, or may be blocked at Kind on it.
type Tracked struct {
	Goroutine int64
	Kind      Kind
	Obj       uintptr
	Held      bool
}

var track struct {
	lock     quiet.Lock
	records  [trackCapacity]Tracked
	n        int
	overflow bool
}

// TrackWaits turns the stress-mode bookkeeping on or off, and empties it.
// A harness turns it on for a stress execution; it stays off where the
// runtime's goroutine ids cannot be read (see Stray).
func TrackWaits(on bool) {
	tracking.Store(false)
	clearTrack()
	tracking.Store(on && goidWorks)
}

//go:norace
func clearTrack() {
	track.lock.Lock()
	track.n, track.overflow = 0, false
	track.lock.Unlock()
}

// Blocking records that the running goroutine may now block at k on obj;
// [Unblocked] ends it. The shims call it around the blocking operations of
// stress executions.
func Blocking(k Kind, obj unsafe.Pointer) {
	if tracking.Load() {
		addTracked(Tracked{Goroutine: goid.Get(), Kind: k, Obj: uintptr(obj)})
	}
}

// Unblocked records that the running goroutine went on past obj.
func Unblocked(obj unsafe.Pointer) {
	if tracking.Load() {
		removeTracked(goid.Get(), uintptr(obj), false)
	}
}

// Holding records that the running goroutine acquired obj by k, which ends
// its wait for obj.
func Holding(k Kind, obj unsafe.Pointer) {
	if tracking.Load() {
		holdTracked(Tracked{Goroutine: goid.Get(), Kind: k, Obj: uintptr(obj), Held: true})
	}
}

//go:norace
func holdTracked(r Tracked) {
	track.lock.Lock()
	for i := track.n - 1; i >= 0; i-- {
		if w := &track.records[i]; w.Goroutine == r.Goroutine && w.Obj == r.Obj && !w.Held {
			*w = r
			track.lock.Unlock()
			return
		}
	}
	track.lock.Unlock()
	addTracked(r)
}

// Releasing records that obj was released once: by the running goroutine,
// or (a mutex may be unlocked by another goroutine than the one that
// locked it) by a holder.
func Releasing(obj unsafe.Pointer) {
	if tracking.Load() {
		removeTracked(goid.Get(), uintptr(obj), true)
	}
}

//go:norace
func addTracked(r Tracked) {
	track.lock.Lock()
	if track.n < trackCapacity {
		track.records[track.n] = r
		track.n++
	} else {
		track.overflow = true
	}
	track.lock.Unlock()
}

//go:norace
func removeTracked(g int64, obj uintptr, held bool) {
	track.lock.Lock()
	found := -1
	for i := track.n - 1; i >= 0; i-- {
		r := &track.records[i]
		if r.Obj != obj || r.Held != held {
			continue
		}
		if r.Goroutine == g {
			found = i
			break
		}
		if held && found < 0 {
			found = i // another goroutine's hold: unlocked on its behalf
		}
	}
	if found >= 0 {
		track.n--
		track.records[found] = track.records[track.n]
	}
	track.lock.Unlock()
}

// TrackedNow returns the records as they stand, and whether some were lost
// for want of room.
//
//go:norace
func TrackedNow() (records []Tracked, overflow bool) {
	track.lock.Lock()
	records = make([]Tracked, track.n)
	copy(records, track.records[:track.n])
	overflow = track.overflow
	track.lock.Unlock()
	return records, overflow
}
