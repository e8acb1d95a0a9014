package checks

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// raceStress is the stress+race strategy: stress executions, each run in a
// child process under the race detector, which reports a data race and
// goes on (GORACE=halt_on_error=0). This process draws, shrinks and judges
// as for stress; the child only executes. A child whose execution showed a
// race or hung is replaced by a fresh one: the detector reports a race
// once per process, and a hang leaves goroutines stuck.
type raceStress struct {
	sc    scenario
	child *raceChild
	// binary is the test binary under -race; building it (once per
	// package and process) does not count against the check's budget.
	binary   string
	buildErr error
}

var raceStressStrategy = &strategyDesc{
	name: "stress+race", about: "stress, each execution in a child process built with -race",
	perScenario: executionsPerScenario,
	make:        func(config) strategy { return newRaceStress() },
}

func newRaceStress() *raceStress {
	s := &raceStress{}
	s.binary, s.buildErr = raceBinary()
	return s
}

func (s *raceStress) scenario(sc scenario) { s.sc = sc }
func (s *raceStress) exhausted() bool      { return false }

func (s *raceStress) execute(x *executor, seed uint64) *execution {
	e := &execution{seed: seed, clients: len(s.sc.clients)}
	if s.child == nil {
		if s.buildErr != nil {
			e.lost = s.buildErr
			return e
		}
		s.child, e.lost = startRaceChild(x, s.binary)
		if e.lost != nil {
			return e
		}
	}
	e = s.child.execute(x, s.sc, seed)
	if e.lost != nil || e.race != nil || e.hang != nil {
		s.close()
	}
	return e
}

// close ends the child, if any.
func (s *raceStress) close() {
	if s.child != nil {
		s.child.close()
		s.child = nil
	}
}

// Environment of a race child: its presence makes a check serve
// executions (raceserve.go), for the structure it names.
const raceChildEnv = "WEFT_RACE_CHILD"

// raceEndMarker is the line a child writes on its standard error after each
// execution: the race reports before it are that execution's.
const raceEndMarker = "weft: end of execution"

// raceRequest asks a child for one execution.
type raceRequest struct {
	Scenario fileScenario `json:"scenario"`
	Seed     uint64       `json:"seed"`
}

// raceResponse is an execution as a child reports it; the first response
// of a child names its structure instead.
type raceResponse struct {
	Structure string       `json:"structure,omitempty"`
	History   []fileRecord `json:"history"`
	Panics    []panicInfo  `json:"panics,omitempty"`
	Hang      *fileHang    `json:"hang,omitempty"`
	Leaks     []leakInfo   `json:"leaks,omitempty"`
	Error     string       `json:"error,omitempty"`
}

// raceChild is a running child process.
type raceChild struct {
	cmd       *exec.Cmd
	stdin     io.WriteCloser
	responses chan []byte // lines of its results pipe; closed at its end
	segments  chan string // its standard error, cut at each end marker; closed at its end
	out       *tailBuffer // its standard output, for errors
	timeout   time.Duration
}

// startRaceChild starts the test binary under -race on exactly the running
// test, and waits for the check of the same structure to answer.
func startRaceChild(x *executor, binary string) (*raceChild, error) {
	results, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := &raceChild{responses: make(chan []byte, 1), segments: make(chan string, 1), out: &tailBuffer{},
		timeout: 6*x.cfg.hang + 30*time.Second}
	c.cmd = exec.Command(binary, workerArgs(x.test, stressStrategy.name, x.cfg.seed)...)
	c.cmd.Env = append(os.Environ(), raceChildEnv+"="+x.tg.name, portfolioResultEnv+"=", "WEFT_SUMMARY=",
		"GORACE="+childGORACE(os.Getenv("GORACE")))
	c.cmd.ExtraFiles = []*os.File{w} // fd 3
	c.cmd.Stdout = c.out
	stderr, err := c.cmd.StderrPipe()
	if err == nil {
		c.stdin, err = c.cmd.StdinPipe()
	}
	if err == nil {
		err = c.cmd.Start()
	}
	w.Close() // the child's copy is the one that ends the results
	if err != nil {
		results.Close()
		return nil, fmt.Errorf("starting the race child %s: %w", binary, err)
	}
	go c.readResponses(results)
	go c.readSegments(stderr)

	hello, err := c.next()
	if err == nil {
		var r raceResponse
		if err = json.Unmarshal(hello, &r); err == nil && r.Structure != x.tg.name {
			err = fmt.Errorf("it checks structure %q", r.Structure)
		}
	}
	if err != nil {
		rest := c.kill()
		return nil, fmt.Errorf("the race child (%s, test %s) did not start serving the check of %s: %v (%v); its output:\n%s",
			binary, x.test, x.tg.name, err, c.cmd.ProcessState, childOutput(c.out.String()+rest))
	}
	return c, nil
}

