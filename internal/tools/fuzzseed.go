package tools

import (
	"os"
	"path/filepath"
	"testing"
)

// AddSeedFiles adds the content of every file that pattern matches to f's
// seed corpus, and fails f if none does: a fuzz test whose seeds went
// missing would fuzz from nothing without saying so.
func AddSeedFiles(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	if len(files) == 0 {
		f.Fatalf("no seed files match %s", pattern)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}
