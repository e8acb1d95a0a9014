package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
)

const catalogUsage = `usage: weft catalog [-json] [-v]

Lists the structures of the guide that weft verifies (package
checks/catalog): every variant, correct or broken on purpose, by section of
the guide, with the verdict weft must reach on it: ok for a correct
version, the bug's verdict for a broken one. "weft run NAME" checks one.

The notes say when the verdict differs or a strategy cannot reach it:
  race: V          under the race detector (-strategy stress+race) the bug
                   is expected as V, a data race
  only controlled  only a controlled strategy (random, pct, bounded,
                   portfolio) can catch it; stress skips it
  missed by S      the controlled strategy S is not expected to catch it
                   within its budget
-v adds each note's reason; -json prints every entry, reasons included, as
a JSON array, in the catalog's order.

Exit status: 0 listed; 2 bad usage.
`

// catalogEntry is an entry of the catalog as weft catalog shows it, and
// the JSON of weft catalog -json.
type catalogEntry struct {
	Name    string `json:"name"`  // group/variant, as weft run takes it
	Group   string `json:"group"` // the structure
	Guide   string `json:"guide"` // the section of the guide
	Package string `json:"package"`
	Expect  string `json:"expect"` // the verdict weft must reach
	// RaceExpect is what the race detector must find, for a variant whose
	// bug is a data race; RaceMayNotShow says why it may be Expect
	// instead.
	RaceExpect     string `json:"race_expect,omitempty"`
	RaceMayNotShow string `json:"race_may_not_show,omitempty"`
	// OnlyControlled says why only a controlled strategy catches it.
	OnlyControlled string `json:"only_controlled,omitempty"`
	// Misses names the controlled strategies not expected to catch it,
	// each with the reason.
	Misses map[string]string `json:"misses,omitempty"`
}

// catalogEntries lists the catalog in its order. Package checks/catalog is
// plain Go: listing it needs no rewrite, only checking it does.
func catalogEntries() []catalogEntry {
	var out []catalogEntry
	for _, e := range catalog.All() {
		group, _, _ := strings.Cut(e.Name, "/")
		c := catalogEntry{Name: e.Name, Group: group, Guide: e.Guide, Package: e.Package, Expect: string(e.Expect),
			OnlyControlled: e.Options.OnlyControlled, Misses: e.Misses}
		if e.Racy {
			c.RaceExpect, c.RaceMayNotShow = string(e.RaceExpect()), e.RaceMayNotShow
		}
		out = append(out, c)
	}
	return out
}

func catalogMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weft catalog", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	asJSON := fs.Bool("json", false, "")
	verbose := fs.Bool("v", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, catalogUsage)
			return 0
		}
		fmt.Fprint(stderr, catalogUsage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "weft catalog: unexpected argument %q\n\n%s", fs.Arg(0), catalogUsage)
		return 2
	}
	entries := catalogEntries()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			fmt.Fprintf(stderr, "weft catalog: %v\n", err)
			return 2
		}
		return 0
	}
	printCatalog(stdout, entries, *verbose)
	return 0
}

// printCatalog writes entries as a table, one block per section of the
// guide in the guide's order, the entries of a section in the catalog's.
func printCatalog(w io.Writer, entries []catalogEntry, verbose bool) {
	bySection := map[string][]catalogEntry{}
	groups := map[string]bool{}
	broken := 0
	for _, e := range entries {
		bySection[e.Guide] = append(bySection[e.Guide], e)
		groups[e.Group] = true
		if e.Expect != string(checks.Ok) {
			broken++
		}
	}
	fmt.Fprintf(w, "weft's catalog: %d variants of %d structures (%d correct, %d broken on purpose), by section of the guide.\n",
		len(entries), len(groups), len(entries)-broken, broken)
	fmt.Fprintln(w, `"weft run NAME" checks one variant, or every variant of a structure; "weft catalog -h" explains the notes.`)
	// One width for every section, so that the table reads as one.
	nameWidth, expectWidth := 0, 0
	for _, e := range entries {
		nameWidth, expectWidth = max(nameWidth, len(e.Name)), max(expectWidth, len(e.Expect))
	}
	for _, section := range slices.SortedFunc(maps.Keys(bySection), compareSections) {
		fmt.Fprintf(w, "\n§%s\n", section)
		for _, e := range bySection[section] {
			row := fmt.Sprintf("  %-*s  %-*s  %s", nameWidth, e.Name, expectWidth, e.Expect, strings.Join(e.notes(false), "; "))
			fmt.Fprintln(w, strings.TrimRight(row, " "))
			if verbose {
				for _, why := range e.notes(true) {
					fmt.Fprintf(w, "  %*s  %s\n", nameWidth, "", why)
				}
			}
		}
	}
}

// notes are what sets e apart besides its verdict: short, or with their
// reasons (those with one).
func (e catalogEntry) notes(reasons bool) []string {
	var out []string
	if e.RaceExpect != "" {
		if !reasons {
			out = append(out, "race: "+e.RaceExpect)
		} else if e.RaceMayNotShow != "" {
			out = append(out, "race: "+e.RaceMayNotShow)
		}
	}
	if e.OnlyControlled != "" {
		if reasons {
			out = append(out, "only controlled: "+e.OnlyControlled)
		} else {
			out = append(out, "only controlled")
		}
	}
	for _, s := range slices.Sorted(maps.Keys(e.Misses)) {
		if reasons {
			out = append(out, "missed by "+s+": "+oneLine(e.Misses[s]))
		} else {
			out = append(out, "missed by "+s)
		}
	}
	return out
}

// oneLine joins the lines of s, so that a reason stays in its column.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// compareSections orders sections of the guide as the guide does: 2 before
// 4.3 before 11, number by number.
func compareSections(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range min(len(as), len(bs)) {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx != nil || erry != nil {
			if c := strings.Compare(as[i], bs[i]); c != 0 {
				return c
			}
			continue
		}
		if x != y {
			return x - y
		}
	}
	return len(as) - len(bs)
}
