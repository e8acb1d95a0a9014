package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/weftlab/weft/internal/history"
	"github.com/weftlab/weft/internal/judging"
)

const checkUsage = `usage: weft check [-timeout d] [-agree] FILE...

Judges whether the history in each FILE is linearizable, with porcupine,
against the model its format names. It reads:

  weft         weft's history files (histories/README.md), such as those of
               histories/corpus and histories/out, judged against their
               structure's model: a structure of weft's catalog here, any
               other by the test that wrote the file (below);
  jepsen-etcd  Jepsen's logs of an etcd register, as in porcupine's
               test_data/jepsen/etcd_*.log;
  porcupine-kv the key-value logs of porcupine's test_data/kv/*.txt, each
               key judged alone;
  lines        the line format a student writes by hand, one call per
               line (histories/teaching/README.md).

A file in no format weft reads is rejected with the list of those it reads.

For each file it prints the file, its format, its number of calls, the
verdict (linearizable, not linearizable, or unknown when the check ran out
of time, which is never a pass), the time the check took, and how the
verdict compares with the one the file records, if it records one. A weft
file's verdict can be one that check does not judge (a panic, a deadlock, a
leak...): check judges the calls' linearizability only, and says so; weft
reports such a verdict only for histories it found linearizable. A history
with calls that never returned, on a model that cannot say what such a call
did, is not judged: the check would mean nothing.

A weft history file of a structure outside weft's catalog (yours) names a
model only the test binary of its module has. Run from a directory of that
module, check finds the file's package and test as weft repro does and has
that test judge it (go test PKG -run TEST -weft.judge=FILE
-weft.judgeout=DIR: the check of the file's structure writes the judgement
there instead of searching), a go test of a few seconds per file. A file
no test judged (no module here, a test or structure renamed since, a
package that does not build) cannot be read: exit status 2, with why.

Flags:
  -timeout d   bound on the check of each file (default %s)
  -agree       exit 0 when every file's verdict agrees with the verdict it
               records (files that record none must be linearizable): to
               rerun a corpus of histories, some of them not linearizable

Exit status: 0 every history is linearizable (with -agree: every verdict
agrees with the recorded one); 1 some history is not linearizable, could
not be decided within the timeout (unknown) or could not be judged (with
-agree: some verdict disagrees, or is unknown or not judged); 2 bad usage,
or a file that cannot be read (its message names the file, the line and
the problem), or one of a structure outside the catalog that no test of
its module judged.
`

// defaultCheckTimeout bounds each file's check: porcupine decides each of
// its own test logs within a second on a small machine.
const defaultCheckTimeout = 30 * time.Second

// check's verdicts; weft's files name linearizable "ok".
const (
	linearizable    = judging.Linearizable
	notLinearizable = judging.NotLinearizable
	unknown         = judging.Unknown
	notJudged       = judging.NotJudged
)

// A checked file is the outcome of judging one file.
type checked struct {
	file        string
	err         error  // the file could not be read or judged
	format      string // as history.Formats names it
	calls       int
	verdict     string // one of the verdict constants
	unjudgeable string // why, for notJudged
	took        time.Duration
	agrees      bool   // the verdict is the one the file records
	recorded    string // how the verdict compares with the recorded one
	note        string // who judged it, when not this command
}

// checkFile reads and judges the history in file; a weft history of a
// structure outside the catalog is judged by its own test binary.
func checkFile(file string, timeout time.Duration) checked {
	c := checked{file: file}
	h, err := history.Read(file)
	if outsideStructure(err) {
		return checkOutside(file, timeout)
	}
	if c.err = err; err != nil {
		return c
	}
	c.format, c.calls, c.verdict, c.unjudgeable = h.Format, len(h.Operations), notJudged, h.Unjudgeable
	if h.Unjudgeable == "" {
		c.verdict, c.took = judging.Linearizability(h.Model, h.Operations, timeout)
	}
	c.agrees, c.recorded = compare(c.verdict, h.Recorded)
	return c
}

// checkOutside is checkFile for a weft history of a structure outside the
// catalog.
func checkOutside(file string, timeout time.Duration) checked {
	c := checked{file: file}
	o, err := judgeOutside(file, timeout)
	if c.err = err; err != nil {
		return c
	}
	defer os.RemoveAll(o.dir)
	c.format, c.calls, c.verdict, c.unjudgeable, c.took = "weft", o.Calls, o.Verdict, o.Unjudgeable, o.Took
	c.agrees, c.recorded = compare(c.verdict, o.Recorded)
	c.note = o.judgedBy()
	return c
}

// compare says whether verdict agrees with the recorded one, and how.
func compare(verdict, recorded string) (bool, string) {
	switch {
	case verdict == notJudged || verdict == unknown:
		return false, "cannot compare"
	case recorded == "":
		return verdict == linearizable, "none recorded"
	case recorded == "ok" || recorded == notLinearizable:
		if verdict == recorded || verdict == linearizable && recorded == "ok" {
			return true, "agrees with the recorded " + recorded
		}
		return false, "DISAGREES with the recorded " + recorded
	case recorded == unknown:
		// No verdict to agree with: as for a file that records none.
		return verdict == linearizable, "recorded unknown: weft ran out of time then"
	case recorded == "data race":
		return false, "recorded data race: check does not judge races, and a racy history can be anything"
	}
	// weft reports every other verdict only for a linearizable history.
	if verdict == linearizable {
		return true, fmt.Sprintf("recorded %s, which check does not judge; its calls are linearizable, as weft found", recorded)
	}
	return false, fmt.Sprintf("DISAGREES: recorded %s, which weft reports only for linearizable calls", recorded)
}

func checkMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weft check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", defaultCheckTimeout, "bound on the check of each file")
	agree := fs.Bool("agree", false, "exit 0 when every verdict agrees with the recorded one")
	fs.Usage = func() {} // printed below: -h's on stdout, a mistake's on stderr
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, checkUsage, defaultCheckTimeout)
			return 0
		}
		fmt.Fprintf(stderr, checkUsage, defaultCheckTimeout)
		return 2
	}
	if fs.NArg() == 0 || *timeout <= 0 {
		fmt.Fprintf(stderr, checkUsage, defaultCheckTimeout)
		return 2
	}
	status := 0
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tFORMAT\tCALLS\tVERDICT\tTIME\tRECORDED")
	counts := map[string]int{}
	var total time.Duration
	var unreadable []error // shown after the table, which they would cut
	var notes []string     // likewise
	for _, file := range fs.Args() {
		c := checkFile(file, *timeout)
		if c.err != nil {
			unreadable = append(unreadable, c.err)
			status = 2
			continue
		}
		verdict := c.verdict
		if verdict == notJudged {
			verdict += ": " + c.unjudgeable
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", c.file, c.format, c.calls, verdict, short(c.took), c.recorded)
		if c.note != "" {
			notes = append(notes, c.note)
		}
		counts[c.verdict]++
		total += c.took
		failed := c.verdict != linearizable
		if *agree {
			failed = !c.agrees
		}
		if failed && status == 0 {
			status = 1
		}
	}
	tw.Flush()
	for _, note := range notes {
		fmt.Fprintln(stdout, note)
	}
	for _, err := range unreadable {
		fmt.Fprintf(stderr, "weft check: %v\n", err)
	}
	var parts []string
	for _, v := range []string{linearizable, notLinearizable, unknown, notJudged} {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[v], v))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(stdout, "%s; checks took %s\n", strings.Join(parts, ", "), short(total))
	}
	return status
}

// short rounds d for a reader: to the microsecond under a second, to the
// millisecond above.
func short(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}
