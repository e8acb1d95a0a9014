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

// verdict is porcupine's verdict on h, as History.Recorded spells it.
func verdict(t *testing.T, h *History) string {
	t.Helper()
	res := porcupine.CheckOperationsTimeout(h.Model, h.Operations, 10*time.Second)
	require.NotEqual(t, porcupine.Unknown, res, "porcupine timed out on %s", h.File)
	if res == porcupine.Ok {
		return "ok"
	}
	return "not linearizable"
}

func parseLines(t *testing.T, text string) *History {
	t.Helper()
	h, err := Parse("h.txt", []byte(text))
	require.NoError(t, err)
	require.Equal(t, "lines", h.Format)
	return h
}

func TestLines_ReadsTheDocumentedExample(t *testing.T) {
	h := parseLines(t, `# lost update: two increments overlap, a later get sees one
model counter
verdict: not linearizable
A  0  3  inc()
B  1  2  inc()      # B's increment
A  4  5  get() -> 1
C  6  -  inc()
`)
	assert.Equal(t, "h", h.Title)
	assert.Equal(t, "not linearizable", h.Recorded)
	assert.Equal(t, []string{"A", "B", "C"}, h.Clients)
	require.Len(t, h.Operations, 4)
	get := h.Operations[2]
	assert.Equal(t, 0, get.ClientId)
	assert.Equal(t, int64(4), get.Call)
	assert.Equal(t, int64(5), get.Return)
	assert.Equal(t, 6, get.Metadata, "Metadata is the line")
	assert.Equal(t, "get() → 1", h.Model.DescribeOperation(get.Input, get.Output))
	assert.Equal(t, int64(math.MaxInt64), h.Operations[3].Return, "a pending call never returns")
	assert.Equal(t, "inc() (never returned)", h.Model.DescribeOperation(h.Operations[3].Input, h.Operations[3].Output))
	assert.Equal(t, "not linearizable", verdict(t, h))
}

func TestLines_TitleAndVerdictLines(t *testing.T) {
	h := parseLines(t, "model register 7\ntitle: config\nverdict: linearizable\nA 0 1 read() -> 7\n")
	assert.Equal(t, "config", h.Title)
	assert.Equal(t, "ok", h.Recorded)
	assert.Equal(t, "ok", verdict(t, h))
}

// Each model judges a small legal history ok and a small illegal one not
// linearizable, and explains the illegal call in its own words.
func TestLines_EachModelJudgesAndExplains(t *testing.T) {
	cases := []struct {
		model, ok, bad, explains string
	}{
		{"counter 5", "A 0 1 inc() -> 6\nA 2 3 add(3)\nB 4 5 get() -> 9", "A 0 1 inc()\nB 2 3 get() -> 5", "the model says get() → 6"},
		{"register", "A 0 1 write(x)\nB 0 2 cas(x, y) -> true\nA 3 4 read() -> y", "A 0 1 cas(0, 1) -> true\nB 2 3 cas(0, 2) -> true", "the model says cas(0, 2) → false"},
		{"queue", "A 0 1 enq(a)\nA 2 3 enq(b)\nB 4 5 deq() -> a\nB 6 7 deq() -> b\nB 8 9 deq() -> empty", "A 0 1 enq(a)\nA 2 3 enq(b)\nB 4 5 deq() -> b", "the model says deq() → a"},
		{"stack", "A 0 1 push(1)\nA 2 3 push(2)\nB 4 5 pop() -> 2", "A 0 1 push(1)\nB 2 3 pop() -> empty", "the model says pop() → 1"},
		{"buffer 1", "A 0 5 take() -> 4\nB 1 2 put(4)\nB 3 4 put(5)\nC 6 - put(6)", "A 0 1 put(4)\nB 2 3 put(5)", "put(5) would still be waiting"},
		{"semaphore 1", "A 0 1 acquire()\nB 2 - acquire()\nC 3 4 tryAcquire() -> false", "A 0 1 acquire()\nB 2 3 tryAcquire() -> true", "the model says tryAcquire() → false"},
		{"mailbox", "A 0 1 send(A, a1)\nB 2 3 send(B, b1)\nA 4 5 send(A, a2)\nR 6 7 recv() -> b1\nR 8 9 recv() -> a1", "A 0 1 send(A, a1)\nA 2 3 send(A, a2)\nR 4 5 recv() -> a2", "a2 is not the oldest message from A"},
	}
	for _, c := range cases {
		t.Run(c.model, func(t *testing.T) {
			ok := parseLines(t, "model "+c.model+"\n"+c.ok+"\n")
			assert.Equal(t, "ok", verdict(t, ok))
			bad := parseLines(t, "model "+c.model+"\n"+c.bad+"\n")
			assert.Equal(t, "not linearizable", verdict(t, bad))
			// The explanation of the last call, in the state the calls
			// before it leave (they are sequential in every bad history).
			state := bad.Model.Init()
			last := len(bad.Operations) - 1
			for _, op := range bad.Operations[:last] {
				var legal bool
				legal, state = bad.Model.Step(state, op.Input, op.Output)
				require.True(t, legal)
			}
			op := bad.Operations[last]
			legal, _ := bad.Model.Step(state, op.Input, op.Output)
			require.False(t, legal)
			assert.Contains(t, bad.Explain(state, op.Input, op.Output), c.explains)
		})
	}
}

