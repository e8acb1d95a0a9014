//go:build race

// Package israce reports whether the race detector is compiled in.
package israce

// Enabled is true when the binary was built with -race.
const Enabled = true
