package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// teachingDir holds the teaching histories, relative to this package.
const teachingDir = "../../histories/teaching"

// Every teaching history reads, records a verdict, and porcupine reaches
// that verdict: each bug is not linearizable and its twin (NAME-ok.txt) is.
// They stay small, as an explanation of them must stay readable.
func TestTeaching_PorcupineAgreesWithEveryRecordedVerdict(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(teachingDir, "*.txt"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 20, "nine bugs, their twins and the first history")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			h, err := Read(file)
			require.NoError(t, err)
			assert.Equal(t, "lines", h.Format)
			require.NotEmpty(t, h.Recorded, "every teaching history records its verdict")
			assert.Equal(t, h.Recorded, verdict(t, h))
			assert.LessOrEqual(t, len(h.Clients), 3, "2 or 3 clients")
			assert.GreaterOrEqual(t, len(h.Operations), 3, "3 to 8 calls")
			assert.LessOrEqual(t, len(h.Operations), 8, "3 to 8 calls")
		})
	}
}

// Each bug has a linearizable twin, and each twin a bug.
func TestTeaching_EveryBugHasItsTwin(t *testing.T) {
	for _, bug := range []string{"lost-update", "check-then-act", "aba", "torn-read", "lost-wakeup",
		"if-not-for", "per-sender-fifo", "over-admission", "lost-item"} {
		h, err := Read(filepath.Join(teachingDir, bug+".txt"))
		require.NoError(t, err)
		assert.Equal(t, "not linearizable", h.Recorded, bug)
		twin, err := Read(filepath.Join(teachingDir, bug+"-ok.txt"))
		require.NoError(t, err)
		assert.Equal(t, "ok", twin.Recorded, bug)
		assert.Equal(t, h.Model.DescribeState(h.Model.Init()), twin.Model.DescribeState(twin.Model.Init()),
			"%s: a twin judges the same object", bug)
	}
	files, _ := filepath.Glob(filepath.Join(teachingDir, "*-ok.txt"))
	for _, f := range files {
		assert.FileExists(t, strings.TrimSuffix(f, "-ok.txt")+".txt")
	}
}

// The format's reference, histories/teaching/README.md, shows an example
// that reads and names every model there is.
func TestTeaching_TheFormatReferenceReadsAndListsEveryModel(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(teachingDir, "README.md"))
	require.NoError(t, err)
	_, format, ok := strings.Cut(string(readme), "## The line format")
	require.True(t, ok)
	_, example, ok := strings.Cut(format, "```\n")
	require.True(t, ok)
	example, _, _ = strings.Cut(example, "```")
	h, err := Parse("example.txt", []byte(example))
	require.NoError(t, err)
	assert.Equal(t, "not linearizable", verdict(t, h))
	for _, m := range lineModels {
		assert.Contains(t, format, "| `"+m.name+"` |", "the reference lists model %s", m.name)
		for _, op := range m.ops {
			assert.Contains(t, format, op.name+"(", "the reference shows %s's %s", m.name, op.name)
		}
	}
}
