package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// weft run on the fastest broken entry, end to end: the rewrite, go test
// of the catalog, the verdict line. About 15 seconds once the catalog's
// rewritten build is cached, minutes before: -short skips it (make test);
// go test -run TestRun_EndToEnd ./cmd/weft runs it.
func TestRun_EndToEnd_CatchesTheRacyCounter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the catalog through the rewrite: minutes on a cold cache")
	}
	var out, errs bytes.Buffer
	status := run([]string{"run", "-budget", "2s", "-seed", "1", "counter/racy"}, &out, &errs)
	assert.Equal(t, 0, status, "stdout:\n%s\nstderr:\n%s", out.String(), errs.String())
	assert.Regexp(t, regexp.MustCompile(`(?m)^counter/racy: not linearizable as expected \(\d+ scenarios?, \d+ executions?, [0-9.]+m?s, stress\)$`), out.String())
	assert.NotContains(t, out.String(), "\r", "no live line when stdout is not a terminal")
}
