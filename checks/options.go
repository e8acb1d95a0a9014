package checks

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Options tune a check. The zero value means "use the defaults": every
// field left zero takes its default, and every setting can also be given on
// the command line of `go test` (-weft.clients=4) or in the environment
// (WEFT_CLIENTS=4). A flag beats the environment, which beats Options, which
// beats the default; `-short` shrinks the default budgets. `go test -args
// -help` lists the flags.
type Options struct {
	// Clients is the most clients of the parallel part (default 3, at least
	// 2). rapid draws between 2 and Clients and shrinks towards 2.
	Clients int
	// OpsPerClient is the most operations per client (default 5).
	OpsPerClient int
	// InitOps and PostOps are the most operations of the sequential parts run
	// before and after the parallel part (default 2 each; negative: none).
	InitOps, PostOps int
	// Executions is how many times each scenario is executed (default 100;
	// 20 with -short).
	Executions int
	// Scenarios caps the number of scenarios (default 0: as many as the
	// budget allows).
	Scenarios int
	// Budget is the time given to finding a failure (default 15s; 3s with
	// -short). Shrinking a failure found takes up to ShrinkTime more.
	Budget time.Duration
	// Seed makes scenario generation and perturbation repeatable (default
	// 0: a random seed, printed with every failure).
	Seed uint64
	// HangTimeout is how long the watchdog waits for a phase of an
	// execution (init, parallel, post, stop) before it declares a hang
	// (default 5s).
	HangTimeout time.Duration
	// CheckTimeout bounds porcupine's work on one history (default 10s);
	// running out gives the Unknown verdict.
	CheckTimeout time.Duration
	// ShrinkTime bounds the minimization of a failing scenario (default
	// 10s; 3s with -short).
	ShrinkTime time.Duration
	// AllowUnknown makes Check accept the Unknown verdict instead of failing.
	AllowUnknown bool
	// Strategy names how executions interleave: "stress" (default: all
	// cores, perturbation at scheduling points), "stress-plain" (all cores,
	// no perturbation), "stress+race" (stress, each execution in a child
	// process built with -race: see DataRace), or one of the controlled strategies, which run one
	// goroutine at a time and replay exactly: "random" (random walk), "pct"
	// (probabilistic concurrency testing) or "bounded" (every schedule with
	// at most PreemptionBound preemptions); or "portfolio", which runs the
	// controlled strategies in one worker process per core.
	Strategy string
	// MaxSteps caps the scheduling points of a controlled execution
	// (default 20000): one that reaches it is reported as a livelock.
	MaxSteps int
	// PreemptionBound is the most preemptions per schedule of the bounded
	// strategy (default 2).
	PreemptionBound int
	// Schedules caps the schedules the bounded strategy explores per
	// scenario (default 10000).
	Schedules int
	// Bounds sets the bounds of the progress properties of controlled
	// executions, by name: "bypass" is how many times one goroutine may
	// take a lock while another waits for it before the waiter counts as
	// starved (default 6; see package sched for why sync.Mutex never
	// exceeds it), "inversion" how many steps one goroutine of lower
	// priority may take while one of higher priority (sched.SetPriority)
	// waits for a lock it cannot help release, before that is a priority
	// inversion (default 8). Each is also the flag -weft.<name>. A name
	// left out, or 0, keeps its default.
	Bounds map[string]int
	// ObstructionFree checks, in controlled executions, that every operation
	// run alone finishes (for lock-free structures): see NotObstructionFree.
	// It needs a controlled strategy.
	ObstructionFree bool
	// OnlyControlled, when set, says why only a controlled strategy can
	// find the structure's bug, such as a starvation that needs the
	// controller's goroutine identities. A check that would run on real
	// cores (stress) is then skipped with this reason, and the summary file
	// records the skip.
	OnlyControlled string
	// IgnoreLockOrder turns off the lock-order check of controlled
	// executions (the "potential deadlock" verdict), for structures whose
	// inconsistent lock orders are safe for a reason weft cannot see.
	IgnoreLockOrder bool
	// OutDir is where failing histories are written (default histories/out
	// under the module root).
	OutDir string
	// Replay is a history file written by an earlier failure: the check then
	// reruns its scenario instead of generating new ones, and writes no
	// files. Only the check of the file's test and structure can: `weft
	// repro FILE` runs it alone.
	Replay string
	// Verbose logs progress and rapid's output.
	Verbose bool
}

