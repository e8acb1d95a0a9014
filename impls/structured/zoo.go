package structured

import (
	"context"
	"sync"
)

// Hasty is a TaskGroup whose Wait returns at the first failure, as soon as
// the error is known, without waiting for the other children: they outlive
// the scope, and the errors of those that fail later are lost.
type Hasty struct {
	*TaskGroup
	failed chan struct{} // closed at the first failure, first set
	first  error
	once   sync.Once
}

// NewHasty returns a Hasty group under parent.
func NewHasty(parent context.Context) *Hasty {
	return &Hasty{TaskGroup: NewTaskGroup(parent), failed: make(chan struct{})}
}

// Go starts f, noting its failure.
func (h *Hasty) Go(f func(ctx context.Context) error) {
	h.TaskGroup.Go(func(ctx context.Context) error {
		err := f(ctx)
		if err != nil {
			h.once.Do(func() { h.first = err; close(h.failed) })
		}
		return err
	})
}

// Wait returns at the first failure or when every child has ended.
func (h *Hasty) Wait() error {
	all := make(chan error, 1)
	go func() { all <- h.TaskGroup.Wait() }()
	select {
	case err := <-all:
		return err
	case <-h.failed:
		return h.first
	}
}

// Swallowing is a TaskGroup that keeps only the first error: a child that
// fails after another has its error dropped, as if it had succeeded.
type Swallowing struct {
	*TaskGroup
	mu     sync.Mutex
	failed bool
}

// NewSwallowing returns a Swallowing group under parent.
func NewSwallowing(parent context.Context) *Swallowing {
	return &Swallowing{TaskGroup: NewTaskGroup(parent)}
}

// Go starts f; its error is dropped if another child failed first.
func (s *Swallowing) Go(f func(ctx context.Context) error) {
	s.TaskGroup.Go(func(ctx context.Context) error {
		err := f(ctx)
		if err == nil {
			return nil
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.failed {
			return nil
		}
		s.failed = true
		return err
	})
}

// Uncancelled is a TaskGroup whose children get the parent's context
// instead of the group's: a failure cancels nothing they can see, so a
// sibling that runs until it is cancelled never ends, and Wait with it.
type Uncancelled struct {
	*TaskGroup
	parent context.Context
}

// NewUncancelled returns an Uncancelled group under parent.
func NewUncancelled(parent context.Context) *Uncancelled {
	return &Uncancelled{TaskGroup: NewTaskGroup(parent), parent: parent}
}

// Go starts f with the parent's context.
func (u *Uncancelled) Go(f func(ctx context.Context) error) {
	u.TaskGroup.Go(func(context.Context) error { return f(u.parent) })
}

// LooseLimit is a TaskGroup with a limit whose slot is freed when the child
// starts rather than when it ends: Go waits only while children are being
// started, so any number of them run at once.
type LooseLimit struct {
	*TaskGroup
	slots chan struct{}
}

// NewLooseLimit returns a group under parent whose limit is n.
func NewLooseLimit(parent context.Context, n int) *LooseLimit {
	return &LooseLimit{TaskGroup: NewTaskGroup(parent), slots: make(chan struct{}, n)}
}

// Go waits for a slot, then starts f, which frees it at once.
func (l *LooseLimit) Go(f func(ctx context.Context) error) {
	l.slots <- struct{}{}
	l.TaskGroup.Go(func(ctx context.Context) error {
		<-l.slots
		return f(ctx)
	})
}
