package concurrency

import "time"

// FetchOneByOne fetches the urls one after another, each fetch awaited
// before the next starts: the program without concurrent structure.
// Broken on purpose, as the guide's counter-example.
//
// What goes wrong: nothing in the results, which come in order; but three
// waits of 1 s take 3 s, the sum, where the concurrent version takes 1 s.
func FetchOneByOne(urls []string, wait time.Duration) []string {
	results := make([]string, 0, len(urls))
	for _, url := range urls {
		results = append(results, Fetch(url, wait))
	}
	return results
}
