package pool

// CountPrimes is the guide's cpu_heavy_task: the number of primes below n,
// by trial division.
func CountPrimes(n int) int {
	count := 0
	for i := 2; i < n; i++ {
		prime := true
		for j := 2; j*j <= i; j++ {
			if i%j == 0 {
				prime = false
				break
			}
		}
		if prime {
			count++
		}
	}
	return count
}
