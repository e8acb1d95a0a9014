package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/boundedbuffer"
	"github.com/weftlab/weft/models"
)

// bufferCapacity is the guide's capacity (9.3).
const bufferCapacity = 5

// intBuffer is what the bounded buffer variants share.
type intBuffer interface {
	Put(v int)
	Take() int
}

// bufferOps checks Put and Take; Take waits on an empty buffer, which the
// model knows (models.BlockingQueue), so no scenario must wait forever.
func bufferOps[B intBuffer]() []checks.Op[B, models.QueueInput, models.QueueOutput] {
	return []checks.Op[B, models.QueueInput, models.QueueOutput]{
		{
			Name:  "take",
			Input: rapid.Just(models.QueueInput{Op: models.QueueTake}),
			Run:   func(b B, _ models.QueueInput) models.QueueOutput { return models.QueueOutput{Value: b.Take()} },
		},
		{
			Name: "put",
			Input: rapid.Custom(func(t *rapid.T) models.QueueInput {
				return models.QueueInput{Op: models.QueuePut, Value: value.Draw(t, "value")}
			}),
			Run: func(b B, in models.QueueInput) models.QueueOutput {
				b.Put(in.Value)
				return models.QueueOutput{}
			},
		},
	}
}

var buffers = []Entry{
	entry("9.3", checks.Ok, "boundedbuffer/cond-for", models.BlockingQueue(bufferCapacity),
		func() *boundedbuffer.Buffer[int] { return boundedbuffer.New[int](bufferCapacity) }, bufferOps),
	entry("9.3", checks.NotLinearizable, "boundedbuffer/cond-if", models.BlockingQueue(bufferCapacity),
		func() *boundedbuffer.IfBuffer[int] { return boundedbuffer.NewIfBuffer[int](bufferCapacity) }, bufferOps),
	// Capacity 1: the lost wakeup needs the buffer full and empty in turn.
	entry("11.1", checks.Deadlock, "boundedbuffer/shared-cond", models.BlockingQueue(1),
		func() *boundedbuffer.SharedCondBuffer[int] { return boundedbuffer.NewSharedCondBuffer[int](1) }, bufferOps),
}
