package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// dump is what runtime.Stack(all) prints, cut down.
const dump = `goroutine 7 [chan receive]:
github.com/weftlab/weft/checks/internal/engine.(*Controller).turn(0xc000120000, 0xc000130000)
	/w/checks/internal/engine/control.go:330 +0x45
github.com/weftlab/weft/checks/internal/engine.(*Controller).run(0xc000120000, 0xc000130000, 0xc000140000)
	/w/checks/internal/engine/control.go:241 +0x8a
created by github.com/weftlab/weft/checks/internal/engine.(*Controller).newGoroutine in goroutine 6
	/w/checks/internal/engine/control.go:230 +0x21f

goroutine 8 [chan send, 2 minutes]:
example.com/q.(*Q).Put(0xc000150000, {0x1?})
	/src/q/q.go:257 +0x19
github.com/weftlab/weft/checks.invoke({...})
	/w/checks/execute.go:240 +0xb3

goroutine 9 [running]:
example.com/q.spin()
	/src/q/q.go:30 +0x19

goroutine 10 [sync.Mutex.Lock]:
internal/sync.runtime_SemacquireMutex(0x8b4f80?, 0x80?, 0xaf07e03aac8?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
internal/sync.(*Mutex).lockSlow(0xaf07dff2b48)
	/usr/local/go/src/internal/sync/mutex.go:149 +0x15d
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
example.com/q.(*Q).Get.func1()
	/src/q/q.go:61 +0x2d
`

func TestBlockedAt_OnlyAProgramParkedInAPrimitive(t *testing.T) {
	_, ok := blockedAt(dump, 7)
	assert.False(t, ok, "weft's own wait for a turn")
	o, ok := blockedAt(dump, 8)
	if assert.True(t, ok) {
		assert.Equal(t, "a plain channel send", o.what)
		assert.Equal(t, "q.go:257 (q.(*Q).Put)", o.frame)
	}
	_, ok = blockedAt(dump, 9)
	assert.False(t, ok, "a goroutine that computes")
	o, ok = blockedAt(dump, 10)
	if assert.True(t, ok) {
		assert.Equal(t, "a standard sync.Mutex lock", o.what)
		assert.Equal(t, "q.go:61 (q.(*Q).Get.func1)", o.frame)
	}
	_, ok = blockedAt(dump, 1)
	assert.False(t, ok, "a goroutine that is gone")
}
