package moby1

import (
	"sync"
	"testing"
)

type store struct {
	mu sync.Mutex
	n  int
}

func (s *store) add() {
	s.mu.Lock()
	if s.n > 0 {
		return // the missing unlock
	}
	s.n++
	s.mu.Unlock()
}

func TestMoby1(t *testing.T) {
	s := &store{}
	done := make(chan struct{})
	go func() {
		s.add()
		s.add()
		s.add()
		close(done)
	}()
	<-done
}
