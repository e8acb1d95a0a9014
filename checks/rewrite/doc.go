// Package rewrite brings plain Go under weft's control: it rewrites the
// packages under test, at build time and never in place, so that every
// lock, atomic, goroutine start, channel operation, select and clock read
// is a scheduling point of package [github.com/weftlab/weft/checks/sched].
//
// A user runs
//
//	go test -overlay=$(go run github.com/weftlab/weft/checks/rewrite/cmd/weft-overlay ./...) ./...
//
// or calls [Overlay] and passes its Result.Overlay to go test -overlay.
// The module under test must require github.com/weftlab/weft, since the
// rewritten code imports it.
//
// # What is rewritten
//
// Names are mapped one by one rather than by swapping import paths: the
// shims have only what synchronizes (no sync.Map, no time.Duration), so a
// file keeps its standard imports for the rest, and an import left with no
// use is blanked.
//
//   - sync: Mutex, RWMutex, Cond, NewCond, WaitGroup, Once become the
//     shims of checks/sched/sync, and OnceFunc, OnceValue, OnceValues those
//     of package rt, built on the shim Once. sync.Map and sync.Pool stay
//     standard: their locks are never held across a scheduling point, so
//     they never make a goroutine wait for another.
//   - sync/atomic: the typed values and the functions (AddInt64(&x, 1), ...)
//     become those of checks/sched/atomic.
//   - go f(x, y): the function value and the arguments are evaluated in the
//     calling goroutine, then sched.Go starts the call (see goStmt).
//   - Channel types of every direction become *sched.Chan[T] (sched.Chan has
//     no direction: the original compiled, so its directions were checked
//     already). make, send, receive (v, ok := <-ch too), close, len, cap and
//     for range ch become calls of package rt, which block forever on a nil
//     channel as Go does.
//   - A named channel type with methods becomes a struct holding the
//     channel, type C struct{ WeftChan *sched.Chan[T] }, since Go allows no
//     methods on a named pointer type. Its operations reach the field;
//     make(C, n), conversions to and from it and a nil of type C are
//     rewritten (see chanField). Go also converts between C and an
//     unnamed channel type implicitly (an assignment, an argument, a
//     return, a composite literal element, a send, a map key, a
//     comparison): those are errors asking for the conversion written out,
//     as are a type declared from C or C declared from another named type,
//     a type parameter whose constraint holds C, and a nil of type C that
//     the file cannot name (a shadowed C, an unexported C of another
//     package, C[chan T]).
//   - select becomes a switch on sched.Select whose arms are built in the
//     switch's init: operands evaluated once, in order (see selectStmt).
//   - time.Sleep, After, AfterFunc, NewTimer, NewTicker, Tick, Now, Since,
//     Until and the Timer and Ticker types read weft's clock, virtual under
//     a controller; runtime.Gosched is sched.Yield. AfterFunc's timer is
//     rt.FuncTimer, with the Stop and Reset of *time.Timer.
//   - iter.Pull and iter.Pull2 become rt.Pull and rt.Pull2: the sequence
//     runs on a goroutine of weft's, handing the turn over through its
//     channels, where iter.Pull's coroutine would switch goroutines inside
//     the runtime, unseen by the controller.
//   - context: Context, Background, TODO, WithCancel, WithDeadline,
//     WithTimeout, WithValue, their Cause variants, Cause, Canceled and
//     DeadlineExceeded become those of checks/sched/context, whose Done is a
//     weft channel and whose deadlines are on weft's clock. WithoutCancel
//     and context.AfterFunc are errors.
//
// What cannot be rewritten is an [Error] naming the construct and its
// position, and no overlay is produced: cgo, assembly, dot imports of the
// mapped packages, what a named channel type with methods cannot become
// (above: it is a struct, where an unnamed channel type is a pointer),
// channel types in type constraints, unsafe.Pointer views of channels, and
// any use of a variable, field or function of a package outside the
// rewrite whose type carries a channel or a context (signal.Notify,
// testing.T.Context): such a channel would stay real and escape control.
// Rewriting those packages too (add them to the patterns) removes the
// last.
//
// # Packages of other modules
//
// A pattern may name a package of a dependency, such as
// golang.org/x/sync/errgroup, to check code that relies on it under
// control. The go command refuses to overlay files of the module cache, so
// the module is copied once per version into the cache directory and the
// overlay replaces the main module's go.mod with one whose replace
// directive points at the copy; the copy's files are then overlaid like
// the user's own. The user's go.mod, go.sum and module cache are never
// written. The replace holds for the whole build: every package of it that
// passes the rewritten package a channel or a context must be rewritten
// too (the compiler names any that is not), and a build that links
// golang.org/x/tools (whose go/packages calls errgroup with a standard
// context) takes an overlay without errgroup. Workspaces (go.work) are
// refused: their replace directives live elsewhere.
//
// # Why an overlay
//
// The go command offers two hooks: -overlay, a JSON file that replaces the
// content of some source files for one build, and -toolexec, a program
// run around every compiler and linker invocation. The rewrite needs type
// information (is this <- on a channel of ours? is this f a function or a
// method value?), which only the whole package, with its dependencies,
// provides. Under -toolexec that means type-checking each package again
// inside each compile, with no list of what the user asked for and the
// output going straight to the compiler; an error there reads as a
// compiler failure. An overlay is computed once, before the build, by an
// ordinary type-check (golang.org/x/tools/go/packages), can be inspected
// (the rewritten files are plain Go in the cache directory), reports what
// it cannot rewrite as a list of positions before anything builds, and
// leaves the go command untouched: go test, go vet and -race all take
// -overlay.
//
// The rewritten files are named by the hash of their content, and the
// overlay by the hash of its sources, so a second run with unchanged
// sources costs one go list (no type-check) and hands the go command the
// same files at the same paths: its build cache hits as for any go test.
//
// # Positions
//
// The rewrite edits the original text in place rather than printing a
// modified syntax tree: untouched text stays byte for byte, and each
// replacement is written on the lines of what it replaces, so a line of
// the output is the line of the same number in the input. The output
// starts with a //line directive naming the original file, and where a
// replacement must change the number of lines (a select whose operands
// span lines, say), a /*line*/ directive after it gives the following
// text its original line and column back. Compiler errors, panics and
// weft's reports therefore point at the user's own lines; only columns
// inside a rewritten expression are off.
package rewrite
