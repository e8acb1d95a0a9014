package models_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/models"
)

func TestSemaphore_Steps(t *testing.T) {
	in := func(op models.SemaphoreOp) models.SemaphoreInput { return models.SemaphoreInput{Op: op} }
	took, failed, panicked := models.SemaphoreOutput{OK: true}, models.SemaphoreOutput{}, models.SemaphoreOutput{Panicked: true}
	checkSteps(t, models.Semaphore(3), []step[int, models.SemaphoreInput, models.SemaphoreOutput]{
		{"tryAcquire takes a free permit", 2, in(models.SemaphoreTry), took, true, 3},
		{"tryAcquire cannot fail with a permit free", 2, in(models.SemaphoreTry), failed, false, 0},
		{"tryAcquire fails when all are held", 3, in(models.SemaphoreTry), failed, true, 3},
		{"tryAcquire cannot take a fourth permit", 3, in(models.SemaphoreTry), took, false, 0},
		{"acquire takes a free permit", 0, in(models.SemaphoreAcquire), took, true, 1},
		{"acquire cannot take effect when all are held", 3, in(models.SemaphoreAcquire), took, false, 0},
		{"acquireTimeout takes a free permit", 1, in(models.SemaphoreAcquireTimeout), took, true, 2},
		{"acquireTimeout cannot time out with a permit free", 2, in(models.SemaphoreAcquireTimeout), failed, false, 0},
		{"acquireTimeout times out holding nothing when all are held", 3, in(models.SemaphoreAcquireTimeout), failed, true, 3},
		{"release gives a permit back", 3, in(models.SemaphoreRelease), failed, true, 2},
		{"release cannot panic while a permit is held", 1, in(models.SemaphoreRelease), panicked, false, 0},
		{"release panics when no permit is held", 0, in(models.SemaphoreRelease), panicked, true, 0},
		{"release without a permit cannot go unnoticed", 0, in(models.SemaphoreRelease), failed, false, 0},
	})
}

func TestSemaphore_Describe(t *testing.T) {
	b, err := models.Semaphore(3).Behaviour()
	require.NoError(t, err)
	assert.True(t, b.Blocks(3, models.SemaphoreInput{Op: models.SemaphoreAcquire}))
	assert.False(t, b.Blocks(2, models.SemaphoreInput{Op: models.SemaphoreAcquire}))
	assert.False(t, b.Blocks(3, models.SemaphoreInput{Op: models.SemaphoreAcquireTimeout}))
	assert.Equal(t, "release() → panic", b.DescribeOperation(models.SemaphoreInput{Op: models.SemaphoreRelease}, models.SemaphoreOutput{Panicked: true}))
	assert.Equal(t, "acquireTimeout() → timed out", b.DescribeOperation(models.SemaphoreInput{Op: models.SemaphoreAcquireTimeout}, models.SemaphoreOutput{}))
	assert.Equal(t, "tryAcquire() → true", b.DescribeOperation(models.SemaphoreInput{Op: models.SemaphoreTry}, models.SemaphoreOutput{OK: true}))
	assert.Equal(t, "acquire()", b.DescribeInput(models.SemaphoreInput{Op: models.SemaphoreAcquire}))
	assert.Equal(t, "2 of 3 permits held", b.DescribeState(2))
}
