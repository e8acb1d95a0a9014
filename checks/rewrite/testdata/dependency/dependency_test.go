package dependency

import (
	"os"
	"slices"
	"testing"

	"github.com/weftlab/weft/checks/rewrite/rt"
)

// TestErrgroupRewritten fails unless errgroup was built as the rewrite's
// end-to-end test says: rewritten in a copy of its module (WEFT_E2E_MARK=1)
// or as the module cache holds it (0).
func TestErrgroupRewritten(t *testing.T) {
	want := os.Getenv("WEFT_E2E_MARK")
	if want == "" {
		t.Skip("run by the rewrite's end-to-end test")
	}
	if got := rt.Rewritten("golang.org/x/sync/errgroup"); got != (want == "1") {
		t.Fatalf("rt.Rewritten(errgroup) = %v, want %v", got, want == "1")
	}
	got, err := Squares(5, 2)
	if err != nil || !slices.Equal(got, []int{1, 4, 9, 16, 25}) {
		t.Fatalf("Squares(5, 2) = %v, %v", got, err)
	}
}