// A pending call that can wait is still waiting at the end: a take that
// sleeps while its item sits in the buffer is a lost wakeup, and the
// explanation names the call that should have woken it.
func TestLines_APendingWaitMustStillWaitAtTheEnd(t *testing.T) {
	lost := parseLines(t, "model buffer 1\nB 0 - take()\nA 1 2 put(7)\n")
	assert.Equal(t, "not linearizable", verdict(t, lost))
	woken := parseLines(t, "model buffer 1\nB 0 - take()\nA 1 2 put(7)\nC 3 4 take() -> 7\n")
	assert.Equal(t, "ok", verdict(t, woken), "another take got the item: B may still wait")

	m := lost.Model
	take, put := lost.Operations[0], lost.Operations[1]
	ok, s := m.Step(m.Init(), take.Input, take.Output)
	require.True(t, ok)
	assert.Contains(t, m.DescribeState(s), "still waiting: take() (line 2)")
	ok, _ = m.Step(s, put.Input, put.Output)
	require.False(t, ok)
	assert.Contains(t, lost.Explain(s, put.Input, put.Output), "take() (line 2), still waiting at the end, would not wait there")
	ok, s = m.Step(m.Init(), put.Input, put.Output)
	require.True(t, ok)
	assert.Contains(t, lost.Explain(s, take.Input, take.Output), "would not wait in state [7]")

	// A call that cannot wait may have taken effect, or not.
	maybe := parseLines(t, "model register\nA 0 - write(1)\nB 1 2 read() -> 1\nB 3 4 read() -> 1\n")
	assert.Equal(t, "ok", verdict(t, maybe))
	never := parseLines(t, "model register\nA 0 - write(1)\nB 1 2 read() -> 0\n")
	assert.Equal(t, "ok", verdict(t, never))
	sent := parseLines(t, "model mailbox\nA 0 - send(A, a1)\nR 1 2 recv() -> a1\n")
	assert.Equal(t, "ok", verdict(t, sent), "a send that never returned may have queued its message")
	received := parseLines(t, "model mailbox\nA 0 1 send(A, a1)\nR 2 - recv()\nQ 3 4 recv() -> a1\n")
	assert.Equal(t, "ok", verdict(t, received), "a recv that never returned took nothing")
}

func TestLines_ErrorsNameTheFileTheLineAndTheProblem(t *testing.T) {
	cases := []struct{ text, want string }{
		{"model counter\n\n# deposits\nA 0 1 inc()\nA 2 3 inc()\nB 0 9 get() -> 2\nA 4 5 withdraw(3)\n",
			`bank.txt:7: unknown operation "withdraw" for model counter; known: inc, add, get`},
		{"model bank\n", `bank.txt:1: unknown model "bank"; known: counter, register, queue, stack, buffer, semaphore, mailbox`},
		{"A 0 1 inc()\n", `bank.txt:1: "A 0 1 inc()" before the model line`},
		{"model buffer\n", `bank.txt:1: model buffer needs its capacity, such as "model buffer 2"`},
		{"model buffer x\n", `bank.txt:1: model buffer: capacity "x": want a whole number from 1 to 1000`},
		{"model stack 3\n", `bank.txt:1: model stack takes no argument, got "3"`},
		{"model counter\nmodel counter\n", "bank.txt:2: a second model line"},
		{"model counter\nA 0 1\n", `bank.txt:2: "A 0 1": a call line is CLIENT CALL RETURN OPERATION`},
		{"model counter\nA x 1 inc()\n", `bank.txt:2: call time "x": want a whole number from 0`},
		{"model counter\nA 0 y inc()\n", `bank.txt:2: return time "y": want a whole number from 0, or - for a call that never returned`},
		{"model counter\nA 5 4 inc()\n", "bank.txt:2: returns at 4, before its call at 5"},
		{"model counter\nA 0 1 get\n", `bank.txt:2: "get": write the operation as name(arguments) -> result`},
		{"model counter\nA 0 1 get()\n", "bank.txt:2: get needs its result: write it as get() -> 2"},
		{"model counter\nA 0 1 add()\n", "bank.txt:2: add takes 1 argument(s), got 0"},
		{"model counter\nA 0 1 add(x)\n", `bank.txt:2: add: amount "x": want a whole number`},
		{"model counter\nA 0 1 get() -> many\n", `bank.txt:2: get: result "many": want a whole number`},
		{"model counter\nA 0 - get() -> 1\n", "bank.txt:2: a call that never returned has no result"},
		{"model register\nA 0 1 write(1) -> 1\n", `bank.txt:2: write returns nothing: drop "-> 1"`},
		{"model register\nA 0 1 cas(1, 2) -> yes\n", `bank.txt:2: cas: result "yes": want true or false`},
		{"model register\nA 0 1 read() -> two words\n", `bank.txt:2: read: result "two words": want one value`},
		{"model counter\nA 0 3 inc()\nA 2 4 inc()\n", "bank.txt:3: client A calls at 2, before its call on line 2 returned at 3: a client waits for each call"},
		{"model counter\nA 0 - inc()\nA 2 4 inc()\n", "bank.txt:3: client A calls again, but its call on line 2 never returned"},
		{"model counter\nverdict: maybe\n", `bank.txt:2: verdict "maybe": want "linearizable" or "not linearizable"`},
		{"model counter\n# nothing\n", `bank.txt: no calls: write one line per call, such as "A 0 1 inc(), or inc() -> 2"`},
		{"model semaphore 1\nA 0 1 acquire() -> false\n", "bank.txt:2: acquire: result \"false\": an acquire that returns holds a permit"},
	}
	for _, c := range cases {
		_, err := readLines("bank.txt", []byte(c.text))
		if assert.Error(t, err, c.text) {
			assert.Contains(t, err.Error(), c.want, c.text)
		}
	}
}

