package explain

import (
	"fmt"
	"io"
	"strings"
)

// briefLast is how many calls of a stuck order the brief text shows: the
// last ones, which bring the model to the state where it is stuck.
const briefLast = 3

// briefWaiting bounds the calls named in each group of calls that cannot
// come next: in a long history a group holds most of the calls.
const briefWaiting = 3

// WriteBrief writes the brief text of the explanation: where linearization
// gets stuck, and no more. It selects from the explanation WriteText
// writes and computes nothing of its own, so it says only what Verify
// checks: for a history that is not linearizable, its verdict and, for
// each part that is not, how many calls the longest legal order found
// places, its last calls with the model's state after each, and the stuck
// point in the lines WriteText gives it; the calls that cannot come next
// are grouped by the call that must come before them. Parts that pass, or
// whose search stopped because another part fails, are only counted. For
// a linearizable history it says how many calls and parts have a legal
// order, not the order. It ends by saying what the full text adds.
func (e *Explanation) WriteBrief(w io.Writer) error {
	var b strings.Builder
	h := e.History
	fmt.Fprintf(&b, "%s: %s\n", title(h), e.Verdict)
	more := []string{"what linearizable means"} // what the full text adds
	switch {
	case h.Unjudgeable != "":
		b.WriteString("\n" + wrap("Unknown: this history cannot be judged: "+h.Unjudgeable+".", ""))
	case len(e.Parts) == 0:
		b.WriteString("\nThe history has no calls: the empty order is legal.\n")
	case e.Verdict == Linearizable:
		what := fmt.Sprintf("The %d calls have a legal order.", len(h.Operations))
		if len(e.Parts) > 1 {
			what = fmt.Sprintf("The model splits the %d calls into %d independent parts, and the calls of each have a legal order.",
				len(h.Operations), len(e.Parts))
		}
		b.WriteString("\n" + wrap(what, ""))
		more = append(more, "each call with its interval",
			"a legal order of all of them at their linearization points")
	default:
		if len(e.Parts) > 1 {
			b.WriteString("\n" + wrap(e.partCounts(), ""))
		}
		for i := range e.Parts {
			if p := &e.Parts[i]; p.Verdict == NotLinearizable || (p.Verdict == Unknown && p.Unfinished != OtherPartFails) {
				e.writeBriefPart(&b, p)
			}
		}
		more = append(more, "each call with its interval", "the whole order found")
		if len(e.Parts) > 1 {
			more = append(more, "every part")
		}
	}
	last := len(more) - 1
	list := more[last]
	if last > 0 {
		list = strings.Join(more[:last], ", ") + " and " + more[last]
	}
	b.WriteString("\n" + wrap("Without -brief, weft explain shows more: "+list+".", ""))
	_, err := io.WriteString(w, b.String())
	return err
}

// partCounts counts the parts of a history that is not linearizable, or
// unknown, by what the brief text shows of them.
func (e *Explanation) partCounts() string {
	var failing, open, stopped, passing int
	for _, p := range e.Parts {
		switch {
		case p.Verdict == NotLinearizable:
			failing++
		case p.Verdict == Linearizable:
			passing++
		case p.Unfinished == OtherPartFails:
			stopped++
		default:
			open++
		}
	}
	var groups []string
	if failing > 0 {
		groups = append(groups, fmt.Sprintf("%d not linearizable, shown below", failing))
	}
	if open > 0 {
		groups = append(groups, fmt.Sprintf("%d unknown, shown below", open))
	}
	if stopped > 0 {
		groups = append(groups, fmt.Sprintf("%d unknown, not searched to the end, as a part that is not linearizable settles the verdict", stopped))
	}
	if passing > 0 {
		groups = append(groups, fmt.Sprintf("%d linearizable", passing))
	}
	return fmt.Sprintf("The model splits the calls into %d independent parts, each checked on its own: %s.",
		len(e.Parts), strings.Join(groups, "; "))
}

// writeBriefPart writes the brief explanation of part p, not linearizable
// or unknown.
func (e *Explanation) writeBriefPart(b *strings.Builder, p *Part) {
	h := e.History
	b.WriteString("\n")
	if p.Name != "" {
		fmt.Fprintf(b, "== %s: %s (%d calls)\n\n", p.Name, p.Verdict, len(p.Calls))
	}
	if p.Verdict == Unknown {
		if !p.Searched {
			fmt.Fprintf(b, "Unknown: not searched, as the %v were spent on the other parts.\n", e.Timeout)
			return
		}
		b.WriteString(wrap(fmt.Sprintf("Unknown: the search did not finish within %v, so whether these calls have a "+
			"legal order is not known. The longest legal order it found places %d of the %d calls.",
			e.Timeout, len(p.Order), len(p.Calls)), ""))
		return
	}
	shown := p.Order[max(0, len(p.Order)-briefLast):]
	switch {
	case len(p.Order) == 0:
		b.WriteString(wrap(fmt.Sprintf("The longest legal order found places none of the %d calls: "+
			"the model rejects every call that could come first.", len(p.Calls)), ""))
	case len(shown) == len(p.Order):
		b.WriteString(wrap(fmt.Sprintf("The longest legal order found places %d of the %d calls, "+
			"with the model's state after each:", len(p.Order), len(p.Calls)), ""))
	default:
		b.WriteString(wrap(fmt.Sprintf("The longest legal order found places %d of the %d calls; "+
			"its last %d, with the model's state after each:", len(p.Order), len(p.Calls), len(shown)), ""))
	}
	first := len(p.Order) - len(shown)
	table(b, len(shown), func(k int) []string {
		s := shown[k]
		return []string{fmt.Sprintf("%d.", first+k+1), ref(s.Call), client(h, s.Call), describeCall(h, s.Call), "state " + describeState(h, s.State)}
	})
	b.WriteString("\n")
	e.writeStuck(b, p)
	e.writeWaiting(b, p)
}

// writeWaiting writes the calls of part p that cannot come next, grouped
// by the call that returned before they were called (Later.After), the
// groups in the order of their first call.
func (e *Explanation) writeWaiting(b *strings.Builder, p *Part) {
	if len(p.Later) == 0 {
		return
	}
	h := e.History
	var afters []int
	groups := map[int][]int{}
	for _, l := range p.Later {
		if groups[l.After] == nil {
			afters = append(afters, l.After)
		}
		groups[l.After] = append(groups[l.After], l.Call)
	}
	b.WriteString("The calls that cannot come next, as another call returned\nbefore they were called:\n")
	for _, a := range afters {
		calls := groups[a]
		if len(calls) == 1 {
			b.WriteString(wrap(fmt.Sprintf("%s must come before %s: it returned at %d, before %s was called at %d.",
				ref(a), ref(calls[0]), h.Operations[a].Return, ref(calls[0]), h.Operations[calls[0]].Call), "  "))
			continue
		}
		var named []string
		for _, c := range calls[:min(len(calls), briefWaiting)] {
			named = append(named, fmt.Sprintf("%s at %d", ref(c), h.Operations[c].Call))
		}
		list := strings.Join(named, ", ")
		if n := len(calls) - briefWaiting; n > 0 {
			list += fmt.Sprintf(" and %d more", n)
		}
		b.WriteString(wrap(fmt.Sprintf("%s must come before %d calls: it returned at %d, before each was called: %s.",
			ref(a), len(calls), h.Operations[a].Return, list), "  "))
	}
}
