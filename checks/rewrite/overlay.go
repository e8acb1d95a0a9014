package rewrite

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"
)

// rewriterVersion names the layout of the cache. The rewriter itself is
// identified by the hash of the running executable (see rewriterID), so
// that a changed rewriter never reuses the overlays of another, even where
// nobody remembered to change a version.
const rewriterVersion = "weft-rewrite-2"

// rewriterID hashes the running executable, once per process. When it
// cannot be read, it is unique to the process: every run then rewrites.
var rewriterID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		var data []byte
		if data, err = os.ReadFile(exe); err == nil {
			sum := sha256.Sum256(data)
			return hex.EncodeToString(sum[:])
		}
	}
	return fmt.Sprintf("unknown-%d", time.Now().UnixNano())
})

// Config says where the packages are and where the rewritten files go.
type Config struct {
	// Dir is the directory the patterns are resolved in; empty means the
	// current directory.
	Dir string
	// CacheDir holds the rewritten files and the overlays; empty means
	// weft/rewrite under os.UserCacheDir.
	CacheDir string
	// Env is the environment of the go command that lists the packages;
	// nil means the current one.
	Env []string
	// LeaveOut names files, by absolute path, that the build leaves out
	// rather than rewrite, such as a benchmark file with a construct the
	// rewrite refuses, whose tests `weft test` does not run anyway. A file
	// that other files need then fails the build.
	LeaveOut []string
}

// A Result is a rewrite ready for the go command.
type Result struct {
	// Overlay is the file to pass as go test -overlay=Overlay.
	Overlay string
	// Files maps each rewritten file to its rewritten copy, and each file
	// left out (Config.LeaveOut) to "", which -overlay reads as deleted;
	// files with nothing to rewrite are absent, and built as they are.
	Files map[string]string
	// Cached reports that the rewrite of the same sources was reused.
	Cached bool
}

// Overlay rewrites the packages that patterns match, with their tests, and
// returns the overlay that builds them rewritten. The packages' own files
// are never written. The same sources give the same overlay file and the
// same rewritten files, so a second run skips the type-checking and the go
// command finds its build cache warm.
//
// It fails with every construct that cannot be rewritten (see [Error]) or
// with the packages' own errors.
func Overlay(cfg Config, patterns ...string) (*Result, error) {
	if cfg.CacheDir == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("rewrite: no cache directory (set Config.CacheDir): %w", err)
		}
		cfg.CacheDir = filepath.Join(dir, "weft", "rewrite")
	}
	key, err := sourceKey(cfg, patterns)
	if err != nil {
		return nil, err
	}
	overlay := filepath.Join(cfg.CacheDir, "overlays", key+".json")
	if files, ok := reuse(overlay, cfg.CacheDir); ok {
		return &Result{Overlay: overlay, Files: files, Cached: true}, nil
	}
	files, err := rewritePackages(cfg, patterns)
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(map[string]any{"Replace": files}, "", "\t")
	if err != nil {
		return nil, err
	}
	if err := writeAtomic(overlay, data); err != nil {
		return nil, err
	}
	return &Result{Overlay: overlay, Files: files}, nil
}

// sourceKey hashes what a rewrite depends on: the rewriter, the files of
// the packages and of the main module's packages they import, and the
// module's requirements. Listing them costs one go list of a few fields,
// not a type-check: this is all a run with unchanged sources pays.
func sourceKey(cfg Config, patterns []string) (string, error) {
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-test",
		"-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,SFiles,Module,DepOnly,Standard"}, patterns...)...)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("rewrite: listing %v: %v: %s", patterns, err, stderr.String())
	}
	var files []string
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			files = append(files, name)
		}
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			Dir                                                  string
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles, SFiles []string
			Module                                               *struct {
				Main  bool
				GoMod string
			}
			DepOnly, Standard bool
		}
		if err := dec.Decode(&p); err != nil {
			return "", fmt.Errorf("rewrite: listing %v: %w", patterns, err)
		}
		if p.Standard || p.Module == nil || p.DepOnly && !p.Module.Main {
			continue
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.TestGoFiles, p.XTestGoFiles, p.SFiles} {
			for _, name := range list {
				add(filepath.Join(p.Dir, name))
			}
		}
		if p.Module.GoMod != "" {
			add(p.Module.GoMod)
			add(strings.TrimSuffix(p.Module.GoMod, ".mod") + ".sum")
		}
	}
	slices.Sort(files)
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n%q\n%s\n%q\n", rewriterVersion, rewriterID(), runtime.Version(), patterns, cfg.Dir, cfg.LeaveOut)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%s %x\n", name, sum)
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

// reuse returns the files of a cached overlay whose rewritten copies all
// still exist.
func reuse(overlay, cacheDir string) (map[string]string, bool) {
	data, err := os.ReadFile(overlay)
	if err != nil {
		return nil, false
	}
	var o struct{ Replace map[string]string }
	if json.Unmarshal(data, &o) != nil {
		return nil, false
	}
	for from, to := range o.Replace {
		if to != "" && !exists(to) {
			return nil, false
		}
		if strings.HasPrefix(from, cacheDir+string(filepath.Separator)) && !exists(filepath.Dir(from)) {
			return nil, false // a module's copy was removed
		}
	}
	return o.Replace, true
}

