package tools

import (
	"time"
)

// ProgressEvery is the least time between two progress rows of one check:
// a few rows a second are enough for a live line, and cost nothing beside
// the executions.
const ProgressEvery = 250 * time.Millisecond

// A ProgressRow is one line of the progress file (-weft.progress,
// WEFT_PROGRESS) that a check appends to while it searches, for `weft run`
// to render. The processes of one check (the portfolio's workers) append to
// the same file, each row tagged with its process: a reader sums the latest
// row of each process of the test it shows.
type ProgressRow struct {
	Test      string `json:"test"`      // the test's name, such as TestCatalog/counter/racy
	Structure string `json:"structure"` // the structure's name
	Strategy  string `json:"strategy"`  // the strategy this process runs
	PID       int    `json:"pid"`
	// Phase is "search" while looking for a failure, "shrink" once one is
	// found and rapid minimizes it, "done" on the check's last row.
	Phase      string  `json:"phase"`
	Scenarios  int     `json:"scenarios"`
	Executions int     `json:"executions"`
	Elapsed    float64 `json:"elapsed"` // seconds since the search began
	Budget     float64 `json:"budget"`  // seconds given to the search
}

// AppendProgressRow appends row to the progress file at path as one JSON
// line, in one write, so that processes appending at once do not mix their
// lines.
func AppendProgressRow(path string, row ProgressRow) error {
	return appendJSONLine(path, row)
}
