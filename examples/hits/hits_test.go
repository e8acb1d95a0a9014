package hits

import (
	"sync"
	"testing"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/rewrite/testmain"
	"github.com/weftlab/weft/models"
)

// TestMain builds this package through weft's rewrite, which turns its
// locks into the points where weft perturbs (and controls) the schedule:
// a plain go test rebuilds itself through it. The patterns are relative to
// the module's root.
func TestMain(m *testing.M) { testmain.Main(m, "./examples/hits") }

// Hits counts page views. It is plain Go, with the standard sync.
type Hits struct {
	mu    sync.Mutex
	views map[string]int
}

func NewHits() *Hits { return &Hits{views: map[string]int{}} }

func (h *Hits) View(page string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.views[page]++
}

func (h *Hits) Views(page string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.views[page]
}

// SplitHits is a broken twin: it reads a count in one critical section and
// writes it in another, so two views at once can count as one.
type SplitHits struct{ *Hits }

func (s SplitHits) View(page string) {
	s.mu.Lock()
	n := s.views[page]
	s.mu.Unlock()
	s.mu.Lock()
	s.views[page] = n + 1
	s.mu.Unlock()
}

// Counter is what both twins offer: one list of ops checks both.
type Counter interface {
	View(page string)
	Views(page string) int
}

// ops tell weft how to call a Counter: each draws an input of the model,
// makes the call, and returns its result as the model's output.
var ops = []checks.Op[Counter, models.CounterInput, models.CounterOutput]{
	{
		Name:  "views",
		Input: pageInput(models.CounterGet),
		Run: func(c Counter, in models.CounterInput) models.CounterOutput {
			return models.CounterOutput{Value: c.Views(in.Key)}
		},
	},
	{
		Name:  "view",
		Input: pageInput(models.CounterInc),
		Run: func(c Counter, in models.CounterInput) models.CounterOutput {
			c.View(in.Key)
			return models.CounterOutput{}
		},
	},
}

// pageInput draws a call of op on one of two pages. An Input must draw
// something: for a constant input, use rapid.Just.
func pageInput(op models.CounterOp) *rapid.Generator[models.CounterInput] {
	return rapid.Custom(func(t *rapid.T) models.CounterInput {
		return models.CounterInput{Op: op, Key: rapid.SampledFrom([]string{"/", "/about"}).Draw(t, "page")}
	})
}

// counter is a Counter checked against models.Counter, a counter per key.
func counter(name string, newCounter func() Counter) checks.Structure[Counter, models.CounterInput, models.CounterOutput] {
	return checks.Structure[Counter, models.CounterInput, models.CounterOutput]{
		Name: name, Model: models.Counter, New: newCounter, Ops: ops,
	}
}

func TestHits(t *testing.T) {
	hits := counter("hits", func() Counter { return NewHits() })
	checks.Sequential(t, hits, checks.Options{}) // one client: the logic against the model
	checks.Check(t, hits, checks.Options{})      // many clients on all cores: linearizability
}

// TestSplitHits shows that the check can fail: the broken twin must be
// caught, with the verdict its bug calls for.
func TestSplitHits(t *testing.T) {
	split := counter("hits/split", func() Counter { return SplitHits{NewHits()} })
	checks.Expect(t, split, checks.NotLinearizable, checks.Options{})
}
