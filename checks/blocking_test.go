package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

func queueModel(t *testing.T, capacity int) erasedModel {
	b, err := models.BlockingQueue(capacity).Behaviour()
	require.NoError(t, err)
	return erase(b)
}

var (
	take = call{op: 0, input: models.QueueInput{Op: models.QueueTake}}
	put  = call{op: 1, input: models.QueueInput{Op: models.QueuePut, Value: 1}}
)

func TestFindDeadlock(t *testing.T) {
	m := queueModel(t, 1)
	cases := []struct {
		name string
		sc   scenario
		want *position
	}{
		{"take then put on both sides can leave both waiting",
			scenario{clients: [][]call{{take, put}, {take, put}}},
			&position{part: partParallel, client: 0, index: 0}},
		{"a producer feeds a consumer",
			scenario{clients: [][]call{{take}, {put}}}, nil},
		{"more takes than puts",
			scenario{clients: [][]call{{take, take}, {put}}},
			&position{part: partParallel, client: 0, index: 1}},
		{"an init take on an empty queue",
			scenario{init: []call{take}, clients: [][]call{{put}}},
			&position{part: partInit, index: 0}},
		{"a post take after the parallel part emptied the queue",
			scenario{init: []call{put}, clients: [][]call{{take}, {put}}, post: []call{take, take}},
			&position{part: partPost, index: 1}},
		{"puts beyond capacity with a consumer",
			scenario{clients: [][]call{{put, put}, {take, take}}}, nil},
		{"puts beyond capacity without one",
			scenario{clients: [][]call{{put}, {put}}},
			&position{part: partParallel, client: 0, index: 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pos, found := findDeadlock(m, tc.sc)
			if tc.want == nil {
				assert.False(t, found, "found a deadlock at %+v", pos)
				return
			}
			require.True(t, found)
			assert.Equal(t, tc.want.part, pos.part)
			if tc.want.part == partParallel {
				// Which of several waiting calls is named depends on the
				// exploration order; it must be one that waits.
				assert.Contains(t, []int{0, 1}, pos.client)
			}
		})
	}
}

func TestDeadlockFree_RemovesOnlyWhatItMust(t *testing.T) {
	m := queueModel(t, 5)
	sc := deadlockFree(m, scenario{clients: [][]call{{take, put}, {take, put}}})
	_, found := findDeadlock(m, sc)
	assert.False(t, found)
	assert.Equal(t, 3, sc.size(), "one take removed: %v", sc)
}

// TestDrawScenario_NeverMustHang checks the promise that makes a hang a bug:
// for a blocking model, no drawn scenario can wait forever in the model.
func TestDrawScenario_NeverMustHang(t *testing.T) {
	tg := &target{
		ops: []targetOp{
			{name: "take", draw: func(*rapid.T) any { return take.input }},
			{name: "put", draw: func(t *rapid.T) any {
				return models.QueueInput{Op: models.QueuePut, Value: rapid.IntRange(1, 3).Draw(t, "v")}
			}},
		},
		inner: queueModel(t, 2),
	}
	cfg := defaults()
	rapid.Check(t, func(rt *rapid.T) {
		sc := drawScenario(rt, tg, cfg)
		if pos, found := findDeadlock(tg.inner, sc); found {
			rt.Fatalf("scenario %v can wait forever at %+v", sc, pos)
		}
		for _, cl := range sc.clients {
			if len(cl) == 0 {
				rt.Fatalf("scenario %v has a client without calls", sc)
			}
		}
	})
}
