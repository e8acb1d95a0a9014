package checks

import (
	"strings"

	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/internal/tools"
)

// appendSummary adds the row of one check to the summary file of make
// check; note says why it did not run, if it did not.
func appendSummary(path, test string, res Result, expect Verdict, cfg config, note string) error {
	mode := cfg.strategy
	if israce.Enabled && !strings.HasSuffix(mode, "+race") {
		mode += "+race"
	}
	return tools.AppendSummaryRow(path, tools.SummaryRow{
		Test: test, Structure: res.Structure, Mode: mode, Expected: string(expect), Actual: string(res.Verdict),
		Scenarios: res.Scenarios, Executions: res.Executions, Seconds: res.Elapsed.Seconds(), Seed: res.Seed, Note: note,
	})
}

// Weft's own tools reach these through package tools.
func init() {
	tools.StrategyOf = strategyOf
}
