package repro

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShellCommand_QuotesThePattern(t *testing.T) {
	args := GoTestArgs("./checks/catalog", "TestCatalog/counter/split-lock", "histories/out/x.json", "")
	assert.Equal(t, "go test ./checks/catalog -run '^TestCatalog$/^counter$/^split-lock$' -count=1 -weft.replay=histories/out/x.json",
		ShellCommand(args))
	args = GoTestArgs(".", "TestA", "a.json", "stress-plain")
	assert.Equal(t, "go test . -run '^TestA$' -count=1 -weft.replay=a.json -weft.strategy=stress-plain", ShellCommand(args))
}

func TestReadHeader_RejectsWhatIsNoHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"name": "package.json"}`), 0o644))
	_, err := ReadHeader(path)
	assert.ErrorContains(t, err, "is not a weft history file: it names no test, package or structure")

	require.NoError(t, os.WriteFile(path, []byte(`{"test": "TestA", "package": ".", "structure": "s", "schedule": {"decisions": "1"}}`), 0o644))
	h, err := ReadHeader(path)
	require.NoError(t, err)
	assert.True(t, h.Controlled())
}