// rewritePackages type-checks the packages and writes the rewrite of each
// file that needs one, named by the hash of its content.
func rewritePackages(cfg Config, patterns []string) (map[string]string, error) {
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedModule | packages.NeedTypes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedImports,
		Dir: cfg.Dir, Env: cfg.Env, Tests: true,
	}, patterns...)
	if err != nil {
		return nil, fmt.Errorf("rewrite: loading %v: %w", patterns, err)
	}
	linked, err := reachable(cfg)
	if err != nil {
		return nil, err
	}
	copies := newModuleCopies(cfg, goEnv(cfg, "GOMODCACHE"))
	inSet := map[string]bool{}
	for _, p := range pkgs {
		inSet[p.PkgPath] = true
	}
	var errs []error
	files := map[string]string{}
	done := map[string]bool{}
	for _, p := range pkgs {
		if p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main
		}
		for _, e := range p.Errors {
			errs = append(errs, e)
		}
		if p.Module == nil {
			errs = append(errs, fmt.Errorf("rewrite: %s is in the standard library, which is not rewritten", p.PkgPath))
			continue
		}
		for _, name := range p.OtherFiles {
			if strings.HasSuffix(name, ".s") && !done[name] {
				done[name] = true
				errs = append(errs, &Error{Pos: token.Position{Filename: name}, What: "assembly cannot be rewritten: its functions would run outside control"})
			}
		}
		if len(p.Errors) > 0 {
			continue
		}
		for _, syn := range p.Syntax {
			name := p.Fset.File(syn.Pos()).Name()
			if done[name] {
				continue
			}
			done[name] = true
			if slices.Contains(cfg.LeaveOut, name) {
				files[name] = ""
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out, err := rewriteFile(p.Fset, syn, src, name, p.TypesInfo, p.Types, func(path string) bool { return inSet[path] })
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if out == nil {
				continue
			}
			if linked[p.PkgPath] {
				errs = append(errs, fmt.Errorf("rewrite: %s is imported by weft's own runtime, which would then import its own rewrite", p.PkgPath))
				continue
			}
			at, err := copies.relocate(p, name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			to, err := cacheFile(cfg, filepath.Base(name), out)
			if err != nil {
				return nil, err
			}
			files[at] = to
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, p := range pkgs {
		if err := addMark(cfg, p, files, linked, copies); err != nil {
			return nil, err
		}
	}
	if err := copies.finish(files); err != nil {
		return nil, err
	}
	return files, nil
}

// markFile is the name of the file the rewrite adds to each package it
// rewrites; no package of the user's has a file of that name.
const markFile = "zz_weft_rewritten.go"

// markTestFile marks a package that has test files only.
const markTestFile = "zz_weft_rewritten_test.go"

// addMark adds to the package p a file whose init records, through
// rt.MarkRewritten, that p was built rewritten: a test that must not run
// unrewritten code (the catalog's) asks rt.Rewritten. Test variants, the
// generated test main and the packages the rewritten code itself imports
// (which would import themselves) get none.
func addMark(cfg Config, p *packages.Package, files map[string]string, linked map[string]bool, copies *moduleCopies) error {
	if p.ID != p.PkgPath || p.Name == "main" || p.Module == nil || linked[p.PkgPath] {
		return nil
	}
	// A package of test files only (an example, a test of other packages)
	// is marked by a test file: its test binary is where the mark is read.
	name, dir := markFile, p.Dir
	if len(p.GoFiles) > 0 {
		dir = filepath.Dir(p.GoFiles[0])
	} else {
		name = markTestFile
	}
	if dir == "" {
		return nil
	}
	dir, err := copies.relocate(p, dir)
	if err != nil {
		return err
	}
	src := fmt.Sprintf("// Code generated by weft's rewrite. DO NOT EDIT.\n\npackage %s\n\nimport weftrt %q\n\nfunc init() { weftrt.MarkRewritten(%q) }\n",
		p.Name, rtPath, p.PkgPath)
	to, err := cacheFile(cfg, name, []byte(src))
	if err != nil {
		return err
	}
	files[filepath.Join(dir, name)] = to
	return nil
}

// cacheFile stores data as a file called base in the cache, in a directory
// named by the hash of data, and returns its path: the same content always
// has the same path, which keeps the go command's build cache warm, and is
// written once.
func cacheFile(cfg Config, base string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	to := filepath.Join(cfg.CacheDir, "files", hex.EncodeToString(sum[:12]), base)
	if _, err := os.Stat(to); err != nil {
		if err := writeAtomic(to, data); err != nil {
			return "", err
		}
	}
	return to, nil
}

// writeAtomic writes data to name through a rename, so that a concurrent
// run never reads half a file.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// reachable checks that the module of the packages can import what the
// rewritten code imports, so that a missing requirement is said once, here,
// rather than as an error of every rewritten file at build time. It
// returns the packages of this module that rewritten code links, which the
// rewrite must not mark (see addMark): they would import themselves.
func reachable(cfg Config) (map[string]bool, error) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps, Dir: cfg.Dir, Env: cfg.Env},
		schedPath, syncPath, atomicPath, rtPath, contextPath)
	if err != nil {
		return nil, fmt.Errorf("rewrite: %w", err)
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("rewrite: the rewritten code imports %s, which the module cannot: require github.com/weftlab/weft (go get github.com/weftlab/weft): %v", p.PkgPath, p.Errors[0])
		}
	}
	linked := map[string]bool{}
	packages.Visit(pkgs, func(p *packages.Package) bool {
		if p.Module != nil || strings.HasPrefix(p.PkgPath, "github.com/weftlab/weft/") {
			linked[p.PkgPath] = true
		}
		return true
	}, nil)
	return linked, nil
}

// goEnv returns the go command's setting of key, empty if it cannot tell.
func goEnv(cfg Config, key string) string {
	cmd := exec.Command("go", "env", key)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
