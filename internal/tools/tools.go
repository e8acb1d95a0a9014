// Package tools holds what weft's own tools and tests need from package
// checks without it being part of checks' API: the summary file of `make
// check` and the strategy a check resolves to.
//
// StrategyOf needs checks' internals, so package checks sets it when it is
// initialized: a program that calls it imports package checks too (a blank
// import will do).
package tools

// StrategyOf returns the strategy a check whose Options.Strategy is
// strategy uses once the flags and the environment are applied, and whether
// it runs under a controller.
var StrategyOf func(strategy string) (name string, controlled bool, err error)
