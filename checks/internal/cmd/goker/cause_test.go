package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/gobench holds synthetic kernels in GoKer's layout, written for
// these tests: no GoKer kernel is in the repository.
func synthetic(t *testing.T) map[string]*kernel {
	t.Helper()
	ks, err := kernels(filepath.Join("testdata", "gobench"))
	require.NoError(t, err)
	byName := map[string]*kernel{}
	var names []string
	for _, k := range ks {
		byName[k.name] = k
		names = append(names, k.name)
	}
	// etcd4 does not compile: a project outside the four is never listed.
	require.Equal(t, []string{"cockroach2", "moby1", "moby2", "istio3"}, names, "blocking first, then by project")
	return byName
}

func TestKernels_RefusesAFolderThatIsNotGoBench(t *testing.T) {
	_, err := kernels(t.TempDir())
	assert.ErrorContains(t, err, "no gobench/goker folder")
}

func TestParseCause(t *testing.T) {
	ks := synthetic(t)

	moby := ks["moby1"]
	assert.Equal(t, "Resource Deadlock / Double locking", moby.class)
	assert.True(t, moby.blocking)
	assert.Equal(t, "TestMoby1", moby.test)
	assert.Equal(t, "text", moby.cause.from)
	require.Len(t, moby.cause.gs, 1)
	assert.Equal(t, []int{16}, moby.cause.gs[0].lines)
	assert.Equal(t, []string{"(*store).add"}, moby.cause.gs[0].funcs, "the function that holds the line named")

	cr := ks["cockroach2"]
	assert.Equal(t, "diagram", cr.cause.from)
	require.Len(t, cr.cause.gs, 1, "only G2 leaks")
	assert.Equal(t, []string{"out <- i"}, cr.cause.gs[0].ops, "G2's last operation, by its column")

	istio := ks["istio3"]
	assert.False(t, istio.blocking)
	assert.Equal(t, "backtrace", istio.cause.from)
	require.Len(t, istio.cause.gs, 1, "both accesses are at line 10; the goroutine's creation is not an access")
	assert.Equal(t, []int{10}, istio.cause.gs[0].lines)
}

func TestParseCause_ShiftsStaleBacktraceLines(t *testing.T) {
	k := synthetic(t)["istio3"]
	readme := "goroutine 1 [running]:\nx.(*counter).inc()\n\t/r/istio3_test.go:7 +0x1\nx.TestIstio3.func1()\n\t/r/istio3_test.go:16 +0x1\n"
	c := parseCause(readme, k)
	require.Len(t, c.gs, 1)
	assert.Equal(t, []int{10}, c.gs[0].lines, "the file gained 3 lines since the backtrace")

	// No shift puts the frames back in their functions: only the function
	// is known.
	readme = "goroutine 1 [running]:\nx.(*counter).inc()\n\t/r/istio3_test.go:7 +0x1\nx.TestIstio3.func1()\n\t/r/istio3_test.go:30 +0x1\n"
	c = parseCause(readme, k)
	require.Len(t, c.gs, 1)
	assert.Empty(t, c.gs[0].lines)
	assert.Equal(t, []string{"(*counter).inc"}, c.gs[0].funcs)
}

// A deadlock report as weft prints it, trimmed: the program waits at line
// 31 of moby1, the goroutine in (*store).add at line 14.
const mobyReport = `weft: deadlock: moby1

Where main waits:
    goker/moby1.TestMoby1(...)
    	/tmp/s/moby1/moby1_test.go:31
    goker/moby1.TestWeftGoker.func1(...)
    	/tmp/s/moby1/weft_goker_test.go:20

Where goroutine 1 (started by main) waits:
    goker/moby1.(*store).add(...)
    	/tmp/s/moby1/moby1_test.go:14
    goker/moby1.TestMoby1.func1(...)
    	/tmp/s/moby1/moby1_test.go:27
    created by github.com/weftlab/weft/checks/internal/engine.(*Controller).newGoroutine
    	/w/checks/internal/engine/control.go:241
`

func TestStackSites(t *testing.T) {
	sites := stackSites(mobyReport, "moby1_test.go")
	require.Len(t, sites, 2)
	assert.Equal(t, 31, sites[0].line)
	assert.Equal(t, "TestMoby1", sites[0].fn)
	assert.Equal(t, 14, sites[1].line)
	assert.Equal(t, "(*store).add", sites[1].fn)
	assert.Equal(t, []string{"(*store).add", "TestMoby1.func1"}, sites[1].funcs)
	assert.Equal(t, []int{14, 27}, sites[1].lines)
}

