# weft: `make check` verifies every structure, `make test` runs weft's own tests.

GO      ?= go
OUT     := histories/out
SUMMARY := $(CURDIR)/$(OUT)/summary.jsonl
# A test binary that runs longer than this is stopped with every goroutine's
# stack. Raise it with the budget for a soak: make check WEFT_TOTAL=30m
# TIMEOUT=3h gives each pass 30 minutes for the correct structures, shared
# among them (default 2m, 12s with -short); WEFT_BUDGET=5m gives every check
# 5 minutes.
TIMEOUT ?= 30m
# make check V=1 prints the report of every bug caught.
V ?=
VERBOSE := $(if $(V),-v,)

.PHONY: check test fuzz bench detect repro goker lint clean

# The catalog's structures are plain Go: they are checked through weft's
# rewrite (checks/rewrite), which this prints the overlay of. The catalog's
# test binary, built without it, rebuilds itself through it.
# errgroup, a correct version of the catalog's, is rewritten in a copy of
# its module that the overlay's go.mod points at: the whole build then uses
# that rewrite, so only the catalog is built with the overlay. The other
# packages' tests (cmd/weft links x/tools, whose go/packages calls errgroup
# with a standard context) build plain Go as it is.
REWRITE := $(GO) run ./checks/rewrite/cmd/weft-overlay ./impls/... ./checks/catalog golang.org/x/sync/errgroup

## check: the full verification of every structure of the catalog: stress on
## all cores; the controlled portfolio (PCT, random walk, bounded search in one
## worker process per core, exact replay); stress again under the race
## detector (with -short budgets), as controlled handoffs hide data races from
## it: the mode stress+race, where the racy counter, which would abort this
## binary, runs in a child process and is caught as a data race; then the
## summary.
check:
	@mkdir -p $(OUT) && rm -f $(SUMMARY)
	@overlay="$$($(REWRITE))" || exit 1; status=0; \
	echo "== stress on all cores"; \
	WEFT_SUMMARY=$(SUMMARY) $(GO) test -overlay=$$overlay $(VERBOSE) -count=1 -timeout $(TIMEOUT) -run '^TestCatalog$$' ./checks/catalog || status=1; \
	echo "== controlled portfolio on all cores"; \
	WEFT_SUMMARY=$(SUMMARY) WEFT_STRATEGY=portfolio $(GO) test -overlay=$$overlay $(VERBOSE) -count=1 -timeout $(TIMEOUT) -run '^TestCatalog$$' ./checks/catalog || status=1; \
	echo "== stress under the race detector"; \
	WEFT_SUMMARY=$(SUMMARY) $(GO) test -overlay=$$overlay $(VERBOSE) -race -short -count=1 -timeout $(TIMEOUT) -run '^TestCatalog$$' ./checks/catalog || status=1; \
	echo; $(GO) run ./checks/internal/cmd/summary $(SUMMARY) || status=1; \
	exit $$status

