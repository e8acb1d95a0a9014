package treiber_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/treiber"
)

func ExampleStack() {
	var s treiber.Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok)
	v, ok = s.Pop()
	fmt.Println(v, ok)
	_, ok = s.Pop()
	fmt.Println(ok)
	// Output:
	// b true
	// a true
	// false
}

func ExampleStampedStack() {
	s := treiber.NewStampedStack(2)
	for round := range 3 { // popped nodes are reused by the next pushes
		s.Push(round)
		s.Push(round * 10)
		a, _ := s.Pop()
		b, _ := s.Pop()
		fmt.Println(a, b)
	}
	// Output:
	// 0 0
	// 10 1
	// 20 2
}
