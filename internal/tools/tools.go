// Package tools holds what weft's own tools and tests need from package
// checks without it being part of checks' API: the summary file of `make
// check`, the command that replays a history file, and the strategy a check
// resolves to.
//
// ReplayCommand and StrategyOf need checks' internals, so package checks
// sets them when it is initialized: a program that calls them imports
// package checks too (a blank import will do).
package tools

// ReplayCommand returns the command that replays a history file: the one
// its report printed, to run from the module root.
var ReplayCommand func(historyFile string) (string, error)

// StrategyOf returns the strategy a check whose Options.Strategy is
// strategy uses once the flags and the environment are applied, and whether
// it runs under a controller.
var StrategyOf func(strategy string) (name string, controlled bool, err error)
