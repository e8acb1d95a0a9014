package checks

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"
)

// raceChildOf reports whether this process is a race child serving the
// executions of the check of structure name (racechild.go), and whether it
// is one at all.
func raceChildOf(name string) (mine, child bool) {
	want, child := os.LookupEnv(raceChildEnv)
	return child && want == name, child
}

// serveRace runs, in a race child, the executions its parent asks for on
// its standard input, and answers each on file descriptor 3, after the
// end marker on standard error that closes the race reports of the
// execution. When its input ends, it skips the test: what the test does
// with a result is for the parent to say.
func serveRace(tb testing.TB, tg *target, cfg config) Result {
	results := os.NewFile(3, "weft-race-results")
	if results == nil {
		tb.Fatalf("weft: %s is set, but there is no results pipe", raceChildEnv)
	}
	defer results.Close()
	runMu.Lock()
	defer runMu.Unlock()
	defer useAllCores()()

	answer := func(r raceResponse) error {
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		_, err = results.Write(append(data, '\n'))
		return err
	}
	if err := answer(raceResponse{Structure: tg.name}); err != nil {
		tb.Fatalf("weft: race child: %v", err)
	}
	x := &executor{tg: tg, cfg: cfg, test: tb.Name()}
	s := &stress{perturb: true}
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	served := 0
	for {
		line, err := in.ReadBytes('\n')
		if err == io.EOF {
			tb.Skipf("weft: race child: served %d executions of %s", served, tg.name)
		}
		resp, err := serveOne(x, s, line, err)
		if err != nil {
			resp = raceResponse{Error: err.Error()}
		}
		fmt.Fprintln(os.Stderr, raceEndMarker)
		if err := answer(resp); err != nil {
			tb.Fatalf("weft: race child: %v", err)
		}
		served++
	}
}

func serveOne(x *executor, s *stress, line []byte, readErr error) (raceResponse, error) {
	if readErr != nil {
		return raceResponse{}, readErr
	}
	var req raceRequest
	if err := json.Unmarshal(line, &req); err != nil {
		return raceResponse{}, fmt.Errorf("bad request %q: %w", line, err)
	}
	sc, err := x.tg.scenarioFrom(req.Scenario)
	if err != nil {
		return raceResponse{}, err
	}
	s.scenario(sc)
	e := s.execute(x, req.Seed)
	history, err := x.tg.fileRecords(e.history, nil)
	resp := raceResponse{History: history, Panics: e.panics, Leaks: e.leaks}
	if h := e.hang; h != nil {
		resp.Hang = &fileHang{Phase: h.phase, WaitFor: h.graph, Stacks: h.stacks}
	}
	return resp, err
}
