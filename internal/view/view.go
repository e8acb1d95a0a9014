// Package view draws a history of calls and its linearizability check as
// one self-contained HTML page (its style and script inline, nothing
// fetched), for a person to read: which client made which call when, the
// order the checker found with the model state after each call, and, for a
// history that is not linearizable, where every order gets stuck and what
// the model expected instead.
package view

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"os"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// Options adds to what the view shows of a history.
type Options struct {
	// Verdict, if set, is the verdict the title shows instead of the
	// checker's, such as "panic" for a failure found by weft's checks
	// whose history is still linearizable; the checker's verdict is then
	// shown beside it.
	Verdict string
	// Links are shown under the title, such as porcupine's own view of
	// the same history.
	Links []Link
}

// A Link is a labelled address, relative to the page or absolute.
type Link struct {
	Text, Href string
}

// Verdict is the checker's verdict as weft words it. Unknown (the checker
// ran out of time) is never a pass.
func Verdict(r porcupine.CheckResult) string {
	switch r {
	case porcupine.Ok:
		return "linearizable"
	case porcupine.Illegal:
		return "not linearizable"
	default:
		return "unknown: the checker ran out of time, which is not a pass"
	}
}

// Verdict is a's verdict as weft words it.
func (a *Analysis) Verdict() string {
	if a.Unjudgeable != "" {
		return "cannot be judged"
	}
	return Verdict(a.Result)
}

//go:embed page.html
var pageText string

var page = template.Must(template.New("page").Parse(pageText))

// Write writes the page of h, judged as a, to w.
func Write(w io.Writer, h *hist.History, a *Analysis, opt Options) error {
	return page.Execute(w, build(h, a, opt))
}

// WriteFile writes the page of h, judged as a, to the file called name.
func WriteFile(name string, h *hist.History, a *Analysis, opt Options) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := Write(f, h, a, opt); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return f.Close()
}

// data is what the template shows.
type data struct {
	Title, Structure, Verdict, Class string
	Notes                            []string
	Links                            []Link
	Grid                             grid
	Orders                           []orderData
	Stuck                            *stuckData
	Interleaving                     string
	Unjudgeable                      bool
	Unordered                        bool // some call is in no order shown
}

type orderData struct {
	Heading string
	Total   int
	Items   []callData
}

type callData struct {
	Index               int
	Rank                string
	Client, Name, State string
	Label               string // as the text report names the call, or ""
	Why                 string
}

type stuckData struct {
	Heading      string
	Covered      int
	Total        int
	State        string
	Next         []callData
	EmptyAtStart bool
}

func build(h *hist.History, a *Analysis, opt Options) data {
	d := data{Structure: h.Title, Verdict: a.Verdict(), Links: opt.Links, Interleaving: h.Interleaving}
	if d.Structure == "" {
		d.Structure = h.File
	}
	switch a.Result {
	case porcupine.Ok:
		d.Class = "ok"
	case porcupine.Illegal:
		d.Class = "fail"
	default:
		d.Class = "unknown"
	}
	if a.Unjudgeable != "" {
		d.Unjudgeable = true
		d.Notes = append(d.Notes, "Linearizability cannot be judged: "+a.Unjudgeable+".")
	}
	if opt.Verdict != "" && opt.Verdict != d.Verdict {
		if len(h.Operations) > 0 { // a program's failure has no calls to judge
			d.Notes = append(d.Notes, "The checker alone finds the history "+d.Verdict+".")
		}
		d.Verdict, d.Class = opt.Verdict, "fail"
	}
	d.Title = "weft: " + d.Structure + " — " + d.Verdict
	if h.Recorded != "" && h.Recorded != d.Verdict {
		d.Notes = append(d.Notes, "The file records the verdict "+h.Recorded+".")
	}
	if h.File != "" {
		d.Notes = append(d.Notes, fmt.Sprintf("%d calls from %s (%s).", len(h.Operations), h.File, h.Format))
	}

	call := func(i int) callData {
		op := h.Operations[i]
		name := describeOperation(h.Model, op)
		return callData{Index: i, Client: clientLabel(h, op.ClientId), Name: name, Label: callLabel(h, i, name)}
	}
	rank := map[int]string{}
	class := map[int]string{}
	for _, o := range a.Orders {
		od := orderData{Total: o.Total}
		if a.Partitions > 1 {
			od.Heading = fmt.Sprintf("partition %d of %d (its calls are independent of the others')", o.Partition+1, a.Partitions)
		}
		for k, i := range o.Calls {
			c := call(i)
			c.Rank, c.State = fmt.Sprint(k+1), o.States[k]
			if a.Partitions > 1 {
				c.Rank = fmt.Sprintf("%d.%d", o.Partition+1, k+1)
			}
			rank[i] = c.Rank
			od.Items = append(od.Items, c)
		}
		d.Orders = append(d.Orders, od)
	}
	if a.Incomplete {
		d.Notes = append(d.Notes, "The checker ran out of time finding an order to show; the verdict stands.")
	}
	if s := a.Stuck; s != nil {
		o := a.Orders[len(a.Orders)-1]
		sd := &stuckData{Covered: len(o.Calls), Total: o.Total, State: s.State, EmptyAtStart: len(o.Calls) == 0}
		if a.Partitions > 1 {
			sd.Heading = fmt.Sprintf(" (partition %d of %d)", o.Partition+1, a.Partitions)
		}
		for _, n := range s.Next {
			c := call(n.Call)
			c.Why = n.Why
			class[n.Call] = "stuck"
			sd.Next = append(sd.Next, c)
		}
		d.Stuck = sd
		// The calls of the stuck partition that the order does not reach,
		// and that cannot come next either, are drawn as left over.
		for _, i := range o.Left {
			if class[i] == "" {
				class[i] = "left"
			}
		}
	}
	// The calls no order shows (other partitions of a rejected history, or
	// all of them when the checker ran out of time) are drawn apart from
	// the ordered ones.
	for i := range h.Operations {
		if rank[i] == "" && class[i] == "" {
			class[i] = "none"
			d.Unordered = true
		}
	}
	d.Grid = layout(h, rank, class)
	return d
}
