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

// A fileUse is a setting that hands a history file to the one check of
// its test and structure: -weft.replay reruns its scenario, -weft.judge
// judges its history (judged.go).
type fileUse struct {
	setting string // the flag's name after "weft."
	file    string
	past    string // "replayed", "judged"
	command string // the command that does it from any directory of the file's module
	marker  string // starts the line the check that claims the file logs
}

// replayUse is -weft.replay=file.
func replayUse(file string) fileUse {
	return fileUse{setting: "replay", file: file, past: "replayed", command: repro.UserCommand(file), marker: repro.Marker}
}

// Such a file names one test and one structure; every other check that
// sees it cannot use it. A check in another test fails at once: go test
// ran more than the file's test, or the test was renamed. A check in the
// file's test but of another structure (a correct twin checked next to a
// broken one) does not run, and the test fails at its end unless one of
// its checks was of the file's structure: a structure renamed since the
// file was written would otherwise skip every check and pass. (A -run
// pattern that matches no test runs no check at all: go test then says "no
// tests to run", and `weft repro` fails, as no check said it replayed the
// file; the weft command's judging finds no judgement.)
var claims = struct {
	sync.Mutex
	// ran lists, per test that saw a file of another structure, the
	// structures of its checks; nil once one of them was the file's.
	ran map[string][]string
}{ran: map[string][]string{}}

// claimFile decides whether the check of structure in tb may use hf, the
// file of u: it returns false when the structure is not the file's, and an
// error when tb is not the file's test.
func claimFile(tb testing.TB, structure string, u fileUse, hf historyFile) (bool, error) {
	tb.Helper()
	test := tb.Name()
	if hf.Test != test {
		return false, fmt.Errorf("-weft.%s=%s is a history of test %s, structure %s (package %s); this is test %s. "+
			"%s it with its own test alone (was it renamed?): %s",
			u.setting, u.file, hf.Test, hf.Structure, hf.Package, test, strings.ToUpper(u.setting[:1])+u.setting[1:], u.command)
	}
	claims.Lock()
	defer claims.Unlock()
	if hf.Structure == structure {
		claims.ran[test] = nil
		tb.Logf("%s%s: test %s, structure %s", u.marker, u.file, test, hf.Structure)
		return true, nil
	}
	ran, seen := claims.ran[test]
	if seen && ran == nil {
		return false, nil // the file's structure was claimed already
	}
	if !seen {
		tb.Cleanup(func() { unclaimed(tb, u, hf) })
	}
	claims.ran[test] = append(ran, structure)
	tb.Logf("weft: %s not checked: -weft.%s=%s is a history of structure %s", structure, u.setting, u.file, hf.Structure)
	return false, nil
}

// unclaimed fails tb, at its end, if none of its checks claimed hf.
func unclaimed(tb testing.TB, u fileUse, hf historyFile) {
	claims.Lock()
	ran := claims.ran[tb.Name()]
	claims.Unlock()
	if ran == nil {
		return
	}
	tb.Errorf("weft: -weft.%s=%s is a history of structure %s, and no check of test %s is of it "+
		"(checks that ran: %s): was the structure renamed? The file was not %s.",
		u.setting, u.file, hf.Structure, tb.Name(), strings.Join(ran, ", "), u.past)
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
