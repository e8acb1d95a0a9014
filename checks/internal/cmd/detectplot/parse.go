package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// result is one sub-benchmark of BenchmarkDetection: one bug of the
// catalog caught (or not) by one strategy, as medians over its seeds.
type result struct {
	Bug, Strategy string
	Executions    float64 // median executions to the first failure
	Millis        float64 // median milliseconds to it
	MaxMillis     float64
	Missed        float64 // seeds whose budget ended before the bug was caught
}

// benchPrefix starts every line of BenchmarkDetection's results.
const benchPrefix = "BenchmarkDetection/"

// procSuffix is the -GOMAXPROCS suffix go test appends to a benchmark's name
// when GOMAXPROCS is more than 1.
var procSuffix = regexp.MustCompile(`-[0-9]+$`)

// parsed is what parse read of go test's output.
type parsed struct {
	results []result
	failed  bool // go test reported a failure (a FAIL line)
}

// parse reads the output of `go test -bench Detection`, passing every line
// on to echo (when not nil) as it comes, so that a long run shows its
// progress. It keeps the result lines of BenchmarkDetection (the name, the
// iterations, then value-unit pairs) and notes FAIL lines; other lines (the
// benchmark's logs, goos, ok) are skipped. A result line without the
// executions-to-detect metric is an error naming its line (the benchmark
// and this command disagree on the metrics); parse reads on to the end all
// the same, as the run it reads from is still writing.
func parse(r io.Reader, echo io.Writer) (parsed, error) {
	var p parsed
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20) // a panic's stack lines can be long
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if echo != nil {
			fmt.Fprintln(echo, text)
		}
		if text == "FAIL" || strings.HasPrefix(text, "FAIL\t") || strings.HasPrefix(text, "--- FAIL") {
			p.failed = true
		}
		if !strings.HasPrefix(text, benchPrefix) {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 2 {
			continue // the name alone: go test prints it before a benchmark's logs
		}
		if _, err := strconv.Atoi(fields[1]); err != nil {
			continue // not a result line
		}
		res, err := parseResult(fields)
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", line, err))
			continue
		}
		p.results = append(p.results, res)
	}
	return p, errors.Join(append(errs, sc.Err())...)
}

// parseResult reads one result line split into fields.
func parseResult(fields []string) (result, error) {
	name := procSuffix.ReplaceAllString(strings.TrimPrefix(fields[0], benchPrefix), "")
	i := strings.LastIndex(name, "/")
	if i <= 0 || i == len(name)-1 {
		return result{}, fmt.Errorf("benchmark %q is not named bug/strategy", fields[0])
	}
	res := result{Bug: name[:i], Strategy: name[i+1:], Executions: -1}
	metrics := fields[2:]
	if len(metrics)%2 != 0 {
		return result{}, fmt.Errorf("benchmark %s: the metrics are not value-unit pairs", name)
	}
	for j := 0; j < len(metrics); j += 2 {
		v, err := strconv.ParseFloat(metrics[j], 64)
		if err != nil {
			return result{}, fmt.Errorf("benchmark %s: metric %s: %q is not a number", name, metrics[j+1], metrics[j])
		}
		switch metrics[j+1] {
		case "executions-to-detect":
			res.Executions = v
		case "ms-to-detect":
			res.Millis = v
		case "max-ms":
			res.MaxMillis = v
		case "missed":
			res.Missed = v
		}
	}
	if res.Executions < 0 {
		return result{}, fmt.Errorf("benchmark %s reports no executions-to-detect", name)
	}
	return res, nil
}
