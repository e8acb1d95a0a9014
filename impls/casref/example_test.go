package casref_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/casref"
)

type config struct {
	version int
	mode    string
}

func ExampleRef_CompareAndSet() {
	var current casref.Ref[config]
	current.Store(config{1, "safe"})

	// A writer that read version 1 may replace it...
	fmt.Println(current.CompareAndSet(config{1, "safe"}, config{2, "fast"}))
	// ...but a second writer that also read version 1 is told it is too late.
	fmt.Println(current.CompareAndSet(config{1, "safe"}, config{2, "debug"}))
	fmt.Println(current.Load())
	// Output:
	// true
	// false
	// {2 fast}
}
