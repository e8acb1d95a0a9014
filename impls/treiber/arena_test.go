package treiber

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestArena_ReusesNodesAndPanicsWhenFull(t *testing.T) {
	s := NewRecyclingStack(2)
	s.Push(1)
	s.Push(2)
	assert.PanicsWithValue(t, "treiber: all 2 nodes of the arena are in use", func() { s.Push(3) })

	v, ok := s.Pop()
	assert.True(t, ok)
	assert.Equal(t, 2, v)
	s.Push(4) // reuses the node that held 2
	assert.Equal(t, uint32(2), s.head.Load(), "the head is the recycled node")
}

func TestStamped_EveryUpdateMovesTheStamp(t *testing.T) {
	s := NewStampedStack(4)
	s.Push(1)
	first := s.head.Load()
	s.Pop()
	s.Push(2) // same node, new stamp
	second := s.head.Load()
	stamp1, top1 := unpack(first)
	stamp2, top2 := unpack(second)
	assert.Equal(t, top1, top2, "the node was reused")
	assert.Equal(t, stamp1+2, stamp2)
}
