package checks

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/repro"
)

// historyFormat is the version of the history file format; a reader rejects
// other versions.
const historyFormat = 1

// historyFile is the JSON form of a failure, written under histories/out:
// the scenario (enough to replay it), the history of the failing execution,
// and the report. histories/README.md documents the fields.
type historyFile struct {
	Format        int           `json:"weftHistoryFormat"`
	Test          string        `json:"test"`
	Package       string        `json:"package"`
	Rewrite       string        `json:"rewrite,omitempty"`
	Structure     string        `json:"structure"`
	Model         string        `json:"model"`
	Verdict       Verdict       `json:"verdict"`
	Strategy      string        `json:"strategy"`
	Seed          uint64        `json:"seed"`
	ExecutionSeed uint64        `json:"executionSeed"`
	Scenario      fileScenario  `json:"scenario"`
	History       []fileRecord  `json:"history"`
	Panics        []panicInfo   `json:"panics,omitempty"`
	Hang          *fileHang     `json:"hang,omitempty"`
	Schedule      *fileSchedule `json:"schedule,omitempty"`
	Leaks         []leakInfo    `json:"leaks,omitempty"`
	Report        string        `json:"report"`
}

// fileSchedule is the schedule of a controlled execution: replaying its
// decisions gives the same interleaving.
type fileSchedule struct {
	Decisions   string `json:"decisions"` // as encodeSchedule writes them
	Steps       int    `json:"steps"`
	Preemptions int    `json:"preemptions"`
}

type fileScenario struct {
	Init    []fileCall   `json:"init"`
	Clients [][]fileCall `json:"clients"`
	Post    []fileCall   `json:"post"`
}

type fileCall struct {
	Op    string          `json:"op"`
	Input json.RawMessage `json:"input"`
}

type fileRecord struct {
	Part        string          `json:"part"`
	Client      int             `json:"client"`
	Index       int             `json:"index"`
	Op          string          `json:"op"`
	Input       json.RawMessage `json:"input"`
	Output      json.RawMessage `json:"output,omitempty"`
	Call        int64           `json:"call"`
	Return      *int64          `json:"return"` // null: the call never returned
	Async       bool            `json:"async,omitempty"`
	Panic       *panicInfo      `json:"panic,omitempty"`
	Description string          `json:"description"`
}

type fileHang struct {
	Phase   string `json:"phase"`
	WaitFor string `json:"waitFor,omitempty"` // the wait-for graph of a stress hang, as reported
	Stacks  string `json:"stacks"`
}

// outputFiles are the files written for a failure, as paths relative to the
// module root when they are inside it.
type outputFiles struct {
	history, view string
	err           error
}

// moduleRoot returns the directory of the nearest go.mod at or above the
// working directory (the working directory itself if there is none), and the
// working directory as a package path relative to it, such as
// "./checks/catalog".
func moduleRoot() (root, pkg string) {
	wd, err := os.Getwd()
	if err != nil {
		return ".", "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, _ := filepath.Rel(dir, wd)
			return dir, "./" + filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return wd, "."
		}
	}
}

