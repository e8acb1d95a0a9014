// Package treiber implements the Treiber lock-free stack (guide 10.3) and the
// ABA problem (guide 10.2) that node reuse brings to it.
//
//   - [Stack]: the classic Treiber stack over garbage-collected nodes.
//     Correct, and free of ABA because Go's garbage collector never reuses a
//     node that some goroutine still holds a pointer to.
//   - [RecyclingStack] (bug zoo): the same algorithm over a fixed arena whose
//     popped nodes go back to a free list and are pushed again. That reuse is
//     what makes ABA possible, and it happens.
//   - [StampedStack]: the recycling stack with a version stamp in the head
//     word, the standard fix: a reused node comes back with a new stamp, so a
//     stale compare-and-swap fails.
//
// All three are linearizable stacks when correct: Push takes effect at its
// successful compare-and-swap of the head, Pop at its successful
// compare-and-swap or, when it finds the stack empty, at the load of a nil
// head.
package treiber
