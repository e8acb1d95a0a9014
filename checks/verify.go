package checks

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Verify judges again the history recorded in a history file (one that a
// failing check wrote) against s's model, without executing anything, and
// returns the verdict: it depends on the file alone. It is how weft keeps a
// corpus of recorded failures as regression tests of its checker, and how a
// history can be re-examined after its model changed. The history file must
// be one of s: same structure name, same operations; a file that is not, or
// cannot be read, stops the test with t.Fatal, as invalid options do.
// Options.CheckTimeout bounds the judgement.
func Verify(t testing.TB, s Target, path string, opts Options) Verdict {
	t.Helper()
	tg, cfg := prepare(t, s, opts)
	v, err := tg.verify(path, cfg.checkTimeout)
	if err != nil {
		t.Fatalf("weft: %v", err)
	}
	return v
}

// verify is Verify once the structure and the options are valid.
func (tg *target) verify(path string, checkTimeout time.Duration) (Verdict, error) {
	hf, err := readHistoryFile(path)
	if err != nil {
		return "", err
	}
	if hf.Structure != tg.name {
		return "", fmt.Errorf("%s is a history of structure %q, not %q", path, hf.Structure, tg.name)
	}
	e, err := tg.executionFrom(hf)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return tg.judge(e, checkTimeout), nil
}

// executionFrom rebuilds the execution recorded in a history file.
func (tg *target) executionFrom(hf historyFile) (*execution, error) {
	e := &execution{seed: hf.ExecutionSeed, clients: len(hf.Scenario.Clients), panics: hf.Panics}
	if hf.Hang != nil {
		e.hang = &hangInfo{phase: hf.Hang.Phase, stacks: hf.Hang.Stacks, graph: hf.Hang.WaitFor}
	}
	parts := map[string]part{}
	for _, p := range []part{partInit, partParallel, partPost} {
		parts[p.String()] = p
	}
	var errs []error
	for i, fr := range hf.History {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("history entry %d: "+format, append([]any{i + 1}, args...)...))
		}
		p, ok := parts[fr.Part]
		if !ok {
			bad("part %q is not one of init, parallel, post", fr.Part)
			continue
		}
		op := tg.opIndex(fr.Op)
		if op < 0 {
			bad("structure %q has no op %q", tg.name, fr.Op)
			continue
		}
		in, err := tg.ops[op].decode(fr.Input)
		if err != nil {
			bad("bad input %s: %v", fr.Input, err)
			continue
		}
		r := record{part: p, client: fr.Client, index: fr.Index, op: op, input: in, call: fr.Call, panic: fr.Panic}
		switch {
		case fr.Panic != nil:
		case fr.Return == nil:
			r.pending = true
		default:
			out, err := tg.ops[op].decodeOutput(fr.Output)
			if err != nil || len(strings.TrimSpace(string(fr.Output))) == 0 {
				bad("bad output %q: %v", fr.Output, err)
				continue
			}
			r.output, r.ret = out, *fr.Return
		}
		e.history = append(e.history, r)
	}
	return e, errors.Join(errs...)
}
