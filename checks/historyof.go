package checks

import (
	"fmt"
	"math"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// A FileHistory is the history of a history file as weft's checker judges
// it, for tools outside a test (the weft command) that judge, explain or
// draw it: the model as porcupine takes it and the calls as porcupine
// operations, built exactly as Verify builds them.
type FileHistory struct {
	// Structure and Model name the structure and its model.
	Structure, Model string
	// Verdict is the verdict the file records.
	Verdict Verdict
	// Checker is the model as porcupine takes it. The operations' inputs
	// are weft's own wrappers of the model's inputs: pass them only to
	// Checker and Explain.
	Checker porcupine.Model
	// Operations are the calls of the history, in the file's order. A call
	// that panicked or never returned has Return math.MaxInt64; a
	// fire-and-forget call returns at the end of the history, on a row of
	// its own (see Clients), as the checker sees it.
	Operations []porcupine.Operation
	// Clients labels each ClientId of Operations as the report does:
	// "client 0", ..., "init, post", then each client's fire-and-forget
	// calls.
	Clients []string
	// Labels names each of Operations as the report's scenario table
	// does: "client 1, call 2", "init 1", "post 1".
	Labels []string
	// Explain says why the model rejects a call of Operations with its
	// output in a state.
	Explain func(state, input, output any) string
	// Unjudgeable, when set, says why the linearizability of the history
	// cannot be judged: weft does not check it, and neither should a
	// tool, since the checker would give a verdict that means nothing.
	Unjudgeable string
	// Interleaving is, for a failure found under control, the
	// interleaving step by step as the file's report shows it; "" for a
	// failure found on real cores.
	Interleaving string
}

// HistoryStructure returns the name of the structure whose history the
// history file holding data records, so that the caller can find the
// Target to pass to HistoryOf. path names the file in errors.
func HistoryStructure(path string, data []byte) (string, error) {
	hf, err := parseHistoryFile(path, data)
	return hf.Structure, err
}

// HistoryOf reads the history file holding data, a history of s, without
// executing anything: it is Verify's reading of a file, for a caller that
// is not a test. path names the file in errors; an error says what in the
// file is wrong.
func HistoryOf(s Target, path string, data []byte) (*FileHistory, error) {
	tg, err := s.target()
	if err != nil {
		return nil, err
	}
	hf, err := parseHistoryFile(path, data)
	if err != nil {
		return nil, err
	}
	return tg.historyOf(path, hf)
}

// historyOf is HistoryOf once the structure is valid and the file parsed.
func (tg *target) historyOf(path string, hf historyFile) (*FileHistory, error) {
	if hf.Structure != tg.name {
		return nil, fmt.Errorf("%s is a history of structure %q, not %q", path, hf.Structure, tg.name)
	}
	if tg.program {
		return nil, fmt.Errorf("%s is a history of program %q, which has no calls to judge", path, tg.name)
	}
	e, err := tg.executionFrom(hf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	fh := tg.fileHistory(e)
	fh.Model, fh.Verdict, fh.Interleaving = hf.Model, hf.Verdict, interleavingOf(hf.Report)
	return fh, nil
}

// hist is fh as weft's view and explanation take it, read from file.
func (fh *FileHistory) hist(file string) *hist.History {
	return &hist.History{
		File: file, Format: "weft", Title: fh.Structure,
		Model: fh.Checker, Explain: fh.Explain, Operations: fh.Operations, Clients: fh.Clients, Labels: fh.Labels,
		Recorded: string(fh.Verdict), Unjudgeable: fh.Unjudgeable, Interleaving: fh.Interleaving,
	}
}

// fileHistory is the history of e as the checker judges it, for HistoryOf
// and for the view of a failure; it leaves Verdict and Interleaving to the
// caller.
func (tg *target) fileHistory(e *execution) *FileHistory {
	ops := tg.operations(e)
	fh := &FileHistory{
		Structure:  tg.name,
		Model:      tg.model.name,
		Checker:    tg.checker,
		Operations: ops,
		Clients:    rowLabels(e.clients),
		Labels:     make([]string, len(ops)),
		Explain: func(state, input, output any) string {
			c := input.(*checkCall)
			if c.wildcard {
				return tg.model.describeInput(c.in) + " " + c.failed
			}
			return tg.model.explain(state, c.in, output)
		},
	}
	for i := range e.history { // operations has one operation per record
		if !e.history[i].returned() {
			ops[i].Return = math.MaxInt64 // as every reader of the weft command marks it
		}
		fh.Labels[i] = e.history[i].label()
	}
	if e.failedOps() && tg.model.apply == nil {
		fh.Unjudgeable = fmt.Sprintf("calls panicked or never returned, and model %q cannot say what such a call did", tg.model.name)
	}
	return fh
}
