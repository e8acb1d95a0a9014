package concurrency_test

import (
	"fmt"
	"time"

	"github.com/weftlab/weft/impls/concurrency"
)

// The guide's first example, with waits of 10 ms. That the three take one
// wait together, not three, is checked on weft's virtual clock (the
// catalog's concurrency entries), where it is exact.
func ExampleFetchAll() {
	urls := []string{"https://api.example.com/users", "https://api.example.com/posts", "https://api.example.com/comments"}
	for _, r := range concurrency.FetchAll(urls, 10*time.Millisecond) {
		fmt.Println(r)
	}
	// Output:
	// Data from https://api.example.com/users
	// Data from https://api.example.com/posts
	// Data from https://api.example.com/comments
}
