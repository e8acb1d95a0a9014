// Package hist defines the History that package history's readers fill
// and that the weft command judges, explains and draws.
//
// It is a package of its own, apart from the readers, so that package
// checks can draw its failures with weft's view and judge a user's history
// file with it and with weft's explanation (packages view and explain,
// which take a History) although the reader of weft's own files imports
// checks: with the type among the readers, that would be an import cycle.
// Package history names it history.History, an alias.
package hist

import "github.com/anishathalye/porcupine"

// A History is a complete history of calls to one object and the model
// that judges it.
type History struct {
	// File is the path it was read from.
	File string
	// Format names the format it was read in, as history.Formats lists it.
	Format string
	// Title names the object, such as "counter/split-lock" or "etcd".
	Title string
	// Model is the sequential specification the calls are judged against.
	// Its DescribeOperation and DescribeState must be set.
	Model porcupine.Model
	// Explain, if set, says why the model rejects a call with its output
	// in a state, such as "the model says get(a) → 2".
	Explain func(state, input, output any) string
	// PartName, if set, names the part of the state an input touches when
	// Model.Partition splits the history, such as `key "x"`: weft explain
	// heads each part's explanation with it (else "part 2 of 3").
	PartName func(input any) string
	// Operations are the calls, with logical or real times; an operation
	// that never returned has Return math.MaxInt64.
	Operations []porcupine.Operation
	// Clients labels each ClientId of Operations, such as "client 0" or
	// "init, post"; a ClientId beyond it is shown as its number.
	Clients []string
	// Labels, if set, names each of Operations as weft's text report
	// does, such as "client 1, call 2", "init 1" or "post 1"; the view
	// shows it with the call.
	Labels []string
	// Recorded is the verdict the file claims, such as "not linearizable"
	// or "ok", or "" when it claims none.
	Recorded string
	// Unjudgeable, when set, says why the history's linearizability cannot
	// be judged (calls that never returned, on a model that cannot say
	// what such a call did): a checker's verdict on it would mean nothing.
	Unjudgeable string
	// Interleaving, for a failure weft found under its controlled
	// scheduler, is the interleaving step by step as the text report
	// prints it (one line per step, one column per goroutine); "" for
	// any other history.
	Interleaving string
}
