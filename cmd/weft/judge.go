package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/weftlab/weft/internal/history"
	"github.com/weftlab/weft/internal/judging"
	"github.com/weftlab/weft/internal/repro"
)

// A weft history file of a structure outside weft's catalog (a user's own,
// as in the README's "Check your own structure") is judged by the test
// binary of the structure's module, the only place its model exists: check,
// explain and view find the file's module and test as weft repro does, run
// that test with -weft.judge (package checks), which judges the file with
// the structure's model, explains it and draws it into a directory, and
// show what it wrote (package judging).

// An outside is the judgement of a history file by its own test binary.
type outside struct {
	judging.Judgement
	arg     string        // the file as the command was given it
	dir     string        // where the binary wrote it; remove it when done
	command string        // the go test that judged it, for the reader
	took    time.Duration // go test's time, build included
	failed  string        // go test's output, if it failed after judging
}

// outsideStructure says whether err, history.Read's, is for a weft history
// file of a structure outside the catalog.
func outsideStructure(err error) bool {
	var e *history.NotInCatalogError
	return errors.As(err, &e)
}

// judgeOutside has the file's own test binary judge the history file arg,
// each of its verdict, explanation and page within timeout. Its error says
// why it could not: no module, a test that does not build, no such test,
// no check of the file's structure in it, a file the structure's model
// cannot read. On success, the caller removes o.dir.
func judgeOutside(arg string, timeout time.Duration) (o *outside, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("%s is a history of a structure outside weft's catalog, which only the test binary of its own module can judge, and it did not: %w", arg, err)
		}
	}()
	root, file, h, err := historyTest(arg)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "weft-judge-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	goArgs := []string{"test", h.Package, "-run", repro.TestPattern(h.Test), "-count=1",
		"-weft.judge=" + file, "-weft.judgeout=" + dir, "-weft.checktimeout=" + timeout.String()}
	goArgs, env, err := throughRewrite(root, h, goArgs)
	if err != nil {
		return nil, err
	}
	o = &outside{arg: arg, dir: dir, command: repro.ShellCommand(goArgs) + " (in " + root + ")"}
	var out bytes.Buffer
	cmd := exec.Command("go", goArgs...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = root, env, &out, &out
	start := time.Now()
	runErr := cmd.Run()
	o.took = time.Since(start)
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, runErr
	}
	o.Judgement, err = judging.Read(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, whyNotJudged(h, o.command, out.String())
	case err != nil:
		return nil, err
	case o.Error != "":
		return nil, fmt.Errorf("test %s of package %s could not judge it: %s", h.Test, h.Package, o.Error)
	}
	if runErr != nil {
		// Something else of the test failed (one of its own assertions on
		// a check's Result, say): the judgement stands, and this is said.
		o.failed = out.String()
	}
	return o, nil
}

// whyNotJudged says why go test, whose output is out, wrote no judgement of
// the file of h.
func whyNotJudged(h repro.Header, command, out string) error {
	var why string
	switch {
	case strings.Contains(out, "no tests to run") || strings.Contains(out, "[no test files]"):
		why = fmt.Sprintf("package %s has no test %s (renamed? or the file belongs to another module)", h.Package, h.Test)
	case strings.Contains(out, "The file was not judged."):
		why = fmt.Sprintf("test %s of package %s has no check of structure %s (renamed?)", h.Test, h.Package, h.Structure)
	case strings.Contains(out, "[build failed]") || strings.Contains(out, "[setup failed]"):
		why = fmt.Sprintf("package %s does not build", h.Package)
	default:
		why = fmt.Sprintf("no check of test %s of package %s judged it", h.Test, h.Package)
	}
	return fmt.Errorf("%s. %s said:\n%s", why, command, indent(strings.TrimRight(out, "\n")))
}

// indent indents each line of s by four spaces.
func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// explanation is the text the binary wrote, brief or not. A binary built
// with a weft older than -brief writes no brief text: that is an error,
// never the full text in its place.
func (o *outside) explanation(brief bool) (string, error) {
	if o.ExplainError != "" {
		return "", errors.New(o.ExplainError)
	}
	name := judging.Explanation
	if brief {
		name = judging.BriefExplanation
	}
	text, err := os.ReadFile(filepath.Join(o.dir, name))
	if brief && errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("test %s wrote no brief explanation: the weft its module requires predates -brief; "+
			"run without -brief, or require a newer weft in that module", o.Test)
	}
	return string(text), err
}

// copyView copies the page the binary wrote to the file called name.
func (o *outside) copyView(name string) error {
	if o.ViewError != "" {
		return errors.New(o.ViewError)
	}
	page, err := os.ReadFile(filepath.Join(o.dir, judging.View))
	if err != nil {
		return err
	}
	return os.WriteFile(name, page, 0o644)
}

// judgedBy says which test judged the file, how, and in what time, and
// whether the test failed for another reason after judging.
func (o *outside) judgedBy() string {
	s := fmt.Sprintf("%s: structure %s is not in weft's catalog: judged by its own test %s, in %s: %s",
		o.arg, o.Structure, o.Test, short(o.took), o.command)
	if o.failed != "" {
		s += "\nThe test failed after it judged the file, which does not change the judgement; go test said:\n" +
			indent(strings.TrimRight(o.failed, "\n"))
	}
	return s
}
