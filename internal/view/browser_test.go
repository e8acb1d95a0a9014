package view

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	stdsync "sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/hist"
)

// The browser tests open the page in headless Chromium, as a person would
// open it, and check what the browser shows after the page's script ran.
// CI installs chromium (.ci/run); only a machine without it skips them.

// TestMain closes the browser the tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	os.Exit(code)
}

// shared is the one Chromium the tests drive, started by the first test
// that needs it: starting it takes most of a browser test's time.
var shared struct {
	once   stdsync.Once
	ctx    context.Context
	cancel context.CancelFunc
	skip   string
	err    error
}

// browser returns a context that drives headless Chromium, in a tab of its
// own for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	shared.once.Do(func() {
		path := ""
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
		if path == "" {
			shared.skip = "no chromium binary on PATH (Debian: apt-get install chromium); .ci/run installs it"
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox refuses to start
			chromedp.WindowSize(1200, 900),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelBrowser := chromedp.NewContext(alloc)
		shared.ctx, shared.cancel = ctx, func() { cancelBrowser(); cancelAlloc() }
		// Start it now, in its first tab, so that each test's tab is a new
		// tab of the same browser.
		if err := chromedp.Do(ctx); err != nil {
			shared.err = err
		}
	})
	if shared.skip != "" {
		t.Skip(shared.skip)
	}
	require.NoError(t, shared.err, "chromium is installed but did not start")
	tab, cancelTab := chromedp.NewContext(shared.ctx)
	t.Cleanup(cancelTab)
	tab, cancel := context.WithTimeout(tab, 30*time.Second)
	t.Cleanup(cancel)
	return tab
}

// open writes h's page to a file and opens it in the browser.
func open(t *testing.T, ctx context.Context, h *hist.History) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "view.html")
	require.NoError(t, WriteFile(name, h, Check(h, time.Second), Options{}))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+name), chromedp.WaitReady("body")))
}

func TestBrowser_APersonSeesTheTitleTheClientsAndTheStuckCall(t *testing.T) {
	ctx := browser(t)
	h := lostUpdate()
	h.Operations = append(h.Operations, op(0, kvIn{strings.Repeat("a-very-long-key-", 8) + "end", "put", 1}, nil, 7, 8))
	inner := h.Model.DescribeOperation
	m := h.Model
	m.DescribeOperation = func(in, out any) string {
		if _, ok := in.(kvIn); ok {
			return kv.DescribeOperation(in, out)
		}
		return inner(in, out)
	}
	m.Step = func(state, in, out any) (bool, any) {
		if _, ok := in.(kvIn); ok {
			return true, state
		}
		return counter.Step(state, in, out)
	}
	h.Model = m
	open(t, ctx, h)

	title, err := chromedp.Run(ctx, chromedp.Title())
	require.NoError(t, err)
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	require.NoError(t, err)
	// A call's name is hidden if its box clips it or if another box lies
	// over it.
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const boxes = [...document.querySelectorAll(".call[data-call]")]
			const hidden = []
			for (const b of boxes) {
				if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1) hidden.push("clipped: " + b.innerText)
				const r = b.getBoundingClientRect()
				for (const o of boxes) {
					if (o === b) continue
					const s = o.getBoundingClientRect()
					if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) hidden.push("overlaps: " + b.innerText)
				}
				const name = b.querySelector(".name").getBoundingClientRect()
				if (name.width === 0 || name.height === 0) hidden.push("invisible: " + b.innerText)
			}
			return hidden
		})()`))
	require.NoError(t, err)
	assert.Equal(t, "weft: counter/split-lock — not linearizable", title)
	assert.Contains(t, text, "counter/split-lock — not linearizable")
	for _, label := range []string{"client 0", "client 1", "init, post"} {
		assert.Contains(t, text, label)
	}
	assert.Contains(t, text, "Where linearization gets stuck")
	assert.Contains(t, text, "get() → 1 by init, post: the model says get() → 2")
	// innerText is what is rendered: a name clipped to its box would still
	// be there, which the geometry check above catches.
	assert.Contains(t, strings.Join(strings.Fields(text), ""), strings.Join(strings.Fields(longName), ""))
	assert.Empty(t, hidden, "every call's name is fully visible")
}

func TestBrowser_TheScreenshotIsNotBlank(t *testing.T) {
	ctx := browser(t)
	open(t, ctx, lostUpdate())
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(shot))
	require.NoError(t, err)
	if os.Getenv("WEFT_KEEP_SCREENSHOT") != "" {
		require.NoError(t, os.WriteFile(os.Getenv("WEFT_KEEP_SCREENSHOT"), shot, 0o644))
	}
	colours, ink := pixels(img)
	t.Logf("%d distinct colours, %.1f%% non-white pixels", colours, 100*ink)
	assert.Greater(t, colours, 50, "text, boxes and verdict colours, antialiased")
	assert.Greater(t, ink, 0.02, "more than a blank page's")
}

// pixels counts the distinct colours of img and the share of its pixels
// that are not white.
func pixels(img image.Image) (int, float64) {
	seen := map[[3]uint32]bool{}
	ink, all := 0, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
			if r>>8 < 245 || g>>8 < 245 || b>>8 < 245 {
				ink++
			}
			all++
		}
	}
	return len(seen), float64(ink) / float64(all)
}
