package moby2

import (
	"sync"
	"testing"
)

// deviceSet's lock is the one the README names, by the receiver's name in
// cleanup; the test's goroutines name their own variables.
type deviceSet struct {
	sync.Mutex
	deleted int
}

// pool is another type of the kernel with the same lock methods.
type pool struct{ sync.Mutex }

func (devices *deviceSet) cleanup() {
	devices.Lock()
	if devices.deleted == 0 {
		return // the missing unlock
	}
	devices.Unlock()
}

func TestMoby2(t *testing.T) {
	ds := &deviceSet{}
	ds.cleanup()
	p := &pool{}
	var mu sync.Mutex
	go func() {
		ds.Lock()
		p.Lock()
		mu.Lock()
	}()
}

// hold's lk is a sync.Mutex: a README naming lk.Lock() names no lock of
// the kernel's own types.
func hold(lk *sync.Mutex) { lk.Lock() }
