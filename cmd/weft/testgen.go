package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/weftlab/weft/checks/rewrite"
)

// A plainTest is a TestXxx function of a package's test files.
type plainTest struct {
	pkg    string // the import path of the package under test
	name   string // TestXxx
	notRun string // why weft cannot run it, or ""
}

// testPackage is what go list says of a package, and the tests found.
type testPackage struct {
	ImportPath, Dir, Name     string
	TestGoFiles, XTestGoFiles []string
	tests                     []plainTest
}

// weftOverlay rewrites the packages that patterns match (run in dir) and
// returns an overlay that also holds, per test package, a generated file
// running each test whose name run matches as a weft program (see package
// plaintest), the packages with their tests, and the test files left out
// (see leaveOut). t.Parallel calls of the tests are removed from the
// rewritten files.
func weftOverlay(dir string, patterns []string, run *regexp.Regexp) (string, []*testPackage, []string, error) {
	pkgs, err := listTestPackages(dir, patterns)
	if err != nil {
		return "", nil, nil, err
	}
	res, err := rewrite.Overlay(rewrite.Config{Dir: dir}, patterns...)
	leave := leaveOut(err, run)
	if leave != nil {
		res, err = rewrite.Overlay(rewrite.Config{Dir: dir, LeaveOut: leave}, patterns...)
	}
	if err != nil {
		return "", nil, nil, err
	}
	replace := map[string]string{}
	for from, to := range res.Files {
		replace[from] = to
	}
	cache := filepath.Join(filepath.Dir(filepath.Dir(res.Overlay)), "weft-test")
	for _, p := range pkgs {
		for _, kind := range []struct {
			files []string
			pkg   string
		}{{p.TestGoFiles, p.Name}, {p.XTestGoFiles, p.Name + "_test"}} {
			var tests []plainTest
			for _, f := range kind.files {
				name := filepath.Join(p.Dir, f)
				src := name
				if to, ok := replace[name]; ok && to == "" {
					continue // left out
				} else if ok {
					src = to // the rewritten copy, whose t.Parallel calls go too
				}
				found, edited, err := scanTests(src, p.ImportPath, run)
				if err != nil {
					return "", nil, nil, err
				}
				tests = append(tests, found...)
				if edited != nil {
					if replace[name], err = cacheFile(cache, filepath.Base(name), edited); err != nil {
						return "", nil, nil, err
					}
				}
			}
			if len(tests) == 0 {
				continue
			}
			gen := filepath.Join(p.Dir, "weft_"+kind.pkg+"_generated_test.go")
			if _, err := os.Stat(gen); err == nil {
				return "", nil, nil, fmt.Errorf("%s exists: weft test generates a file of that name", gen)
			}
			if replace[gen], err = cacheFile(cache, filepath.Base(gen), generate(kind.pkg, tests)); err != nil {
				return "", nil, nil, err
			}
			p.tests = append(p.tests, tests...)
		}
	}
	data, err := json.MarshalIndent(map[string]any{"Replace": replace}, "", "\t")
	if err != nil {
		return "", nil, nil, err
	}
	overlay, err := cacheFile(cache, "overlay.json", data)
	return overlay, pkgs, leave, err
}

// leaveOut returns the test files to leave out of the build when every
// error of the rewrite is in a test file with no test to run (such as a
// benchmark file with an implicit conversion to a named channel type with
// methods), nil when there are none or others.
func leaveOut(err error, run *regexp.Regexp) []string {
	var files []string
	for _, e := range flatten(err) {
		var re *rewrite.Error
		if !errors.As(e, &re) || !strings.HasSuffix(re.Pos.Filename, "_test.go") {
			return nil
		}
		if tests, _, err := scanTests(re.Pos.Filename, "", run); err != nil || len(tests) > 0 {
			return nil
		}
		if !slices.Contains(files, re.Pos.Filename) {
			files = append(files, re.Pos.Filename)
		}
	}
	return files
}

