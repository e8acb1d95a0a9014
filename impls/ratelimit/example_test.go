package ratelimit_test

import (
	"context"
	"fmt"
	"time"

	"github.com/weftlab/weft/impls/ratelimit"
)

func ExampleRateLimiter() {
	rl := ratelimit.NewRateLimiter(5, 200*time.Millisecond)
	fmt.Println(rl.Acquire(context.Background())) // the bucket starts full
	rl.Close()                                    // the refill goroutine has ended
	fmt.Println(rl.Acquire(context.Background())) // at once, tokens left or not
	// Output:
	// <nil>
	// ratelimit: limiter closed
}
