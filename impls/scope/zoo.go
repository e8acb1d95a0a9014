package scope

// Leaky is Scoped without the scope: Load returns at the first reply, and its
// replies channel is unbuffered. Broken on purpose; every result is right.
//
// What goes wrong: the slower replica sends its reply on a channel nobody
// will ever receive from again, and waits there forever. Each Load leaks a
// goroutine (and everything it references): the guide's goroutine that
// outlives its scope. weft sees it still alive after the execution ends.
type Leaky struct {
	replicas
}

// Load returns the value, as the first replica to answer read it.
func (l *Leaky) Load() int {
	replies := make(chan int)
	for range 2 {
		go func() { replies <- l.read() }()
	}
	return <-replies
}
