package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// credited is the outcome the table shows: the first strategy whose
// report names every documented goroutine, else the first that names
// some, else the first report at all; nil when no strategy reported.
func (r *row) credited() *outcome {
	var some, any *outcome
	for i := range r.outcomes {
		o := &r.outcomes[i]
		if o.Report == "" {
			continue
		}
		n := len(r.k.cause.gs)
		switch {
		case n > 0 && o.found == n:
			return o
		case o.found > 0 && some == nil:
			some = o
		case any == nil:
			any = o
		}
	}
	if some != nil {
		return some
	}
	return any
}

// match says how the credited report compares with the documented cause.
func (r *row) match() string {
	o := r.credited()
	if o == nil {
		return "-"
	}
	n := len(r.k.cause.gs)
	switch {
	case n == 0:
		return "unchecked: the README names no place"
	case o.found == n:
		return fmt.Sprintf("yes %d/%d", o.found, n)
	case o.found > 0:
		return fmt.Sprintf("partial %d/%d", o.found, n)
	}
	return fmt.Sprintf("no 0/%d", n)
}

func (r *row) reporters() string {
	var by []string
	for _, o := range r.outcomes {
		if o.Report != "" {
			by = append(by, o.Strategy)
		}
	}
	return strings.Join(by, ",")
}

func (r *row) progress() string {
	if r.refused != "" {
		return fmt.Sprintf("%-14s not run: %s (%v)", r.k.name, r.refused, r.wall.Round(time.Second))
	}
	fixed := ""
	if r.k.fix != "" {
		fixed = "; fixed: " + r.fixedOutcome()
	}
	v := "no report"
	if o := r.credited(); o != nil {
		v = fmt.Sprintf("%s by %s, cause %s", o.Verdict, o.Strategy, r.match())
	}
	return fmt.Sprintf("%-14s %s%s (%v)", r.k.name, v, fixed, r.wall.Round(time.Second))
}

func printTable(w io.Writer, rows []*row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KERNEL\tCLASS\tVERDICT\tBY\tEXECS\tCAUSE\tREPORTED BY\tFIXED\tNOTE")
	for _, r := range rows {
		verdict, by, execs := "ok", "-", "-"
		if r.refused != "" {
			verdict = "not run"
		} else if o := r.credited(); o != nil {
			verdict, by, execs = o.Verdict, o.Strategy, fmt.Sprint(o.Executions)
		}
		note := r.refused
		if note == "" {
			note = r.k.hazard
		}
		if r.k.modern && note == "" {
			note = "run with a variable per loop iteration (Go 1.22), as the rewrite of its range over a channel needs Go 1.23"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.k.name, r.k.class, verdict, by, execs, r.match(), r.reporters(), r.fixedOutcome(), note)
	}
	tw.Flush()
}

// fixedOutcome says what the check of the fixed kernel found.
func (r *row) fixedOutcome() string {
	switch {
	case r.k.fix == "":
		return "-"
	case r.fixRefused != "":
		return "not run"
	}
	for _, o := range r.fixed {
		if o.Report != "" {
			return o.Verdict + " by " + o.Strategy
		}
	}
	return "clean"
}

// tally counts the rows of one kind of kernel.
type tally struct {
	total, full, partial, elsewhere, unchecked, missed, refused int
}

func count(rows []*row, blocking bool) tally {
	var t tally
	for _, r := range rows {
		if r.k.blocking != blocking {
			continue
		}
		t.total++
		m := r.match()
		switch {
		case r.refused != "":
			t.refused++
		case m == "-":
			t.missed++
		case strings.HasPrefix(m, "yes"):
			t.full++
		case strings.HasPrefix(m, "partial"):
			t.partial++
		case strings.HasPrefix(m, "unchecked"):
			t.unchecked++
		default:
			t.elsewhere++
		}
	}
	return t
}

func printSummary(w io.Writer, rows []*row, elapsed time.Duration) {
	for _, kind := range []struct {
		name     string
		blocking bool
	}{{"blocking", true}, {"non-blocking", false}} {
		t := count(rows, kind.blocking)
		if t.total == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: %d of %d detected with the documented cause (every documented goroutine named); "+
			"%d naming part of it, %d reported elsewhere, %d unchecked (no place in the README), %d not detected, %d not run\n",
			kind.name, t.full, t.total, t.partial, t.elsewhere, t.unchecked, t.missed, t.refused)
	}
	var fixed, clean int
	for _, r := range rows {
		if r.k.fix != "" {
			fixed++
			if r.fixedOutcome() == "clean" {
				clean++
			}
		}
	}
	if fixed > 0 {
		fmt.Fprintf(w, "fixed versions: %d checked, %d clean, %d with a report or not run\n", fixed, clean, fixed-clean)
	}
	fmt.Fprintf(w, "took %v\n", elapsed.Round(time.Second))
}

// printWhy shows, for each report that names less than the whole cause,
// the documented goroutines and the sites weft reported, with their
// source lines.
func printWhy(w io.Writer, rows []*row) {
	for _, r := range rows {
		o := r.credited()
		if o == nil || strings.HasPrefix(r.match(), "yes") {
			continue
		}
		fmt.Fprintf(w, "%s: %s %s, cause %s (from the README's %s)\n", r.k.name, o.Verdict, o.Strategy, r.match(), orNone(r.k.cause.from))
		for _, g := range r.k.cause.gs {
			fmt.Fprintf(w, "  documented: %v\n", g)
		}
		for _, s := range o.sites {
			fmt.Fprintf(w, "  reported:   line %d in %s: %s\n", s.line, s.fn, strings.TrimSpace(r.k.line(s.line)))
		}
	}
}