func TestCheck(t *testing.T) {
	ks := synthetic(t)
	moby := ks["moby1"]
	assert.Equal(t, 1, moby.cause.check(stackSites(mobyReport, moby.file), moby),
		"the goroutine waits in the function whose missing unlock the README names")
	onlyMain := stackSites(mobyReport, moby.file)[:1]
	assert.Equal(t, 0, moby.cause.check(onlyMain, moby), "the program's own wait is not the documented cause")

	cr := ks["cockroach2"]
	leak := "Leak: goroutine 1 was still alive:\n    goker/cockroach2.producer(...)\n    \t/tmp/s/cockroach2/cockroach2_test.go:7\n"
	assert.Equal(t, 1, cr.cause.check(stackSites(leak, cr.file), cr), "line 7 holds the diagram's out <- i")
	elsewhere := "Leak: goroutine 1 was still alive:\n    goker/cockroach2.TestCockroach2(...)\n    \t/tmp/s/cockroach2/cockroach2_test.go:14\n"
	assert.Equal(t, 0, cr.cause.check(stackSites(elsewhere, cr.file), cr), "a leak elsewhere is no detection")
}

// A README names a call by the variable of the function it describes, a
// report by the variable of the goroutine blocked there: the same type of
// the kernel makes them the same call, a type of the standard library does
// not.
func TestCheck_CallOfTheSameKernelType(t *testing.T) {
	k := synthetic(t)["moby2"]
	require.Equal(t, "text", k.cause.from)
	require.Len(t, k.cause.gs, 1)
	g := k.cause.gs[0]
	require.Equal(t, []string{"devices.Lock()"}, g.ops)
	at := func(line int) site {
		return site{line: line, fn: "TestMoby2.func1", funcs: []string{"TestMoby2.func1"}, lines: []int{line}}
	}
	require.Equal(t, "\t\tds.Lock()", k.line(32))

	assert.True(t, g.matches(at(32), k), "ds and devices are both *deviceSet")
	assert.False(t, g.matches(at(33), k), "p is a *pool, another type of the kernel")
	assert.False(t, g.matches(at(34), k), "mu is a sync.Mutex")
	assert.False(t, docGoroutine{ops: []string{"devices.Unlock()"}}.matches(at(32), k), "another method")
	assert.False(t, docGoroutine{ops: []string{"lk.Lock()"}}.matches(at(34), k),
		"lk and mu are both sync.Mutex: a lock of the standard library would match any lock anywhere")

	// Without types (a file that does not type-check), text alone.
	k.types = kernelTypes{}
	assert.False(t, g.matches(at(32), k))
}

func TestEnclosing(t *testing.T) {
	for in, want := range map[string]string{
		"TestX.func2":                 "TestX",
		"(*S).run.func1.2":            "(*S).run",
		"TestX.gowrap1":               "TestX",
		"(*callbackRecorder).cb-fm":   "(*callbackRecorder).cb",
		"(*Replica).maybeCoalesceHea": "(*Replica).maybeCoalesceHea",
	} {
		assert.Equal(t, want, enclosing(in), in)
	}
	assert.Equal(t, "(*Stopper).Stop", funcName("goker/cockroach1055.(*Stopper).Stop(0xc00001a750)"))
	assert.Equal(t, "TestX.func1", funcName("command-line-arguments.TestX.func1()"))
}

func TestPrefixTokens(t *testing.T) {
	assert.True(t, prefixTokens("result<-", "\t\tresults <- true"), "a README's abbreviation")
	assert.False(t, prefixTokens("result<-", "<-results"), "a receive is not the send named")
	assert.False(t, prefixTokens("c.Lock()", "c.mu.Lock()"), "tokens must be adjacent")
	assert.False(t, prefixTokens("Lock", "c.Lock()"), "one token says too little")
}

func TestStatement_OfASelectIsTheWholeSelect(t *testing.T) {
	k := &kernel{src: []string{"func f() {", "\tselect {", "\tcase w.Events <- e:", "\tcase <-done:", "\t}", "\tx()", "}"}}
	assert.Equal(t, "\tselect {\n\tcase w.Events <- e:\n\tcase <-done:\n\t}\n", k.statement(2))
	assert.Equal(t, "\tx()", k.statement(6))
	g := docGoroutine{ops: []string{"w.Events <- e"}}
	assert.True(t, g.matches(site{line: 2}, k), "a goroutine stands at the select whose case the README names")
	assert.False(t, g.matches(site{line: 6}, k))
}
