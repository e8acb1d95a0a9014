package checks_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched/sync" // instead of "sync"
	"github.com/weftlab/weft/models"
)

// Hits counts page views. It is plain Go; only the import of sync changed,
// so that weft can perturb (and later control) its locking.
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

// hits tells weft how to check Hits: against models.Counter, with one
// operation per method, each mapping the model's input to a call and the
// call's result to the model's output.
var hits = checks.Structure[*Hits, models.CounterInput, models.CounterOutput]{
	Name:  "hits",
	Model: models.Counter,
	New:   NewHits,
	Ops: []checks.Op[*Hits, models.CounterInput, models.CounterOutput]{
		{
			Name:  "views",
			Input: pageInput(models.CounterGet),
			Run: func(h *Hits, in models.CounterInput) models.CounterOutput {
				return models.CounterOutput{Value: h.Views(in.Key)}
			},
		},
		{
			Name:  "view",
			Input: pageInput(models.CounterInc),
			Run: func(h *Hits, in models.CounterInput) models.CounterOutput {
				h.View(in.Key)
				return models.CounterOutput{}
			},
		},
	},
}

// pageInput draws a call of op on one of two pages.
func pageInput(op models.CounterOp) *rapid.Generator[models.CounterInput] {
	return rapid.Custom(func(t *rapid.T) models.CounterInput {
		return models.CounterInput{Op: op, Key: rapid.SampledFrom([]string{"/", "/about"}).Draw(t, "page")}
	})
}

func TestHits(t *testing.T) {
	checks.Sequential(t, hits, checks.Options{}) // one client: the logic against the model
	checks.Check(t, hits, checks.Options{})      // many clients on all cores: linearizability
}

// Example shows the test above; `go test` runs TestHits. The README shows a
// complete file with a broken twin: examples/hits/hits_test.go.
func Example() {
	var t *testing.T // the *testing.T of a test function
	checks.Check(t, hits, checks.Options{})
}
