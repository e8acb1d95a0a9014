package istio3

import (
	"sync"
	"testing"
)

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func TestIstio3(t *testing.T) {
	c := &counter{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.inc()
		}()
	}
	wg.Wait()
}