// flatten lists the errors that err joins, recursively.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var errs []error
		for _, e := range j.Unwrap() {
			errs = append(errs, flatten(e)...)
		}
		return errs
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// listTestPackages lists the packages that patterns match.
func listTestPackages(dir string, patterns []string) ([]*testPackage, error) {
	cmd := exec.Command("go", append([]string{"list", "-json=ImportPath,Dir,Name,TestGoFiles,XTestGoFiles"}, patterns...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %v\n%s", strings.Join(patterns, " "), err, stderr.String())
	}
	var pkgs []*testPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(testPackage)
		if err := dec.Decode(p); err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

var testName = regexp.MustCompile(`^Test($|[^a-z])`)

// scanTests finds the tests of the file at name, which go test would run,
// and returns the file without their t.Parallel() calls (nil when it has
// none).
func scanTests(name, pkg string, run *regexp.Regexp) ([]plainTest, []byte, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		return nil, nil, err
	}
	testing := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "testing" {
			testing = "testing"
			if imp.Name != nil {
				testing = imp.Name.Name
			}
		}
	}
	var tests []plainTest
	var cuts []int // offsets of the Parallel selectors to rename
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || fn.Body == nil || !testName.MatchString(fn.Name.Name) || !takesT(fn, testing) {
			continue
		}
		if run != nil && !run.MatchString(fn.Name.Name) {
			continue
		}
		t := plainTest{pkg: pkg, name: fn.Name.Name}
		param := fn.Type.Params.List[0].Names
		if len(param) == 1 && param[0].Name != "_" {
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); !ok || id.Name != param[0].Name {
					return true
				}
				switch sel.Sel.Name {
				case "Run":
					t.notRun = "it runs subtests (t.Run), which package testing starts on goroutines outside weft's control"
				case "Parallel":
					cuts = append(cuts, fset.File(sel.Sel.Pos()).Offset(sel.Sel.Pos()))
				}
				return true
			})
		}
		tests = append(tests, t)
	}
	if len(cuts) == 0 {
		return tests, nil, nil
	}
	var out []byte
	last := 0
	for _, at := range cuts {
		// t.Name() does nothing, and keeps the statement and its line.
		out = append(append(out, src[last:at]...), "Name"...)
		last = at + len("Parallel")
	}
	return tests, append(out, src[last:]...), nil
}

// takesT says whether fn's only parameter is a *testing.T.
func takesT(fn *ast.FuncDecl, testing string) bool {
	ps := fn.Type.Params.List
	if testing == "" || len(ps) != 1 || len(ps[0].Names) > 1 || fn.Type.Results != nil {
		return false
	}
	star, ok := ps[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == testing && sel.Sel.Name == "T"
}

// generate is the test file that runs tests, of test package pkg, as weft
// programs: TestXxx becomes TestWeft_Xxx.
func generate(pkg string, tests []plainTest) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by weft test. DO NOT EDIT.\n\npackage %s\n\n", pkg)
	b.WriteString("import (\n\t\"testing\"\n\n\t\"github.com/weftlab/weft/checks/rewrite/plaintest\"\n)\n")
	slices.SortFunc(tests, func(a, b plainTest) int { return strings.Compare(a.name, b.name) })
	for _, t := range tests {
		program := path.Base(t.pkg) + "." + t.name
		if t.notRun != "" {
			fmt.Fprintf(&b, "\nfunc %s(t *testing.T) {\n\tplaintest.NotRun(t, %q, %q)\n}\n", weftName(t.name), program, t.notRun)
		} else {
			fmt.Fprintf(&b, "\nfunc %s(t *testing.T) {\n\tplaintest.Run(t, %q, %s)\n}\n", weftName(t.name), program, t.name)
		}
	}
	return b.Bytes()
}

// weftName is the name of the generated test that runs test.
func weftName(test string) string { return "TestWeft_" + strings.TrimPrefix(test, "Test") }

// cacheFile writes data under dir, named by its hash and base, once.
func cacheFile(dir, base string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	name := filepath.Join(dir, hex.EncodeToString(sum[:12]), base)
	if _, err := os.Stat(name); err == nil {
		return name, nil
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d", name, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return "", err
	}
	return name, os.Rename(tmp, name)
}
