package models

import "fmt"

// SemaphoreOp is an operation on a [Semaphore].
type SemaphoreOp uint8

// The operations of a [Semaphore].
const (
	SemaphoreTry            SemaphoreOp = iota // take a permit if one is free, without waiting
	SemaphoreAcquire                           // take a permit, waiting as long as it takes
	SemaphoreAcquireTimeout                    // take a permit, waiting until a deadline at most
	SemaphoreRelease                           // give a permit back
)

var semaphoreOps = opCodec[SemaphoreOp]{"tryAcquire", "acquire", "acquireTimeout", "release"}

func (op SemaphoreOp) String() string               { return semaphoreOps.name(op) }
func (op SemaphoreOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *SemaphoreOp) UnmarshalText(b []byte) error {
	v, err := semaphoreOps.parse(b)
	*op = v
	return err
}

// SemaphoreInput is a call on a [Semaphore].
type SemaphoreInput struct {
	Op SemaphoreOp `json:"op"`
}

// SemaphoreOutput is what a call on a [Semaphore] returns: OK, whether a
// tryAcquire, acquire or acquireTimeout took a permit; Panicked, whether a
// release panicked.
type SemaphoreOutput struct {
	OK       bool `json:"ok,omitempty"`
	Panicked bool `json:"panicked,omitempty"`
}

// Semaphore specifies a counting semaphore of limit permits (the guide's
// Semaphore(3), 9.2), its state the number of permits held:
//   - tryAcquire takes a permit if one is free and reports whether it did;
//   - acquire waits until a permit is free (Blocks while all are held), then
//     takes it;
//   - acquireTimeout takes a permit, or fails at its deadline without one: a
//     failure is legal only while every permit is held, and changes nothing
//     (an Acquire that returns an error holds nothing);
//   - release gives a permit back, and panics, changing nothing, when no
//     permit is held (as golang.org/x/sync/semaphore does).
func Semaphore(limit int) Model[int, SemaphoreInput, SemaphoreOutput] {
	return Model[int, SemaphoreInput, SemaphoreOutput]{
		Name: fmt.Sprintf("semaphore (limit %d)", limit),
		Init: func() int { return 0 },
		Blocks: func(held int, in SemaphoreInput) bool {
			return in.Op == SemaphoreAcquire && held >= limit
		},
		Apply: func(held int, in SemaphoreInput) (SemaphoreOutput, int) {
			switch {
			case in.Op == SemaphoreRelease && held == 0:
				return SemaphoreOutput{Panicked: true}, held
			case in.Op == SemaphoreRelease:
				return SemaphoreOutput{}, held - 1
			case held >= limit: // tryAcquire and acquireTimeout fail (acquire waits)
				return SemaphoreOutput{}, held
			default:
				return SemaphoreOutput{OK: true}, held + 1
			}
		},
		Hash:          func(held int) uint64 { return uint64(held) },
		DescribeInput: func(in SemaphoreInput) string { return in.Op.String() + "()" },
		DescribeOperation: func(in SemaphoreInput, out SemaphoreOutput) string {
			switch {
			case in.Op == SemaphoreRelease && out.Panicked:
				return "release() → panic"
			case in.Op == SemaphoreRelease:
				return "release()"
			case in.Op == SemaphoreAcquireTimeout && !out.OK:
				return "acquireTimeout() → timed out"
			default:
				return fmt.Sprintf("%v() → %t", in.Op, out.OK)
			}
		},
		DescribeState: func(held int) string { return fmt.Sprintf("%d of %d permits held", held, limit) },
	}
}
