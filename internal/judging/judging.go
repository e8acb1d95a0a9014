// Package judging is what a user's test binary writes when it judges a
// history file for the weft command (the -weft.judge setting of package
// checks), and what the command reads back: the model of a structure
// outside weft's catalog exists only in the test binary of its own module,
// so `weft check`, `weft explain` and `weft view` ask that binary to judge
// its histories, and show what it wrote.
//
// A judgement is a directory with four files: Verdict (JSON, a Judgement),
// Explanation and BriefExplanation (the texts of package explain, full and
// brief, of the same verified explanation) and View (the page of package
// view). The binary writes Verdict last: a directory without it holds no
// judgement, whatever else it holds.
package judging

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/anishathalye/porcupine"
)

// The files of a judgement's directory.
const (
	Verdict     = "judgement.json"
	Explanation = "explain.txt"
	// BriefExplanation is absent from the judgements of binaries built
	// with a weft older than `weft explain -brief`.
	BriefExplanation = "explain-brief.txt"
	View             = "view.html"
)

// The verdicts of a history's linearizability, as the weft command words
// them. Unknown (the checker ran out of time) is never a pass.
const (
	Linearizable    = "linearizable"
	NotLinearizable = "not linearizable"
	Unknown         = "unknown"
	NotJudged       = "not judged"
)

// A Judgement is the judgement of one history file by the test binary of
// the module of its structure.
type Judgement struct {
	// File is the history file judged, as the binary was given it.
	File string `json:"file"`
	// Test and Structure are the test and the structure whose check
	// judged it: the file's.
	Test      string `json:"test"`
	Structure string `json:"structure"`
	// Error, when set, says why the file could not be judged (it is not
	// a history of the structure's operations, say); nothing else is set
	// then.
	Error string `json:"error,omitempty"`
	// Calls is the number of calls of the history.
	Calls int `json:"calls"`
	// Recorded is the verdict the file records.
	Recorded string `json:"recorded"`
	// Verdict is one of the verdict constants; Unjudgeable says why, for
	// NotJudged.
	Verdict     string `json:"verdict"`
	Unjudgeable string `json:"unjudgeable,omitempty"`
	// Took is the time porcupine's check took.
	Took time.Duration `json:"took"`
	// Explained is the verdict of the explanation (package explain's
	// constants), and ExplainError why there is none: the search failed,
	// or the explanation did not hold when checked against the model.
	Explained    string `json:"explained,omitempty"`
	ExplainError string `json:"explainError,omitempty"`
	// ViewVerdict is the verdict the page shows, ViewOK whether it is a
	// pass (linearizable), and ViewError why no page was written.
	ViewVerdict string `json:"viewVerdict,omitempty"`
	ViewOK      bool   `json:"viewOK,omitempty"`
	ViewError   string `json:"viewError,omitempty"`
}

// Linearizability judges ops against model within timeout with porcupine,
// and returns the verdict and the time it took.
func Linearizability(model porcupine.Model, ops []porcupine.Operation, timeout time.Duration) (string, time.Duration) {
	start := time.Now()
	// Not CheckOperationsVerbose: the partial linearizations it computes
	// are of no use to a verdict, and on a long illegal log (porcupine's
	// kv/c50-bad.txt) it searches them until the timeout, a minute instead
	// of a quarter of a second.
	res := porcupine.CheckOperationsTimeout(model, ops, timeout)
	took := time.Since(start)
	switch res {
	case porcupine.Ok:
		return Linearizable, took
	case porcupine.Illegal:
		return NotLinearizable, took
	}
	return Unknown, took
}

// Write writes j as the Verdict file of dir, which must exist.
func Write(dir string, j Judgement) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, Verdict), append(data, '\n'), 0o644)
}

// Read reads the judgement of dir; an error wrapping os.ErrNotExist says
// that dir holds none.
func Read(dir string) (Judgement, error) {
	var j Judgement
	data, err := os.ReadFile(filepath.Join(dir, Verdict))
	if err != nil {
		return j, err
	}
	if err := json.Unmarshal(data, &j); err != nil {
		return j, fmt.Errorf("%s: %w", filepath.Join(dir, Verdict), err)
	}
	return j, nil
}
