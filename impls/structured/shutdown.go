package structured

import (
	"context"
	"errors"
)

// ShutdownOnFailure is Java's StructuredTaskScope.ShutdownOnFailure: Fork
// starts subtasks, the first failure shuts the scope down (cancels the
// others), Join waits for all of them, and ThrowIfFailed reports the first
// failure. Results are read from the subtasks after Join.
type ShutdownOnFailure struct {
	group  *TaskGroup
	joined bool
	err    error
}

// NewShutdownOnFailure opens a scope under parent.
func NewShutdownOnFailure(parent context.Context) *ShutdownOnFailure {
	return &ShutdownOnFailure{group: NewTaskGroup(parent)}
}

// A Subtask is a forked computation; its result is ready after Join.
type Subtask[T any] struct {
	value T
	err   error
	scope *ShutdownOnFailure
}

// Fork starts f in the scope.
func Fork[T any](s *ShutdownOnFailure, f func(ctx context.Context) (T, error)) *Subtask[T] {
	t := &Subtask[T]{scope: s}
	s.group.Go(func(ctx context.Context) error {
		t.value, t.err = f(ctx)
		return t.err
	})
	return t
}

// Join waits for every subtask.
func (s *ShutdownOnFailure) Join() {
	s.err = s.group.Wait()
	s.joined = true
}

// ThrowIfFailed returns the first failure, nil if none failed. It must
// follow Join.
func (s *ShutdownOnFailure) ThrowIfFailed() error {
	if !s.joined {
		return errors.New("structured: ThrowIfFailed before Join")
	}
	if s.err == nil {
		return nil
	}
	if joined, ok := s.err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()[0]
	}
	return s.err
}

// Get returns the subtask's result. Before Join, whose wait is the
// happens-before edge that makes it readable, it panics.
func (t *Subtask[T]) Get() (T, error) {
	if !t.scope.joined {
		panic("structured: Subtask.Get before Join")
	}
	return t.value, t.err
}
