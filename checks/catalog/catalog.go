// Package catalog lists every structure weft verifies: each guide structure's
// correct versions, which must pass, and its bug zoo, each with the verdict
// weft must reach. `make check` runs the whole catalog and prints a summary.
package catalog

import (
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
)

// An Entry is one variant of a guide structure.
type Entry struct {
	// Name is the variant's structure name, such as "counter/mutex-map".
	Name string
	// Guide is the section of the guide it illustrates.
	Guide string
	// Expect is Ok for a correct version, the verdict weft must reach for a
	// broken one.
	Expect checks.Verdict
	// Racy marks a variant whose bug is a data race: under the stress+race
	// strategy (and in place of stress under -race) it is expected to be
	// caught as checks.DataRace.
	Racy bool
	// Target is the structure to check.
	Target checks.Target
	// Options adjusts the check for this variant; usually zero.
	Options checks.Options
	// NotSequential, when set, says why the sequential state-machine test
	// does not apply: the variant's bug shows without a second client.
	NotSequential string
	// OnlyControlled, when set, says why only a controlled strategy can
	// catch the variant's bug; stress runs skip it with that note.
	OnlyControlled string
	// Misses names the controlled strategies that are not expected to catch
	// the variant's bug within its budget, each with the reason; the others
	// must.
	Misses map[string]string
}

// zooBudget bounds the search for a broken variant's bug. The search stops
// at the first failure, which comes within seconds (BenchmarkDetection
// measures it), so a generous bound costs nothing and keeps the assertion
// "caught within its budget" from depending on the machine's load. It is
// explicit, so -short does not shrink it.
const zooBudget = time.Minute

// value draws the values that stacks and buffers store: never 0, so that a
// call that returns the zero value of an empty slot (a stale read) is always
// caught.
var value = rapid.IntRange(1, 99)

// entry builds an Entry from a structure, taking its name from it.
func entry[S any, I any, O comparable](guide string, expect checks.Verdict, s checks.Structure[S, I, O]) Entry {
	e := Entry{Name: s.Name, Guide: guide, Expect: expect, Target: s}
	if expect != checks.Ok {
		e.Options.Budget = zooBudget
	}
	return e
}

// All returns every entry, grouped by structure, correct versions first.
func All() []Entry {
	var all []Entry
	for _, group := range [][]Entry{counters, references, stacks, buffers, actors, banks, scopes, polites, fairnessEntries, priorities, lockFreeEntries} {
		all = append(all, group...)
	}
	return all
}

// onlyControlled marks e as caught only under control, for the reason
// given.
func onlyControlled(reason string, e Entry) Entry {
	e.OnlyControlled = reason
	return e
}

// withOptions sets the options of e, keeping its budget.
func withOptions(o checks.Options, e Entry) Entry {
	o.Budget = e.Options.Budget
	e.Options = o
	return e
}

// racy marks e as a data race by design.
func racy(e Entry) Entry {
	e.Racy = true
	return e
}
