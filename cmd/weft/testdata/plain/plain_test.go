package plain

import "testing"

func TestSum(t *testing.T) {
	t.Parallel()
	if got := Sum(4); got != 10 {
		t.Fatalf("Sum(4) = %d, want 10", got)
	}
}

func TestCount(t *testing.T) {
	if got := Count(); got != 2 {
		t.Errorf("Count() = %d, want 2", got)
	}
}

func TestLeak(t *testing.T) {
	Leak()
}

func TestSubtests(t *testing.T) {
	t.Run("one", func(t *testing.T) {})
}

func TestCountFatal(t *testing.T) {
	if got := Count(); got != 2 {
		t.Fatalf("Count() = %d, want 2", got)
	}
	t.Log("counted to 2") // logged by every passing execution
}

func subtest(t *testing.T) { t.Run("hidden", func(t *testing.T) {}) }

func TestSubtestsViaHelper(t *testing.T) {
	subtest(t)
}