// config is Options with every setting resolved.
type config struct {
	clients, opsPerClient, initOps, postOps int
	executions, scenarios                   int
	budget, hang, checkTimeout, shrinkTime  time.Duration
	seed                                    uint64
	allowUnknown, verbose                   bool
	strategy, outDir, replay, summary       string
	judge, judgeOut                         string // judged.go
	progress                                string
	maxSteps, preemptions, schedules        int
	ignoreLockOrder, obstructionFree        bool

	bounds map[string]int // of the progress properties, by name (property.go)
}

func defaults() config {
	c := config{
		clients: 3, opsPerClient: 5, initOps: 2, postOps: 2,
		executions: 100, budget: 15 * time.Second,
		hang: 5 * time.Second, checkTimeout: 10 * time.Second, shrinkTime: 10 * time.Second,
		strategy: strategyTable[0].name,
		maxSteps: 20000, preemptions: 2, schedules: 10000, bounds: map[string]int{},
	}
	for _, b := range bounds() {
		c.bounds[b.name] = b.def
	}
	if testing.Testing() && testing.Short() {
		c.executions, c.budget, c.shrinkTime = 20, 3*time.Second, 3*time.Second
	}
	return c
}

// A setting is one option as a flag and an environment variable.
type setting struct {
	name   string // flag weft.<name>, variable WEFT_<NAME>
	usage  string
	set    func(c *config, value string) error
	isBool bool // the flag may be given without a value
}

func (s setting) flagName() string { return "weft." + s.name }

func (s setting) envName() string {
	b := []byte("WEFT_" + s.name)
	for i, ch := range b {
		if ch >= 'a' && ch <= 'z' {
			b[i] = ch - 'a' + 'A'
		}
	}
	return string(b)
}

func intSetting(name, usage string, min int, field func(*config) *int) setting {
	return setting{name: name, usage: usage, set: func(c *config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", v)
		}
		if n < min {
			return fmt.Errorf("%d is below the minimum %d", n, min)
		}
		*field(c) = n
		return nil
	}}
}

func durationSetting(name, usage string, field func(*config) *time.Duration) setting {
	return setting{name: name, usage: usage, set: func(c *config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 30s or 2m", v)
		}
		if d <= 0 {
			return fmt.Errorf("%v must be positive", d)
		}
		*field(c) = d
		return nil
	}}
}

func boolSetting(name, usage string, field func(*config) *bool) setting {
	return setting{name: name, usage: usage, isBool: true, set: func(c *config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("%q is not true or false", v)
		}
		*field(c) = b
		return nil
	}}
}

func stringSetting(name, usage string, field func(*config) *string) setting {
	return setting{name: name, usage: usage, set: func(c *config, v string) error { *field(c) = v; return nil }}
}

var settings = []setting{
	intSetting("clients", "most clients of the parallel part (default 3; at least 2)", 1, func(c *config) *int { return &c.clients }), // validate says why not 1
	intSetting("ops", "most operations per client (default 5)", 1, func(c *config) *int { return &c.opsPerClient }),
	intSetting("init", "most operations of the sequential init part (default 2)", 0, func(c *config) *int { return &c.initOps }),
	intSetting("post", "most operations of the sequential post part (default 2)", 0, func(c *config) *int { return &c.postOps }),
	intSetting("executions", "executions of each scenario (default 100, 20 with -short)", 1, func(c *config) *int { return &c.executions }),
	intSetting("scenarios", "most scenarios per check (default 0: as many as the budget allows)", 0, func(c *config) *int { return &c.scenarios }),
	durationSetting("budget", "time to find a failure, per check (default 15s, 3s with -short)", func(c *config) *time.Duration { return &c.budget }),
	durationSetting("hang", "watchdog timeout for each phase of an execution (default 5s)", func(c *config) *time.Duration { return &c.hang }),
	durationSetting("checktimeout", "linearizability checker timeout per history (default 10s)", func(c *config) *time.Duration { return &c.checkTimeout }),
	{name: "shrinktime", usage: "time to minimize a failing scenario (default 10s, 3s with -short; 0 to skip)", set: func(c *config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return fmt.Errorf("%q is not a duration such as 10s", v)
		}
		c.shrinkTime = d
		return nil
	}},
	{name: "seed", usage: "seed of scenario generation and perturbation (default 0: random)", set: func(c *config, v string) error {
		n, err := strconv.ParseUint(v, 0, 64)
		if err != nil {
			return fmt.Errorf("%q is not an unsigned 64-bit number", v)
		}
		c.seed = n
		return nil
	}},
	boolSetting("allowunknown", "accept the unknown verdict (checker timeout) instead of failing", func(c *config) *bool { return &c.allowUnknown }),
	intSetting("maxsteps", "step cap of a controlled execution, reported as a livelock (default 20000)", 10, func(c *config) *int { return &c.maxSteps }),
	intSetting("preemptions", "preemption bound of the bounded strategy (default 2)", 0, func(c *config) *int { return &c.preemptions }),
	intSetting("schedules", "most schedules the bounded strategy explores per scenario (default 10000)", 1, func(c *config) *int { return &c.schedules }),
	boolSetting("obstructionfree", "check that every operation run alone finishes (lock-free structures; controlled strategies only)", func(c *config) *bool { return &c.obstructionFree }),
	boolSetting("ignorelockorder", "turn off the lock-order check (the potential deadlock verdict) of controlled executions", func(c *config) *bool { return &c.ignoreLockOrder }),
	{name: "strategy", usage: strategyUsage(), set: func(c *config, v string) error {
		if _, err := lookupStrategy(v); err != nil {
			return err
		}
		c.strategy = v
		return nil
	}},
	stringSetting("out", "directory for failing histories (default histories/out under the module root)", func(c *config) *string { return &c.outDir }),
	stringSetting("replay", "history file of an earlier failure: rerun its scenario", func(c *config) *string { return &c.replay }),
	stringSetting("judge", "history file of a structure of this test binary: judge it, with no check run, and write the judgement to -weft.judgeout (used by the weft command)", func(c *config) *string { return &c.judge }),
	stringSetting("judgeout", "directory to write the judgement of -weft.judge to", func(c *config) *string { return &c.judgeOut }),
	stringSetting("summary", "file to append one JSON line per check to (used by make check)", func(c *config) *string { return &c.summary }),
	stringSetting("progress", "file to append a JSON line of the search's progress to, a few times a second (used by weft run)", func(c *config) *string { return &c.progress }),
	boolSetting("v", "log progress and rapid's output", func(c *config) *bool { return &c.verbose }),
}

