package tools

import (
	"io/fs"
	"os"
	"path/filepath"
)

// CopyTreeOnce copies the directory from to to, unless to exists. The
// copy is built beside to and renamed into place when complete, so an
// existing to is always whole, also after an interrupted copy or when two
// processes copy at once. The files of the module cache, where copies come
// from, are read-only; the copies are writable, so that a check can write
// beside them and the cache can be cleaned. Links are not copied: the
// module cache holds none.
func CopyTreeOnce(from, to string) error {
	if _, err := os.Stat(to); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(to), ".tmp-copy-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // gone after a successful rename
	err = filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		default:
			return nil
		}
	})
	if err != nil {
		return err
	}
	// A rename that fails because another process made the same copy
	// meanwhile leaves a whole copy all the same.
	if err := os.Rename(tmp, to); err != nil {
		if info, serr := os.Stat(to); serr != nil || !info.IsDir() {
			return err
		}
	}
	return nil
}
