// Package dependency uses a package of another module, errgroup, which the
// rewrite's end-to-end test rewrites in a copy of its module (the module
// cache's files cannot be overlaid).
package dependency

import "golang.org/x/sync/errgroup"

// Squares returns the squares of 1..n, each computed by a goroutine of an
// errgroup limited to limit at once.
func Squares(n, limit int) ([]int, error) {
	var g errgroup.Group
	g.SetLimit(limit)
	out := make([]int, n)
	for i := range n {
		g.Go(func() error {
			out[i] = (i + 1) * (i + 1)
			return nil
		})
	}
	return out, g.Wait()
}
