package catalog

import (
	"sync/atomic"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/cache"
	"github.com/weftlab/weft/models"
)

// stringCache is what the cache variants share.
type stringCache interface {
	Get(key string) (int, bool)
	Set(key string, value int)
	Delete(key string)
	GetOrLoad(key string, load func(string) int) int
}

// loadingCache is a cache with the loader its getOrLoad calls pass. The
// loader returns a fresh value on every call, models.CacheLoaded plus the
// number of loads of this instance so far, so that two loads of one key
// return two different values, which the model tells apart; counting per
// instance keeps a replay's values those of the execution it replays.
type loadingCache[C stringCache] struct {
	cache C
	loads atomic.Int64
}

func (l *loadingCache[C]) load(string) int { return models.CacheLoaded + int(l.loads.Add(1)) }

// loading returns a constructor of loadingCaches around newCache's.
func loading[C stringCache](newCache func() C) func() *loadingCache[C] {
	return func() *loadingCache[C] { return &loadingCache[C]{cache: newCache()} }
}

func cacheOps[C stringCache]() []checks.Op[*loadingCache[C], models.CacheInput, models.CacheOutput] {
	key := rapid.SampledFrom([]string{"a", "b"})
	keyed := func(op models.CacheOp) *rapid.Generator[models.CacheInput] {
		return rapid.Custom(func(t *rapid.T) models.CacheInput {
			return models.CacheInput{Op: op, Key: key.Draw(t, "key")}
		})
	}
	type instance = *loadingCache[C]
	return []checks.Op[instance, models.CacheInput, models.CacheOutput]{
		{
			Name:  "get",
			Input: keyed(models.CacheGet),
			Run: func(l instance, in models.CacheInput) models.CacheOutput {
				v, ok := l.cache.Get(in.Key)
				return models.CacheOutput{Value: v, Found: ok}
			},
		},
		{
			Name: "set",
			Input: rapid.Custom(func(t *rapid.T) models.CacheInput {
				// value stays below models.CacheLoaded.
				return models.CacheInput{Op: models.CacheSet, Key: key.Draw(t, "key"), Value: value.Draw(t, "value")}
			}),
			Run: func(l instance, in models.CacheInput) models.CacheOutput {
				l.cache.Set(in.Key, in.Value)
				return models.CacheOutput{}
			},
		},
		{
			Name:  "delete",
			Input: keyed(models.CacheDelete),
			Run: func(l instance, in models.CacheInput) models.CacheOutput {
				l.cache.Delete(in.Key)
				return models.CacheOutput{}
			},
		},
		{
			Name:  "getOrLoad",
			Input: keyed(models.CacheGetOrLoad),
			Run: func(l instance, in models.CacheInput) models.CacheOutput {
				return models.CacheOutput{Value: l.cache.GetOrLoad(in.Key, l.load)}
			},
		},
	}
}

// caches checks the guide's RWMutex cache (9.1), key by key against
// models.Cache. The instances are loadingCaches, a type of the catalog's:
// each entry is of the impls package of the cache it wraps.
var caches = []Entry{
	inPackageOf[cache.Cache[string, int]](entry("9.1", checks.Ok, "cache/rwmutex", models.Cache,
		loading(cache.New[string, int]), cacheOps)),
	inPackageOf[cache.COWCache[string, int]](entry("9.1", checks.Ok, "cache/copy-on-write", models.Cache,
		loading(zero[cache.COWCache[string, int]]), cacheOps)),
	inPackageOf[cache.Cache[string, int]](entry("9.1", checks.NotLinearizable, "cache/unchecked-load", models.Cache,
		loading(cache.NewUncheckedLoadCache[string, int]), cacheOps)),
	inPackageOf[cache.Cache[string, int]](entry("9.1", checks.NotLinearizable, "cache/read-lock-set", models.Cache,
		loading(zero[cache.ReadLockSetCache[string, int]]), cacheOps)).DataRace(),
}
