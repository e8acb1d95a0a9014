// Command detectplot turns the output of BenchmarkDetection (make detect)
// into a table and a plot of the executions each strategy needs to catch
// each bug: OUT/detect.txt and OUT/detect.png. It reads go test's output on
// its standard input (or from the files named) and copies it to its
// standard output as it comes, so that it sits at the end of a pipe from a
// long benchmark run:
//
//	go test ./checks/catalog -run '^$' -bench Detection -benchtime 1x | detectplot -out histories/out
//
// It exits 1 when go test reported a failure, when a result line cannot be
// read, or when the output holds no result of BenchmarkDetection (the table
// and the plot are still written from the results there are), and 2 on bad
// usage, a file it cannot read or outputs it cannot write.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run is the command with its arguments and streams, returning its exit
// code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("detectplot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "histories/out", "the `directory` of detect.txt and detect.png")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go test -bench Detection ... | detectplot [-out DIR] [FILE...]")
		fmt.Fprintln(stderr, "Writes DIR/detect.txt and DIR/detect.png; exits 1 if go test failed or no result was read, 2 on bad usage.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var in io.Reader = stdin
	if fs.NArg() > 0 {
		var readers []io.Reader
		for _, name := range fs.Args() {
			data, err := os.ReadFile(name)
			if err != nil {
				fmt.Fprintf(stderr, "detectplot: %v\n", err)
				return 2
			}
			readers = append(readers, bytes.NewReader(data))
		}
		in = io.MultiReader(readers...)
	}
	p, err := parse(in, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "detectplot: %v\n", err)
		p.failed = true
	}
	if len(p.results) == 0 {
		fmt.Fprintln(stderr, "detectplot: no result of BenchmarkDetection in the input")
		return 1
	}
	if err := write(*out, p.results); err != nil {
		fmt.Fprintf(stderr, "detectplot: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "\n%d results of %d bugs: %s and %s\n", len(p.results), len(groups(p.results)),
		filepath.Join(*out, "detect.txt"), filepath.Join(*out, "detect.png"))
	if p.failed {
		fmt.Fprintln(stderr, "detectplot: go test reported a failure, or a result could not be read")
		return 1
	}
	return 0
}

// write writes the table and the plot of results into dir.
func write(dir string, results []result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var table bytes.Buffer
	if err := writeTable(&table, results); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "detect.txt"), table.Bytes(), 0o644); err != nil {
		return err
	}
	var png bytes.Buffer
	if err := writePlot(&png, results); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "detect.png"), png.Bytes(), 0o644)
}
