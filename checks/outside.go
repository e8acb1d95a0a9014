package checks

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Under control one goroutine runs at a time, and the others wait for it to
// reach a scheduling point. One that blocks in a primitive weft does not
// see (a plain channel, a standard sync.Mutex) never reaches it, and no
// other goroutine can run to release it: the execution is stuck, whatever
// the structure would do on real cores. Rather than wait for the hang
// watchdog and print every goroutine's stack, the harness looks at the
// goroutine whose turn it is a few times a second, and when the runtime
// says it is parked in such a primitive, at the same place several looks
// in a row, names it and where it blocks. A goroutine that computes for a
// long time is running, not parked, and is left to the watchdog.

// outsidePoll is how often the goroutine whose turn it is is looked at;
// outsideLooks how many looks in a row must find it blocked at the same
// place: a harness goroutine may wait for a standard lock for a moment.
const (
	outsidePoll  = 100 * time.Millisecond
	outsideLooks = 3
)

// blockingStates maps the runtime's wait reasons for goroutines parked in
// a primitive that only another goroutine can release to what the report
// calls them.
var blockingStates = map[string]string{
	"chan send":               "a plain channel send",
	"chan receive":            "a plain channel receive",
	"chan send (nil chan)":    "a send on a nil channel",
	"chan receive (nil chan)": "a receive from a nil channel",
	"select":                  "a plain select",
	"select (no cases)":       "an empty select",
	"sync.Mutex.Lock":         "a standard sync.Mutex lock",
	"sync.RWMutex.Lock":       "a standard sync.RWMutex lock",
	"sync.RWMutex.RLock":      "a standard sync.RWMutex read lock",
	"sync.Cond.Wait":          "a standard sync.Cond wait",
	"sync.WaitGroup.Wait":     "a standard sync.WaitGroup wait",
	"semacquire":              "a standard sync primitive",
}

// outsideInfo is a goroutine found blocked outside weft's scheduling
// points under control.
type outsideInfo struct {
	who   string // such as "client 1"
	what  string // such as "a plain channel send"
	frame string // where the program's code blocks, such as "x_test.go:257 (pkg.(*T).Put)"
	stack string // its stack
}

func (o *outsideInfo) String() string {
	return fmt.Sprintf("%s blocks in %s at %s, outside weft's scheduling points", o.who, o.what, o.frame)
}

// turnWatch looks at the goroutine whose turn it is, look after look.
type turnWatch struct {
	id    int64 // whose turn it was at the last look
	last  outsideInfo
	looks int
}

// look reports the goroutine whose turn it is when it has kept the turn
// and been found blocked outside weft's points outsideLooks times in a
// row, at the same place.
func (w *turnWatch) look(ctl *engine.Controller) *outsideInfo {
	id, name, ok := ctl.Turn()
	if !ok || id != w.id {
		// The turn moved since the last look: the execution goes on, and
		// every goroutine's stack, which stops the world, is not needed.
		w.id, w.looks = id, 0
		return nil
	}
	o, blocked := blockedAt(allGoroutines(), id)
	if !blocked {
		w.looks = 0
		return nil
	}
	o.who = name
	if w.looks > 0 && o != w.last {
		w.looks = 0
	}
	w.last = o
	if w.looks++; w.looks < outsideLooks {
		return nil
	}
	return &o
}

// blockedAt finds goroutine id in a dump of every goroutine's stack and
// says whether it is parked in a blocking primitive, in code that is not
// weft's own: weft's harness and controller wait in plain channels too,
// between turns.
func blockedAt(dump string, id int64) (outsideInfo, bool) {
	header := "goroutine " + strconv.FormatInt(id, 10) + " ["
	for block := range strings.SplitSeq(dump, "\n\n") {
		rest, ok := strings.CutPrefix(block, header)
		if !ok {
			continue
		}
		state, frames, ok := strings.Cut(rest, "]:\n")
		if !ok {
			return outsideInfo{}, false
		}
		state, _, _ = strings.Cut(state, ",") // ", 2 minutes", ", locked to thread"
		what, ok := blockingStates[state]
		if !ok {
			return outsideInfo{}, false
		}
		frame, ok := programFrame(frames)
		if !ok {
			return outsideInfo{}, false
		}
		return outsideInfo{what: what, frame: frame, stack: block}, true
	}
	return outsideInfo{}, false
}

// programFrame returns the first frame of a stack outside the runtime and
// the standard sync packages, as "file.go:line (pkg.Func)", and false if
// that frame is weft's own.
func programFrame(frames string) (string, bool) {
	lines := strings.Split(frames, "\n")
	for i := 0; i+1 < len(lines); i += 2 {
		if strings.HasPrefix(lines[i], "created by ") {
			break
		}
		fn := lines[i] // pkg.(*T).M(args): the arguments hold no parentheses
		if j := strings.LastIndex(fn, "("); j > 0 {
			fn = fn[:j]
		}
		if strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "sync.") || strings.HasPrefix(fn, "internal/") {
			continue
		}
		if strings.HasPrefix(fn, "github.com/weftlab/weft/checks.") || strings.HasPrefix(fn, "github.com/weftlab/weft/checks/sched") ||
			strings.HasPrefix(fn, "github.com/weftlab/weft/checks/internal/") {
			return "", false
		}
		loc, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " +")
		if j := strings.LastIndex(fn, "/"); j >= 0 {
			fn = fn[j+1:]
		}
		return fmt.Sprintf("%s (%s)", filepath.Base(loc), fn), true
	}
	return "", false
}

// awaitControlled waits for the execution of ctl to end, at most the hang
// timeout, and returns the hang if it does not: at once when the goroutine
// whose turn it is blocks outside weft's points. phase names the phase
// running.
func (x *executor) awaitControlled(ctl *engine.Controller, phase func() string) *hangInfo {
	timer := time.NewTimer(x.cfg.hang)
	defer timer.Stop()
	// Looks fit in a short hang timeout too, as tests set it.
	poll := time.NewTicker(min(outsidePoll, x.cfg.hang/(2*outsideLooks)))
	defer poll.Stop()
	var w turnWatch
	for {
		select {
		case <-ctl.Done():
			return nil
		case <-timer.C:
			h := newHang(phase())
			h.controlled = true
			return h
		case <-poll.C:
			if o := w.look(ctl); o != nil {
				if o.who == "main" { // the harness: say which of its phases
					o.who = fmt.Sprintf("main (in %s)", phase())
				}
				return &hangInfo{phase: phase(), controlled: true, outside: o, stacks: trimStack(o.stack)}
			}
		}
	}
}
