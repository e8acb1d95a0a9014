package rt

import "sync"

// rewritten holds the import paths of the packages built through the
// rewrite, each marked by an init function the rewrite adds to it.
var rewritten sync.Map

// MarkRewritten records that the package at path was built through the
// rewrite. The rewrite adds a file calling it to every package it was asked
// to rewrite; nothing else should call it.
func MarkRewritten(path string) { rewritten.Store(path, true) }

// Rewritten reports whether the package at path, linked into this binary,
// was built through the rewrite: a test that checks plain Go asks it, so
// that a build without the overlay fails with a clear message rather than
// checking real locks and goroutines, which weft cannot see.
func Rewritten(path string) bool {
	_, ok := rewritten.Load(path)
	return ok
}