// childGORACE is the race detector's setting for a child: reports go to
// standard error, and the child goes on after one.
func childGORACE(user string) string {
	var keep []string
	for _, f := range strings.Fields(user) {
		name, _, _ := strings.Cut(f, "=")
		if name != "halt_on_error" && name != "log_path" && name != "exitcode" {
			keep = append(keep, f)
		}
	}
	return strings.Join(append(keep, "halt_on_error=0"), " ")
}

func (c *raceChild) readResponses(r *os.File) {
	defer close(c.responses)
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<16)
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			return
		}
		c.responses <- line
	}
}

func (c *raceChild) readSegments(r io.Reader) {
	defer close(c.segments)
	var seg strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if sc.Text() == raceEndMarker {
			c.segments <- seg.String()
			seg.Reset()
			continue
		}
		seg.WriteString(sc.Text())
		seg.WriteByte('\n')
	}
	c.segments <- seg.String()
}

// next is the next response of the child.
func (c *raceChild) next() ([]byte, error) {
	timer := time.NewTimer(c.timeout)
	defer timer.Stop()
	select {
	case line, ok := <-c.responses:
		if !ok {
			return nil, errors.New("it exited")
		}
		return line, nil
	case <-timer.C:
		return nil, fmt.Errorf("it did not answer within %v", c.timeout)
	}
}

// execute runs sc once in the child.
func (c *raceChild) execute(x *executor, sc scenario, seed uint64) *execution {
	e := &execution{seed: seed, clients: len(sc.clients)}
	fs, err := x.tg.fileScenario(sc)
	if err != nil {
		e.lost = fmt.Errorf("encoding the scenario for the race child: %w", err)
		return e
	}
	req, err := json.Marshal(raceRequest{Scenario: fs, Seed: seed})
	if err != nil {
		e.lost = fmt.Errorf("encoding the scenario for the race child: %w", err)
		return e
	}
	if _, err := c.stdin.Write(append(req, '\n')); err != nil {
		return c.died(e, fmt.Errorf("writing to it: %w", err))
	}
	line, err := c.next()
	if err != nil {
		return c.died(e, err)
	}
	var resp raceResponse
	if err := json.Unmarshal(line, &resp); err != nil {
		return c.died(e, fmt.Errorf("its answer %q is not an execution: %w", line, err))
	}
	if resp.Error != "" {
		return c.died(e, errors.New(resp.Error))
	}
	hf := historyFile{ExecutionSeed: seed, Scenario: fs, History: resp.History, Panics: resp.Panics, Hang: resp.Hang}
	got, err := x.tg.executionFrom(hf)
	if err != nil {
		return c.died(e, fmt.Errorf("its execution does not decode: %w", err))
	}
	got.leaks = resp.Leaks
	timer := time.NewTimer(c.timeout)
	defer timer.Stop()
	select {
	case seg := <-c.segments:
		if got.race = parseRace(seg); got.race != nil {
			got.race.completed = true
		}
	case <-timer.C:
		got.lost = fmt.Errorf("the race child's standard error did not reach the end of the execution within %v", c.timeout)
	}
	return got
}

// died turns a child that could not finish an execution into the outcome
// of the execution: a data race, when the detector reported one before the
// child died (its calls then show no results), or an error that stops the
// check, never a pass.
func (c *raceChild) died(e *execution, why error) *execution {
	rest := c.kill()
	if e.race = parseRace(rest); e.race == nil {
		e.lost = fmt.Errorf("the race child running the stress executions failed: %v (%v); its output:\n%s",
			why, c.cmd.ProcessState, childOutput(c.out.String()+rest))
	}
	return e
}

// kill ends the child and returns what it wrote on its standard error
// since the last execution ended.
func (c *raceChild) kill() string {
	_ = c.cmd.Process.Kill()
	var rest strings.Builder
	for seg := range c.segments {
		rest.WriteString(seg)
	}
	_ = c.cmd.Wait()
	for range c.responses {
	}
	return rest.String()
}

// close ends the child: it stops when its input ends.
func (c *raceChild) close() {
	_ = c.stdin.Close()
	done := make(chan struct{})
	go func() {
		for range c.segments {
		}
		_ = c.cmd.Wait()
		for range c.responses {
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-done
	}
}

// tailBuffer keeps the end of what is written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 64<<10 {
		t.buf = t.buf[len(t.buf)-32<<10:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// childOutput is the end of what a child wrote, for an error.
func childOutput(s string) string {
	if strings.TrimSpace(s) == "" {
		return "    (nothing)\n"
	}
	return tail(s)
}
