package catalog_test

import (
	"testing"

	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/engine"
)

// TestPriority_DefaultBoundNeverFiresWithInheritance: with priority
// inheritance, tasks arriving while an urgent one waits are the only less
// urgent steps, and the default inversion bound must never fire.
func TestPriority_DefaultBoundNeverFiresWithInheritance(t *testing.T) {
	for _, e := range catalog.All() {
		if e.Name == "priority/inheritance" {
			boundNeverFires(t, e, "inversion steps by one goroutine in one wait", "inversion", engine.DefaultInversionBound)
		}
	}
}
