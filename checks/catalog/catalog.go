// Package catalog lists every structure weft verifies: each guide structure's
// correct versions, which must pass, and its bug zoo, each with the verdict
// weft must reach. `make check` runs the whole catalog and prints a summary.
package catalog

import (
	"maps"
	"reflect"
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/models"
)

// An Entry is one variant of a guide structure.
type Entry struct {
	// Name is the variant's structure name, such as "counter/mutex-map".
	Name string
	// Guide is the section of the guide it illustrates.
	Guide string
	// Package is the import path of the package that defines the type the
	// entry checks, such as "github.com/weftlab/weft/impls/counter".
	Package string
	// Expect is Ok for a correct version, the verdict weft must reach for a
	// broken one.
	Expect checks.Verdict
	// Racy marks a variant whose bug is a data race: under the stress+race
	// strategy (and in place of stress under -race) it is expected to be
	// caught as checks.DataRace.
	Racy bool
	// RaceMayNotShow, for a Racy variant, says why some of its failing
	// executions hold no race: under stress+race it is then expected as
	// checks.DataRace or its own Expect.
	RaceMayNotShow string
	// Target is the structure to check.
	Target checks.Target
	// Options adjusts the check for this variant. Options.OnlyControlled
	// says why only a controlled strategy can catch the variant's bug:
	// stress runs skip it with that note.
	Options checks.Options
	// NotSequential, when set, says why the sequential state-machine test
	// does not apply: the variant's bug shows without a second client.
	NotSequential string
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

// entry returns the Entry of the structure called name, expected to reach
// verdict expect: instances made by newInstance, checked against model
// through the operations ops returns, and ended by stop, if given, after
// each execution. Go infers the structure's types from the arguments: ops
// is an op set generic in the instance type, such as singleCounterOps,
// passed without type arguments. The Entry's methods adjust it.
func entry[S any, I any, O comparable](guide string, expect checks.Verdict, name string, model models.Spec[I, O],
	newInstance func() S, ops func() []checks.Op[S, I, O], stop ...func(S)) Entry {
	s := checks.Structure[S, I, O]{Name: name, Model: model, New: newInstance, Ops: ops()}
	switch len(stop) {
	case 0:
	case 1:
		s.Stop = stop[0]
	default:
		panic("catalog: entry " + name + " has more than one stop function")
	}
	e := Entry{Name: name, Guide: guide, Package: packageOf[S](), Expect: expect, Target: s}
	if expect != checks.Ok {
		e.Options.Budget = zooBudget
	}
	return e
}

// programEntry returns the Entry of the program called name, expected to
// reach verdict expect: fn is the whole program (see checks.Program), such
// as the guide's main for the structure, with its requirements stated by
// checks.Require. S is a type of the impls package the program exercises,
// which the entry is of. A program has no operations, so no sequential
// test.
func programEntry[S any](guide string, expect checks.Verdict, name string, fn func()) Entry {
	e := Entry{Name: name, Guide: guide, Package: packageOf[S](), Expect: expect, Target: checks.Program(name, fn),
		NotSequential: "a program has no operations to call one at a time"}
	if expect != checks.Ok {
		e.Options.Budget = zooBudget
	}
	return e
}

// inPackageOf makes e an entry of the package that defines S, for an entry
// whose instances are a type of the catalog's (a wrapper that counts what a
// requirement reads) around S.
func inPackageOf[S any](e Entry) Entry {
	e.Package = packageOf[S]()
	return e
}

// packageOf returns the import path of the package that defines S, or of
// what S points to.
func packageOf[S any]() string {
	t := reflect.TypeFor[S]()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath()
}

// zero makes the zero value of T, for the structures whose zero value is
// ready to use.
func zero[T any]() *T { return new(T) }

// All returns every entry, grouped by structure, correct versions first.
func All() []Entry {
	var all []Entry
	for _, group := range [][]Entry{counters, references, stacks, buffers, actors, banks, scopes, polites, fairnessEntries, priorities,
		lockFreeEntries, coroutines, structuredEntries, executors, eventLoops, bankActors, pipelines, pools, rateLimiters,
		channels, selectEntries, futures, concurrencyEntries, caches, semaphores, semaphorePrograms, producerConsumers, workStealing} {
		all = append(all, group...)
	}
	return all
}

// OnlyControlled marks e as caught only under control, for the reason
// given: stress runs skip it, and say why in the summary.
func (e Entry) OnlyControlled(why string) Entry {
	e.Options.OnlyControlled = why
	return e
}

// MissedBy records that strategy is not expected to catch e within its
// budget, and why.
func (e Entry) MissedBy(strategy, why string) Entry {
	e.Misses = maps.Clone(e.Misses)
	if e.Misses == nil {
		e.Misses = map[string]string{}
	}
	e.Misses[strategy] = why
	return e
}

// WithOptions sets the options of e, keeping its budget and what it is
// marked with.
func (e Entry) WithOptions(o checks.Options) Entry {
	o.Budget = e.Options.Budget
	o.OnlyControlled = e.Options.OnlyControlled
	o.ObstructionFree = o.ObstructionFree || e.Options.ObstructionFree
	e.Options = o
	return e
}

// WithoutSequential marks e as having no sequential test, for the reason
// given.
func (e Entry) WithoutSequential(why string) Entry {
	e.NotSequential = why
	return e
}

// DataRace marks e's bug as a data race by design.
func (e Entry) DataRace() Entry {
	e.Racy = true
	return e
}

// DataRaceOrOwn marks e's bug as a data race in some failing executions
// only, for the reason given: under the race detector it is expected as a
// data race or as its own verdict.
func (e Entry) DataRaceOrOwn(why string) Entry {
	e.Racy, e.RaceMayNotShow = true, why
	return e
}

// RaceExpect is what the stress+race strategy must find in e, a Racy
// variant.
func (e Entry) RaceExpect() checks.Verdict {
	if e.RaceMayNotShow != "" {
		return checks.DataRace.Or(e.Expect)
	}
	return checks.DataRace
}

// ObstructionFree makes e an obstruction-freedom check: every operation
// run alone, from wherever the schedule froze the others, must finish. Its
// structure is that of another entry, which checks it for the rest.
func (e Entry) ObstructionFree() Entry {
	e.Options.ObstructionFree = true
	e.NotSequential = "the structure's own entry runs its sequential test"
	return e.OnlyControlled("the obstruction-freedom check freezes every goroutine but one, which only the controller can")
}

// RewritePatterns are the packages the catalog's test binary is built with
// rewritten (checks/rewrite), relative to the module root: the structures,
// plain Go; the catalog itself, whose ops pass them contexts and channels
// (rewritten types on both sides); and errgroup, a correct version of the
// catalog's own, rewritten in a copy of its module. The Makefile's REWRITE
// names the same.
var RewritePatterns = []string{"./impls/...", "./checks/catalog", "golang.org/x/sync/errgroup"}
