// Command weft-overlay rewrites plain Go packages to weft's scheduling
// points and prints the overlay file that builds them so:
//
//	go test -overlay=$(go run github.com/weftlab/weft/checks/rewrite/cmd/weft-overlay ./...) ./...
//
// The packages' files are not touched. The module of the packages must
// require github.com/weftlab/weft, whose packages the rewritten code
// imports. Constructs that cannot be rewritten are listed, one per line
// with their position, and the command fails.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/weftlab/weft/checks/rewrite"
)

func main() {
	var cfg rewrite.Config
	flag.StringVar(&cfg.Dir, "C", "", "resolve the packages in `dir`")
	flag.StringVar(&cfg.CacheDir, "cache", "", "keep rewritten files in `dir` (default: weft/rewrite in the user cache directory)")
	verbose := flag.Bool("v", false, "say on stderr what was rewritten and how long it took")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: weft-overlay [-C dir] [-cache dir] [-v] packages...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	res, err := rewrite.Overlay(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *verbose {
		how := "rewrote"
		if res.Cached {
			how = "reused"
		}
		fmt.Fprintf(os.Stderr, "weft-overlay: %s %d files in %v\n", how, len(res.Files), time.Since(start).Round(time.Millisecond))
	}
	fmt.Println(res.Overlay)
}
