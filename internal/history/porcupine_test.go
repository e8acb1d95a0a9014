package history

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const etcdLog = `INFO  jepsen.util - 3	:invoke	:write	4
INFO  jepsen.util - 5	:invoke	:read	nil
INFO  jepsen.util - 3	:ok	:write	4
INFO  jepsen.util - 5	:ok	:read	4

INFO  jepsen.util - 7   :invoke :cas    [4 1]
INFO  jepsen.util - 5	:invoke	:read	nil
INFO  jepsen.util - 7	:info	:cas	:timed-out
INFO  jepsen.util - 5	:fail	:read	:timed-out
INFO  jepsen.util - 3	:invoke	:cas	[1 2]
INFO  jepsen.util - 3	:fail	:cas	[1 2]
`

func TestEtcd_ReadsCallsProcessesAndUnknownOutcomes(t *testing.T) {
	h, err := Parse("e.log", []byte(etcdLog))
	require.NoError(t, err)
	assert.Equal(t, "jepsen-etcd", h.Format)
	assert.Equal(t, []string{"process 3", "process 5", "process 7"}, h.Clients)
	assert.Empty(t, h.Recorded, "a Jepsen log records no verdict")
	var got []string
	for _, op := range h.Operations {
		got = append(got, h.Model.DescribeOperation(op.Input, op.Output))
	}
	assert.Equal(t, []string{"write(4)", "read() → 4", "cas(4, 1) → ? (timed out)", "read() → ? (timed out)", "cas(1, 2) → fail"}, got)
	assert.Equal(t, int64(1), h.Operations[0].Call)
	assert.Equal(t, int64(3), h.Operations[0].Return)
	assert.Equal(t, int64(math.MaxInt64), h.Operations[2].Return, "a timed-out cas may land any time after its call")
	assert.Equal(t, int64(9), h.Operations[3].Return, "a timed-out read returns nothing, at once")
	// The timed-out cas may have swapped 4 for 1 before the last cas, which
	// failed: both orders are possible, so the history is linearizable.
	assert.Equal(t, porcupine.Ok, porcupine.CheckOperationsTimeout(h.Model, h.Operations, time.Second))

	// A read of 2 after a write of 4, with nothing in between, is not.
	h, err = Parse("e.log", []byte(strings.Replace(etcdLog, ":ok	:read	4", ":ok	:read	2", 1)))
	require.NoError(t, err)
	assert.Equal(t, porcupine.Illegal, porcupine.CheckOperationsTimeout(h.Model, h.Operations, time.Second))
	assert.Equal(t, "the register holds 4, so read() returns 4", h.Explain(etcdState{Set: true, Value: 4}, h.Operations[1].Input, h.Operations[1].Output))
}

func TestEtcd_RejectsNamingFileLineAndProblem(t *testing.T) {
	const inv = "INFO  jepsen.util - 1\t:invoke\t:read\tnil\n"
	for name, c := range map[string]struct{ log, want string }{
		"not an event":         {inv + "INFO hello\n", "e.log:2: not a Jepsen event"},
		"unknown function":     {"INFO  jepsen.util - 1\t:invoke\t:delete\t3\n", "e.log:1: :invoke :delete 3 is not an event of the etcd register"},
		"bad value":            {inv + "INFO  jepsen.util - 1\t:ok\t:read\t-4\n", "e.log:2: :ok :read -4"},
		"bad cas":              {"INFO  jepsen.util - 1\t:invoke\t:cas\t[1]\n", "e.log:1: :invoke :cas [1]"},
		"bad process":          {"INFO  jepsen.util - x\t:invoke\t:read\tnil\n", "e.log:1: process"},
		"completes uninvoked":  {"INFO  jepsen.util - 1\t:ok\t:write\t3\n", "e.log:1: process 1 completes write, which it has not invoked"},
		"invokes twice":        {inv + inv, "e.log:2: process 1 invokes read while its call of line 1 has not completed"},
		"completes another op": {inv + "INFO  jepsen.util - 1\t:ok\t:write\t3\n", "e.log:2: process 1 completes write, but its call of line 1 is read"},
		"not Jepsen's":         {"INFO  \n", "e.log: not a history in any format"},
		"completes another":    {"INFO  jepsen.util - 1\t:invoke\t:write\t3\nINFO  jepsen.util - 1\t:ok\t:write\t4\n", "e.log:2: process 1 completes a call other than its call of line 1"},
	} {
		_, err := Parse("e.log", []byte(c.log))
		assert.ErrorContains(t, err, c.want, name)
	}
}

