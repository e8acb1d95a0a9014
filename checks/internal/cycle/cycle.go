// Package cycle finds the cycle of a wait-for relation, for deadlock
// reports: each goroutine waits for the first holder of what it wants, and
// following those from some goroutine may come back round.
package cycle

// First follows next from each of starts in turn and returns the first cycle
// it meets, as its nodes in order with the first one repeated at the end,
// or nil. next reports false for a node that waits for nothing.
func First[N comparable](starts []N, next func(N) (N, bool)) []N {
	for _, start := range starts {
		path := []N{start}
		seen := map[N]int{start: 0}
		for n := start; ; {
			var ok bool
			if n, ok = next(n); !ok {
				break
			}
			if i, ok := seen[n]; ok {
				return append(path[i:], n)
			}
			seen[n] = len(path)
			path = append(path, n)
		}
	}
	return nil
}
