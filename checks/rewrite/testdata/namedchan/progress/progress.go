// Package progress exports a named channel type with methods for package
// namedchan: the rewrite of each package reaches the field of the other's
// struct.
package progress

// An Update is what a Sink carries.
type Update struct{ N int }

// A Sink takes updates on a send-only channel.
type Sink chan<- Update

// Put sends u.
func (s Sink) Put(u Update) { s <- u }
