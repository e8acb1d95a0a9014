// Package counter implements the guide's shared counters and the races that
// break them.
//
// Correct versions, each linearizable against models.Counter:
//
//   - [SafeCounter] (guide 9.1): a map of counts behind a sync.Mutex.
//   - [AtomicCounter] (guide 9.4): one count in an atomic.Int64.
//   - [ChanCounter] (guide 11.2, the channel fix): one goroutine owns the count
//     and serves increments and reads sent to it on channels.
//
// Bug zoo, each documented with exactly what goes wrong:
//
//   - [RacyCounter] (guide 11.2): count++ with no synchronization.
//   - [SplitLockCounter]: the read and the write of an increment in two
//     separate critical sections.
package counter
