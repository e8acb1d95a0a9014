package namedchan

import (
	"os"
	"reflect"
	"testing"

	"github.com/weftlab/weft/checks/rewrite/rt"
)

// TestRewritten fails unless the package was built through the overlay,
// with the named channel types that have methods made structs: every other
// test here could pass on real channels.
func TestRewritten(t *testing.T) {
	if os.Getenv("WEFT_E2E_NAMEDCHAN") == "" {
		t.Skip("run by the rewrite's end-to-end test")
	}
	if !rt.Rewritten("github.com/weftlab/weft/checks/rewrite/testdata/namedchan") {
		t.Fatal("not built through the overlay")
	}
	if k := reflect.TypeOf(sem(nil)).Kind(); k != reflect.Struct {
		t.Fatalf("sem is a %v, want the rewrite's struct", k)
	}
}

func TestRelay(t *testing.T) {
	if sum, updates := Relay(5); sum != 15 || updates != 5 {
		t.Fatalf("Relay(5) = %d, %d, want 15, 5", sum, updates)
	}
}

func TestSem(t *testing.T) {
	s := newSem(2)
	if len(s) != 0 || cap(s) != 2 {
		t.Fatalf("len, cap = %d, %d, want 0, 2", len(s), cap(s))
	}
	if !s.tryAcquire() || !s.tryAcquire() || s.tryAcquire() {
		t.Fatal("a semaphore of 2 must take two and refuse the third")
	}
	s.release()
	if len(s) != 1 {
		t.Fatalf("len = %d after a release, want 1", len(s))
	}
	var none sem
	if none != nil || s == nil || len(none) != 0 {
		t.Fatal("the zero sem is nil, a made one is not")
	}
}

func TestSource(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 7
	close(ch)
	src := source(ch)
	if v, ok := src.next(); v != 7 || !ok {
		t.Fatalf("next = %d, %v, want 7, true", v, ok)
	}
	if _, ok := src.next(); ok {
		t.Fatal("a closed source must say so")
	}
	back := (<-chan int)(src)
	if _, ok := <-back; ok {
		t.Fatal("converted back, the channel is the same closed one")
	}
}

func TestPipe(t *testing.T) {
	p := make(pipe[string], 1)
	p.put("a")
	if got := p.take(); got != "a" {
		t.Fatalf("take = %q, want a", got)
	}
	q := p
	if q != p || p.isNil() {
		t.Fatal("copies of a pipe are equal, and a made one is not nil")
	}
	p.reset()
	if !p.isNil() || p != nil || q == p {
		t.Fatal("a reset pipe is nil")
	}
}

func TestForward(t *testing.T) {
	if arrived, made := Forward(3); arrived != 6 || made != 3 {
		t.Fatalf("Forward(3) = %d, %d, want 6, 3", arrived, made)
	}
}
