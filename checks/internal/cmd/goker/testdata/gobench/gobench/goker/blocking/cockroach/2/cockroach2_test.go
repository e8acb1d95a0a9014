package cockroach2

import "testing"

func producer(out chan int) {
	for i := 0; i < 2; i++ {
		out <- i
	}
}

func TestCockroach2(t *testing.T) {
	out := make(chan int)
	go producer(out)
	<-out
}