func TestLines_SniffsOnlyAModelLine(t *testing.T) {
	assert.True(t, sniffLines("x", []byte("# a comment\n\n  model counter\n")))
	assert.False(t, sniffLines("x.txt", []byte(`{:process 0, :type :invoke, :f :get, :key "1", :value nil}`)))
	assert.False(t, sniffLines("x.json", []byte(`{"weftHistoryFormat": 1}`)))
	assert.False(t, sniffLines("x", []byte("models counter\n")))
	_, err := Parse("x.txt", []byte("counter\nA 0 1 inc()\n"))
	assert.ErrorIs(t, err, ErrUnknownFormat)
}

// FuzzLines: no input panics or hangs the reader or the model it builds;
// every rejection names the file; an accepted history has a call per
// operation whose description the model can give.
func FuzzLines(f *testing.F) {
	for _, seed := range []string{
		"model counter\nA 0 3 inc()\nB 1 2 inc() -> 2\nA 4 5 get() -> 1\nC 6 - add(2)\n",
		"model register x\nverdict: ok\nA 0 1 write(y)\nB 0 2 cas(y, z) -> true\nA 3 4 read() -> z\n",
		"model queue\nA 0 1 enq(a)\nB 2 3 deq() -> empty\n",
		"model stack\nA 0 1 push(1)\nB 1 2 pop() -> 1\nB 3 4 pop() -> empty\n",
		"model buffer 1\nB 0 - take()\nA 1 2 put(7)\nA 3 - put(8)\n",
		"model semaphore 2\nA 0 1 acquire()\nB 0 1 acquire() -> true\nC 2 3 tryAcquire() -> false\nA 4 5 release()\n",
		"model mailbox\nA 0 1 send(A, a1)\nR 2 3 recv() -> a1\nR 4 pending recv()\n",
		"title: t\n# c\nmodel counter 3 # c\r\nA\t0\t1\tget() → 3\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := readLines("f.txt", data)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "f.txt"), err.Error())
			return
		}
		require.NotEmpty(t, h.Operations)
		state := h.Model.Init()
		for _, op := range h.Operations {
			require.Less(t, op.ClientId, len(h.Clients))
			require.NotEmpty(t, h.Model.DescribeOperation(op.Input, op.Output))
			require.NotEmpty(t, h.Explain(state, op.Input, op.Output))
			if ok, next := h.Model.Step(state, op.Input, op.Output); ok {
				state = next
			}
			require.NotEmpty(t, h.Model.DescribeState(state))
		}
		if len(h.Operations) <= 12 {
			porcupine.CheckOperationsTimeout(h.Model, h.Operations, time.Second)
		}
	})
}

// An arrow inside an argument is part of the value, not a result.
func TestLines_AnArrowInAnArgumentIsAValue(t *testing.T) {
	h := parseLines(t, "model register\nA 0 1 write(->)\nA 2 3 read() -> ->\n")
	assert.Equal(t, "ok", verdict(t, h))
	_, err := Parse("h.txt", []byte("model register\nA 0 1 read() ->\n"))
	assert.ErrorContains(t, err, `h.txt:2: read: result "": want one value`)
}
