// Package concurrency is the guide's first example (section 1, Rob Pike's
// distinction): three requests, each an I/O wait of one second, handled
// concurrently, take about one second together, not three, on one core as
// on many; concurrency is the structure, parallelism the execution.
//
// [FetchAll] is that structure in Go: one goroutine per request, the
// results in the order of the requests. [FetchOneByOne], in zoo.go, is the
// same program without it.
//
// # What is checked
//
// There is no shared object to linearize: the checked property is time.
// On weft's virtual clock (controlled strategies) FetchAll of three waits
// of 1 s takes exactly 1 s; on real cores (stress) three waits of a unit
// take at least one unit and less than the sum of the three. Both also
// check the results and that every goroutine has ended.
package concurrency

import (
	"sync"
	"time"
)

// A Fetcher fetches every url, each a wait of wait, and returns their data
// in the order of the urls: [FetchAll] and [FetchOneByOne] are Fetchers.
type Fetcher func(urls []string, wait time.Duration) []string

// Fetch is the guide's fetch_data: an I/O wait of wait (a sleep), then the
// data of url.
func Fetch(url string, wait time.Duration) string {
	time.Sleep(wait)
	return "Data from " + url
}

// FetchAll fetches every url at once, one goroutine each, and returns
// their data in the order of the urls once all are in: the guide's
// asyncio.gather. It takes as long as one fetch, not the sum.
func FetchAll(urls []string, wait time.Duration) []string {
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		// Each goroutine writes its own element; wg.Wait orders every
		// write before the return.
		wg.Go(func() { results[i] = Fetch(url, wait) })
	}
	wg.Wait()
	return results
}
