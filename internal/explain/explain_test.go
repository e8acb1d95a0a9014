package explain

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/hist"
	"github.com/weftlab/weft/models"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata with the output")

// fromModel builds a history of weft model m's calls, as the readers do:
// porcupine's model, the model's explanation of a rejection, and, for a
// partitioned model, its parts by key in sorted order.
func fromModel[S any, I any, O comparable](t *testing.T, m models.Model[S, I, O], title string, clients []string, calls []call[I, O]) *hist.History {
	b, err := m.Behaviour()
	require.NoError(t, err)
	h := &hist.History{
		File: title + ".txt", Format: "test", Title: title, Clients: clients,
		Model: porcupine.Model{
			Init:              b.Init,
			Step:              func(s, in, out any) (bool, any) { return b.Step(s, in.(I), out.(O)) },
			Equal:             b.Equal,
			DescribeOperation: func(in, out any) string { return b.DescribeOperation(in.(I), out.(O)) },
			DescribeState:     b.DescribeState,
		},
		Explain: func(s, in, out any) string { return b.Explain(s, in.(I), out.(O)) },
	}
	if b.PartitionKey != nil {
		key := func(in any) string { return b.PartitionKey(in.(I)) }
		h.PartName = func(in any) string { return fmt.Sprintf("key %q", key(in)) }
		h.Model.Partition = func(ops []porcupine.Operation) [][]porcupine.Operation {
			var keys []string
			byKey := map[string][]porcupine.Operation{}
			for _, op := range ops {
				k := key(op.Input)
				if byKey[k] == nil {
					keys = append(keys, k)
				}
				byKey[k] = append(byKey[k], op)
			}
			slices.Sort(keys)
			var parts [][]porcupine.Operation
			for _, k := range keys {
				parts = append(parts, byKey[k])
			}
			return parts
		}
	}
	for _, c := range calls {
		h.Operations = append(h.Operations, porcupine.Operation{ClientId: c.client, Input: c.in, Output: c.out, Call: c.call, Return: c.ret})
	}
	return h
}

// A call is one operation of a hand-built history.
type call[I any, O comparable] struct {
	client    int
	in        I
	out       O
	call, ret int64
}

func load(client int, v int, c, r int64) call[models.RegisterInput, models.RegisterOutput] {
	return call[models.RegisterInput, models.RegisterOutput]{client, models.RegisterInput{Op: models.RegisterLoad}, models.RegisterOutput{Value: v}, c, r}
}

func store(client int, v int, c, r int64) call[models.RegisterInput, models.RegisterOutput] {
	return call[models.RegisterInput, models.RegisterOutput]{client, models.RegisterInput{Op: models.RegisterStore, Value: v}, models.RegisterOutput{}, c, r}
}

func inc(client int, key string, c, r int64) call[models.CounterInput, models.CounterOutput] {
	return call[models.CounterInput, models.CounterOutput]{client, models.CounterInput{Op: models.CounterInc, Key: key}, models.CounterOutput{}, c, r}
}

func get(client int, key string, v int, c, r int64) call[models.CounterInput, models.CounterOutput] {
	return call[models.CounterInput, models.CounterOutput]{client, models.CounterInput{Op: models.CounterGet, Key: key}, models.CounterOutput{Value: v}, c, r}
}

var twoClients = []string{"client A", "client B"}

// handBuilt are the histories the golden tests pin, each with its verdict.
func handBuilt(t *testing.T) []struct {
	name    string
	h       *hist.History
	verdict string
} {
	reg := func(title string, calls ...call[models.RegisterInput, models.RegisterOutput]) *hist.History {
		return fromModel(t, models.Register, title, twoClients, calls)
	}
	ctr := func(title string, calls ...call[models.CounterInput, models.CounterOutput]) *hist.History {
		return fromModel(t, models.Counter, title, []string{"client A", "client B", "init, post"}, calls)
	}
	plain := reg("register", store(0, 1, 0, 2), load(1, 0, 3, 4))
	plain.Explain = nil // the text says what the model does not allow
	unjudgeable := reg("register", store(0, 1, 0, 2), load(1, 1, 1, math.MaxInt64))
	unjudgeable.Unjudgeable = `calls panicked or never returned, and model "register" cannot say what such a call did`
	return []struct {
		name    string
		h       *hist.History
		verdict string
	}{
		// A stale read: B reads 0 after A's store of 1 returned.
		{"stale-read", reg("register", store(0, 1, 0, 2), load(1, 1, 1, 3), load(1, 0, 4, 5), store(0, 2, 6, 7)), NotLinearizable},
		// The same read overlapping the store: it may come first.
		{"stale-read-twin", reg("register", store(0, 1, 0, 4), load(1, 0, 1, 3), load(1, 1, 5, 6)), Linearizable},
		// A read that no store explains: stuck at once.
		{"stuck-first", reg("register", load(0, 7, 0, 1), store(1, 7, 2, 3)), NotLinearizable},
		// Points that touch, and a call that never returned.
		{"shared-point", reg("register", store(0, 1, 0, 5), load(1, 1, 5, 5), store(0, 2, 6, math.MaxInt64)), Linearizable},
		// Calls that leave no room between them share a point.
		{"forced-tie", reg("register", store(0, 1, 3, 3), load(1, 1, 3, 3), load(0, 1, 4, 9)), Linearizable},
		// A lost update on key x, key y fine: x's part comes first.
		{"lost-update", ctr("counter", inc(0, "y", 0, 1), inc(0, "x", 0, 3), inc(1, "x", 1, 4), get(2, "x", 1, 5, 6), get(2, "y", 1, 7, 8)), NotLinearizable},
		{"empty", reg("register"), Linearizable},
		{"unjudgeable", unjudgeable, Unknown},
		{"no-explain", plain, NotLinearizable},
	}
}

func TestExplain_Golden(t *testing.T) {
	for _, c := range handBuilt(t) {
		t.Run(c.name, func(t *testing.T) {
			e, err := Explain(c.h, 10*time.Second)
			require.NoError(t, err)
			assert.Equal(t, c.verdict, e.Verdict)
			require.NoError(t, e.Verify())
			var out bytes.Buffer
			require.NoError(t, e.WriteText(&out))
			golden(t, filepath.Join("testdata", c.name+".golden"), out.Bytes())
		})
	}
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(file, got, 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test -update to write it")
	assert.Equal(t, string(want), string(got))
}
