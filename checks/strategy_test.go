package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStrategyTable_DescriptorsAreComplete: the harness reads every field of
// a descriptor instead of testing names, so a strategy missing one would
// fail at run time, in the middle of a check.
func TestStrategyTable_DescriptorsAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range strategyTable {
		assert.False(t, seen[d.name], "strategy %q is listed twice", d.name)
		seen[d.name] = true
		assert.NotEmpty(t, d.about, d.name)
		assert.NotNil(t, d.perScenario, d.name)
		assert.True(t, (d.make == nil) != (d.members == nil), "strategy %q needs a constructor or members, not both", d.name)
		for _, m := range d.members {
			assert.True(t, m.controlled && m.make != nil, "portfolio %q: member %q must be a controlled strategy with a constructor", d.name, m.name)
			assert.Contains(t, strategyTable, m, "portfolio %q: member %q is not in the table", d.name, m.name)
		}
		if d.members != nil {
			assert.True(t, d.controlled, "portfolio %q has only controlled members", d.name)
		}
	}
	assert.Nil(t, strategyTable[0].members, "the default strategy runs in the test's own process")
}

func TestStrategyTable_ControlledStrategiesAreChooserSources(t *testing.T) {
	for _, d := range strategyTable {
		if d.make == nil {
			continue
		}
		_, isControlled := d.make(defaults()).(*controlled)
		assert.Equal(t, d.controlled, isControlled, d.name)
	}
}

func TestStrategy_PerScenarioLimit(t *testing.T) {
	cfg := defaults()
	cfg.executions, cfg.schedules = 7, 70
	assert.Equal(t, 70, boundedStrategy.perScenario(cfg), "bounded search runs schedules, not executions")
	assert.Equal(t, 7, pctStrategy.perScenario(cfg))
	assert.Equal(t, 7, stressStrategy.perScenario(cfg))
}

func TestStrategy_PortfolioInOneProcessRunsItsFirstMember(t *testing.T) {
	c, ok := portfolioStrategy.newStrategy(defaults()).(*controlled)
	require.True(t, ok)
	assert.Equal(t, portfolioStrategy.members[0].name, c.name)
}

func TestStrategy_ObstructionFreedomWrapsTheSource(t *testing.T) {
	cfg := defaults()
	cfg.obstructionFree = true
	c := newControlled("pct", newPCT(100), cfg)
	_, ok := c.src.chooser(1).(*solo)
	assert.True(t, ok, "an obstruction-freedom check must run every chooser under solo")
	cfg.obstructionFree = false
	_, ok = newControlled("pct", newPCT(100), cfg).src.chooser(1).(*solo)
	assert.False(t, ok)
}

func TestStrategyUsage_NamesEveryStrategy(t *testing.T) {
	u := strategyUsage()
	for _, d := range strategyTable {
		assert.Contains(t, u, d.name)
	}
	assert.Contains(t, u, "portfolio (controlled, one worker process per core: pct, random, bounded)")
}
