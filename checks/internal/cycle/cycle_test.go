package cycle

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirst(t *testing.T) {
	waitsFor := map[int]int{1: 2, 2: 3, 3: 2, 4: 5}
	next := func(n int) (int, bool) { m, ok := waitsFor[n]; return m, ok }
	assert.Equal(t, []int{2, 3, 2}, First([]int{1, 4}, next), "the cycle past the path that leads to it")
	assert.Nil(t, First([]int{4, 5}, next), "a chain that ends")
	assert.Equal(t, []int{7, 7}, First([]int{7}, func(int) (int, bool) { return 7, true }))
}
