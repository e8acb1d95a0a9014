package checks

import (
	"errors"
	"fmt"
	"strings"

	"pgregory.net/rapid"
)

// probeInput draws one input from g, so that a generator rapid cannot use
// is reported with the op it belongs to, before a check starts, instead of
// as a panic deep in rapid in the middle of drawing a scenario.
func probeInput[I any](g *rapid.Generator[I]) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if msg := fmt.Sprint(r); strings.Contains(msg, "did not use any data") {
			err = errors.New("its Input generator draws nothing: a rapid.Custom generator must draw from " +
				"at least one other generator (for a constant input, use rapid.Just(input))")
		} else {
			err = fmt.Errorf("its Input generator fails: %s", msg)
		}
	}()
	g.Example(1)
	return nil
}
