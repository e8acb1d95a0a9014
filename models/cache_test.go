package models_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

func TestCache_Steps(t *testing.T) {
	get := models.CacheInput{Op: models.CacheGet, Key: "a"}
	load := models.CacheInput{Op: models.CacheGetOrLoad, Key: "a"}
	set := models.CacheInput{Op: models.CacheSet, Key: "a", Value: 7}
	del := models.CacheInput{Op: models.CacheDelete, Key: "a"}
	absent, seven := models.CacheEntry{}, models.CacheEntry{Present: true, Value: 7}
	loaded := models.CacheEntry{Present: true, Value: models.CacheLoaded + 2}
	none := models.CacheOutput{}
	checkSteps(t, models.Cache, []step[models.CacheEntry, models.CacheInput, models.CacheOutput]{
		{"get of an absent key", absent, get, none, true, absent},
		{"get cannot invent a value", absent, get, models.CacheOutput{Value: 7, Found: true}, false, absent},
		{"get returns the stored value", seven, get, models.CacheOutput{Value: 7, Found: true}, true, seven},
		{"get cannot miss a present key", seven, get, none, false, absent},
		{"set stores", absent, set, none, true, seven},
		{"set replaces", loaded, set, none, true, seven},
		{"delete removes", seven, del, none, true, absent},
		{"delete of an absent key", absent, del, none, true, absent},
		{"getOrLoad of an absent key stores what it loaded", absent, load, models.CacheOutput{Value: models.CacheLoaded + 2}, true, loaded},
		{"getOrLoad of an absent key returns a loaded value", absent, load, models.CacheOutput{Value: 7}, false, absent},
		{"getOrLoad of a present key returns it", seven, load, models.CacheOutput{Value: 7}, true, seven},
		{"getOrLoad of a present key does not load again", loaded, load, models.CacheOutput{Value: models.CacheLoaded + 3}, false, absent},
	})
}

// TestCache_TwoLoadsOfOneKeyHaveNoOrder: the check-then-act bug's history,
// two getOrLoad calls of one key returning different loaded values, fits
// neither order.
func TestCache_TwoLoadsOfOneKeyHaveNoOrder(t *testing.T) {
	b, err := models.Cache.Behaviour()
	require.NoError(t, err)
	load := models.CacheInput{Op: models.CacheGetOrLoad, Key: "a"}
	first, second := models.CacheOutput{Value: models.CacheLoaded + 1}, models.CacheOutput{Value: models.CacheLoaded + 2}
	for _, order := range [][2]models.CacheOutput{{first, second}, {second, first}} {
		ok, s := b.Step(b.Init(), load, order[0])
		require.True(t, ok)
		ok, _ = b.Step(s, load, order[1])
		assert.False(t, ok, "getOrLoad(a) → %d after getOrLoad(a) → %d", order[1].Value, order[0].Value)
	}
}

func TestCache_Describe(t *testing.T) {
	b, err := models.Cache.Behaviour()
	require.NoError(t, err)
	assert.Equal(t, "get(a) → absent", b.DescribeOperation(models.CacheInput{Op: models.CacheGet, Key: "a"}, models.CacheOutput{}))
	assert.Equal(t, "get(a) → 3", b.DescribeOperation(models.CacheInput{Op: models.CacheGet, Key: "a"}, models.CacheOutput{Value: 3, Found: true}))
	assert.Equal(t, "set(b, 4)", b.DescribeOperation(models.CacheInput{Op: models.CacheSet, Key: "b", Value: 4}, models.CacheOutput{}))
	assert.Equal(t, "delete(b)", b.DescribeInput(models.CacheInput{Op: models.CacheDelete, Key: "b"}))
	assert.Equal(t, "getOrLoad(a) → 1001", b.DescribeOperation(models.CacheInput{Op: models.CacheGetOrLoad, Key: "a"}, models.CacheOutput{Value: 1001}))
	assert.Equal(t, "b", b.PartitionKey(models.CacheInput{Op: models.CacheGet, Key: "b"}))
	assert.Equal(t, "absent", b.DescribeState(models.CacheEntry{}))
	assert.Equal(t, "5", b.DescribeState(models.CacheEntry{Present: true, Value: 5}))
}
