package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/template"
)

// scratch writes the module the kernels run in, outside the repository:
// each kernel's file in a folder of its own, with a test that checks it
// with weft, and a go.mod that takes weft from the repository at root. A
// kernel with a fix gets a second folder, KERNEL_fixed, with the fix
// applied (patch -p1, paths relative to the kernel's folder).
func scratch(dir, root string, ks []*kernel) error {
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module goker\n\ngo %s\n\nrequire github.com/weftlab/weft v0.0.0\n\nreplace github.com/weftlab/weft => %s\n", goVersion(gomod), root)
	// weft's own requirements, so that its go.sum serves without a download.
	for _, l := range requirements(gomod) {
		fmt.Fprintf(&b, "\nrequire %s", l)
	}
	b.WriteString("\n")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	for _, k := range ks {
		if err := k.writeTo(filepath.Join(dir, k.name)); err != nil {
			return err
		}
		if k.fix == "" {
			continue
		}
		fixed := filepath.Join(dir, k.name+"_fixed")
		if err := k.writeTo(fixed); err != nil {
			return err
		}
		cmd := exec.Command("patch", "-p1", "-s", "-d", fixed, "-i", k.fix)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("applying %s to %s: %v: %s", k.fix, k.name, err, out)
		}
	}
	return nil
}

func goVersion(gomod []byte) string {
	for _, l := range strings.Split(string(gomod), "\n") {
		if v, ok := strings.CutPrefix(l, "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	return "1.26"
}

// requirements are the module versions a go.mod requires, one per entry.
func requirements(gomod []byte) []string {
	var out []string
	block := false
	for _, l := range strings.Split(string(gomod), "\n") {
		l, _, _ = strings.Cut(l, "//")
		l = strings.TrimSpace(l)
		switch {
		case l == "require (":
			block = true
		case block && l == ")":
			block = false
		case block && l != "":
			out = append(out, l)
		case strings.HasPrefix(l, "require ") && !strings.HasSuffix(l, "("):
			out = append(out, strings.TrimPrefix(l, "require "))
		}
	}
	return out
}

func (k *kernel) writeTo(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(k.dir, k.file))
	if err != nil {
		return err
	}
	// The kernels were written for Go before 1.22, where a loop has one
	// variable for all its iterations: some bugs are goroutines sharing
	// it. The file keeps that meaning by its build constraint, and its
	// lines by the //line directive, which gives the next line number 1.
	name := filepath.Join(dir, k.file)
	data = append([]byte(legacyHeader(name)), data...)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return err
	}
	var w bytes.Buffer
	if err := wrapper.Execute(&w, struct{ Pkg, Name, Test string }{k.pkg, k.name, k.test}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "weft_goker_test.go"), w.Bytes(), 0o644)
}

// wrapper is the test that checks a kernel: its test as a program, under
// each strategy the driver names, each result in a JSON file. The kernel
// gets the wrapper's *testing.T; one of its t.Error calls fails the
// execution that made it, as a panic, since weft cannot see t.
var wrapper = template.Must(template.New("wrapper").Parse(`package {{.Pkg}}

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/weftlab/weft/checks"
)

func TestWeftGoker(t *testing.T) {
	program := checks.Program({{printf "%q" .Name}}, func() {
		failed := t.Failed()
		{{.Test}}(t)
		if !failed && t.Failed() {
			panic("the kernel's test failed (t.Error)")
		}
	})
	out := os.Getenv("WEFT_GOKER_OUT")
	budget, err := time.ParseDuration(os.Getenv("WEFT_GOKER_BUDGET"))
	hang, err2 := time.ParseDuration(os.Getenv("WEFT_GOKER_HANG"))
	if out == "" || err != nil || err2 != nil {
		// Not run by the driver: weft repro replaying a kept failure, or
		// a plain go test -overlay of the kernel, with weft's defaults.
		checks.Check(t, program, checks.Options{})
		return
	}
	for _, s := range strings.Split(os.Getenv("WEFT_GOKER_STRATEGIES"), ",") {
		res := checks.Run(t, program, checks.Options{Strategy: s, Budget: budget, Seed: 1,
			HangTimeout: hang, ShrinkTime: 2 * time.Second, OutDir: filepath.Join(out, "histories")})
		if os.Getenv("WEFT_RACE_CHILD") != "" {
			continue // a child of stress+race: its parent reports
		}
		r := map[string]any{"Strategy": s, "Verdict": string(res.Verdict), "Executions": res.Executions,
			"Elapsed": res.Elapsed.Seconds()}
		if res.Failure != nil {
			r["Report"] = res.Failure.Report
		}
		data, _ := json.Marshal(r)
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("%s.json", s)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
`))

// legacyHeader gives the copy of a kernel's file at name Go 1.21's
// meaning and its own line numbers.
func legacyHeader(name string) string {
	return fmt.Sprintf("//go:build go1.21\n\n//line %s:1\n", name)
}

// dropLegacy removes legacyHeader from a copy, for the kernels whose
// rewrite needs a later Go (a range over a channel is rewritten as a
// range over a function, Go 1.23).
func dropLegacy(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	h := legacyHeader(name)
	if !bytes.HasPrefix(data, []byte(h)) {
		return fmt.Errorf("%s does not start with its header", name)
	}
	return os.WriteFile(name, data[len(h):], 0o644)
}

// goCmd runs the go command in dir and returns its combined output.
func goCmd(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}
