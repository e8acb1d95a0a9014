package checks

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/weftlab/weft/checks/internal/cycle"
	"github.com/weftlab/weft/checks/internal/engine"
)

// The wait-for graph of a stress hang, from the records the shims keep in
// stress executions (engine.TrackWaits): who holds which lock, who is inside
// which blocking operation, and the cycle if some goroutines each wait for
// a lock the next one holds. Goroutines are the runtime's ids, as in the
// stacks printed beside the graph; objects are numbered in the order the
// graph meets them.

// waitGraph is the graph rendered for a report, and the line it adds to
// each goroutine's stack.
type waitGraph struct {
	text  string
	notes map[int64]string
}

func newWaitGraph(records []engine.Tracked, lost bool) waitGraph {
	g := waitGraph{notes: map[int64]string{}}
	if len(records) == 0 {
		return g
	}
	slices.SortStableFunc(records, func(a, b engine.Tracked) int {
		if a.Goroutine != b.Goroutine {
			return int(a.Goroutine - b.Goroutine)
		}
		return boolOrder(a.Held, b.Held)
	})
	names := map[uintptr]string{}
	counts := map[string]int{}
	name := func(r engine.Tracked) string {
		family := engine.ObjectFamily(r.Kind)
		if r.Obj == 0 || family == "" || family == "select" {
			return ""
		}
		if n, ok := names[r.Obj]; ok {
			return n
		}
		counts[family]++
		n := fmt.Sprintf("%s#%d", family, counts[family])
		names[r.Obj] = n
		return n
	}
	holders := map[uintptr][]int64{}
	for _, r := range records {
		if r.Held {
			name(r)
			holders[r.Obj] = append(holders[r.Obj], r.Goroutine)
		}
	}
	waitsFor := map[int64][]int64{}
	var b strings.Builder
	b.WriteString("\nWait-for graph when the watchdog fired (from weft's primitives; goroutine numbers as in the stacks below):\n")
	for _, r := range records {
		what := r.Kind.String()
		if n := name(r); n != "" {
			what += " " + n
		}
		var line string
		switch {
		case r.Held:
			line = "holds " + name(r)
		case len(holders[r.Obj]) > 0:
			var hs []string
			for _, h := range holders[r.Obj] {
				if h != r.Goroutine {
					hs = append(hs, "goroutine "+strconv.FormatInt(h, 10))
					waitsFor[r.Goroutine] = append(waitsFor[r.Goroutine], h)
				}
			}
			line = "waits at " + what
			if len(hs) > 0 {
				line += ", held by " + strings.Join(hs, ", ")
			}
		default:
			line = "waits at " + what
			if r.Kind == engine.ChanSelect {
				line = "waits in a select"
			}
		}
		fmt.Fprintf(&b, "  goroutine %d %s\n", r.Goroutine, line)
		if g.notes[r.Goroutine] != "" {
			g.notes[r.Goroutine] += "; "
		}
		g.notes[r.Goroutine] += line
	}
	starts := slices.Sorted(maps.Keys(waitsFor))
	firstHolder := func(g int64) (int64, bool) {
		hs := waitsFor[g]
		if len(hs) == 0 {
			return 0, false
		}
		return hs[0], true
	}
	if found := cycle.First(starts, firstHolder); found != nil {
		var ids []string
		for _, id := range found {
			ids = append(ids, "goroutine "+strconv.FormatInt(id, 10))
		}
		fmt.Fprintf(&b, "  The cycle: %s (each waits for a lock the next one holds).\n", strings.Join(ids, " → "))
	}
	if lost {
		b.WriteString("  (Some records were lost for want of room: the graph may be incomplete.)\n")
	}
	g.text = b.String()
	return g
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1 // what a goroutine holds, before what it waits for
	}
	return 1
}

// annotate adds to each goroutine's stack, under its header line, what the
// graph says it holds and waits for.
func (g waitGraph) annotate(stacks string) string {
	if len(g.notes) == 0 {
		return stacks
	}
	blocks := strings.Split(stacks, "\n\n")
	for i, block := range blocks {
		header, rest, _ := strings.Cut(block, "\n")
		idText, _, ok := strings.Cut(strings.TrimPrefix(header, "goroutine "), " ")
		if !ok {
			continue
		}
		id, err := strconv.ParseInt(idText, 10, 64)
		if note, found := g.notes[id]; err == nil && found {
			blocks[i] = header + "\nweft: " + note + "\n" + rest
		}
	}
	return strings.Join(blocks, "\n\n")
}
