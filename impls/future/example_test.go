package future_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/weftlab/weft/impls/future"
)

// The guide's gather (section 6.2): three tasks at once, their results in
// the order of the tasks, whichever ends first.
func ExampleGather() {
	task := func(name string, d time.Duration) future.Task[string] {
		return func(ctx context.Context) (string, error) {
			time.Sleep(d)
			return name + ": done", nil
		}
	}
	results, err := future.Gather(context.Background(),
		task("TaskA", 10*time.Millisecond), task("TaskB", 5*time.Millisecond), task("TaskC", 8*time.Millisecond)).Await()
	fmt.Println(results, err)
	// Output: [TaskA: done TaskB: done TaskC: done] <nil>
}

// A promise settles once: the second settlement changes nothing.
func ExamplePromise_Resolve() {
	p := future.New[int]()
	fmt.Println(p.Resolve(1), p.Reject(errors.New("too late")), p.Resolve(2))
	fmt.Println(p.Await())
	// Output:
	// true false false
	// 1 <nil>
}

// The guide's chain (section 5.1): each step gets the previous value; a
// rejection skips the steps after it, up to the catch.
func ExampleThen() {
	user := future.New[string]()
	posts := future.Then(user, func(name string) (int, error) { return len(name), nil })
	failed := future.Then(posts, func(n int) (int, error) { return 0, fmt.Errorf("no posts for %d", n) })
	skipped := future.Then(failed, func(n int) (int, error) { return n + 1, nil })
	caught := future.Catch(skipped, func(err error) (int, error) { return -1, nil })
	user.Resolve("ada")
	fmt.Println(posts.Await())
	fmt.Println(skipped.Await())
	fmt.Println(caught.Await())
	// Output:
	// 3 <nil>
	// 0 no posts for 3
	// -1 <nil>
}

func ExampleAllSettled() {
	ok, bad := future.New[int](), future.New[int]()
	ok.Resolve(1)
	bad.Reject(errors.New("down"))
	outcomes, _ := future.AllSettled[int](ok, bad).Await()
	for _, o := range outcomes {
		fmt.Println(o.Value, o.Err)
	}
	_, err := future.All[int](ok, bad).Await()
	fmt.Println(err)
	// Output:
	// 1 <nil>
	// 0 down
	// down
}

func ExampleAny() {
	a, b := future.New[int](), future.New[int]()
	first := future.Any[int](a, b)
	a.Reject(errors.New("a failed"))
	b.Resolve(2)
	fmt.Println(first.Await())
	_, err := future.Any[int](a).Await()
	var agg *future.AggregateError
	fmt.Println(errors.As(err, &agg), len(agg.Errors))
	// Output:
	// 2 <nil>
	// true 1
}

func ExampleRace() {
	slow, fast := future.New[string](), future.New[string]()
	winner := future.Race[string](slow, fast)
	fast.Resolve("fast")
	slow.Resolve("slow")
	fmt.Println(winner.Await())
	// Output: fast <nil>
}

// A timeout, and a cancellation, through a context: the awaiter stops
// waiting, the promise stays pending, nothing is left running.
func ExamplePromise_AwaitContext() {
	p := future.New[int]()
	_, err := p.AwaitTimeout(time.Millisecond)
	fmt.Println(err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.AwaitContext(ctx)
	fmt.Println(err)
	task := future.Go(ctx, func(ctx context.Context) (int, error) {
		<-ctx.Done()
		return 0, ctx.Err()
	})
	_, err = task.Await()
	fmt.Println(err)
	// Output:
	// context deadline exceeded
	// context canceled
	// context canceled
}