const kvLog = `{:process 0, :type :invoke, :f :put, :key "a", :value "x"}
{:process 1, :type :invoke, :f :append, :key "b", :value "y"}
{:process 0, :type :ok, :f :put, :key "a", :value "x"}
{:process 1, :type :info, :f :append, :key "b", :value "y"}
{:process 2, :type :invoke, :f :get, :key "a", :value nil}
{:process 2, :type :ok, :f :get, :key "a", :value "x"}
{:process 3, :type :invoke, :f :append, :key "a", :value "z"}
{:process 3, :type :fail, :f :append, :key "a", :value "z"}
{:process 2, :type :invoke, :f :get, :key "b", :value nil}
{:process 2, :type :ok, :f :get, :key "b", :value ""}
`

func TestKV_ReadsCallsDropsFailedOnesAndChecksKeysApart(t *testing.T) {
	h, err := Parse("k.txt", []byte(kvLog))
	require.NoError(t, err)
	assert.Equal(t, "porcupine-kv", h.Format)
	assert.Equal(t, []string{"process 0", "process 1", "process 2", "process 3"}, h.Clients)
	var got []string
	for _, op := range h.Operations {
		got = append(got, h.Model.DescribeOperation(op.Input, op.Output))
	}
	assert.Equal(t, []string{`put("a", "x")`, `append("b", "y")`, `get("a") → "x"`, `get("b") → ""`}, got, "the failed append is left out")
	assert.Equal(t, int64(math.MaxInt64), h.Operations[1].Return)
	assert.Len(t, h.Model.Partition(h.Operations), 2)
	assert.Equal(t, porcupine.Ok, porcupine.CheckOperationsTimeout(h.Model, h.Operations, time.Second))

	h, err = Parse("k.txt", []byte(strings.Replace(kvLog, `:ok, :f :get, :key "a", :value "x"`, `:ok, :f :get, :key "a", :value "xz"`, 1)))
	require.NoError(t, err)
	assert.Equal(t, porcupine.Illegal, porcupine.CheckOperationsTimeout(h.Model, h.Operations, time.Second),
		"the failed append did not take effect")
	assert.Equal(t, `key "a" holds "x", so get("a") returns "x"`, h.Explain("x", h.Operations[2].Input, h.Operations[2].Output))
}

func TestKV_RejectsNamingFileLineAndProblem(t *testing.T) {
	const inv = `{:process 1, :type :invoke, :f :get, :key "a", :value nil}` + "\n"
	for name, c := range map[string]struct{ log, want string }{
		"not an event":        {inv + "{:process 1}\n", "k.txt:2: not a key-value event"},
		"get with a value":    {`{:process 1, :type :invoke, :f :get, :key "a", :value "v"}`, "k.txt:1: an invocation of get with value"},
		"put without a value": {`{:process 1, :type :invoke, :f :put, :key "a", :value nil}`, "k.txt:1: an invocation of put with value nil"},
		"ok with nil":         {inv + `{:process 1, :type :ok, :f :get, :key "a", :value nil}`, "k.txt:2: get completes with value nil"},
		"completes uninvoked": {`{:process 1, :type :ok, :f :get, :key "a", :value ""}`, "k.txt:1: process 1 completes get, which it has not invoked"},
		"invokes twice":       {inv + inv, "k.txt:2: process 1 invokes get while"},
		"completes another":   {inv + `{:process 1, :type :ok, :f :get, :key "b", :value ""}`, "k.txt:2: process 1 completes a call other than its call of line 1"},
		"only failures":       {inv + `{:process 1, :type :fail, :f :get, :key "a", :value nil}`, "k.txt: no calls"},
	} {
		_, err := Parse("k.txt", []byte(c.log))
		assert.ErrorContains(t, err, c.want, name)
	}
}

func TestParse_NamesTheFormatsOfAFileInNone(t *testing.T) {
	_, err := Parse("x.txt", []byte("hello\n"))
	require.ErrorIs(t, err, ErrUnknownFormat)
	assert.Contains(t, err.Error(), "x.txt: ")
	assert.Subset(t, Formats(), []string{"jepsen-etcd", "porcupine-kv", "weft"})
}
