// Package cache is the guide's RWMutex cache (9.1), SafeCache, grown by
// Delete and GetOrLoad(key, loader), in plain Go: weft checks it through its
// build-time rewrite of sync and runtime.
//
// Every operation is linearizable against models.Cache, key by key:
//   - [Cache] (the guide's): Get under the read lock, Set and Delete under
//     the write lock, each taking effect inside its critical section.
//     GetOrLoad looks under the read lock first (a hit linearizes there);
//     on a miss it takes the write lock and looks again before it loads, so
//     that one key is loaded once, and its store, under the write lock, is
//     its linearization point.
//   - [COWCache]: the same operations on a map that is never changed once
//     published; writers copy it and publish the copy under the write lock,
//     which is their linearization point.
//
// Its bug zoo:
//   - [UncheckedLoadCache]: GetOrLoad misses under the read lock, loads,
//     and stores under the write lock without looking again. Two calls that
//     miss together both load and each returns its own value: two values for
//     one key (not linearizable).
//   - [ReadLockSetCache]: the copy-on-write cache whose Set takes only the
//     read lock. Two Sets copy the same map and the later publication drops
//     the other's key (a lost update, not linearizable); its unordered read
//     and write of the map pointer is a data race, which the race detector
//     reports under stress+race.
package cache
