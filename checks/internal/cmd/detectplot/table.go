package main

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// group is the results of one bug, in the order the benchmark ran them.
type group struct {
	bug     string
	results []result
}

// groups gathers results by bug, bugs in their first appearance's order
// (the catalog's), so that the table and the plot follow the catalog.
func groups(results []result) []group {
	var gs []group
	index := map[string]int{}
	for _, r := range results {
		i, ok := index[r.Bug]
		if !ok {
			i = len(gs)
			index[r.Bug] = i
			gs = append(gs, group{bug: r.Bug})
		}
		gs[i].results = append(gs[i].results, r)
	}
	return gs
}

// strategies lists the strategies of results in their first appearance's
// order: the plot's series.
func strategies(results []result) []string {
	var ss []string
	seen := map[string]bool{}
	for _, r := range results {
		if !seen[r.Strategy] {
			seen[r.Strategy] = true
			ss = append(ss, r.Strategy)
		}
	}
	return ss
}

// writeTable writes one row per bug and strategy: the medians the benchmark
// reported, and the seeds it missed. A star marks the strategy that needed
// the fewest executions for the bug, among those that missed no seed (a
// missed seed counts as the whole budget, which makes its median
// meaningless as a speed).
func writeTable(w io.Writer, results []result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "bug\tstrategy\texecutions\tms\tmax ms\tmissed")
	for _, g := range groups(results) {
		best := -1
		for i, r := range g.results {
			if r.Missed == 0 && (best < 0 || r.Executions < g.results[best].Executions) {
				best = i
			}
		}
		for i, r := range g.results {
			strategy := r.Strategy
			if i == best {
				strategy += " *"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n",
				g.bug, strategy, num(r.Executions), num(r.Millis), num(r.MaxMillis), num(r.Missed))
		}
	}
	return tw.Flush()
}

// num prints whole numbers without decimals, others with one.
func num(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}
