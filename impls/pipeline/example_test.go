package pipeline_test

import (
	"context"
	"fmt"

	"github.com/weftlab/weft/impls/pipeline"
)

// The guide's main: 1..20, 4 workers, the sum of the squares.
func ExamplePipeline_Squares() {
	sum := 0
	for sq := range pipeline.Correct.Squares(context.Background(), 20, 4) {
		sum += sq
	}
	fmt.Println("Sum of squares:", sum)
	// Output: Sum of squares: 2870
}

// A consumer that stops early cancels the context: every stage ends.
func ExamplePipeline_Squares_earlyStop() {
	ctx, cancel := context.WithCancel(context.Background())
	squares := pipeline.Correct.Squares(ctx, 20, 4)
	sq := <-squares
	cancel()
	fmt.Println(sq >= 1 && sq <= 400)
	// Output: true
}
