package reporttest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReplayable_DropsWhatAnotherProcessPrintsDifferently(t *testing.T) {
	report := func(execution, goroutine, arg string) string {
		return "weft: requirement violated: p\n" +
			"Program p (seed 7, execution " + execution + " of the seed, strategy random)\n" +
			"Requirement violated in goroutine 2 (started by main): task 4 ran 2 times\n" +
			"    goroutine " + goroutine + " [running]:\n" +
			"    panic({0x9c4920?, " + arg + "?})\n" +
			"    example.com/p.(*Worker).run(" + arg + ")\n" +
			"    \t/src/p/w.go:170 +0x5b\n"
	}
	a, b := report("4", "166965", "0xc703e9a4070"), report("1", "12", "0xc703ecb06b0")
	assert.Equal(t, Replayable(a), Replayable(b))
	assert.Contains(t, Replayable(a), "example.com/p.(*Worker).run(0x…)\n    \t/src/p/w.go:170 +0x…", "the function and its line stay")
	assert.NotEqual(t, Replayable(a), Replayable(report("4", "166965", "0xc703e9a4070")+"another line"))
}
