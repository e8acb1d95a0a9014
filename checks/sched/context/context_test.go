package context_test

import (
	stdcontext "context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/context"
)

func done(ctx context.Context) bool {
	return sched.Select(ctx.Done().RecvCase(nil, nil), sched.Default()) == 0
}

func TestContext_CancelReachesChildren(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(context.WithValue(parent, "k", 1))
	defer cancelChild()
	assert.False(t, done(parent))
	assert.False(t, done(child))
	assert.NoError(t, child.Err())

	cancel()
	assert.True(t, done(parent))
	assert.True(t, done(child))
	assert.True(t, errors.Is(child.Err(), stdcontext.Canceled))
	assert.Equal(t, 1, child.Value("k"))

	late, cancelLate := context.WithCancel(parent)
	defer cancelLate()
	assert.True(t, done(late), "a child of a canceled context starts canceled")
}

func TestContext_Timeout(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	dl, ok := ctx.Deadline()
	require.True(t, ok)
	assert.WithinDuration(t, time.Now().Add(10*time.Millisecond), dl, time.Second)
	ctx.Done().Recv()
	assert.True(t, errors.Is(ctx.Err(), stdcontext.DeadlineExceeded))

	past, cancelPast := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancelPast()
	assert.True(t, done(past))
	assert.Equal(t, context.DeadlineExceeded, past.Err())
}

func TestContext_Background(t *testing.T) {
	assert.Nil(t, context.Background().Done(), "a nil channel: its case never fires")
	assert.NoError(t, context.TODO().Err())
	_, ok := context.Background().Deadline()
	assert.False(t, ok)
}

func TestContext_Cause(t *testing.T) {
	why := errors.New("why")
	parent, cancel := context.WithCancelCause(context.Background())
	child := context.WithValue(parent, "k", 1)
	grand, cancelGrand := context.WithCancel(child)
	defer cancelGrand()
	assert.NoError(t, context.Cause(grand))

	cancel(why)
	assert.Equal(t, context.Canceled, grand.Err())
	assert.Equal(t, why, context.Cause(grand), "the cause reaches the descendants")
	assert.Equal(t, why, context.Cause(child))

	plain, cancelPlain := context.WithCancel(context.Background())
	cancelPlain()
	assert.Equal(t, context.Canceled, context.Cause(plain), "no cause given: Err")

	late, cancelLate := context.WithTimeoutCause(context.Background(), -time.Second, why)
	defer cancelLate()
	assert.Equal(t, context.DeadlineExceeded, late.Err())
	assert.Equal(t, why, context.Cause(late))
}
