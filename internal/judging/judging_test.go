package judging

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteRead_RoundTrip(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(dir)
	require.ErrorIs(t, err, os.ErrNotExist, "a directory without the verdict file holds no judgement")

	j := Judgement{File: "f.json", Test: "TestX", Structure: "x/y", Calls: 4, Recorded: "not linearizable",
		Verdict: NotLinearizable, Took: time.Millisecond, Explained: "not linearizable", ViewVerdict: NotLinearizable}
	require.NoError(t, Write(dir, j))
	got, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, j, got)
}

func TestRead_NamesTheMalformedFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, Verdict), []byte("{\"calls\": \"four\"}"), 0o644))
	_, err := Read(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, Verdict))
	assert.False(t, errors.Is(err, os.ErrNotExist))
}

// register is a register of ints whose writes return nothing.
var register = porcupine.Model{
	Init: func() any { return 0 },
	Step: func(state, input, output any) (bool, any) {
		in := input.([2]int) // {0, v}: write v; {1, 0}: read
		if in[0] == 0 {
			return true, in[1]
		}
		return output.(int) == state.(int), state
	},
	Equal: func(a, b any) bool { return a == b },
}

func TestLinearizability_VerdictsOfPorcupine(t *testing.T) {
	write := porcupine.Operation{ClientId: 0, Input: [2]int{0, 1}, Output: 0, Call: 0, Return: 10}
	readNew := porcupine.Operation{ClientId: 1, Input: [2]int{1, 0}, Output: 1, Call: 20, Return: 30}
	readOld := porcupine.Operation{ClientId: 1, Input: [2]int{1, 0}, Output: 0, Call: 20, Return: 30}

	v, _ := Linearizability(register, []porcupine.Operation{write, readNew}, time.Second)
	assert.Equal(t, Linearizable, v)
	v, _ = Linearizability(register, []porcupine.Operation{write, readOld}, time.Second)
	assert.Equal(t, NotLinearizable, v, "a read after the write returned must see it")
}
