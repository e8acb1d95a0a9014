package explain

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/weftlab/weft/internal/hist"
)

// maxLater bounds the calls listed as unable to come next: in a long
// history they are most of the calls, and say little each.
const maxLater = 10

// definition is what the rest of the text relies on, said once.
const definition = `A history is linearizable when its calls have a legal order: one
that keeps each call after every call that returned before it was
called, where each call's result is the one the model gives in the
state the calls before it leave.
`

// WriteText writes the explanation as plain text in short lines, calls
// numbered #1, #2... as they come in the history, times as in its file.
// The text depends only on the explanation: the same history gives the
// same text.
func (e *Explanation) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n%s", title(e.History), e.Verdict, definition)
	if len(e.Parts) > 1 {
		fmt.Fprintf(&b, "\nThe model splits the calls into %d independent parts, each\n"+
			"checked on its own; the history is linearizable when every part is.\n", len(e.Parts))
	}
	if h := e.History; h.Unjudgeable != "" {
		b.WriteString("\n" + wrap("Unknown: this history cannot be judged: "+h.Unjudgeable+".", ""))
	} else if len(e.Parts) == 0 {
		b.WriteString("\nThe history has no calls: the empty order is legal.\n")
	}
	for i := range e.Parts {
		e.writePart(&b, &e.Parts[i])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// title names history h in the first line of its explanation.
func title(h *hist.History) string {
	if h.Title != "" {
		return h.Title
	}
	return filepath.Base(h.File)
}

// writePart writes one part's explanation.
func (e *Explanation) writePart(b *strings.Builder, p *Part) {
	h := e.History
	b.WriteString("\n")
	if p.Name != "" {
		fmt.Fprintf(b, "== %s: %s (%d calls)\n\n", p.Name, p.Verdict, len(p.Calls))
	}
	b.WriteString("The calls, each with its interval [called, returned]:\n")
	table(b, len(p.Calls), func(k int) []string {
		i := p.Calls[k]
		return []string{ref(i), client(h, i), describeCall(h, i), interval(h, i)}
	})
	if p.Searched {
		b.WriteString("\n" + wrap(fmt.Sprintf("The model starts in state %s.", describeState(h, h.Model.Init())), ""))
	}
	switch {
	case p.Verdict == Linearizable:
		b.WriteString("\nA legal order of all the calls, each at a linearization point\n" +
			"inside its interval, with the model's state after it:\n")
		table(b, len(p.Order), func(k int) []string {
			s := p.Order[k]
			return []string{fmt.Sprintf("%d.", k+1), fmt.Sprintf("at %d", s.Point), ref(s.Call), client(h, s.Call),
				describeCall(h, s.Call), interval(h, s.Call), "state " + describeState(h, s.State)}
		})
		for k := 1; k < len(p.Order); k++ {
			if p.Order[k].Point == p.Order[k-1].Point {
				b.WriteString("Calls at the same point take effect in the order listed.\n")
				break
			}
		}
		return
	case p.Verdict == NotLinearizable:
		b.WriteString("\nNo order of all these calls is legal: the search tried them all,\n" +
			"and no legal order of some of them is longer than the one below.\n")
	case p.Unfinished == OtherPartFails:
		what := "the search of this part stopped early"
		if !p.Searched {
			what = "this part was not searched"
		}
		b.WriteString("\n" + wrap(fmt.Sprintf("Unknown: %s, as %s is not linearizable, which settles "+
			"the history's verdict.", what, e.Parts[0].Name), ""))
	case !p.Searched:
		fmt.Fprintf(b, "\nUnknown: not searched, as the %v were spent on the other parts.\n", e.Timeout)
		return
	default:
		fmt.Fprintf(b, "\nUnknown: the search did not finish within %v, so whether these\n"+
			"calls have a legal order is not known.\n", e.Timeout)
	}
	if !p.Searched {
		return
	}
	if p.Verdict == Unknown {
		fmt.Fprintf(b, "\nThe longest legal order found before the search stopped,\n%d of %d calls, with the model's state after each:\n", len(p.Order), len(p.Calls))
	} else {
		fmt.Fprintf(b, "\nThe longest legal order found, %d of %d calls,\nwith the model's state after each:\n", len(p.Order), len(p.Calls))
	}
	switch {
	case len(p.Order) > 0:
	case p.Verdict == NotLinearizable:
		b.WriteString("  (none: the model rejects every call that could come first)\n")
	default:
		b.WriteString("  (none)\n")
	}
	table(b, len(p.Order), func(k int) []string {
		s := p.Order[k]
		return []string{fmt.Sprintf("%d.", k+1), ref(s.Call), client(h, s.Call), describeCall(h, s.Call), "state " + describeState(h, s.State)}
	})
	if p.Verdict != NotLinearizable {
		return
	}
	b.WriteString("\n")
	e.writeStuck(b, p)
	if len(p.Later) == 0 {
		return
	}
	b.WriteString("The calls that cannot come next, as another call returned\nbefore they were called:\n")
	for _, l := range p.Later[:min(len(p.Later), maxLater)] {
		fmt.Fprintf(b, "  %s  %s  %s:\n%s", ref(l.Call), client(h, l.Call), describeCall(h, l.Call),
			wrap(fmt.Sprintf("%s must come first: it returned at %d, before %s was called at %d",
				ref(l.After), h.Operations[l.After].Return, ref(l.Call), h.Operations[l.Call].Call), "      "))
	}
	if n := len(p.Later) - maxLater; n > 0 {
		fmt.Fprintf(b, "  ... and %d more\n", n)
	}
}

// writeStuck writes where part p, not linearizable, is stuck: the state
// its order leaves, and each call that could come next with why the model
// rejects it. The brief text writes the same lines (brief.go).
func (e *Explanation) writeStuck(b *strings.Builder, p *Part) {
	h := e.History
	state := h.Model.Init()
	where := "at the start"
	if len(p.Order) > 0 {
		state, where = p.Order[len(p.Order)-1].State, "there"
	}
	b.WriteString(wrap(fmt.Sprintf("It is stuck %s, in state %s.", where, describeState(h, state)), ""))
	b.WriteString("The calls that could come next, and why the model rejects each:\n")
	for _, c := range p.Next {
		fmt.Fprintf(b, "  %s  %s  %s:\n%s", ref(c.Call), client(h, c.Call), describeCall(h, c.Call), wrap(c.Why, "      "))
	}
}

// table writes n rows of cells, aligned in columns and indented.
func table(b *strings.Builder, n int, row func(k int) []string) {
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	for k := range n {
		fmt.Fprintf(tw, "  %s\n", strings.Join(row(k), "\t"))
	}
	tw.Flush()
}

// width is the length of line that prose is wrapped to.
const width = 72

// wrap breaks text into lines of at most width at spaces, each starting
// with indent, ending with a newline; a word longer than a line stays
// whole.
func wrap(text, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

// ref names call i of the history, such as "#3".
func ref(i int) string { return fmt.Sprintf("#%d", i+1) }

// interval shows the interval of call i, as its file gives it; a call
// that never returned has math.MaxInt64 as its return.
func interval(h *hist.History, i int) string {
	op := h.Operations[i]
	if op.Return == math.MaxInt64 {
		return fmt.Sprintf("[%d, never]", op.Call)
	}
	return fmt.Sprintf("[%d, %d]", op.Call, op.Return)
}
