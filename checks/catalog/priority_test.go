package catalog_test

import (
	"testing"

	"github.com/weftlab/weft/checks/internal/engine"
)

// TestPriority_DefaultBoundNeverFiresWithInheritance: with priority
// inheritance, tasks arriving while an urgent one waits are the only less
// urgent steps, and the default inversion bound must never fire.
func TestPriority_DefaultBoundNeverFiresWithInheritance(t *testing.T) {
	boundNeverFires(t, entryNamed(t, "priority/inheritance"), "inversion steps by one goroutine in one wait",
		"inversion", engine.DefaultInversionBound)
}
