// Package history reads histories of calls to one concurrent object from
// files, whatever recorded them, so that weft's command can judge, explain
// and draw them: weft's own history files, porcupine's test data (the
// Jepsen etcd logs and the key-value logs) and a line format a student can
// write by hand. Each format is one file of this package that registers a
// reader.
//
// The line format (lines.go; histories/teaching/README.md has the whole
// reference) is one file per object: a model line, then one call per line,
// client, call time, return time (- for a call that never returned) and
// the operation with its result:
//
//	# two increments overlap, both report 1: one is lost
//	model counter
//	verdict: not linearizable
//	A  0  3  inc() -> 1
//	B  1  4  inc() -> 1
//	C  5  6  get() -> 1
//
// Its models are counter, register, queue, stack, buffer (capacity),
// semaphore (limit) and mailbox (per-sender FIFO).
package history

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/weftlab/weft/internal/hist"
)

// A History is a complete history of calls to one object and the model
// that judges it: see package hist, which defines it.
type History = hist.History

// A format reads one kind of history file.
type format struct {
	// name identifies the format in messages and in History.Format.
	name string
	// sniff reports whether a file called name that starts with head is
	// in this format.
	sniff func(name string, head []byte) bool
	// read parses a whole file; its errors name the line and the problem.
	read func(name string, data []byte) (*History, error)
}

var formats []format

// register adds a format; each format's file calls it from init.
func register(f format) {
	if slices.ContainsFunc(formats, func(g format) bool { return g.name == f.name }) {
		panic("history: format " + f.name + " registered twice")
	}
	formats = append(formats, f)
}

// Formats lists the names of the formats Read accepts.
func Formats() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	slices.Sort(names)
	return names
}

// ErrUnknownFormat is wrapped by Read's error for a file in no known
// format.
var ErrUnknownFormat = errors.New("not a history in any format weft reads")

// Read reads the history in the file called name, in whichever format its
// content shows. Its errors start with name and, for a malformed file, give
// the line and the problem.
func Read(name string) (*History, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse is Read for data already read from the file called name.
func Parse(name string, data []byte) (*History, error) {
	head := data[:min(len(data), 4096)]
	for _, f := range formats {
		if f.sniff(name, head) {
			h, err := f.read(name, data)
			if err != nil {
				return nil, err
			}
			h.File, h.Format = name, f.name
			return h, nil
		}
	}
	return nil, fmt.Errorf("%s: %w (formats: %v)", name, ErrUnknownFormat, Formats())
}
