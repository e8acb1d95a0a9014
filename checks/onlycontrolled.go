package checks

import "testing"

// skipUncontrolled skips tb when the check would run on real cores although
// opts.OnlyControlled says that only a controlled strategy can find the
// structure's bug, and records the skip in the summary file, so that the
// summary of a stress pass shows every structure. A replay is never skipped:
// a controlled failure replays under control whatever the strategy; nor is
// a check that judges a history file (-weft.judge), which runs nothing.
func skipUncontrolled(tb testing.TB, s Target, opts Options, expect Verdict) {
	tb.Helper()
	if opts.OnlyControlled == "" {
		return
	}
	// The obstruction-freedom check needs control too, which is what is
	// decided here: resolved on its own under stress, it is an error.
	opts.ObstructionFree = false
	cfg, err := resolveForTest(opts)
	if err != nil || cfg.replay != "" || cfg.judge != "" || cfg.desc().controlled {
		return // prepare reports invalid options
	}
	tg, err := s.target()
	if err != nil {
		return // prepare reports an invalid structure
	}
	if cfg.summary != "" {
		res := Result{Structure: tg.name, Verdict: "skipped"}
		if err := appendSummary(cfg.summary, tb.Name(), res, expect, cfg, "only controlled: "+opts.OnlyControlled); err != nil {
			tb.Errorf("weft: could not append to the summary %s: %v", cfg.summary, err)
		}
	}
	tb.Skipf("weft: %s: only a controlled strategy can catch it: %s", tg.name, opts.OnlyControlled)
}
