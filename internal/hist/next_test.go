package hist

import (
	"testing"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
)

func TestNextCandidates_AreTheRemainingCallsStartedBeforeAnyRemainingOneReturned(t *testing.T) {
	op := func(id int, call, ret int64) porcupine.Operation {
		return porcupine.Operation{Metadata: id, Call: call, Return: ret}
	}
	part := []porcupine.Operation{op(3, 6, 9), op(0, 0, 2), op(1, 1, 5), op(2, 3, 4)}
	ids := func(ops []porcupine.Operation) (out []int) {
		for _, o := range ops {
			out = append(out, o.Metadata.(int))
		}
		return out
	}
	none := func(porcupine.Operation) bool { return false }
	assert.Equal(t, []int{0, 1}, ids(NextCandidates(part, none)), "#2 starts at 3, after #0 returned at 2")
	done0 := func(o porcupine.Operation) bool { return o.Metadata.(int) == 0 }
	assert.Equal(t, []int{1, 2}, ids(NextCandidates(part, done0)), "with #0 done, #3 starts at 6, after #2 returned at 4")
	all := func(porcupine.Operation) bool { return true }
	assert.Empty(t, NextCandidates(part, all))
}
