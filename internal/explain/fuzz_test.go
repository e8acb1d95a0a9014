package explain_test

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/explain"
	"github.com/weftlab/weft/internal/history"
	"github.com/weftlab/weft/internal/tools"
)

// FuzzExplain explains any history a student could write in the line
// format, on every model that format offers: whatever the calls, the
// explanation is given without a panic, within its timeout, and every
// claim it makes holds (Verify). The seeds are the teaching histories. It
// is outside package explain: the readers (package history) import
// checks, which imports explain to judge a user's history.
func FuzzExplain(f *testing.F) {
	tools.AddSeedFiles(f, filepath.Join("..", "..", "histories", "teaching", "*.txt"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := history.Parse("fuzz.txt", data)
		if err != nil {
			return // the reader's own fuzz test covers rejections
		}
		start := time.Now()
		e, err := explain.Explain(h, 100*time.Millisecond)
		require.NoError(t, err)
		require.Less(t, time.Since(start), 5*time.Second)
		require.NoError(t, e.Verify())
		require.NoError(t, e.WriteText(io.Discard))
	})
}
