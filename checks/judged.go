package checks

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/explain"
	"github.com/weftlab/weft/internal/judging"
	"github.com/weftlab/weft/internal/view"
)

// The model of a structure outside weft's catalog exists only in the test
// binary of its own module, so the weft command cannot judge its history
// files itself: `weft check`, `weft explain` and `weft view` run the
// file's test with -weft.judge=FILE -weft.judgeout=DIR, and show what it
// writes. Under -weft.judge no check searches: the check of the file's
// structure (claimFile, as for a replay) judges the file's history with
// its model, as the weft command judges a catalog file, and writes the
// judgement to DIR (package judgement); every other check of the test
// does nothing, and the test passes unless no check was of the file's
// structure. Sequential does not run either: it judges no file.

// judgeUse is -weft.judge=file.
func judgeUse(file string) fileUse {
	return fileUse{setting: "judge", file: file, past: "judged",
		command: "go run github.com/weftlab/weft/cmd/weft check " + file, marker: "weft: judging "}
}

// judgeFile serves -weft.judge for the check of tg in tb. It returns a
// Result that Check and Expect pass: the check did not search.
func judgeFile(tb testing.TB, tg *target, cfg config) Result {
	tb.Helper()
	res := Result{Structure: tg.name, judged: true}
	hf, err := readHistoryFile(absFromRoot(cfg.judge))
	if err != nil {
		tb.Fatalf("weft: -weft.judge: %v", err)
	}
	mine, err := claimFile(tb, tg.name, judgeUse(cfg.judge), hf)
	if err != nil {
		tb.Fatalf("weft: %s: %v", tg.name, err)
	}
	if !mine {
		return res
	}
	j := tg.judgeHistory(cfg, hf)
	j.Test = tb.Name()
	if err := judging.Write(cfg.judgeOut, j); err != nil {
		tb.Fatalf("weft: -weft.judgeout: %v", err)
	}
	if j.Error != "" {
		tb.Errorf("weft: -weft.judge=%s: %s", cfg.judge, j.Error)
		return res
	}
	tb.Logf("weft: judged %s: %s; the judgement is in %s", cfg.judge, j.Verdict, cfg.judgeOut)
	return res
}

// judgeHistory judges hf, a history of tg, as the weft command judges a
// history file of its catalog: its verdict (porcupine's, within the check
// timeout), its explanation, and its page, written to cfg.judgeOut
// (created if need be). What went wrong is in the judgement.
func (tg *target) judgeHistory(cfg config, hf historyFile) judging.Judgement {
	j := judging.Judgement{File: cfg.judge, Structure: tg.name, Recorded: string(hf.Verdict)}
	if err := os.MkdirAll(cfg.judgeOut, 0o755); err != nil {
		j.Error = err.Error()
		return j
	}
	fh, err := tg.historyOf(cfg.judge, hf)
	if err != nil {
		j.Error = err.Error()
		return j
	}
	h := fh.hist(cfg.judge)
	j.Calls = len(fh.Operations)
	if fh.Unjudgeable != "" {
		j.Verdict, j.Unjudgeable = judging.NotJudged, fh.Unjudgeable
	} else {
		j.Verdict, j.Took = judging.Linearizability(fh.Checker, fh.Operations, cfg.checkTimeout)
	}

	var text, brief strings.Builder
	e, err := explain.Explain(h, cfg.checkTimeout)
	if err == nil {
		err = e.Verify() // an explanation that does not hold is worse than none
	}
	if err == nil {
		err = errors.Join(e.WriteText(&text), e.WriteBrief(&brief))
	}
	if err == nil {
		// Both texts, of the one explanation verified: weft explain -brief
		// shows the second.
		err = errors.Join(os.WriteFile(filepath.Join(cfg.judgeOut, judging.Explanation), []byte(text.String()), 0o644),
			os.WriteFile(filepath.Join(cfg.judgeOut, judging.BriefExplanation), []byte(brief.String()), 0o644))
	}
	if err != nil {
		j.ExplainError = err.Error()
	} else {
		j.Explained = e.Verdict
	}

	a := view.Check(h, cfg.checkTimeout)
	j.ViewVerdict, j.ViewOK = a.Verdict(), a.Unjudgeable == "" && a.Result == porcupine.Ok
	if err := view.WriteFile(filepath.Join(cfg.judgeOut, judging.View), h, a, view.Options{}); err != nil {
		j.ViewError = err.Error()
	}
	return j
}

// sequentialJudging says, for Sequential, whether -weft.judge is set, and logs that
// it does not run then.
func sequentialJudging(tb interface{ Logf(string, ...any) }, name string, cfg config) bool {
	if cfg.judge == "" {
		return false
	}
	tb.Logf("weft: %s: Sequential not run: -weft.judge=%s judges a history file, with no check run", name, cfg.judge)
	return true
}
