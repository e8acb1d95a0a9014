package main

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/weftlab/weft/internal/tools"
)

// matchEntries returns the entries names name, in the order named, each
// once: a name is an entry's (group/variant) or a group's, all its
// variants. An unknown name is an error that lists the names close to it.
func matchEntries(all []catalogEntry, names []string) ([]catalogEntry, error) {
	var out []catalogEntry
	seen := map[string]bool{}
	for _, name := range names {
		var found []catalogEntry
		for _, e := range all {
			if e.Name == name || e.Group == name {
				found = append(found, e)
			}
		}
		if len(found) == 0 {
			return nil, unknownName(all, name)
		}
		for _, e := range found {
			if !seen[e.Name] {
				seen[e.Name] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// unknownName says that name is in no entry, with the entries and groups
// close to it: within a few edits, or containing it, or contained in it.
func unknownName(all []catalogEntry, name string) error {
	var close []string
	candidates := map[string]bool{}
	for _, e := range all {
		candidates[e.Name], candidates[e.Group] = true, true
	}
	for _, c := range slices.Sorted(func(yield func(string) bool) {
		for c := range candidates {
			if !yield(c) {
				return
			}
		}
	}) {
		_, variant, _ := strings.Cut(c, "/")
		switch {
		case editDistance(name, c) <= max(2, len(name)/4),
			variant != "" && editDistance(name, variant) <= max(1, len(name)/4),
			len(name) >= 3 && strings.Contains(c, name):
			close = append(close, c)
		}
	}
	msg := fmt.Sprintf("%q is in no entry of the catalog (weft catalog lists them)", name)
	if len(close) > 0 {
		msg += "; close: " + strings.Join(close, ", ")
	}
	return errors.New(msg)
}

// editDistance is Levenshtein's distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// A batch is entries checked under one strategy, by one go test.
type batch struct {
	strategy string
	entries  []catalogEntry
}

// planRun groups entries by the strategy each is checked under: strategy,
// or by default stress, portfolio for an entry only control can catch. An
// entry only control can catch, asked for under a strategy on real cores,
// is an error: it would be skipped, which is no verdict.
func planRun(entries []catalogEntry, strategy string) ([]batch, error) {
	var out []batch
	for _, e := range entries {
		s := strategy
		if s == "" {
			s = "stress"
			if e.OnlyControlled != "" {
				s = "portfolio"
			}
		} else if e.OnlyControlled != "" {
			if _, controlled, _ := tools.StrategyOf(s); !controlled {
				return nil, fmt.Errorf("%s can only be caught under a controlled strategy (%s): -strategy %s would skip it",
					e.Name, e.OnlyControlled, s)
			}
		}
		i := slices.IndexFunc(out, func(b batch) bool { return b.strategy == s })
		if i < 0 {
			out = append(out, batch{strategy: s})
			i = len(out) - 1
		}
		out[i].entries = append(out[i].entries, e)
	}
	return out, nil
}

// runPattern is the go test -run pattern of exactly entries among
// TestCatalog's subtests (TestCatalog/group/variant).
func runPattern(entries []catalogEntry) string {
	var alts []string
	for _, e := range entries {
		group, variant, _ := strings.Cut(e.Name, "/")
		alts = append(alts, "^TestCatalog$/^"+regexp.QuoteMeta(group)+"$/^"+regexp.QuoteMeta(variant)+"$")
	}
	return strings.Join(alts, "|")
}
