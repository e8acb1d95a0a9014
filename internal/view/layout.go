package view

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// The calls are laid out on a CSS grid: time runs down, one grid line per
// distinct time of the history (so that an interval of a few ticks and one
// of millions of nanoseconds read alike, and the order of events is
// exact), one column per client. A call spans the rows from its call's
// line to its return's line. Grid rows grow to fit what they hold, so a
// call's name, however long, wraps inside its box and pushes the rows
// apart instead of running under the next call: nothing hides a name.

// A box is one call drawn on the grid.
type box struct {
	Index     int    // into History.Operations
	Label     string // History.Labels's, or ""
	Name      string
	Interval  string
	Row, Rows int    // first grid row and how many it spans
	Col       int    // grid column
	Rank      string // its place in its partition's order, "" if in none
	Class     string
}

// A column heads one client's lanes.
type column struct {
	Label      string
	Col, Lanes int
}

// A tick labels the grid row that starts at a time.
type tick struct {
	Row  int
	Time string
}

type grid struct {
	Columns []column
	Boxes   []box
	Ticks   []tick
	Lanes   int // columns of calls, over all clients
	Rows    int
}

// headerRows is the grid rows above the first time: the client labels.
const headerRows = 1

// layout places h's calls; rank gives each call's place in an order and
// class its highlight.
func layout(h *hist.History, rank map[int]string, class map[int]string) grid {
	var times []int64
	pending := false
	for _, op := range h.Operations {
		times = append(times, op.Call)
		if op.Return == math.MaxInt64 {
			pending = true
		} else {
			times = append(times, op.Return)
		}
	}
	slices.Sort(times)
	times = slices.Compact(times)
	line := func(t int64) int { // grid line of time t
		if t == math.MaxInt64 {
			return len(times) + headerRows + 2 // below the last time, in the "never returned" row
		}
		i, _ := slices.BinarySearch(times, t)
		return i + headerRows + 1
	}
	g := grid{Rows: len(times) + headerRows}
	if pending {
		g.Rows++
	}
	for _, t := range times {
		g.Ticks = append(g.Ticks, tick{Row: line(t), Time: fmt.Sprint(t)})
	}
	if pending {
		g.Ticks = append(g.Ticks, tick{Row: len(times) + headerRows + 1, Time: "never"})
	}

	// Each client's calls go in lanes: a call that overlaps an earlier
	// call of the same client (a format that allows it) gets a lane of
	// its own rather than a box over the other.
	byClient := map[int][]int{}
	for i, op := range h.Operations {
		byClient[op.ClientId] = append(byClient[op.ClientId], i)
	}
	clients := make([]int, 0, len(byClient))
	for c := range byClient {
		clients = append(clients, c)
	}
	slices.Sort(clients)
	col := 2 // column 1 is the time axis
	for _, c := range clients {
		calls := byClient[c]
		slices.SortStableFunc(calls, func(a, b int) int { return cmp.Compare(h.Operations[a].Call, h.Operations[b].Call) })
		var laneEnd []int // last grid line used by each lane
		for _, i := range calls {
			op := h.Operations[i]
			start, end := line(op.Call), line(op.Return)
			end = max(end, start+1) // a call and return at one time still take a row
			lane := slices.IndexFunc(laneEnd, func(e int) bool { return e <= start })
			if lane < 0 {
				lane = len(laneEnd)
				laneEnd = append(laneEnd, 0)
			}
			laneEnd[lane] = end
			name := describeOperation(h.Model, op)
			g.Boxes = append(g.Boxes, box{
				Index: i, Label: callLabel(h, i, name), Name: name, Interval: interval(op),
				Row: start, Rows: end - start, Col: col + lane, Rank: rank[i], Class: class[i],
			})
		}
		g.Columns = append(g.Columns, column{Label: clientLabel(h, c), Col: col, Lanes: len(laneEnd)})
		col += len(laneEnd)
		g.Lanes += len(laneEnd)
	}
	return g
}

// callLabel is the label of operation i, or "" if it has none or its name
// already starts with it (weft's models describe init and post calls as
// "post 1: get() → 1").
func callLabel(h *hist.History, i int, name string) string {
	if i < len(h.Labels) && !strings.HasPrefix(name, h.Labels[i]+":") {
		return h.Labels[i]
	}
	return ""
}

// clientLabel names a client as the history's Clients do, or by number.
func clientLabel(h *hist.History, c int) string {
	if c >= 0 && c < len(h.Clients) && h.Clients[c] != "" {
		return h.Clients[c]
	}
	return fmt.Sprintf("client %d", c)
}

func interval(op porcupine.Operation) string {
	if op.Return == math.MaxInt64 {
		return fmt.Sprintf("[%d, never returned]", op.Call)
	}
	return fmt.Sprintf("[%d, %d]", op.Call, op.Return)
}

// describeOperation names a call with its result as the model does.
func describeOperation(m porcupine.Model, op porcupine.Operation) string {
	if m.DescribeOperation == nil {
		return fmt.Sprintf("%v → %v", op.Input, op.Output)
	}
	return m.DescribeOperation(op.Input, op.Output)
}
