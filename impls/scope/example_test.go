package scope_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/scope"
)

func ExampleScoped() {
	var s scope.Scoped
	s.Store(7)
	fmt.Println(s.Load()) // both replicas have ended when Load returns
	// Output: 7
}