// The bound of each progress property is a setting of its name.
func init() {
	for _, b := range bounds() {
		settings = append(settings, setting{name: b.name, usage: fmt.Sprintf("%s (default %d)", b.usage, b.def),
			set: func(c *config, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil {
					return fmt.Errorf("%q is not a whole number", v)
				}
				if n < 1 {
					return fmt.Errorf("%d is below the minimum 1", n)
				}
				if c.bounds == nil {
					c.bounds = map[string]int{}
				}
				c.bounds[b.name] = n
				return nil
			}})
	}
}

// flagValue is a setting on the command line; Set checks the syntax at once,
// so a bad flag stops `go test` with flag's usual message.
type flagValue struct {
	s     setting
	value string
}

func (f *flagValue) String() string   { return f.value }
func (f *flagValue) IsBoolFlag() bool { return f.s.isBool }
func (f *flagValue) Set(v string) error {
	var scratch config
	if err := f.s.set(&scratch, v); err != nil {
		return err
	}
	f.value = v
	return nil
}

var flagValues = map[string]*flagValue{}

func init() {
	for _, s := range settings {
		fv := &flagValue{s: s}
		flagValues[s.flagName()] = fv
		flag.Var(fv, s.flagName(), "weft: "+s.usage+" [$"+s.envName()+"]")
	}
}

