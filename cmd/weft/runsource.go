package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"

	"github.com/weftlab/weft/internal/tools"
)

// weftSource returns the root of the source whose catalog weft run checks,
// and a note to print, if any: the checkout of weft the current directory
// is in; else, for a weft installed at a version (go install
// github.com/weftlab/weft/cmd/weft@latest), a writable copy of that
// version's source, taken from the module cache, where go install left it.
// The copy is needed because go -overlay refuses to replace files of the
// module cache, and the rewrite is an overlay; it is the version the
// binary lists, so its catalog and the checked one agree. A weft built from
// a checkout (version "(devel)") outside of it has no version to copy: the
// error says to run it in the checkout.
func weftSource() (root, note string, err error) {
	root, err = weftRoot("")
	if err == nil {
		return root, "", nil
	}
	info, _ := debug.ReadBuildInfo()
	version := installedVersion(info)
	if version == "" {
		return "", "", fmt.Errorf("%v; or install a released weft (go install %s/cmd/weft@latest), which checks its own version's catalog from anywhere", err, weftModule)
	}
	cache, cerr := os.UserCacheDir()
	if cerr != nil {
		return "", "", fmt.Errorf("%v; and no cache directory to copy weft %s's source to: %v", err, version, cerr)
	}
	dir := filepath.Join(cache, "weft", "source", weftModule+"@"+version)
	if cerr := copyModule(version, dir); cerr != nil {
		return "", "", fmt.Errorf("%v; and weft %s's source could not be copied from the module cache: %v", err, version, cerr)
	}
	return dir, fmt.Sprintf("weft run: no checkout of weft here: checking the catalog of weft %s, from a copy of its source in %s (its failures' histories go there too)", version, dir), nil
}

// installedVersion is the version of weft that info, the build's, says
// this binary is, or "" for a binary of another module or built from a
// checkout.
func installedVersion(info *debug.BuildInfo) string {
	if info == nil || info.Main.Path != weftModule || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return ""
	}
	return info.Main.Version
}

// copyModule copies the source of weft at version from the module cache to
// dir, unless an earlier call did. go mod download finds it there without
// the network when go install put it there.
func copyModule(version, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil // a copy is renamed into place only when whole
	}
	cmd := exec.Command("go", "mod", "download", "-json", weftModule+"@"+version)
	cmd.Dir = os.TempDir() // outside any module: the download is of weft alone
	out, err := cmd.Output()
	var dl struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &dl); jerr == nil && dl.Error != "" {
		return errors.New(dl.Error)
	}
	if err != nil {
		return fmt.Errorf("go mod download %s@%s: %v", weftModule, version, err)
	}
	if dl.Dir == "" {
		return fmt.Errorf("go mod download %s@%s gave no directory", weftModule, version)
	}
	return tools.CopyTreeOnce(dl.Dir, dir)
}
