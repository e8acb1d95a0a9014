package tools

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// SummaryRow is one line of the summary file that `make check` prints as a
// table: one check of one structure.
type SummaryRow struct {
	Test       string  `json:"test"`
	Structure  string  `json:"structure"`
	Mode       string  `json:"mode"`     // the strategy, with "+race" under the race detector
	Expected   string  `json:"expected"` // a verdict; empty when the check expected nothing (Run)
	Actual     string  `json:"actual"`   // a verdict, or "skipped"
	Scenarios  int     `json:"scenarios"`
	Executions int     `json:"executions"`
	Seconds    float64 `json:"seconds"`
	// Seed is the check's seed (-weft.seed): a rerun with it draws the
	// same scenarios, and under a controlled strategy runs the same
	// schedules. 0 when the check did not run.
	Seed uint64 `json:"seed,omitempty"`
	Note string `json:"note,omitempty"`
}

// AppendSummaryRow appends row to the summary file at path as one JSON line.
// Test processes append concurrently: each row is one write of one line.
func AppendSummaryRow(path string, row SummaryRow) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return appendJSONLine(path, row)
}

// appendJSONLine appends v to the file at path as one JSON line, in one
// write, so that processes appending to one file at once never mix their
// lines.
func appendJSONLine(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
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
