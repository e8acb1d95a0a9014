package priority

// NewSystemWithoutInheritance returns a system whose mutex does not lend
// priorities. Broken on purpose.
//
// What goes wrong: Record (low) takes the mutex; Read (high) arrives,
// preempts it and blocks on the mutex, so the CPU goes back to the most
// urgent ready task; if Compute (medium) has arrived meanwhile, that is
// Compute, not Record, whose priority is still low. Read then waits all
// MediumWork steps of Compute, and of every medium task that arrives after
// it, before Record can finish its critical section and let it in: the
// wait of the most urgent task is bounded by the least urgent work, not by
// a critical section. Every answer is still right, so no linearizability
// check sees it; weft's inversion check counts Compute's steps while Read
// waits for a mutex Compute does not hold.
func NewSystemWithoutInheritance() *System { return &System{cpu: NewCPU(false)} }
