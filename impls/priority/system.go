package priority

// LowCriticalSteps is how long the low-priority task holds the resource,
// and MediumWork how long the medium-priority task computes: long enough,
// against weft's inversion bound (8 steps), that the high task waiting
// behind it is an unbounded inversion, not a task arriving.
const (
	LowCriticalSteps = 3
	MediumWork       = 12
)

// System is the guide's example of 11.3: a high-priority and a low-priority
// task share a resource (a count) under a mutex, and a medium-priority task
// computes without it, all on one CPU. Create it with [NewSystem] and end it
// with Stop.
//
// Linearization points: Record and Read take effect while they hold the
// mutex (the increment, the read), Compute when it counts its job at its
// end; the CPU runs one task at a time, so every step is atomic.
type System struct {
	cpu      *CPU
	resource Mutex
	count    int // guarded by resource
	jobs     int // medium work done; only the running task touches it
}

// NewSystem returns a system whose mutex lends its holder the priority of
// its waiters (priority inheritance): the high task waits for the low
// task's critical section, never for medium work.
func NewSystem() *System { return &System{cpu: NewCPU(true)} }

// Record is the low-priority task: it increments the count in a critical
// section of LowCriticalSteps steps.
func (s *System) Record() {
	s.cpu.Run(Low, func(t *Task) {
		t.Lock(&s.resource)
		for range LowCriticalSteps {
			t.Step()
		}
		s.count++
		t.Unlock(&s.resource)
	})
}

// Read is the high-priority task: it reads the count under the mutex.
func (s *System) Read() int {
	var n int
	s.cpu.Run(High, func(t *Task) {
		t.Lock(&s.resource)
		t.Step()
		n = s.count
		t.Unlock(&s.resource)
	})
	return n
}

// Compute is the medium-priority task: MediumWork steps of work that needs
// no resource, then it counts its job.
func (s *System) Compute() {
	s.cpu.Run(Medium, func(t *Task) {
		for range MediumWork {
			t.Step()
		}
		s.jobs++
	})
}

// Jobs returns how many Compute tasks have finished, at low priority.
func (s *System) Jobs() int {
	var n int
	s.cpu.Run(Low, func(*Task) { n = s.jobs })
	return n
}

// Stop stops the CPU, once every task has ended.
func (s *System) Stop() { s.cpu.Stop() }
