package plain

import (
	"os"
	"testing"

	"github.com/weftlab/weft/checks/rewrite/rt"
)

func TestSum(t *testing.T) {
	if got := Sum(10); got != 55 {
		t.Fatalf("Sum(10) = %d, want 55", got)
	}
}

func TestFirst(t *testing.T) {
	a, b := make(chan int), make(chan int, 1)
	b <- 2
	if got := First(a, b); got != 2 {
		t.Fatalf("First = %d, want 2", got)
	}
}

func TestCloseTwice(t *testing.T) {
	if os.Getenv("WEFT_E2E_PANIC") == "" {
		t.Skip("panics on purpose: run by the rewrite's end-to-end test")
	}
	CloseTwice()
}

// TestMarked fails unless the package was built as the rewrite's
// end-to-end test says: through the overlay (WEFT_E2E_MARK=1) or not (0).
func TestMarked(t *testing.T) {
	want := os.Getenv("WEFT_E2E_MARK")
	if want == "" {
		t.Skip("run by the rewrite's end-to-end test")
	}
	if got := rt.Rewritten("github.com/weftlab/weft/checks/rewrite/testdata/plain"); got != (want == "1") {
		t.Fatalf("rt.Rewritten = %v, want %v", got, want == "1")
	}
}
