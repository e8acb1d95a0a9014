package checks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/weftlab/weft/checks/internal/israce"
)

// SummaryRow is one line of the summary file that `make check` prints as a
// table: one check of one structure.
type SummaryRow struct {
	Test       string  `json:"test"`
	Structure  string  `json:"structure"`
	Mode       string  `json:"mode"`     // the strategy, with "+race" under the race detector
	Expected   Verdict `json:"expected"` // empty when the check expected nothing (Run)
	Actual     Verdict `json:"actual"`
	Scenarios  int     `json:"scenarios"`
	Executions int     `json:"executions"`
	Seconds    float64 `json:"seconds"`
	Note       string  `json:"note,omitempty"`
}

func appendSummary(path, test string, res Result, expect Verdict, cfg config) error {
	mode := cfg.strategy
	if israce.Enabled && !strings.HasSuffix(mode, "+race") {
		mode += "+race"
	}
	return AppendSummaryRow(path, SummaryRow{
		Test: test, Structure: res.Structure, Mode: mode, Expected: expect, Actual: res.Verdict,
		Scenarios: res.Scenarios, Executions: res.Executions, Seconds: res.Elapsed.Seconds(),
	})
}

// AppendSummaryRow appends row to the summary file at path as one JSON line.
// Test processes append concurrently: each row is one write of one line.
func AppendSummaryRow(path string, row SummaryRow) error {
	data, err := json.Marshal(row)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(append(data, '\n'))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}
