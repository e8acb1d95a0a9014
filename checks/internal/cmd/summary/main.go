// Command summary prints the summary table of `make check` from the JSON
// lines that checks append to the file named by -weft.summary
// (WEFT_SUMMARY). It exits 1 when a check's verdict is not the expected one,
// or when no check was recorded.
//
// Usage:
//
//	go run ./checks/internal/cmd/summary histories/out/summary.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/internal/tools"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: summary FILE.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "summary: %v\n", err)
		os.Exit(1)
	}
	defer f.Close()
	rows, err := read(f)
	if err != nil {
		fmt.Fprintf(os.Stderr, "summary: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	if !render(os.Stdout, rows) {
		os.Exit(1)
	}
}

func read(r io.Reader) ([]tools.SummaryRow, error) {
	var rows []tools.SummaryRow
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var row tools.SummaryRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// render writes the table and reports whether every row was as expected.
func render(w io.Writer, rows []tools.SummaryRow) bool {
	if len(rows) == 0 {
		fmt.Fprintln(w, "weft summary: no check was recorded (did the tests run?)")
		return false
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STRUCTURE\tVARIANT\tMODE\tEXPECTED\tACTUAL\tRESULT\tSCENARIOS\tEXECUTIONS\tTIME\tSEED")
	bad, skipped, executions := 0, 0, 0
	var total time.Duration
	var notes []string
	for _, r := range rows {
		structure, variant, _ := strings.Cut(r.Structure, "/")
		result := "as expected"
		switch {
		case r.Actual == "skipped":
			result = "skipped"
			skipped++
		case r.Expected != "" && !checks.Verdict(r.Actual).Satisfies(checks.Verdict(r.Expected)):
			result = "MISMATCH"
			bad++
		case r.Expected == "":
			result = "-"
		}
		if r.Note != "" {
			notes = append(notes, fmt.Sprintf("[%d] %s (%s): %s", len(notes)+1, r.Structure, r.Mode, r.Note))
			result += fmt.Sprintf(" [%d]", len(notes))
		}
		expected := string(r.Expected)
		if expected == "" {
			expected = "-"
		}
		d := time.Duration(r.Seconds * float64(time.Second))
		total += d
		executions += r.Executions
		seed := "-"
		if r.Seed != 0 {
			seed = strconv.FormatUint(r.Seed, 10)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%v\t%s\n", structure, variant, r.Mode, expected, r.Actual, result,
			r.Scenarios, r.Executions, d.Round(100*time.Millisecond), seed)
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintf(w, "\n%d checks, %d executions, %v: ", len(rows), executions, total.Round(time.Second))
	switch {
	case bad > 0:
		fmt.Fprintf(w, "%d MISMATCH(ES) between expected and actual verdicts.\n", bad)
	case skipped > 0:
		fmt.Fprintf(w, "every verdict as expected (%d skipped, see notes).\n", skipped)
	default:
		fmt.Fprintln(w, "every verdict as expected.")
	}
	return bad == 0
}
