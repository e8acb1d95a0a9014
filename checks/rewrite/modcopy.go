package rewrite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/tools/go/packages"

	"github.com/weftlab/weft/internal/tools"
)

// The go command refuses to overlay a file of the module cache, so a
// package of a dependency (golang.org/x/sync/errgroup, say) cannot be
// rewritten where it lies. It can be rewritten in a copy: the module is
// copied once per version into the rewrite's cache, the overlay replaces
// the main module's go.mod with one whose replace directive points at the
// copy, and the copy's files are overlaid like the user's own. The whole
// build then uses the copy, rewritten where it was asked to be and
// byte-for-byte the module cache's elsewhere; the user's go.mod, go.sum and
// module cache are never written.

// moduleCopies collects the modules of the module cache that the rewrite
// changes, and where their copies go.
type moduleCopies struct {
	cfg      Config
	modcache string
	copies   map[string]copiedModule // by module path
}

type copiedModule struct {
	from, to string // the module's directory in the module cache, its copy
}

func newModuleCopies(cfg Config, modcache string) *moduleCopies {
	return &moduleCopies{cfg: cfg, modcache: modcache, copies: map[string]copiedModule{}}
}

// relocate returns where the file name of package p is built from: name
// itself, or for a file of the module cache, the same file in the module's
// copy.
func (m *moduleCopies) relocate(p *packages.Package, name string) (string, error) {
	if m.modcache == "" || !strings.HasPrefix(name, m.modcache+string(filepath.Separator)) {
		return name, nil
	}
	mod := p.Module
	if mod.Replace != nil {
		mod = mod.Replace
	}
	if mod.Dir == "" || mod.Version == "" {
		return "", fmt.Errorf("rewrite: %s is in the module cache, but its module %s has no directory or version to copy", name, mod.Path)
	}
	c, ok := m.copies[p.Module.Path]
	if !ok {
		escaped, err := module.EscapePath(mod.Path)
		if err != nil {
			return "", fmt.Errorf("rewrite: module %s: %w", mod.Path, err)
		}
		c = copiedModule{from: mod.Dir, to: filepath.Join(m.cfg.CacheDir, "modules", filepath.FromSlash(escaped)+"@"+mod.Version)}
		m.copies[p.Module.Path] = c
	}
	rel, err := filepath.Rel(c.from, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("rewrite: %s is outside its module's directory %s", name, c.from)
	}
	return filepath.Join(c.to, rel), nil
}

// finish makes every copy and adds to files the main module's go.mod with
// a replace directive to each.
func (m *moduleCopies) finish(files map[string]string) error {
	if len(m.copies) == 0 {
		return nil
	}
	var paths []string
	for path := range m.copies {
		paths = append(paths, path)
	}
	if w := goEnv(m.cfg, "GOWORK"); w != "" && w != "off" {
		return fmt.Errorf("rewrite: %v must be rewritten in a copy, which a replace directive in go.mod selects, but the build uses the workspace %s: run with GOWORK=off", paths, w)
	}
	gomod := goEnv(m.cfg, "GOMOD")
	if gomod == "" || gomod == os.DevNull {
		return fmt.Errorf("rewrite: %v must be rewritten in a copy, which a replace directive in the main module's go.mod selects, but there is no main module", paths)
	}
	data, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	f, err := modfile.Parse(gomod, data, nil)
	if err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	for path, c := range m.copies {
		if err := tools.CopyTreeOnce(c.from, c.to); err != nil {
			return fmt.Errorf("rewrite: copying module %s: %w", path, err)
		}
		for _, r := range f.Replace {
			if r.Old.Path == path {
				if err := f.DropReplace(path, r.Old.Version); err != nil {
					return fmt.Errorf("rewrite: %w", err)
				}
			}
		}
		if err := f.AddReplace(path, "", c.to, ""); err != nil {
			return fmt.Errorf("rewrite: %w", err)
		}
	}
	f.Cleanup()
	out, err := f.Format()
	if err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	to, err := cacheFile(m.cfg, "go.mod", out)
	if err != nil {
		return err
	}
	files[gomod] = to
	return nil
}