# FUZZ_EACH runs every fuzz target of the module (a func Fuzz... of a
# package's test files, so that a new one needs no edit here; read from the
# files, as go test -list would build every test binary once more) for $(1)
# each, one worker each (-parallel 1: it runs beside the catalog's timed
# checks), and exits 1 if any fails. A failing input is
# written under the package's testdata/fuzz: commit it with the fix, as
# the regression test plain go test then runs.
FUZZ_EACH = status=0; \
	for dir in $$($(GO) list -f '{{.Dir}}' ./...); do \
	  grep -qs '^func Fuzz' $$dir/*_test.go || continue; pkg=.$${dir\#$(CURDIR)}; \
	  for target in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$dir/*_test.go); do \
	    echo "== fuzz $$pkg $$target $(1)"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(1) -parallel 1 $$pkg || status=1; \
	  done; \
	done; exit $$status

## test: weft's own tests (models, shims, harness, sequential tests of every
## structure, and the catalog with -short budgets), under the race detector,
## but for the catalog: its checks run executions against time budgets, which
## the race detector slows fivefold, and make check runs it under -race.
## Every fuzz target runs on its seed corpus there, as plain go test runs
## it; make test FUZZTIME_TEST=2s fuzzes each for 2 s more, after the race
## tests (not by default: the fuzzing build instruments the standard library
## and every dependency, about 1.5 minutes of CPU from a fresh clone, which
## make test's 3 minutes cannot hold). The catalog runs at once beside the
## others; the exit status is the first failure's.
FUZZTIME_TEST ?=
test: lint
	@overlay="$$($(REWRITE))" || exit 1; \
	{ $(GO) test -race -short -count=1 -timeout $(TIMEOUT) $$($(GO) list ./... | grep -v '/checks/catalog$$') \
	  $(if $(FUZZTIME_TEST),&& ( $(call FUZZ_EACH,$(FUZZTIME_TEST)) )); } & others=$$!; \
	$(GO) test -overlay=$$overlay -short -count=1 -timeout $(TIMEOUT) ./checks/catalog; catalog=$$?; \
	wait $$others; status=$$?; \
	if [ $$status -eq 0 ]; then status=$$catalog; fi; exit $$status

## fuzz: every fuzz target of the module (the parsers of history files,
## schedules, porcupine's logs, the line format) for FUZZTIME (1m) each.
FUZZTIME ?= 1m
fuzz:
	@$(call FUZZ_EACH,$(FUZZTIME))

## bench: benchmarks of the machinery: scheduling points against the standard
## primitives, what recording adds to a call, executions per second; and the
## guide's million sleeping tasks on each executor (impls/executor, about a
## minute).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout $(TIMEOUT) ./checks ./checks/sched ./checks/internal/... ./impls/executor

## detect: how fast each strategy catches each bug (20 seeds each of stress-plain,
## stress, random, pct and bounded; about 10 minutes), as a table and a plot
## of executions to detection: histories/out/detect.txt and detect.png.
## DETECT='counter/racy' runs the bugs the pattern matches.
DETECT ?=
detect:
	@mkdir -p $(OUT)
	overlay="$$($(REWRITE))" && $(GO) build -o $(OUT)/detectplot ./checks/internal/cmd/detectplot && \
	$(GO) test -overlay=$$overlay -run '^$$' -bench 'Detection$(if $(DETECT),/$(DETECT),)' -benchtime 1x -timeout $(TIMEOUT) ./checks/catalog 2>&1 | $(OUT)/detectplot -out $(OUT)

## repro: rerun a failure from its history file (the command its report printed).
repro:
	@test -n "$(FILE)" || { echo "usage: make repro FILE=histories/out/NAME.json"; exit 2; }
	$(GO) run ./cmd/weft repro $(FILE)

## goker: weft on the GoKer kernels of cockroach, istio, moby and serving,
## from a clone of github.com/timmyyuan/gobench outside the repository:
## the table of verdicts, checked against each kernel's documented cause
## (see checks/internal/cmd/goker). GOKER_FLAGS='-budget 40s -run moby'.
goker:
	@test -n "$(GOKER)" || { echo "usage: make goker GOKER=<folder>, a clone of github.com/timmyyuan/gobench outside this repository:"; echo "  git clone https://github.com/timmyyuan/gobench /tmp/gobench && make goker GOKER=/tmp/gobench"; exit 2; }
	$(GO) run ./checks/internal/cmd/goker $(GOKER_FLAGS) $(GOKER)

## lint: gofmt, goimports' grouping, go vet and staticcheck (SA2001, an
## empty critical section, is off for tests: lock-unlock pairs are how the
## shims' tests reach a scheduling point).
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOIMPORTS   := golang.org/x/tools/cmd/goimports@v0.52.0
lint:
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	@ungrouped="$$($(GO) run $(GOIMPORTS) -l .)"; if [ -n "$$ungrouped" ]; then echo "goimports would change:"; echo "$$ungrouped"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) -tests=false ./...
	$(GO) run $(STATICCHECK) -checks inherit,-SA2001 ./...

clean:
	rm -rf $(OUT)

## xsync: weft test on golang.org/x/sync's errgroup and semaphore and their
## own tests, all strategies. They are copied from the module cache into
## XSYNC, a scratch module outside the repository (go -overlay cannot
## replace files of the module cache) that requires this checkout; nothing
## of x/sync is committed. Optional: not part of test or check (about 6
## minutes with the default flags).
XSYNC         ?= /tmp/weft-xsync
XSYNC_VERSION ?= v0.24.0
XSYNC_FLAGS   ?= -strategy all -budget 5s
.PHONY: xsync
xsync:
	@src=$$($(GO) mod download -json golang.org/x/sync@$(XSYNC_VERSION) | sed -n 's/^\t"Dir": "\(.*\)",$$/\1/p'); \
	test -n "$$src" || { echo "cannot download golang.org/x/sync@$(XSYNC_VERSION)"; exit 2; }; \
	rm -rf $(XSYNC) && mkdir -p $(XSYNC)/internal/weftdeps && cp -r $$src/errgroup $$src/semaphore $$src/LICENSE $(XSYNC) && chmod -R u+w $(XSYNC); \
	printf 'module golang.org/x/sync\n\ngo 1.26.0\n\nrequire github.com/weftlab/weft v0.0.0\n\nreplace github.com/weftlab/weft => %s\n' "$(CURDIR)" > $(XSYNC)/go.mod; \
	printf '//go:build tools\n\n// Package weftdeps keeps the requirement on weft that the rewritten code needs.\npackage weftdeps\n\nimport (\n\t_ "github.com/weftlab/weft/checks/rewrite/plaintest"\n\t_ "github.com/weftlab/weft/checks/rewrite/rt"\n\t_ "github.com/weftlab/weft/cmd/weft"\n)\n' > $(XSYNC)/internal/weftdeps/weftdeps.go; \
	cd $(XSYNC) && $(GO) mod tidy 2>/dev/null && $(GO) run github.com/weftlab/weft/cmd/weft test $(XSYNC_FLAGS) ./errgroup ./semaphore
