package engine_test

import (
	stdsync "sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/checks/sched/sync"
)

// recorder is a Scheduler that remembers the kinds of the points it sees.
type recorder struct {
	mu     stdsync.Mutex
	points []engine.Point
	gos    int
}

func (r *recorder) At(p engine.Point) {
	r.mu.Lock()
	r.points = append(r.points, p)
	r.mu.Unlock()
}

func (r *recorder) Go(fn func()) {
	r.mu.Lock()
	r.gos++
	r.mu.Unlock()
	go fn()
}

func (r *recorder) kinds() []engine.Kind {
	r.mu.Lock()
	defer r.mu.Unlock()
	ks := make([]engine.Kind, len(r.points))
	for i, p := range r.points {
		ks[i] = p.Kind
	}
	return ks
}

func install(t *testing.T, s engine.Scheduler) {
	t.Helper()
	uninstall, err := engine.Install(s)
	require.NoError(t, err)
	t.Cleanup(uninstall)
}

func TestInstall_OneAtATime(t *testing.T) {
	require.False(t, engine.Installed())
	uninstall, err := engine.Install(&recorder{})
	require.NoError(t, err)
	assert.True(t, engine.Installed())

	_, err = engine.Install(&recorder{})
	assert.ErrorIs(t, err, engine.ErrInstalled)

	uninstall()
	assert.False(t, engine.Installed())
	uninstall() // a second call is harmless
	_, err = engine.Install(nil)
	assert.Error(t, err)
}

func TestPoints_EachShimOperationReachesItsPoint(t *testing.T) {
	var (
		mu   sync.Mutex
		rw   sync.RWMutex
		wg   sync.WaitGroup
		once sync.Once
		i64  atomic.Int64
		ptr  atomic.Pointer[int]
		b    atomic.Bool
		ch   = sched.NewChan[int](1)
	)
	cases := []struct {
		name string
		op   func()
		want []engine.Kind
	}{
		{"Mutex", func() { mu.Lock(); mu.Unlock() }, []engine.Kind{engine.MutexLock, engine.MutexUnlock}},
		{"Mutex.TryLock", func() { mu.TryLock(); mu.Unlock() }, []engine.Kind{engine.MutexTryLock, engine.MutexUnlock}},
		{"RWMutex", func() { rw.Lock(); rw.Unlock() }, []engine.Kind{engine.RWLock, engine.RWUnlock}},
		{"RWMutex.R", func() { rw.RLock(); rw.RUnlock() }, []engine.Kind{engine.RLock, engine.RUnlock}},
		{"RWMutex.Try", func() { rw.TryLock(); rw.Unlock(); rw.TryRLock(); rw.RUnlock() },
			[]engine.Kind{engine.RWTryLock, engine.RWUnlock, engine.RTryLock, engine.RUnlock}},
		{"RLocker", func() { l := rw.RLocker(); l.Lock(); l.Unlock() }, []engine.Kind{engine.RLock, engine.RUnlock}},
		{"WaitGroup", func() { wg.Add(1); wg.Done(); wg.Wait() },
			[]engine.Kind{engine.WaitGroupAdd, engine.WaitGroupAdd, engine.WaitGroupWait}},
		// The first Do takes the Once's mutex, as sync.Once's slow path does.
		{"Once", func() { once.Do(func() {}); once.Do(func() {}) },
			[]engine.Kind{engine.OnceDo, engine.MutexLock, engine.MutexUnlock, engine.OnceDo}},
		{"Int64", func() { i64.Store(1); i64.Add(1); i64.Swap(3); i64.CompareAndSwap(3, 4); i64.Load() },
			[]engine.Kind{engine.AtomicStore, engine.AtomicAdd, engine.AtomicSwap, engine.AtomicCAS, engine.AtomicLoad}},
		{"Pointer", func() { ptr.Store(new(int)); ptr.Load() }, []engine.Kind{engine.AtomicStore, engine.AtomicLoad}},
		{"Bool", func() { b.CompareAndSwap(false, true) }, []engine.Kind{engine.AtomicCAS}},
		{"Chan", func() { ch.Send(1); ch.Recv() }, []engine.Kind{engine.ChanSend, engine.ChanRecv}},
		{"Select", func() { sched.Select(ch.RecvCase(nil, nil), sched.Default()) }, []engine.Kind{engine.ChanSelect}},
		{"Sleep", func() { sched.Sleep(0) }, []engine.Kind{engine.TimeSleep}},
		{"Yield", sched.Yield, []engine.Kind{engine.ExplicitYield}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			install(t, r)
			tc.op()
			assert.Equal(t, tc.want, r.kinds())
		})
	}
}

func TestPoints_ObjIdentifiesTheObject(t *testing.T) {
	r := &recorder{}
	install(t, r)
	var a, b sync.Mutex
	a.Lock()
	b.Lock()
	require.Len(t, r.points, 2)
	assert.Same(t, &a, r.points[0].Obj)
	assert.Same(t, &b, r.points[1].Obj)
}

func TestPoints_AChannelIsOneObject(t *testing.T) {
	r := &recorder{}
	install(t, r)
	a, b := sched.NewChan[int](1), sched.NewChan[int](1)
	a.Send(1)
	a.Recv()
	b.Send(1)
	a.Close()
	require.Len(t, r.points, 4)
	assert.Equal(t, r.points[0].Obj, r.points[1].Obj)
	assert.Equal(t, r.points[0].Obj, r.points[3].Obj)
	assert.NotEqual(t, r.points[0].Obj, r.points[2].Obj)
}

func TestGo_GoesThroughTheScheduler(t *testing.T) {
	r := &recorder{}
	install(t, r)
	done := make(chan struct{})
	sched.Go(func() { close(done) })
	<-done
	assert.Equal(t, 1, r.gos)
	assert.Equal(t, []engine.Kind{engine.GoStart}, r.kinds())
}

func TestGo_WithoutScheduler(t *testing.T) {
	done := make(chan struct{})
	sched.Go(func() { close(done) })
	<-done
}

func TestKind_String(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range engine.Kinds() {
		s := k.String()
		assert.NotEqual(t, "unknown-point", s, "kind %d has no name", k)
		assert.False(t, seen[s], "name %q used twice", s)
		seen[s] = true
	}
	assert.Equal(t, "unknown-point", engine.Kind(200).String())
}

func TestMutex_ExcludesAndRacesNothing(t *testing.T) {
	var mu sync.Mutex
	n := 0
	var wg stdsync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				mu.Lock()
				n++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 4000, n)
}

func TestWaitGroup_Go(t *testing.T) {
	var wg sync.WaitGroup
	var n atomic.Int64
	for range 5 {
		wg.Go(func() { n.Add(1) })
	}
	wg.Wait()
	assert.Equal(t, int64(5), n.Load())
}
