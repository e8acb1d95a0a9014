package checks

import (
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/models"
)

// forgetfulStack, when forgetful, drops every third pushed value: wrong
// with a single client, so the sequential test must catch it.
type forgetfulStack struct {
	forgetful bool
	vals      []int
	pushes    int
}

func (s *forgetfulStack) push(v int) {
	if s.pushes++; !s.forgetful || s.pushes%3 != 0 {
		s.vals = append(s.vals, v)
	}
}

func (s *forgetfulStack) pop() (int, bool) {
	if len(s.vals) == 0 {
		return 0, false
	}
	v := s.vals[len(s.vals)-1]
	s.vals = s.vals[:len(s.vals)-1]
	return v, true
}

func stackStructure(newStack func() *forgetfulStack) Structure[*forgetfulStack, models.StackInput, models.StackOutput] {
	return Structure[*forgetfulStack, models.StackInput, models.StackOutput]{
		Name: "stack", Model: models.Stack, New: newStack,
		Ops: []Op[*forgetfulStack, models.StackInput, models.StackOutput]{
			{Name: "pop", Input: rapid.Just(models.StackInput{Op: models.StackPop}),
				Run: func(s *forgetfulStack, _ models.StackInput) models.StackOutput {
					v, ok := s.pop()
					return models.StackOutput{Value: v, OK: ok}
				}},
			{Name: "push", Input: rapid.Custom(func(t *rapid.T) models.StackInput {
				return models.StackInput{Op: models.StackPush, Value: rapid.IntRange(1, 9).Draw(t, "v")}
			}), Run: func(s *forgetfulStack, in models.StackInput) models.StackOutput {
				s.push(in.Value)
				return models.StackOutput{}
			}},
		},
	}
}

func TestSequential_CatchesASequentialBug(t *testing.T) {
	tb := &rapidTB{name: t.Name()}
	withRapidFlags(7, 0, func() {
		require.NoError(t, flag.Set("rapid.checks", "100")) // restored with the others
		sequential(tb, stackStructure(func() *forgetfulStack { return &forgetfulStack{forgetful: true} }), Options{})
	})
	require.True(t, tb.failed, "the sequential test missed a stack that loses values")
	msg := strings.Join(tb.errors, "\n")
	assert.Contains(t, msg, "the model says pop()")
}

func TestSequential_PassesACorrectStructure(t *testing.T) {
	s := stackStructure(func() *forgetfulStack { return new(forgetfulStack) })
	Sequential(t, s, Options{})
}

// TestSearch_SameSeedSameScenarios: the seed alone decides which scenarios
// are drawn.
func TestSearch_SameSeedSameScenarios(t *testing.T) {
	draw := func(seed uint64) []string {
		cfg, err := resolve(Options{Seed: seed, Scenarios: 5, Executions: 1}, env(nil), nil)
		require.NoError(t, err)
		tg, err := stackStructure(func() *forgetfulStack { return new(forgetfulStack) }).target()
		require.NoError(t, err)
		var keys []string
		for k := range 5 {
			s := scenarioSeed(cfg.seed, k)
			withRapidFlags(s, 0, func() {
				rapid.Check(&rapidTB{name: t.Name()}, func(rt *rapid.T) { keys = append(keys, drawScenario(rt, tg, cfg).key()) })
			})
		}
		return keys
	}
	a, b, c := draw(42), draw(42), draw(43)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
}

func TestWithRapidFlags_RestoresRapidsSettings(t *testing.T) {
	before := map[string]string{}
	for _, name := range []string{"rapid.checks", "rapid.seed", "rapid.nofailfile", "rapid.shrinktime"} {
		before[name] = lookupFlag(t, name)
	}
	withRapidFlags(99, 0, func() { assert.Equal(t, "99", lookupFlag(t, "rapid.seed")) })
	for name, v := range before {
		assert.Equal(t, v, lookupFlag(t, name), name)
	}
}
