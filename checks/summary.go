package checks

import (
	"strings"

	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/internal/tools"
)

func appendSummary(path, test string, res Result, expect Verdict, cfg config) error {
	mode := cfg.strategy
	if israce.Enabled && !strings.HasSuffix(mode, "+race") {
		mode += "+race"
	}
	return tools.AppendSummaryRow(path, tools.SummaryRow{
		Test: test, Structure: res.Structure, Mode: mode, Expected: string(expect), Actual: string(res.Verdict),
		Scenarios: res.Scenarios, Executions: res.Executions, Seconds: res.Elapsed.Seconds(),
	})
}

// Weft's own tools reach these through package tools.
func init() {
	tools.StrategyOf = strategyOf
}
