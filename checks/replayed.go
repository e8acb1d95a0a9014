package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/weftlab/weft/internal/repro"
)

// A replay names one test and one structure; every other check that sees
// it cannot replay it. A check in another test fails at once: go test ran
// more than the file's test, or the test was renamed. A check in the file's
// test but of another structure (a correct twin checked next to a broken
// one) does not run, and the test fails at its end unless one of its checks
// was of the file's structure: a structure renamed since the file was
// written would otherwise skip every check and pass. (A -run pattern that
// matches no test runs no check at all: go test then says "no tests to
// run", and `weft repro` fails, as no check said it replayed the file.)
var replays = struct {
	sync.Mutex
	// ran lists, per test that saw a replay of another structure, the
	// structures of its checks; nil once one of them was the file's.
	ran map[string][]string
}{ran: map[string][]string{}}

// claimReplay decides whether the check r may replay hf: it returns false
// when r's structure is not the file's, and an error when r's test is not.
func (r *runner) claimReplay(hf historyFile) (bool, error) {
	r.tb.Helper()
	test := r.tb.Name()
	if hf.Test != test {
		return false, fmt.Errorf("-weft.replay=%s is a history of test %s, structure %s (package %s); this is test %s. "+
			"Replay it with its own test alone (was it renamed?): %s",
			r.cfg.replay, hf.Test, hf.Structure, hf.Package, test, repro.UserCommand(r.cfg.replay))
	}
	replays.Lock()
	defer replays.Unlock()
	if hf.Structure == r.tg.name {
		replays.ran[test] = nil
		r.tb.Logf("%s%s: test %s, structure %s", repro.Marker, r.cfg.replay, test, hf.Structure)
		return true, nil
	}
	ran, seen := replays.ran[test]
	if seen && ran == nil {
		return false, nil // the file's structure was replayed already
	}
	if !seen {
		r.tb.Cleanup(func() { replayUnclaimed(r.tb, r.cfg.replay, hf) })
	}
	replays.ran[test] = append(ran, r.tg.name)
	r.tb.Logf("weft: %s not checked: -weft.replay=%s is a history of structure %s", r.tg.name, r.cfg.replay, hf.Structure)
	return false, nil
}

// replayUnclaimed fails tb, at its end, if none of its checks replayed hf.
func replayUnclaimed(tb testing.TB, file string, hf historyFile) {
	replays.Lock()
	ran := replays.ran[tb.Name()]
	replays.Unlock()
	if ran == nil {
		return
	}
	tb.Errorf("weft: -weft.replay=%s is a history of structure %s, and no check of test %s is of it "+
		"(checks that ran: %s): was the structure renamed? The file was not replayed.",
		file, hf.Structure, tb.Name(), strings.Join(ran, ", "))
}

// replayFiles points f at the replayed files: a replay writes no new ones,
// so that replaying a file (one of histories/corpus, say) again and again
// leaves the files as they were.
func (r *runner) replayFiles(f *failure) {
	f.files.history = relToRoot(absFromRoot(r.cfg.replay))
	view := strings.TrimSuffix(f.files.history, filepath.Ext(f.files.history)) + ".html"
	if _, err := os.Stat(absFromRoot(view)); err == nil {
		f.files.view = view
	}
}
