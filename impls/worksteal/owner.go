package worksteal

// Owner is a goroutine that runs the functions given to Do, one at a time,
// in the order they arrive. A deque has one owner, but a checker's clients
// are many goroutines that may each call any operation: routing every Push
// and Pop through Do makes the Owner's goroutine the deque's only owner,
// whoever asks, while Steal stays on the caller's goroutine and races with
// it as thieves do. It takes no lock: the handoff is an unbuffered channel.
type Owner struct {
	calls chan func()
	done  chan struct{}
}

// NewOwner starts an Owner's goroutine; Close ends it.
func NewOwner() *Owner {
	o := &Owner{calls: make(chan func()), done: make(chan struct{})}
	go o.serve()
	return o
}

func (o *Owner) serve() {
	defer close(o.done)
	for f := range o.calls {
		f()
	}
}

// Do runs f on the Owner's goroutine and returns when f has returned: f's
// effects happen within the call, so the call's interval covers f's
// linearization point. Do must not be called after Close.
func (o *Owner) Do(f func()) {
	finished := make(chan struct{})
	o.calls <- func() {
		f()
		close(finished)
	}
	<-finished
}

// Close ends the Owner's goroutine once the calls under way have returned,
// and waits until it has ended.
func (o *Owner) Close() {
	close(o.calls)
	<-o.done
}