// outDir is where failures are written: the configured directory, or
// histories/out under the module root.
func (r *runner) outDir() string {
	if r.cfg.outDir != "" {
		return r.cfg.outDir
	}
	root, _ := moduleRoot()
	return filepath.Join(root, "histories", "out")
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// plan chooses the file names of a failure before anything is written (the
// report names them) and reserves the history file: two failures of one
// test in the same second with the same seed (one per strategy, say) must
// not overwrite each other.
func (r *runner) plan(f *failure) {
	base := unsafeName.ReplaceAllString(r.tb.Name()+"--"+r.tg.name, "_")
	base = fmt.Sprintf("%s-%s-%d", base, time.Now().Format("20060102-150405"), f.exec.seed%100000)
	dir := r.outDir()
	_ = os.MkdirAll(dir, 0o755) // write reports the error, if any
	name := base
	for n := 2; n < 1000; n++ {
		file, err := os.OpenFile(filepath.Join(dir, name+".json"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			file.Close()
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			break // write reports it
		}
		name = fmt.Sprintf("%s-%d", base, n)
	}
	f.files.history = relToRoot(filepath.Join(dir, name+".json"))
	f.files.view = relToRoot(filepath.Join(dir, name+".html"))
}

func relToRoot(path string) string {
	root, _ := moduleRoot()
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}

func absFromRoot(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	root, _ := moduleRoot()
	return filepath.Join(root, path)
}

// write writes the history as JSON and as HTML views (view.go).
func (r *runner) write(f *failure, report string, info porcupine.LinearizationInfo) error {
	if err := os.MkdirAll(filepath.Dir(absFromRoot(f.files.history)), 0o755); err != nil {
		return err
	}
	file, err := r.historyFile(f, report)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(absFromRoot(f.files.history), append(data, '\n'), 0o644); err != nil {
		return err
	}
	return r.writeView(f, info)
}

func (r *runner) historyFile(f *failure, report string) (historyFile, error) {
	_, pkg := moduleRoot()
	hf := historyFile{
		Format:        historyFormat,
		Test:          r.tb.Name(),
		Package:       pkg,
		Rewrite:       os.Getenv(repro.RewriteEnv),
		Structure:     r.tg.name,
		Model:         r.tg.model.name,
		Verdict:       f.verdict,
		Strategy:      r.cfg.strategy,
		Seed:          r.cfg.seed,
		ExecutionSeed: f.exec.seed,
		Panics:        f.exec.panics,
		Report:        report,
	}
	sc, err := r.tg.fileScenario(f.sc)
	history, herr := r.tg.fileRecords(f.exec.history, r.describe)
	hf.Scenario, hf.History = sc, history
	errs := []error{err, herr}
	if h := f.exec.hang; h != nil {
		hf.Hang = &fileHang{Phase: h.phase, WaitFor: h.graph, Stacks: h.stacks}
	}
	hf.Leaks = f.exec.leaks
	if c := f.exec.control; c != nil {
		hf.Strategy = c.strategy
		hf.Schedule = &fileSchedule{Decisions: encodeSchedule(c.decisions()), Steps: c.steps, Preemptions: c.preemptions}
	}
	return hf, errors.Join(errs...)
}

// jsonEncoder marshals values, remembering the first error.
type jsonEncoder struct{ err error }

func (j *jsonEncoder) enc(v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		j.err = cmp.Or(j.err, err)
		return json.RawMessage("null")
	}
	return data
}

func (s fileScenario) hasCalls() bool {
	for _, c := range s.Clients {
		if len(c) > 0 {
			return true
		}
	}
	return len(s.Init)+len(s.Post) > 0
}

// fileScenario is sc as a history file stores it.
func (tg *target) fileScenario(sc scenario) (fileScenario, error) {
	var j jsonEncoder
	calls := func(cs []call) []fileCall {
		out := make([]fileCall, len(cs))
		for i, c := range cs {
			out[i] = fileCall{Op: tg.ops[c.op].name, Input: j.enc(c.input)}
		}
		return out
	}
	fs := fileScenario{Init: calls(sc.init), Post: calls(sc.post)}
	for _, cl := range sc.clients {
		fs.Clients = append(fs.Clients, calls(cl))
	}
	return fs, j.err
}

// fileRecords is history as a history file stores it, each call described
// by describe (when not nil).
func (tg *target) fileRecords(history []record, describe func(*record) string) ([]fileRecord, error) {
	var j jsonEncoder
	var out []fileRecord
	for i := range history {
		rec := &history[i]
		fr := fileRecord{
			Part: rec.part.String(), Client: rec.client, Index: rec.index,
			Op: tg.ops[rec.op].name, Input: j.enc(rec.input), Call: rec.call,
			Async: tg.ops[rec.op].async, Panic: rec.panic,
		}
		if describe != nil {
			fr.Description = describe(rec)
		}
		if rec.returned() {
			fr.Output = j.enc(rec.output)
			ret := rec.ret
			fr.Return = &ret
		}
		out = append(out, fr)
	}
	return out, j.err
}

// readHistoryFile reads a history file written by an earlier failure.
func readHistoryFile(path string) (historyFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return historyFile{}, err
	}
	return parseHistoryFile(path, data)
}

// parseHistoryFile reads data, the content of the history file path. Its
// errors start with path; a JSON error gives the line and column of the
// problem, as a person editing the file needs them.
func parseHistoryFile(path string, data []byte) (historyFile, error) {
	var hf historyFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&hf); err != nil {
		return hf, fmt.Errorf("%s%s is not a weft history file: %w", path, jsonPosition(data, err), err)
	}
	if hf.Format != historyFormat {
		return hf, fmt.Errorf("%s has history format %d; this weft reads format %d", path, hf.Format, historyFormat)
	}
	if hf.Structure == "" {
		return hf, fmt.Errorf("%s names no structure: not a complete weft history file", path)
	}
	// A shrunk scenario can keep only its init or post calls; only a
	// program's has no call at all.
	if !hf.Scenario.hasCalls() && hf.Model != nothingModel().name {
		return hf, fmt.Errorf("%s has no calls: not a complete weft history file", path)
	}
	if hf.Schedule != nil {
		if _, err := decodeSchedule(hf.Schedule.Decisions); err != nil {
			return hf, fmt.Errorf("%s: %w", path, err)
		}
	}
	return hf, nil
}

// jsonPosition is ":line:column" of the byte offset of a JSON decoding
// error in data, or "" when err has no offset.
func jsonPosition(data []byte, err error) string {
	var offset int64
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		offset = int64(len(data))
	default:
		return ""
	}
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	column := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf(":%d:%d", line, column)
}

// scenarioFrom rebuilds the scenario of a history file for t.
func (tg *target) scenarioFrom(fs fileScenario) (scenario, error) {
	var errs []error
	calls := func(where string, fcs []fileCall) []call {
		out := make([]call, 0, len(fcs))
		for i, fc := range fcs {
			op := tg.opIndex(fc.Op)
			if op < 0 {
				errs = append(errs, fmt.Errorf("%s call %d: structure %q has no op %q", where, i+1, tg.name, fc.Op))
				continue
			}
			in, err := tg.ops[op].decode(fc.Input)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s call %d (%s): bad input %s: %w", where, i+1, fc.Op, fc.Input, err))
				continue
			}
			out = append(out, call{op: op, input: in})
		}
		return out
	}
	sc := scenario{init: calls("init", fs.Init), post: calls("post", fs.Post)}
	for c, cl := range fs.Clients {
		sc.clients = append(sc.clients, calls(fmt.Sprintf("client %d", c), cl))
	}
	return sc, errors.Join(errs...)
}
