package checks_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	// README:begin
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

// README:end

// Example shows the test above; `go test` runs TestHits.
func Example() {
	var t *testing.T // the *testing.T of a test function
	checks.Check(t, hits, checks.Options{})
}

// TestREADME_ShowsThisExample keeps the README's example identical to the
// code above, which compiles and runs as TestHits.
func TestREADME_ShowsThisExample(t *testing.T) {
	source, err := os.ReadFile("example_test.go")
	require.NoError(t, err)
	_, rest, _ := strings.Cut(string(source), "// README:begin\n")
	example, _, _ := strings.Cut(rest, "// README:end")
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), strings.TrimSpace(example), "README.md must show the example of checks/example_test.go verbatim")
}