// resolve computes the configuration: defaults, then o, then the
// environment, then the flags given on the command line (flags maps a flag
// name such as "weft.clients" to its value).
func resolve(o Options, lookupEnv func(string) (string, bool), flags map[string]string) (config, error) {
	c := defaults()
	o.applyTo(&c)

	var errs []error
	for _, s := range settings {
		if v, ok := lookupEnv(s.envName()); ok {
			if err := s.set(&c, v); err != nil {
				errs = append(errs, fmt.Errorf("environment %s=%q: %w", s.envName(), v, err))
			}
		}
	}
	for _, s := range settings {
		if v, ok := flags[s.flagName()]; ok {
			if err := s.set(&c, v); err != nil {
				errs = append(errs, fmt.Errorf("flag -%s=%q: %w", s.flagName(), v, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return c, err
	}
	return c, c.validate()
}

// commandLineFlags returns the weft flags set on the command line.
func commandLineFlags() map[string]string {
	set := map[string]string{}
	if !flag.Parsed() {
		return set
	}
	flag.Visit(func(f *flag.Flag) {
		if fv, ok := flagValues[f.Name]; ok && f.Value == flag.Value(fv) {
			set[f.Name] = fv.value
		}
	})
	return set
}

func (o Options) applyTo(c *config) {
	setInt := func(dst *int, v int) {
		if v != 0 {
			*dst = v
		}
	}
	setDur := func(dst *time.Duration, v time.Duration) {
		if v != 0 {
			*dst = v
		}
	}
	setInt(&c.clients, o.Clients)
	setInt(&c.opsPerClient, o.OpsPerClient)
	setInt(&c.initOps, o.InitOps)
	setInt(&c.postOps, o.PostOps)
	c.initOps, c.postOps = max(c.initOps, 0), max(c.postOps, 0)
	setInt(&c.executions, o.Executions)
	setInt(&c.scenarios, o.Scenarios)
	setDur(&c.budget, o.Budget)
	setDur(&c.hang, o.HangTimeout)
	setDur(&c.checkTimeout, o.CheckTimeout)
	setDur(&c.shrinkTime, o.ShrinkTime)
	if o.Seed != 0 {
		c.seed = o.Seed
	}
	c.allowUnknown = c.allowUnknown || o.AllowUnknown
	c.verbose = c.verbose || o.Verbose
	c.ignoreLockOrder = c.ignoreLockOrder || o.IgnoreLockOrder
	c.obstructionFree = c.obstructionFree || o.ObstructionFree
	if o.Strategy != "" {
		c.strategy = o.Strategy
	}
	setInt(&c.maxSteps, o.MaxSteps)
	setInt(&c.preemptions, o.PreemptionBound)
	setInt(&c.schedules, o.Schedules)
	for name, n := range o.Bounds {
		if n != 0 {
			c.bounds[name] = n // validate rejects unknown names
		}
	}
	if o.OutDir != "" {
		c.outDir = o.OutDir
	}
	if o.Replay != "" {
		c.replay = o.Replay
	}
}

// validate rejects impossible combinations that a single setting cannot.
func (c config) validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(c.clients >= 2, "clients must be at least 2 (got %d): one client has no concurrency to check; Sequential checks the calls of one", c.clients)
	check(c.clients <= 64, "clients must be at most 64 (got %d)", c.clients)
	check(c.opsPerClient >= 1, "operations per client must be at least 1 (got %d)", c.opsPerClient)
	check(c.opsPerClient <= 1000, "operations per client must be at most 1000 (got %d)", c.opsPerClient)
	check(c.initOps <= 1000 && c.postOps <= 1000, "init and post parts must have at most 1000 operations")
	check(c.executions >= 1, "executions must be at least 1 (got %d)", c.executions)
	check(c.scenarios >= 0, "scenarios must not be negative (got %d)", c.scenarios)
	check(c.budget > 0, "budget must be positive (got %v)", c.budget)
	check(c.hang > 0, "hang timeout must be positive (got %v)", c.hang)
	check(c.checkTimeout > 0, "check timeout must be positive (got %v)", c.checkTimeout)
	check(c.shrinkTime >= 0, "shrink time must not be negative (got %v)", c.shrinkTime)
	check(c.maxSteps >= 10, "the step cap must be at least 10 (got %d)", c.maxSteps)
	check(c.preemptions >= 0, "the preemption bound must not be negative (got %d)", c.preemptions)
	check(c.schedules >= 1, "schedules must be at least 1 (got %d)", c.schedules)
	if d, err := lookupStrategy(c.strategy); err != nil {
		errs = append(errs, err)
	} else {
		check(!c.obstructionFree || c.replay != "" || d.controlled,
			"the obstruction-freedom check freezes goroutines, which needs a controlled strategy (%s), not %s",
			strings.Join(controlledNames(), ", "), c.strategy)
	}
	check(c.judge == "" || c.replay == "", "-weft.judge and -weft.replay exclude each other: a check either judges a history file or replays it")
	check(c.judge == "" || c.judgeOut != "", "-weft.judge=%s needs -weft.judgeout, the directory to write the judgement to", c.judge)
	for name, n := range c.bounds {
		_, known := defaults().bounds[name]
		check(known, "unknown bound %q (want one of %v)", name, boundNames())
		check(!known || n >= 1, "bound %s must be at least 1 (got %d)", name, n)
	}
	return errors.Join(errs...)
}

// resolveForTest resolves o against the process environment and the
// command line.
func resolveForTest(o Options) (config, error) {
	return resolve(o, os.LookupEnv, commandLineFlags())
}

// strategyOf returns the strategy a check with Options.Strategy = strategy
// uses once the flags and the environment are applied, and whether it runs
// under a controller.
func strategyOf(strategy string) (name string, controlled bool, err error) {
	c, err := resolveForTest(Options{Strategy: strategy})
	if err != nil {
		return "", false, err
	}
	return c.strategy, c.desc().controlled, nil
}
